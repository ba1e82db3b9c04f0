import Foundation
import PostgresNIO
import Records

extension PostgreSQLStore {
    /// A page of a table's rows, every column as stored (see `ReturnStore.copiedRows`).
    public func copiedRows(of table: String, key: String, after: CopiedRows.Value?, limit: Int) async throws
        -> CopiedRows
    {
        try await read { connection in
            let columns = try await connection.values(
                String.self,
                """
                SELECT column_name::text FROM information_schema.columns
                WHERE table_schema = current_schema() AND table_name = \(table.lowercased()) ORDER BY ordinal_position
                """)
            let list = columns.map { "\"\($0)\"" }.joined(separator: ", ")
            // Text keys in byte order, as SQLite orders them, whatever the database's collation.
            let ordered = "\"\(key.lowercased())\"" + (key == "id" ? "" : " COLLATE \"C\"")
            var binds = PostgresBindings()
            var start = ""
            if let after {
                ColumnEncoder.Column(name: key, value: Self.columnValue(after)).bind(&binds)
                start = "WHERE \(ordered) > $1"
            }
            let rows = try await connection.rows(
                PostgresQuery(
                    unsafeSQL: "SELECT \(list) FROM \(table) \(start) ORDER BY \(ordered) LIMIT \(limit)", binds: binds)
            )
            return CopiedRows(
                columns: columns, rows: try rows.map { row in try row.map { try Self.copiedValue($0) } })
        }
    }

    /// Inserts rows copied from another store as they were, in one transaction.
    public func insertCopiedRows(_ rows: CopiedRows, into table: String) async throws {
        try await write { connection in
            try await connection.insertRows(
                into: table, columns: rows.columns.map { "\"\($0)\"" },
                rows.rows.map { row in row.map(Self.columnValue) })
        }
    }

    /// Ends a copy: each table's numbering continues after its largest number; the facts are listed to be filled.
    public func finishCopy() async throws {
        try await write { connection in
            for (table, key) in CopiedRows.tables where key == "id" {
                try await connection.run(
                    PostgresQuery(
                        unsafeSQL: """
                            SELECT setval(pg_get_serial_sequence('\(table.lowercased())', 'id'),
                              coalesce(max(id), 1), max(id) IS NOT NULL) FROM \(table)
                            """))
            }
            try await connection.run("DELETE FROM factBackfill")
            try await connection.run("INSERT INTO factBackfill SELECT 0, max(id) FROM submission HAVING count(*) > 0")
        }
    }

    /// A copied value as a column value to bind.
    private static func columnValue(_ value: CopiedRows.Value) -> ColumnEncoder.ColumnValue? {
        switch value {
        case .null: return nil
        case .integer(let number): return .integer(number)
        case .real(let number): return .real(number)
        case .text(let text): return .text(text)
        case .bytes(let data): return .bytes(data)
        }
    }

    /// A cell as a copied value, by its column's type.
    private static func copiedValue(_ cell: PostgresCell) throws -> CopiedRows.Value {
        guard cell.bytes != nil else { return .null }
        switch cell.dataType {
        case .int2, .int4, .int8: return .integer(try cell.decode(Int64.self))
        case .float4, .float8: return .real(try cell.decode(Double.self))
        case .bytea: return .bytes(try cell.decode(Data.self))
        case .bool: return .integer(try cell.decode(Bool.self) ? 1 : 0)
        default: return .text(try cell.decode(String.self))
        }
    }
}
