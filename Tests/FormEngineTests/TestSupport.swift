import FormEngine
import Foundation
import TestSupport
import Testing

/// The folders these tests read besides the repository's root and examples.
extension Paths {
    /// The project's `Forms/` folder.
    static var forms: String { root + "/Forms" }
    /// The fixtures of these tests.
    static var fixtures: String { root + "/Tests/FormEngineTests/Fixtures" }
}

/// A validator over the test form with a field of every type (`Fixtures/every-type.yaml`).
let everyTypeValidator: Validator = {
    let path = Paths.fixtures + "/every-type.yaml"
    let bytes = try! FileBytes.read(path).get().bytes
    let form = try! FormDefinition.load(bytes: bytes, file: path).get()
    return Validator(catalog: FormCatalog(forms: [form]))
}()

/// Reads text as a submission, expecting success.
func readDocument(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> Document {
    switch Intake.read(text, file: "test.yaml") {
    case .success(let document): return document
    case .failure(let refusal):
        Issue.record("unexpected refusal: \(refusal.message)", sourceLocation: sourceLocation)
        throw refusal
    }
}

/// Reads bytes as a submission, expecting a refusal, and returns it.
func refusal(_ bytes: [UInt8], sourceLocation: SourceLocation = #_sourceLocation) -> IntakeRefusal? {
    switch Intake.read(bytes, file: "test.yaml") {
    case .success:
        Issue.record("expected a refusal, but the document was read", sourceLocation: sourceLocation)
        return nil
    case .failure(let refusal): return refusal
    }
}

/// Reads text as a submission, expecting a refusal, and returns it.
func refusal(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) -> IntakeRefusal? {
    refusal(Array(text.utf8), sourceLocation: sourceLocation)
}

/// Loads a form from text, expecting success; the file is named after the form's id.
func loadForm(_ text: String, file: String = "test-form.yaml", sourceLocation: SourceLocation = #_sourceLocation) throws
    -> FormDefinition
{
    switch FormDefinition.load(bytes: Array(text.utf8), file: file) {
    case .success(let form): return form
    case .failure(let errors):
        Issue.record("unexpected problems:\n\(errors)", sourceLocation: sourceLocation)
        throw errors
    }
}

/// Loads a form from text, expecting problems, and returns them.
func formProblems(_ text: String, file: String = "test-form.yaml", sourceLocation: SourceLocation = #_sourceLocation)
    -> [DefinitionProblem]
{
    switch FormDefinition.load(bytes: Array(text.utf8), file: file) {
    case .success:
        Issue.record("expected problems, but the form loaded", sourceLocation: sourceLocation)
        return []
    case .failure(let errors): return errors.problems
    }
}

/// The project's forms, loaded once.
let projectCatalog: FormCatalog = {
    switch FormCatalog.load(formsDirectory: Paths.forms) {
    case .success(let catalog): return catalog
    case .failure(let errors): fatalError("the project's forms do not load:\n\(errors)")
    }
}()

/// Validates text against the project's forms on a fixed date.
func validate(_ text: String, asOf: String = "2026-07-15", file: String = "test.yaml") -> Evaluation {
    Validator(catalog: projectCatalog).evaluate(Array(text.utf8), file: file, asOf: Day(iso: asOf)!)
}

/// The mark of the first occurrence of `needle` in `text`: where a problem about that text should point.
func mark(of needle: String, in text: String, file: String) -> SourceMark? {
    guard let offset = text.range(of: needle)?.lowerBound else { return nil }
    let before = text[..<offset]
    let line = before.count(where: { $0 == "\n" }) + 1
    let lineStart = before.lastIndex(of: "\n").map { before.index(after: $0) } ?? before.startIndex
    return SourceMark(file: file, line: line, column: before[lineStart...].unicodeScalars.count + 1)
}
