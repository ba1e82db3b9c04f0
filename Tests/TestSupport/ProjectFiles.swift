import FormEngine
import Foundation

/// The repository's folders, found from this file.
public enum Paths {
    /// The repository's root folder.
    public static let root: String = {
        var parts = #filePath.split(separator: "/", omittingEmptySubsequences: false)
        parts.removeLast(3)
        return parts.joined(separator: "/")
    }()
    /// The example submissions and register extracts.
    public static var examples: String { root + "/Examples" }
}

/// The project's forms and rules.
public let catalog: FormCatalog = try! FormCatalog.load(
    formsDirectory: Paths.root + "/Forms", rulesDirectory: Paths.root + "/Rules"
).get()

/// The project's catalog with one rule parameter changed, as a policy officer would change it.
public func catalogWith(rules formID: String, replacing original: String, with replacement: String) throws
    -> FormCatalog
{
    let path = Paths.root + "/Rules/\(formID).rules.yaml"
    let text = try String(contentsOfFile: path, encoding: .utf8)
    let changed = text.replacingOccurrences(of: original, with: replacement)
    guard changed != text else { throw MissingRuleText(file: path, text: original) }
    let ruleSet = try RuleSet.load(bytes: Array(changed.utf8), file: path, forms: catalog.forms, includingTests: false)
        .get()
    var ruleSets = Array(catalog.ruleSets.values.filter { $0.formID != formID })
    ruleSets.append(ruleSet)
    return FormCatalog(forms: Array(catalog.forms.values), ruleSets: ruleSets)
}

/// A rule file that does not contain the text a test meant to change.
public struct MissingRuleText: Error, CustomStringConvertible {
    /// The rule file.
    public let file: String
    /// The text looked for.
    public let text: String
    /// What a failing test shows.
    public var description: String { "\(file) does not contain '\(text)'" }
}
