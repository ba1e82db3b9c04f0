import FormEngine
import Records
import UseCases

/// What a `submit` run stored, by decision, and what it could not store: its last line, and its exit status.
struct SubmitTally {
    private var accepted = 0
    private var referred = 0
    private var rejected = 0
    private var notStored = 0

    /// Counts one file's result.
    mutating func count(_ result: SubmitResult) {
        guard case .stored = result.outcome else {
            notStored += 1
            return
        }
        switch result.evaluation.decision {
        case .accepted: accepted += 1
        case .referred: referred += 1
        case .rejected: rejected += 1
        }
    }

    /// True when a file was rejected or not stored: the run exits 1.
    var failed: Bool { rejected + notStored > 0 }

    /// `12 stored: 9 accepted, 2 referred, 1 rejected; 1 not stored.`
    var summary: String {
        "\(accepted + referred + rejected) stored: \(accepted) accepted, \(referred) referred, \(rejected) rejected; "
            + "\(notStored) not stored.\n"
    }
}
