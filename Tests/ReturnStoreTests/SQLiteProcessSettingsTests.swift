import Records
import SQLiteStore
import StoreKinds
import TestSupport
import Testing

@Suite("SQLite's settings for the process")
struct SQLiteProcessSettingsTests {
    @Test("once SQLite is in use they are refused, and the store it uses goes on storing")
    func refusedOnceInUse() async throws {
        let temporary = try await TemporaryStore(.sqlite)
        try await temporary.importRegister()
        #expect(SQLiteProcessSettings.applyBeforeFirstUse() == false)
        let collection = try await temporary.openCollection()
        let stored = try await temporary.submit(example: "returns/oakfield-primary.yaml", collection: collection)
        #expect(storedID(stored) != nil)
        #expect(try await temporary.store.latestSubmissionIDs(formID: nil).count == 1)
    }
}
