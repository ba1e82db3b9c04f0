import FormEngine
import Records

/// What a register import did, and how many open schools the register holds after it.
public struct RegisterImported: Sendable, Equatable {
    /// What changed.
    public let counts: RegisterImport
    /// Open schools in the register now.
    public let openSchools: Int
}

extension Safeguarding {
    /// Loads or updates the school register from a GIAS extract, all or nothing: every bad row is named by line and
    /// column and nothing is imported; otherwise open schools are added or updated and the rest closed. Audited.
    public func importRegister(_ bytes: [UInt8], file: String, by sender: Sender) async throws
        -> Result<RegisterImported, RegisterProblems>
    {
        try sender.require([.admin])
        guard let form = form(about: .school) else { throw Refusal.noFormAbout(.school) }
        switch GIASExtract.read(bytes, file: file, form: form) {
        case .failure(let problems):
            return .failure(problems)
        case .success(let schools):
            let counts = try await store.importRegister(schools, actor: sender.name)
            return .success(RegisterImported(counts: counts, openSchools: try await store.schools(status: .open).count))
        }
    }
}
