import ArgumentParser
import Foundation
import UseCases

/// `safeguard subject-export SUBJECT [--out FILE]`: everything held about one driver or school, as JSON.
struct SubjectExport: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "subject-export",
        abstract: "Write everything held about one driver or school as JSON, for a subject access request.",
        discussion: """
            Every version as received and as bound, every evaluation and finding, every decision, Update Service \
            check and transfer, and every audit line about one of its versions. Audited, by the versions' numbers.
            """
    )

    @OptionGroup var common: CommonOptions
    @OptionGroup var by: ActorOptions

    @Argument(help: "The driver's licence number, or the school's URN.")
    var subject: String
    @Option(help: "The file to write (default: print it). An existing file is not replaced.")
    var out: String?

    func validate() throws {
        if let out, FileManager.default.fileExists(atPath: out) {
            throw ValidationError("\(out) exists already: give --out a new file name, or remove the old file first.")
        }
    }

    func run() async throws {
        let safeguarding = try await common.safeguarding()
        let text = try await carryOut { try await safeguarding.subjectExport(subject, by: by.sender) }
        if let out { try save(text, to: out) } else { printOut(text) }
    }
}
