import Foundation
import FormEngine
import GRDB
import Synchronization

/// The latest version of one subject's submission, as the reports read it: no received bytes, its
/// answers as bound, its latest evaluation's decision, and when the subject first submitted.
public struct LatestSubmission: Sendable {
    /// The submission number.
    public let id: Int64
    /// The URN or driver number.
    public let subjectKey: String
    /// The district recorded with it.
    public let district: String?
    /// The answers as bound, as JSON.
    public let bound: String
    /// When this version was received.
    public let receivedAt: String
    /// When the subject's first version (in this collection) was received.
    public let firstReceivedAt: String
    /// The latest evaluation.
    public let evaluationID: Int64
    /// Its decision.
    public let decision: String
}

/// The latest version of one subject's submission with only some of its answers, read out by SQLite.
public struct LatestAnswers: Sendable {
    /// The submission number.
    public let id: Int64
    /// The URN or driver number.
    public let subjectKey: String
    /// The district recorded with it.
    public let district: String?
    /// Its latest evaluation's decision.
    public let decision: String
    /// The answers asked for, in the order asked; nil where unanswered; yes and no as "true" and "false".
    public let answers: [String?]
}

/// How many findings of a rule and severity the latest evaluations hold.
public struct RuleCount: Sendable, Equatable {
    /// The rule.
    public let rule: String
    /// The severity.
    public let severity: String
    /// How many.
    public let count: Int
}

extension ReturnStore {
    /// The latest version of each subject's submission to a form, in one collection (or none), with its latest
    /// evaluation. The reports are built from these.
    public func latestSubmissions(formID: String, collectionID: Int64?) throws -> [LatestSubmission] {
        try pool.read { db in
            let rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT s.id, s.subjectKey, s.district, s.bound, s.receivedAt,
                      (SELECT min(first.receivedAt) FROM submission first
                         WHERE first.formID = s.formID AND first.subjectKey = s.subjectKey AND first.collectionID IS s.collectionID) AS firstReceivedAt,
                      e.id AS evaluationID, e.decision
                    FROM submission s
                    JOIN evaluation e ON e.id = (SELECT max(id) FROM evaluation WHERE submissionID = s.id)
                    WHERE s.formID = ? AND s.collectionID IS ?
                      AND NOT EXISTS (SELECT 1 FROM submission later WHERE later.supersedes = s.id)
                    ORDER BY s.id
                    """, arguments: [formID, collectionID])
            return rows.map { row in
                LatestSubmission(
                    id: row["id"], subjectKey: row["subjectKey"], district: row["district"], bound: row["bound"],
                    receivedAt: row["receivedAt"], firstReceivedAt: row["firstReceivedAt"],
                    evaluationID: row["evaluationID"],
                    decision: row["decision"])
            }
        }
    }

    /// The latest version of each subject's submission to a form (in one collection, or none), with only the
    /// answers at `paths` (`$.dbs.issue_date`) read out of its stored answers by SQLite, in `district` only when
    /// given, in the order they were received. For reports over many submissions, which then never hold whole
    /// answers in memory. The table is read in as many ranges of rows as there are cores, at once.
    public func latestAnswers(formID: String, collectionID: Int64?, district: String? = nil, paths: [String]) throws
        -> [LatestAnswers]
    {
        try latestAnswers(formID: formID, collectionID: collectionID, district: district, paths: paths) { $0 }
    }

    /// `latestAnswers`, each turned into what the caller needs by `transform` on the core that read it, as it is
    /// read: a report over 360,000 applications never holds them all as read.
    public func latestAnswers<Output: Sendable>(
        formID: String, collectionID: Int64?, district: String? = nil, paths: [String],
        transform: @Sendable (LatestAnswers) -> Output
    ) throws -> [Output] {
        guard !paths.isEmpty else { return [] }
        let last: Int64 = try pool.read { db in try Int64.fetchOne(db, sql: "SELECT max(id) FROM submission") } ?? 0
        let parts = max(1, min(ProcessInfo.processInfo.activeProcessorCount, 8))
        let size = last / Int64(parts) + 1
        let results = Mutex([Result<[Output], any Error>](repeating: .success([]), count: parts))
        DispatchQueue.concurrentPerform(iterations: parts) { part in
            let range = Int64(part) * size + 1...Int64(part + 1) * size
            let read = Result {
                try latestAnswers(
                    formID: formID, collectionID: collectionID, district: district, paths: paths, ids: range,
                    last: last, transform: transform)
            }
            results.withLock { $0[part] = read }
        }
        return try results.withLock { $0 }.flatMap { try $0.get() }
    }

    /// `latestAnswers` for the submissions whose numbers are in `ids`, as the store stood when its last submission
    /// was `last`: each range is its own read, and a version stored since must not hide the one it replaces.
    private func latestAnswers<Output>(
        formID: String, collectionID: Int64?, district: String?, paths: [String], ids: ClosedRange<Int64>,
        last: Int64, transform: (LatestAnswers) -> Output
    ) throws -> [Output] {
        // One json_extract with every path (two at least) reads each stored answer once, and gives a JSON array.
        // The table is read in the order it is stored (NOT INDEXED): through the index by form, each row was a seek
        // in subject order, and 360,000 applications took 3.3 s in SQLite instead of 1.5 s.
        let queried = paths.count == 1 ? paths + paths : paths
        let placeholders = queried.map { _ in "?" }.joined(separator: ", ")
        var arguments = StatementArguments(queried)
        _ = arguments.append(contentsOf: [
            ids.lowerBound, min(ids.upperBound, last), formID, collectionID, district, district, last,
        ])
        return try pool.read { db in
            let rows = try Row.fetchCursor(
                db,
                sql: """
                    SELECT s.id, s.subjectKey, s.district,
                      (SELECT decision FROM evaluation WHERE submissionID = s.id ORDER BY id DESC LIMIT 1) AS decision,
                      json_extract(s.bound, \(placeholders)) AS answers
                    FROM submission s NOT INDEXED
                    WHERE s.id BETWEEN ? AND ? AND s.formID = ? AND s.collectionID IS ?
                      AND (? IS NULL OR s.district = ?)
                      AND NOT EXISTS (SELECT 1 FROM submission later WHERE later.supersedes = s.id AND later.id <= ?)
                    ORDER BY s.id
                    """, arguments: arguments)
            var result: [Output] = []
            while let row = try rows.next() {
                // Columns by position: looking them up by name, for each of 360,000 rows, took a tenth of the report.
                let text: String? = row[4]
                let read = text.flatMap { StoredJSON.read($0) }?.items?.map { $0.isNull ? nil : $0.scalar?.text } ?? []
                let answers =
                    read.count >= paths.count
                    ? Array(read.prefix(paths.count)) : Array(repeating: nil, count: paths.count)
                result.append(
                    transform(
                        LatestAnswers(
                            id: row[0], subjectKey: row[1], district: row[2], decision: row[3] ?? "",
                            answers: answers)))
            }
            return result
        }
    }

    /// How many findings of each rule and severity the latest evaluations of these latest submissions hold.
    public func ruleCounts(formID: String, collectionID: Int64?) throws -> [RuleCount] {
        try pool.read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT f.rule, f.severity, count(*) AS n FROM finding f
                    WHERE f.evaluationID IN (
                      SELECT (SELECT max(id) FROM evaluation WHERE submissionID = s.id) FROM submission s
                      WHERE s.formID = ? AND s.collectionID IS ?
                        AND NOT EXISTS (SELECT 1 FROM submission later WHERE later.supersedes = s.id))
                    GROUP BY f.rule, f.severity ORDER BY n DESC, f.rule
                    """, arguments: [formID, collectionID]
            ).map { RuleCount(rule: $0["rule"], severity: $0["severity"], count: $0["n"]) }
        }
    }

    /// Every officer decision recorded on the submissions of a form, oldest first.
    public func officerDecisions(formID: String) throws -> [OfficerDecisionRecord] {
        try pool.read { db in
            try OfficerDecisionRecord.fetchAll(
                db,
                sql: """
                    SELECT d.* FROM officerDecision d JOIN submission s ON s.id = d.submissionID
                    WHERE s.formID = ? ORDER BY d.id
                    """, arguments: [formID])
        }
    }

    /// The subject each of a form's submissions is about, by submission number.
    public func subjects(formID: String) throws -> [Int64: String] {
        try pool.read { db in
            Dictionary(
                try Row.fetchAll(db, sql: "SELECT id, subjectKey FROM submission WHERE formID = ?", arguments: [formID])
                    .map { ($0["id"], $0["subjectKey"]) }, uniquingKeysWith: { first, _ in first })
        }
    }

    /// The subject of each of a form's submissions that an officer has decided on, by submission number.
    public func decidedSubjects(formID: String) throws -> [Int64: String] {
        try pool.read { db in
            Dictionary(
                try Row.fetchAll(
                    db,
                    sql: """
                        SELECT DISTINCT s.id, s.subjectKey FROM officerDecision d
                        JOIN submission s ON s.id = d.submissionID WHERE s.formID = ?
                        """, arguments: [formID]
                ).map { ($0[0], $0[1]) }, uniquingKeysWith: { first, _ in first })
        }
    }

    /// Every Update Service check recorded, oldest first.
    public func allDBSChecks() throws -> [DBSCheckRecord] {
        try pool.read { db in try DBSCheckRecord.order(Column("id")).fetchAll(db) }
    }

    /// The districts, by slug.
    public func districts() throws -> [DistrictRecord] {
        try pool.read { db in try DistrictRecord.order(Column("slug")).fetchAll(db) }
    }
}
