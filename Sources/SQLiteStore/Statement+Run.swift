import GRDB
import GRDBSQLite

extension Statement {
    /// Runs this statement, one that writes and returns no rows, with `values` bound in order straight through
    /// SQLite's C API, each as GRDB binds it (`StatementBinding`). For the inserts every stored submission makes:
    /// GRDB's `execute(arguments:)` first makes database values of the arguments and binds them in nested closures,
    /// which cost about as much as SQLite's insert. Only inside a transaction the caller holds, on a store with no
    /// transaction observers (this one has none), as GRDB's bookkeeping around a statement is not done.
    func run(_ db: Database, _ values: any StatementBinding...) throws {
        let statement = sqliteStatement
        sqlite3_reset(statement)
        for (offset, value) in values.enumerated() {
            let code = value.bind(to: statement, at: CInt(offset + 1))
            guard code == SQLITE_OK else { throw failure(db, code) }
        }
        let code = sqlite3_step(statement)
        // Reset at once: the statement holds nothing, and its text and blob copies are freed.
        sqlite3_reset(statement)
        guard code == SQLITE_DONE else { throw failure(db, code) }
    }

    /// The error SQLite reports for `code`, with this statement's SQL, as GRDB's would read.
    private func failure(_ db: Database, _ code: CInt) -> DatabaseError {
        DatabaseError(
            resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(db.sqliteConnection)),
            sql: sql)
    }
}
