import ArgumentParser
import FormEngine
import SampleCounty

/// `safeguard sample`: writes a synthetic county's files.
struct Sample: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract:
            "Write a synthetic county: a GIAS register, two years of returns, driver applications, decisions, checks.",
        discussion: "The same seed and date give the same files. Every name, number and address is invented."
    )

    @Option(help: "How many schools.")
    var schools: Int = 120
    @Option(help: "How many drivers.")
    var drivers: Int = 300
    @Option(help: "The folder to write into.")
    var out: String
    @Option(help: "The seed.")
    var seed: UInt64 = 2016
    @Option(
        name: .customLong("as-of"),
        help: "The sample's today, YYYY-MM-DD: the current year's returns are due a month before it.")
    var asOf: String = "2026-10-31"

    func validate() throws {
        guard schools >= 0, drivers >= 0 else { throw ValidationError("--schools and --drivers cannot be below 0.") }
        _ = try day(asOf, option: "--as-of")
    }

    func run() async throws {
        let options = SampleCounty.Options(
            schools: schools, drivers: drivers, seed: seed, asOf: try day(asOf, option: "--as-of"))
        try SampleCounty.generate(options, into: out)
        printOut(
            "Wrote a county of \(Wording.count(schools, "school")) and \(Wording.count(drivers, "driver")) to \(out)/ (see \(out)/README.txt).\n"
        )
    }
}
