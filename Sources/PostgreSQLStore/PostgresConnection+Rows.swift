import Foundation
import PostgresNIO

extension PostgresConnection {
    /// Runs a statement, reading and discarding any rows it answers.
    func run(_ query: PostgresQuery) async throws {
        for try await _ in try await self.query(query, logger: PostgreSQLStore.silent) {}
    }

    /// The rows a query answers, each readable by column name or position.
    func rows(_ query: PostgresQuery) async throws -> [PostgresRandomAccessRow] {
        var rows: [PostgresRandomAccessRow] = []
        for try await row in try await self.query(query, logger: PostgreSQLStore.silent) {
            rows.append(row.makeRandomAccess())
        }
        return rows
    }

    /// The records a query answers, read through their Codable conformance (column names are their properties').
    func records<Record: Decodable>(_ type: Record.Type, _ query: PostgresQuery) async throws -> [Record] {
        try await rows(query).map { try Record(from: RowDecoder(row: $0)) }
    }

    /// The first record a query answers, if any.
    func record<Record: Decodable>(_ type: Record.Type, _ query: PostgresQuery) async throws -> Record? {
        try await records(type, query).first
    }

    /// The first column of every row a query answers.
    func values<Value: PostgresDecodable>(_ type: Value.Type, _ query: PostgresQuery) async throws -> [Value] {
        try await rows(query).map { try $0[0].decode(Value.self) }
    }

    /// The first column of the first row a query answers, if there is one and it is not NULL.
    func value<Value: PostgresDecodable>(_ type: Value.Type, _ query: PostgresQuery) async throws -> Value? {
        guard let cell = try await rows(query).first?[0], cell.bytes != nil else { return nil }
        return try cell.decode(Value.self)
    }

    /// Inserts a record into its table, its properties as columns (the `id` left out while it is nil, for the
    /// table to number); the number it was given.
    @discardableResult
    func insert<Record: Encodable>(_ record: Record, into table: String) async throws -> Int64? {
        let columns = try ColumnEncoder.columns(of: record).filter { !($0.name == "id" && $0.isNull) }
        var binds = PostgresBindings()
        for column in columns { column.bind(&binds) }
        let names = columns.map(\.quoted).joined(separator: ", ")
        let marks = (1...columns.count).map { "$\($0)" }.joined(separator: ", ")
        let sql = "INSERT INTO \(table) (\(names)) VALUES (\(marks)) RETURNING id"
        return try await value(Int64.self, PostgresQuery(unsafeSQL: sql, binds: binds))
    }

    /// Sets every column of a stored record from its properties, finding its row by `key`.
    func update<Record: Encodable>(_ record: Record, in table: String, key: String = "id") async throws {
        let columns = try ColumnEncoder.columns(of: record)
        guard let keyColumn = columns.first(where: { $0.name == key }) else { return }
        let others = columns.filter { $0.name != key }
        var binds = PostgresBindings()
        for column in others { column.bind(&binds) }
        keyColumn.bind(&binds)
        let assignments = others.enumerated().map { "\($0.element.quoted) = $\($0.offset + 1)" }
        let sql =
            "UPDATE \(table) SET \(assignments.joined(separator: ", ")) WHERE \(keyColumn.quoted) = $\(others.count + 1)"
        try await run(PostgresQuery(unsafeSQL: sql, binds: binds))
    }

    /// Inserts rows of values into a table: many through `COPY` (no statement to parse, nothing to bind), a few as one
    /// `INSERT` (one round trip where `COPY` takes two); with `ignoringConflicts`, a row whose key is already there is
    /// left as it is (always an `INSERT`: `COPY` has no such option).
    func insertRows(
        into table: String, columns: [String], _ rows: [[ColumnEncoder.ColumnValue?]], ignoringConflicts: Bool = false
    ) async throws {
        guard !rows.isEmpty else { return }
        if rows.count >= Self.rowsWorthCopying && !ignoringConflicts {
            try await copyRows(into: table, columns: columns, rows)
            return
        }
        let perStatement = max(1, 60_000 / columns.count)
        for start in stride(from: 0, to: rows.count, by: perStatement) {
            var binds = PostgresBindings()
            var tuples: [String] = []
            for row in rows[start..<min(start + perStatement, rows.count)] {
                let first = binds.count + 1
                for value in row { ColumnEncoder.Column(name: "", value: value).bind(&binds) }
                tuples.append("(" + (first..<first + row.count).map { "$\($0)" }.joined(separator: ", ") + ")")
            }
            let sql =
                "INSERT INTO \(table) (\(columns.joined(separator: ", "))) VALUES " + tuples.joined(separator: ", ")
                + (ignoringConflicts ? " ON CONFLICT DO NOTHING" : "")
            try await run(PostgresQuery(unsafeSQL: sql, binds: binds))
        }
    }
}
