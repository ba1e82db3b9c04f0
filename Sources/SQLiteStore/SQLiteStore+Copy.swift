import Foundation
import GRDB
import Records

extension SQLiteStore {
    /// A page of a table's rows, every column as stored (see `ReturnStore.copiedRows`).
    public func copiedRows(of table: String, key: String, after: CopiedRows.Value?, limit: Int) async throws
        -> CopiedRows
    {
        try await pool.read { db in
            let columns = try db.columns(in: table).map(\.name)
            let list = columns.map { "\"\($0)\"" }.joined(separator: ", ")
            let start = after == nil ? "" : "WHERE \"\(key)\" > ?"
            var arguments: StatementArguments = after.map { [Self.databaseValue($0)] } ?? []
            _ = arguments.append(contentsOf: [limit])
            let rows = try Row.fetchAll(
                db, sql: "SELECT \(list) FROM \(table) \(start) ORDER BY \"\(key)\" LIMIT ?", arguments: arguments)
            return CopiedRows(
                columns: columns.map { $0.lowercased() },
                rows: rows.map { row in row.databaseValues.map(Self.copiedValue) })
        }
    }

    /// Inserts rows copied from another store as they were, in one transaction.
    public func insertCopiedRows(_ rows: CopiedRows, into table: String) async throws {
        try await write { db in
            let list = rows.columns.map { "\"\($0)\"" }.joined(separator: ", ")
            let marks = rows.columns.map { _ in "?" }.joined(separator: ", ")
            let insert = try db.makeStatement(sql: "INSERT INTO \(table) (\(list)) VALUES (\(marks))")
            for row in rows.rows {
                try insert.execute(arguments: StatementArguments(row.map(Self.databaseValue)))
            }
        }
    }

    /// Ends a copy: SQLite numbers on from the largest number stored by itself; the facts are listed to be filled.
    public func finishCopy() async throws {
        try await write { db in
            try db.execute(sql: "DELETE FROM factBackfill")
            try db.execute(sql: "INSERT INTO factBackfill SELECT 0, max(id) FROM submission HAVING count(*) > 0")
        }
    }

    /// A value as GRDB binds it.
    private static func databaseValue(_ value: CopiedRows.Value) -> DatabaseValue {
        switch value {
        case .null: return .null
        case .integer(let number): return number.databaseValue
        case .real(let number): return number.databaseValue
        case .text(let text): return text.databaseValue
        case .bytes(let data): return data.databaseValue
        }
    }

    /// A value as SQLite holds it.
    private static func copiedValue(_ value: DatabaseValue) -> CopiedRows.Value {
        switch value.storage {
        case .null: return .null
        case .int64(let number): return .integer(number)
        case .double(let number): return .real(number)
        case .string(let text): return .text(text)
        case .blob(let data): return .bytes(data)
        }
    }
}
