import FormEngine
import Records

/// What a register import did, and how many open schools the register holds after it.
public struct RegisterImported: Sendable, Equatable {
    /// What changed.
    public let counts: RegisterImport
    /// Open schools in the register now.
    public let openSchools: Int
    /// Rows of the extract outside the board's area, left out.
    public let outside: Int
    /// The local authority codes taken as the area, when the extract has them.
    public let area: [String]
}

extension Safeguarding {
    /// Loads or updates the school register from a GIAS extract (the national download, or the board's own),
    /// keeping the board's area (the local authorities named, else those of the form's districts), all or nothing:
    /// every bad row inside the area is named by line and column and nothing is imported; otherwise its open schools
    /// are added or updated and the rest closed. Audited.
    public func importRegister(_ bytes: [UInt8], file: String, authorities: [String] = [], by sender: Sender)
        async throws -> Result<RegisterImported, RegisterProblems>
    {
        try sender.require([.admin])
        guard let form = form(about: .school) else { throw Refusal.noFormAbout(.school) }
        switch GIASExtract.read(bytes, file: file, form: form, authorities: authorities) {
        case .failure(let problems):
            return .failure(problems)
        case .success(let extract):
            let counts = try await store.importRegister(extract.schools, actor: sender.name)
            return .success(
                RegisterImported(
                    counts: counts, openSchools: try await store.schools(status: .open).count,
                    outside: extract.outside, area: extract.area))
        }
    }
}
