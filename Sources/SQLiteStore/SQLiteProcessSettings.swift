import CSQLiteSettings

/// SQLite's settings for the whole process, made once before SQLite is first used.
public enum SQLiteProcessSettings {
    /// Has SQLite take no lock of its own on each call through a connection (GRDB already uses each connection on
    /// one thread at a time) and keep no statistics of its memory (each allocation and free took a process-wide lock
    /// for them): a tenth of the writer's time in a bulk submit. For a program's start, before any database is
    /// opened and while one thread runs; true when made, false when SQLite was already in use (its defaults stay).
    @discardableResult
    public static func applyBeforeFirstUse() -> Bool {
        safeguard_sqlite_multithread() == SQLITE_OK && safeguard_sqlite_no_memory_statistics() == SQLITE_OK
    }
}
