import GRDB

/// Copies what a bulk writer commits from the log into the database file, on a connection and a thread of its own,
/// while the writer goes on to its next transaction.
///
/// Why: SQLite copies its log into the database (a checkpoint) on the connection that commits, once the log passes
/// a size, and again on closing. A command-line submit of a round's 4,846 returns wrote 34 MB of log, below the bulk
/// writer's 10,000 pages, and then, every file checked and stored, spent about a tenth of a second copying it on one
/// core while the other was idle. Copied after each commit instead, by a passive checkpoint (which neither waits for
/// the writer nor holds it up), the copy runs beside the checking and storing of the next chunks; the writer's own
/// checkpoint at 10,000 pages finds little left to copy, and the log starts again from its beginning as before.
final class LogCheckpointer: Sendable {
    /// The connection that copies, with its own queue: a copy asked for while another runs waits its turn, and then
    /// finds only what was committed since.
    private let connection: DatabaseQueue

    /// A checkpointer for the database at `path`, on a connection of its own.
    init(path: String) throws {
        var configuration = Configuration()
        configuration.label = "safeguard.checkpoints"
        configuration.prepareDatabase { db in
            // The log synced before its pages are copied, and the database after: as the writer's own checkpoints.
            try db.execute(sql: "PRAGMA synchronous = FULL")
        }
        connection = try DatabaseQueue(path: path, configuration: configuration)
    }

    /// Tells the checkpointer the writer has committed: it copies the log once the copies asked before are done.
    func committed() {
        // The copy holds nothing of the checkpointer, so the checkpointer's end (which waits for the copies) never
        // runs on the copies' own queue.
        connection.asyncWriteWithoutTransaction { db in
            // A passive checkpoint copies whatever no reader still needs. It fails only while another checkpoint runs
            // (the writer's own, copying the same pages) or when the disk does, which the writer's next commit meets
            // and reports: there is nothing for it to do here but leave the copy to the next commit.
            _ = try? db.checkpoint(.passive)
        }
    }

    /// Waits for the copies asked for, so that the process never ends in the middle of one.
    deinit {
        connection.inDatabase { _ in }
    }
}
