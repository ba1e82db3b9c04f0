import FormEngine
import Records
import UseCases

/// What a `submit` run stored, by decision and by collection, and what it could not store: its last lines, and its
/// exit status.
struct SubmitTally {
    /// The counts of one group of files.
    struct Counts {
        var accepted = 0
        var referred = 0
        var rejected = 0
        var notStored = 0

        var stored: Int { accepted + referred + rejected }

        /// `12 stored: 9 accepted, 2 referred, 1 rejected; 1 not stored.`
        var sentence: String {
            "\(stored) stored: \(accepted) accepted, \(referred) referred, \(rejected) rejected; \(notStored) not stored."
        }

        /// The counts as JSON members.
        var members: [(String, JSONValue)] {
            [
                ("stored", .number(Double(stored))), ("accepted", .number(Double(accepted))),
                ("referred", .number(Double(referred))), ("rejected", .number(Double(rejected))),
                ("not_stored", .number(Double(notStored))),
            ]
        }
    }

    private var total = Counts()
    /// The counts of each collection in the order first met; nil for applications, which belong to none.
    private var byCollection: [(collection: String?, counts: Counts)] = []

    /// Counts one file's result.
    mutating func count(_ result: SubmitResult) {
        let group =
            byCollection.firstIndex { $0.collection == result.collection }
            ?? {
                byCollection.append((result.collection, Counts()))
                return byCollection.count - 1
            }()
        func add(_ counts: inout Counts) {
            guard case .stored = result.outcome else {
                counts.notStored += 1
                return
            }
            switch result.evaluation.decision {
            case .accepted: counts.accepted += 1
            case .referred: counts.referred += 1
            case .rejected: counts.rejected += 1
            }
        }
        add(&total)
        add(&byCollection[group].counts)
    }

    /// True when a file was rejected or not stored: the run exits 1.
    var failed: Bool { total.rejected + total.notStored > 0 }

    /// The whole run's line, then, when the files went to more than one collection (applications counting as
    /// one group), a line for each.
    var summary: String {
        var text = total.sentence + "\n"
        if byCollection.count > 1 {
            for group in byCollection {
                text += "  \(group.collection ?? "applications (no collection)"): \(group.counts.sentence)\n"
            }
        }
        return text
    }

    /// The summary as JSON: the totals, and `by_collection` with each collection's (null for applications).
    var json: JSONValue {
        .object(
            total.members + [
                (
                    "by_collection",
                    .array(
                        byCollection.map { group in
                            .object(
                                [("collection", group.collection.map(JSONValue.string) ?? .null)] + group.counts.members
                            )
                        })
                )
            ])
    }
}
