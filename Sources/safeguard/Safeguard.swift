import ArgumentParser

/// The `safeguard` command: checks, stores and reports on Section 11 returns and taxi driver applications.
@main
struct Safeguard: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "safeguard",
        abstract: "Check Section 11 school returns and taxi driver applications against their forms and rules.",
        subcommands: [
            Demo.self, Validate.self, Forms.self, Rules.self, Register.self, Collection.self, Submit.self, History.self,
            Revalidate.self, Replay.self, Export.self, Report.self, Chase.self, Decide.self, DBSCheck.self,
            Transfer.self,
            Audit.self, Retention.self, SubjectExport.self,
            Sample.self, Users.self, Lockouts.self, Serve.self,
        ]
    )
}
