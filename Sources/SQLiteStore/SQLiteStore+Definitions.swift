import FormEngine
import Foundation
import GRDB
import Records

extension SQLiteStore {
    /// Keeps the exact form and rule files an evaluation used, once each, by their hash.
    static func keepDefinitions(_ db: Database, form: FormDefinition, ruleSet: RuleSet?) throws {
        try keep(db, hash: form.hash, kind: .form, formID: form.id, file: form.file, bytes: form.bytes)
        if let ruleSet {
            try keep(
                db, hash: ruleSet.hash, kind: .rules, formID: ruleSet.formID, file: ruleSet.file, bytes: ruleSet.bytes)
        }
    }

    private static func keep(
        _ db: Database, hash: String, kind: DefinitionKind, formID: String, file: String, bytes: [UInt8]
    ) throws {
        guard
            try Row.fetchOne(db.cachedStatement(sql: "SELECT 1 FROM definition WHERE hash = ?"), arguments: [hash])
                == nil
        else { return }
        try DefinitionRecord(
            hash: hash, kind: kind, formID: formID, fileName: file, content: Data(bytes), firstUsedAt: now()
        ).insert(db)
    }
}
