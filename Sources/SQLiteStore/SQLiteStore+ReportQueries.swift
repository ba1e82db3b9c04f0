import FormEngine
import Foundation
import GRDB
import Records

extension SQLiteStore {
    /// The latest version of each subject's submission to a form, in one collection (or none), with its latest
    /// evaluation. The reports are built from these.
    public func latestSubmissions(formID: String, collectionID: Int64?) async throws -> [LatestSubmission] {
        try await pool.read { db in
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
            return try rows.map { row in
                guard let decision = Decision(rawValue: row["decision"]) else {
                    throw Refusal.damaged("evaluation \(row["evaluationID"] as Int64) has no decision Safeguard knows")
                }
                return LatestSubmission(
                    id: row["id"], subjectKey: row["subjectKey"], district: row["district"], bound: row["bound"],
                    receivedAt: row["receivedAt"], firstReceivedAt: row["firstReceivedAt"],
                    evaluationID: row["evaluationID"], decision: decision)
            }
        }
    }

    /// The latest version of each subject's submission with only the answers at `paths`, each turned into what the
    /// caller needs as it is read. The table is read in as many ranges of rows as there are cores, at once, each
    /// range as the store stood when the report began (a version stored since does not hide the one it replaces).
    public func latestAnswers<Output: Sendable>(
        formID: String, collectionID: Int64?, district: String?, paths: [[String]],
        transform: @escaping @Sendable (LatestAnswers) -> Output
    ) async throws -> [Output] {
        guard !paths.isEmpty else { return [] }
        // A key that is all digits is an item of a list; any other a member, quoted.
        let jsonPaths = paths.map { keys in
            "$"
                + keys.map { key in
                    !key.isEmpty && key.utf8.allSatisfy { (48...57).contains($0) } ? "[\(key)]" : ".\"\(key)\""
                }.joined()
        }
        let last: Int64 =
            try await pool.read { db in try Int64.fetchOne(db, sql: "SELECT max(id) FROM submission") } ?? 0
        let parts = max(1, min(ProcessInfo.processInfo.activeProcessorCount, 8))
        let size = last / Int64(parts) + 1
        return try await withThrowingTaskGroup(of: (Int, [Output]).self) { group in
            for part in 0..<parts {
                let range = Int64(part) * size + 1...Int64(part + 1) * size
                group.addTask {
                    let read = try await pool.read { db in
                        try Self.latestAnswers(
                            db, formID: formID, collectionID: collectionID, district: district, paths: jsonPaths,
                            ids: range, last: last, transform: transform)
                    }
                    return (part, read)
                }
            }
            var results = [[Output]](repeating: [], count: parts)
            for try await (part, read) in group { results[part] = read }
            return results.flatMap { $0 }
        }
    }

    /// `latestAnswers` for the submissions whose numbers are in `ids`, as the store stood when its last submission
    /// was `last`.
    private static func latestAnswers<Output>(
        _ db: Database, formID: String, collectionID: Int64?, district: String?, paths: [String],
        ids: ClosedRange<Int64>, last: Int64, transform: (LatestAnswers) -> Output
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
            let decision: String? = row[3]
            result.append(
                transform(
                    LatestAnswers(
                        id: row[0], subjectKey: row[1], district: row[2], decision: decision.flatMap(Decision.init),
                        answers: answers)))
        }
        return result
    }

    /// How many findings of each rule and severity the latest evaluations of these latest submissions hold.
    public func ruleCounts(formID: String, collectionID: Int64?, district: String?) async throws -> [RuleCount] {
        try await pool.read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT f.rule, f.severity, count(*) AS n FROM finding f
                    WHERE f.evaluationID IN (
                      SELECT (SELECT max(id) FROM evaluation WHERE submissionID = s.id) FROM submission s
                      WHERE s.formID = ? AND s.collectionID IS ? AND (? IS NULL OR s.district = ?)
                        AND NOT EXISTS (SELECT 1 FROM submission later WHERE later.supersedes = s.id))
                    GROUP BY f.rule, f.severity ORDER BY n DESC, f.rule
                    """, arguments: [formID, collectionID, district, district]
            ).compactMap { row in
                Severity(rawValue: row["severity"]).map { RuleCount(rule: row["rule"], severity: $0, count: row["n"]) }
            }
        }
    }

    /// Every officer decision recorded on the submissions of a form, oldest first.
    public func officerDecisions(formID: String) async throws -> [OfficerDecisionRecord] {
        try await pool.read { db in
            try OfficerDecisionRecord.fetchAll(
                db,
                sql: """
                    SELECT d.* FROM officerDecision d JOIN submission s ON s.id = d.submissionID
                    WHERE s.formID = ? ORDER BY d.id
                    """, arguments: [formID])
        }
    }

    /// The subject of each of a form's submissions that an officer has decided on, by submission number.
    public func decidedSubjects(formID: String) async throws -> [Int64: String] {
        try await pool.read { db in
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
    public func dbsChecks() async throws -> [DBSCheckRecord] {
        try await pool.read { db in try DBSCheckRecord.order(Column("id")).fetchAll(db) }
    }
}
