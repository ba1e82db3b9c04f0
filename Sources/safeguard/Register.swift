import ArgumentParser
import FormEngine
import Records
import UseCases

/// `safeguard register`: the register of schools expected to make a return.
struct Register: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "The register of schools expected to make a return.",
        subcommands: [Import.self]
    )

    /// `safeguard register import FILE.csv`: loads or updates the schools from a GIAS extract.
    struct Import: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Load or update the schools from a GIAS extract (CSV, with GIAS's own column names).",
            discussion: """
                Reads URN, EstablishmentName, TypeOfEstablishment (name), PhaseOfEducation (name), EstablishmentStatus (name), \
                DistrictAdministrative (name) and (code), and when present ReligiousCharacter (name), LA (code), \
                EstablishmentNumber and Postcode, and for the chase list HeadTitle (name), HeadFirstName, HeadLastName, \
                TelephoneNum and SchoolWebsite; other columns are ignored. GIAS's national download (every establishment in \
                England, Windows-1252) is taken as it is: the board's area is kept (the authorities given with --la, else \
                those the form's districts are in) and the rows outside it are counted and left out. Open schools are added \
                or updated; a school the extract marks Closed, or no longer lists, is closed. A bad row inside the area is \
                named by line and column, and nothing is imported. Exit status: 0 imported, 1 nothing imported, 2 a form definition is broken.
                """
        )

        @OptionGroup var common: CommonOptions
        @OptionGroup var by: ActorOptions

        @Argument(help: "The GIAS extract, a CSV file: GIAS's national download, or the board's own.")
        var file: String
        @Option(
            name: .customLong("la"),
            help: """
                Keep the schools of this local authority, by its GIAS LA (code) (928); repeat for several. Default:                 the authorities the form's districts are in.
                """)
        var authorities: [String] = []

        func run() async throws {
            let safeguarding = try await common.safeguarding()
            let bytes: [UInt8]
            switch FileBytes.read(file) {
            case .failure(let failure):
                printError("\(file): error: cannot read the file: \(failure.reason).")
                throw ExitCode(1)
            case .success(let read):
                bytes = read.bytes
            }
            switch try await carryOut({
                try await safeguarding.importRegister(bytes, file: file, authorities: authorities, by: by.sender)
            }) {
            case .failure(let problems):
                printError(problems.description)
                printError(
                    "Nothing was imported: correct \(problems.problems.count == 1 ? "this row" : "these rows") and import the file again."
                )
                throw ExitCode(1)
            case .success(let imported):
                let counts = imported.counts
                printOut(
                    "\(file): \(counts.added) added, \(counts.updated) updated, \(counts.closed) closed, "
                        + "\(counts.unchanged) unchanged; \(Wording.count(imported.openSchools, "open school")) in the register\n"
                )
                if imported.outside > 0 {
                    printOut(
                        "\(Wording.count(imported.outside, "row")) outside the board's area (LA "
                            + "\(imported.area.joined(separator: ", "))) left out.\n")
                }
            }
        }
    }
}
