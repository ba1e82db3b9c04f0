// The libFuzzer target: any bytes, read as a submission by the whole pipeline a file goes through (intake,
// binding to its form, field checks and logic, the rules, the decision), then written out as the command line
// and the API write it. Built with FormEngine's sources into one binary by Benchmarks/fuzz.

#if canImport(Glibc)
    import Glibc
#endif

/// The project's forms and rules, read once from $SAFEGUARD_FORMS and $SAFEGUARD_RULES.
let fuzzCatalog: FormCatalog = {
    func folder(_ name: String, _ fallback: String) -> String {
        guard let value = getenv(name) else { return fallback }
        return String(cString: value)
    }
    switch FormCatalog.load(formsDirectory: folder("SAFEGUARD_FORMS", "Forms"), rulesDirectory: folder("SAFEGUARD_RULES", "Rules")) {
    case .success(let catalog): return catalog
    case .failure(let errors): fatalError("the forms do not load: \(errors)")
    }
}()

/// A collection's period, so the school rules that compare with it run too.
let fuzzParameters: [String: Value] = [
    "period_start": .date(Day(iso: "2025-09-01")!), "period_end": .date(Day(iso: "2026-08-31")!),
]

/// Loads the catalog before the first input, so its cost is not counted against one.
@_cdecl("LLVMFuzzerInitialize")
public func fuzzInitialize(_ argc: UnsafeMutablePointer<CInt>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>>>) -> CInt {
    _ = fuzzCatalog.forms.count
    return 0
}

/// One input: evaluated as it would arrive with no form named, and as each form in turn, then printed as text
/// (with the source excerpts) and as JSON, its answers stored as JSON and read back; and read as stored JSON.
/// Anything that crashes, hangs or leaks here is a bug.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let validator = Validator(catalog: fuzzCatalog)
    let asOf = Day(iso: "2026-10-31")!
    for formID in [nil] + fuzzCatalog.forms.keys.sorted() {
        let evaluation = validator.evaluate(
            bytes, file: "fuzz.yaml", asOf: asOf, formID: formID, parameters: fuzzParameters)
        _ = evaluation.text()
        _ = evaluation.json.text
        if let form = evaluation.form, let answers = evaluation.answers {
            // What is stored is read back by StoredJSON: it must read what the writer wrote.
            let stored = form.json(of: answers).text
            if StoredJSON.read(stored) == nil { fatalError("StoredJSON cannot read stored answers: \(stored)") }
        }
    }
    // StoredJSON reads only what Safeguard wrote, but a damaged database must not crash it either.
    _ = StoredJSON.read(String(decoding: bytes, as: UTF8.self))
    return 0
}
