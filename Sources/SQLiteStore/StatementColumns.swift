import FormEngine
import GRDB
import GRDBSQLite

/// The columns of the row a statement stands on, read straight through SQLite's C API: for the reports' reads of
/// hundreds of thousands of fact rows, where GRDB's `Row` subscripts (a generic look-up and a check of the column's
/// type for each value) cost more than SQLite's own work. Valid only while a cursor over the statement stands on a
/// row.
struct StatementColumns {
    private let statement: SQLiteStatement

    /// The columns of `statement`'s current row.
    init(_ statement: Statement) {
        self.statement = statement.sqliteStatement
    }

    /// A column that is never NULL, as an integer.
    func int64(_ column: Int32) -> Int64 { sqlite3_column_int64(statement, column) }

    /// A column that may be NULL, as an integer.
    func int(_ column: Int32) -> Int? {
        // NULL reads as 0, so only a 0 needs its type asked: one call into SQLite a value, not two.
        let value = sqlite3_column_int64(statement, column)
        return value == 0 && sqlite3_column_type(statement, column) == SQLITE_NULL ? nil : Int(value)
    }

    /// A column that is never NULL, as a boolean: true unless 0.
    func bool(_ column: Int32) -> Bool { sqlite3_column_int64(statement, column) != 0 }

    /// A column that is never NULL, text or blob, as text: its bytes decoded as UTF-8 (a NUL inside kept).
    func text(_ column: Int32) -> String { optionalText(column) ?? "" }

    /// A column that may be NULL, text or blob, as text.
    func optionalText(_ column: Int32) -> String? {
        // The text is asked for before its length, as SQLite's documentation says to.
        switch sqlite3_column_type(statement, column) {
        case SQLITE_NULL:
            return nil
        case SQLITE_BLOB:
            let bytes = sqlite3_column_blob(statement, column)
            let count = Int(sqlite3_column_bytes(statement, column))
            guard let bytes, count > 0 else { return "" }
            return String(decoding: UnsafeRawBufferPointer(start: bytes, count: count), as: UTF8.self)
        default:
            let bytes = sqlite3_column_text(statement, column)
            let count = Int(sqlite3_column_bytes(statement, column))
            guard let bytes, count > 0 else { return "" }
            return String(decoding: UnsafeBufferPointer(start: bytes, count: count), as: UTF8.self)
        }
    }

    /// A column that may be NULL, text, as text: `earlier` itself when the column holds the same (no new string
    /// made for it).
    func optionalText(_ column: Int32, sameAs earlier: String?) -> String? {
        guard let earlier, sqlite3_column_type(statement, column) == SQLITE_TEXT,
            let bytes = sqlite3_column_text(statement, column)
        else { return optionalText(column) }
        let same = earlier.utf8.elementsEqual(
            UnsafeBufferPointer(start: bytes, count: Int(sqlite3_column_bytes(statement, column))))
        return same ? earlier : optionalText(column)
    }

    /// A column that may be NULL, holding a day as text (`YYYY-MM-DD`), as a day; nil when NULL or not a day.
    func day(_ column: Int32) -> Day? { optionalText(column).flatMap { Day(iso: $0) } }
}
