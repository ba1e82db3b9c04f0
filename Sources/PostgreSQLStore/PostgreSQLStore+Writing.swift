import FormEngine
import Foundation
import PostgresNIO
import Records

extension PostgreSQLStore {
    /// `count` new numbers from a table's sequence, in order: rows inserted many at a time know their numbers.
    static func numbers(_ table: String, count: Int, _ connection: PostgresConnection) async throws -> [Int64] {
        try await connection.values(
            Int64.self,
            "SELECT nextval(pg_get_serial_sequence(\(table), 'id')) FROM generate_series(1, \(Int64(count))) ORDER BY 1"
        )
    }

    /// Inserts an evaluation of each submission, with its parameters and who made it, and their findings: a
    /// statement a table.
    static func insertEvaluations(
        _ items: [(submissionID: Int64, prepared: PreparedSubmission, parametersJSON: String, actor: String)],
        reason: EvaluationReason, at time: String, _ connection: PostgresConnection
    ) async throws {
        let readable = items.filter { $0.prepared.evaluation.form != nil }
        guard !readable.isEmpty else { return }
        let ids = try await numbers("evaluation", count: readable.count, connection)
        try await connection.insertRows(
            into: "evaluation",
            columns: [
                "id", "submissionID", "formHash", "ruleSetHash", "parameters", "asOf", "decision", "reason",
                "evaluatedBy", "evaluatedAt",
            ],
            readable.indices.map { index in
                let evaluation = readable[index].prepared.evaluation
                return [
                    .integer(ids[index]), .integer(readable[index].submissionID), .text(evaluation.form!.hash),
                    evaluation.ruleSetHash.map { .text($0) }, .text(readable[index].parametersJSON),
                    .text(evaluation.asOf.iso), .text(evaluation.decision.rawValue), .text(reason.rawValue),
                    .text(readable[index].actor), .text(time),
                ]
            })
        var findings: [[ColumnEncoder.ColumnValue?]] = []
        for (index, item) in readable.enumerated() {
            for (finding, detail) in zip(item.prepared.evaluation.findings, item.prepared.findingDetails) {
                findings.append([
                    .integer(ids[index]), .text(finding.rule), .text(finding.severity.rawValue), .text(finding.path),
                    finding.mark.map { .integer(Int64($0.line)) }, finding.mark.map { .integer(Int64($0.column)) },
                    .text(finding.message), .text(detail),
                ])
            }
        }
        try await connection.insertRows(
            into: "finding",
            columns: ["evaluationID", "rule", "severity", "path", "line", "\"column\"", "message", "detail"], findings)
    }

    /// A new version's facts, with what the rows begin with, as the batch that stores it knows them.
    struct NewFacts {
        let submissionID: Int64
        let formID: String
        let collectionID: Int64?
        let subjectKey: String
        let district: String?
        let latest: Bool
        let decision: Decision
        let firstReceivedAt: String
        let facts: ReportFacts
    }

    /// Inserts new versions' facts: a statement a table, and one that gives the drivers' rows their licence.
    static func insertFacts(_ items: [NewFacts], _ connection: PostgresConnection) async throws {
        var returns: [[ColumnEncoder.ColumnValue?]] = []
        var sessions: [[ColumnEncoder.ColumnValue?]] = []
        var years: [[ColumnEncoder.ColumnValue?]] = []
        var drivers: [[ColumnEncoder.ColumnValue?]] = []
        let day: (Day?) -> ColumnEncoder.ColumnValue? = { $0.map { .integer(Int64($0.daysSinceEpoch)) } }
        for item in items {
            let id = ColumnEncoder.ColumnValue.integer(item.submissionID)
            switch item.facts {
            case .school(let facts):
                returns.append([
                    id, .text(item.formID), item.collectionID.map { .integer($0) }, .text(item.subjectKey),
                    item.district.map { .text($0) }, .boolean(item.latest), .text(item.decision.rawValue),
                    .text(item.firstReceivedAt), .boolean(facts.cseDelivered), .boolean(facts.missingDelivered),
                    .boolean(facts.parentsInformed), .boolean(facts.governorsTrained), day(facts.dslLastTraining),
                    day(facts.lastStaffUpdate), facts.dslName.map { .bytes(Data($0.utf8)) },
                    facts.dslEmail.map { .text($0) },
                ])
                for (position, session) in facts.sessions.enumerated() {
                    sessions.append([
                        id, .integer(Int64(position)), .text(session.topic.rawValue),
                        session.audience.map { .text($0) }, session.providerType.map { .text($0) },
                        .boolean(session.qualityAssured),
                    ])
                    for year in Set(session.yearGroups).sorted() {
                        years.append([id, .integer(Int64(position)), .text(year)])
                    }
                }
            case .driver(let facts):
                drivers.append([
                    id, .text(item.formID), .text(item.subjectKey), item.district.map { .text($0) },
                    .boolean(item.latest), .text(item.decision.rawValue),
                    facts.driverName.map { .bytes(Data($0.utf8)) },
                    facts.dbsCertificate.map { .text($0) }, day(facts.dbsIssueDate), .boolean(facts.dbsUpdateService),
                    day(facts.dbsSubscriptionDate), day(facts.dbsLastStatusCheck), .boolean(facts.trainingCompleted),
                    day(facts.trainingDate), .boolean(facts.registerSearched),
                ])
            }
        }
        try await connection.insertRows(
            into: "returnFact",
            columns: [
                "submissionID", "formID", "collectionID", "subjectKey", "district", "latest", "decision",
                "firstReceivedAt", "cseDelivered", "missingDelivered", "parentsInformed", "governorsTrained",
                "dslLastTraining", "staffLastUpdate", "dslName", "dslEmail",
            ], returns)
        try await connection.insertRows(
            into: "sessionFact",
            columns: ["submissionID", "position", "topic", "audience", "provider", "qualityAssured"], sessions)
        try await connection.insertRows(
            into: "sessionYearGroupFact", columns: ["submissionID", "position", "yearGroup"], years)
        try await connection.insertRows(
            into: "driverFact",
            columns: [
                "submissionID", "formID", "subjectKey", "district", "latest", "decision", "driverName",
                "dbsCertificate", "dbsIssueDate", "dbsUpdateService", "dbsSubscriptionDate", "dbsLastStatusCheck",
                "trainingCompleted", "trainingDate", "registerSearched",
            ], drivers)
        try await carryLicences(
            to: items.compactMap { if case .driver = $0.facts { $0.submissionID } else { nil } }, connection)
    }

    /// The versions a new one replaced are no longer their subjects' latest.
    static func markReplaced(_ ids: [Int64], _ connection: PostgresConnection) async throws {
        guard !ids.isEmpty else { return }
        try await connection.run("UPDATE returnFact SET latest = false WHERE submissionID = ANY(\(ids))")
        try await connection.run("UPDATE driverFact SET latest = false WHERE submissionID = ANY(\(ids))")
    }
}
