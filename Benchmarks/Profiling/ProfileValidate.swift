// A synchronous harness for profiling: validates every file named on the command line, one after another, in
// this process, and writes their text output to /dev/null. callgrind cannot follow the command line's async
// executable (libdispatch), so Benchmarks/profile builds this with FormEngine's sources instead.

#if canImport(Glibc)
    import Glibc
#endif

@main
struct ProfileValidate {
    static func main() {
        let arguments = CommandLine.arguments
        guard arguments.count > 4 else {
            fputs("usage: profile-validate FORMS RULES AS-OF FILE...\n", stderr)
            exit(64)
        }
        guard case .success(let catalog) = FormCatalog.load(formsDirectory: arguments[1], rulesDirectory: arguments[2]),
            let asOf = Day(iso: arguments[3])
        else {
            fputs("the forms do not load, or the date is wrong\n", stderr)
            exit(2)
        }
        // As `safeguard validate` checks for its text output: a finding does not carry the values its check read.
        let validator = Validator(catalog: catalog, explainingRules: false)
        var characters = 0
        for path in arguments.dropFirst(4) {
            characters += validator.evaluate(path: path, asOf: asOf).text().utf8.count
        }
        print("\(arguments.count - 4) files, \(characters) bytes of output")
    }
}
