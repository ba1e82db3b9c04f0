import FormEngine
import Foundation
import Records

/// Copies everything one store holds into another, empty, one (SQLite into PostgreSQL, or back), and verifies that
/// both then hold the same: every table's rows counted and its content hashed on both sides.
public enum StoreCopy {
    /// One table as copied: its rows and the SHA-256 of their content, the same in both stores.
    public struct Table: Sendable, Equatable {
        /// The table.
        public let name: String
        /// How many rows it holds.
        public let rows: Int
        /// The SHA-256 of its rows, in key order, each column by name (see `digest`).
        public let hash: String
    }

    /// How many rows go in one transaction.
    static let pageSize = 2_000

    /// Copies every table of `source` into `target`, which must hold nothing, page by page, then verifies counts
    /// and hashes. `copied` is told each table as it is done. A copy that fails part way leaves the target partly
    /// filled: it is refused as not empty, and is made again empty before the next try.
    public static func copy(
        from source: any ReturnStore, to target: any ReturnStore, copied: (Table) -> Void = { _ in }
    ) async throws -> [Table] {
        for (table, key) in CopiedRows.tables
        where try await !target.copiedRows(of: table, key: key, after: nil, limit: 1).rows.isEmpty {
            throw Refusal.storeNotEmpty(table: table)
        }
        for (table, key) in CopiedRows.tables {
            var after: CopiedRows.Value?
            while true {
                let page = try await source.copiedRows(of: table, key: key, after: after, limit: pageSize)
                guard !page.rows.isEmpty else { break }
                try await target.insertCopiedRows(page, into: table)
                after = page.last(key)
                if page.rows.count < pageSize { break }
            }
        }
        try await target.finishCopy()
        var tables: [Table] = []
        for (table, key) in CopiedRows.tables {
            let from = try await digest(of: table, key: key, in: source)
            let to = try await digest(of: table, key: key, in: target)
            guard from == to else {
                throw Refusal.copyDiffers(table: table, sourceRows: from.rows, targetRows: to.rows)
            }
            tables.append(from)
            copied(from)
        }
        return tables
    }

    /// A table's row count and content hash: each row's values written out column by column, the columns in the
    /// order of their names (the two stores may list them in another order), each value with its type, and
    /// hashed; the table's hash is the hash of its rows' hashes in key order.
    static func digest(of table: String, key: String, in store: any ReturnStore) async throws -> Table {
        var hashes: [UInt8] = []
        var count = 0
        var after: CopiedRows.Value?
        while true {
            let page = try await store.copiedRows(of: table, key: key, after: after, limit: pageSize)
            let order = page.columns.indices.sorted { page.columns[$0] < page.columns[$1] }
            for row in page.rows {
                var bytes: [UInt8] = []
                for index in order {
                    bytes += Array(page.columns[index].utf8) + [0x3D]
                    bytes += encoded(row[index]) + [0x1E]
                }
                hashes += SHA256.digest(bytes)
            }
            count += page.rows.count
            after = page.last(key)
            if page.rows.count < pageSize { break }
        }
        return Table(name: table, rows: count, hash: SHA256.hex(hashes))
    }

    /// A value's type and bytes.
    private static func encoded(_ value: CopiedRows.Value) -> [UInt8] {
        switch value {
        case .null: return [0x4E]
        case .integer(let number): return [0x49] + Array(String(number).utf8)
        case .real(let number): return [0x52] + Array("\(number)".utf8)
        case .text(let text): return [0x54] + Array(text.utf8)
        case .bytes(let data): return [0x42] + Array(data)
        }
    }
}
