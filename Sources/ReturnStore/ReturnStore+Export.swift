import Foundation
import FormEngine
import GRDB

/// Stored submissions for export: each with the facts about it and its answers as bound.
struct ExportedSubmission {
    let record: SubmissionRecord
    let collection: String?
    let decision: String
    let answers: Node
}

extension ReturnStore {
    /// The stored submissions of a form (or of every form), latest versions only unless `allVersions`.
    private func submissionsForExport(formID: String?, allVersions: Bool) throws -> [ExportedSubmission] {
        try pool.read { db in
            var conditions: [String] = []
            var arguments: StatementArguments = []
            if let formID {
                conditions.append("s.formID = ?")
                arguments += [formID]
            }
            if !allVersions {
                conditions.append("NOT EXISTS (SELECT 1 FROM submission later WHERE later.supersedes = s.id)")
            }
            let filter = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
            let rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT s.*, c.name AS collectionName,
                      (SELECT decision FROM evaluation e WHERE e.submissionID = s.id ORDER BY e.id DESC LIMIT 1) AS latestDecision
                    FROM submission s LEFT JOIN collection c ON c.id = s.collectionID
                    \(filter) ORDER BY s.id
                    """, arguments: arguments)
            return try rows.map { row in
                let record = try SubmissionRecord(row: row)
                guard let answers = StoredJSON.read(record.bound) else {
                    throw StoreError(
                        "The stored answers of submission \(record.id!) cannot be read: the store is damaged.")
                }
                return ExportedSubmission(
                    record: record, collection: row["collectionName"], decision: row["latestDecision"] ?? "",
                    answers: answers)
            }
        }
    }

    /// Writes one JSON object a line (JSON Lines) for each stored submission, and audits the export.
    public func exportJSONLines(formID: String?, allVersions: Bool, actor: String, write: (String) -> Void) throws {
        let submissions = try submissionsForExport(formID: formID, allVersions: allVersions)
        for submission in submissions {
            let record = submission.record
            let facts = JSONValue.object([
                ("submission", .number(Double(record.id!))),
                ("form", .string(record.formID)),
                ("form_version", .string(record.formVersion)),
                ("subject", .string(record.subjectKey)),
                ("collection", submission.collection.map(JSONValue.string) ?? .null),
                ("district", record.district.map(JSONValue.string) ?? .null),
                ("received_at", .string(record.receivedAt)),
                ("source", .string(record.source)),
                ("submitter", .string(record.submitter)),
                ("supersedes", record.supersedes.map { .number(Double($0)) } ?? .null),
                ("decision", .string(submission.decision)),
            ]).text
            write(facts.dropLast() + ",\"answers\":" + record.bound + "}\n")
        }
        try audit(
            actor: actor, action: "export", target: formID.map { "form \($0)" } ?? "every form",
            detail: "JSON Lines, \(submissions.count) submissions\(allVersions ? ", every version" : "")")
    }

    /// Writes a form's stored submissions as CSV into `directory`: `<form>.csv` with one row a submission,
    /// and `<form>.<section>.<repeat>.csv` for each repeat, one row an item. Columns span every version of
    /// the form stored, in today's form's order first. Returns the files written; the export is audited.
    public func exportCSV(
        form: FormDefinition, allVersions: Bool, actor: String, directory: String
    ) throws -> [String] {
        let submissions = try submissionsForExport(formID: form.id, allVersions: allVersions)
        var main = ColumnSet(
            leading: form.sections.flatMap { section in
                section.fields.filter { $0.type != .repeat }.map { "\(section.id).\($0.id)" }
            })
        var repeats: [String: ColumnSet] = [:]
        for section in form.sections {
            for field in section.fields where field.type == .repeat {
                repeats["\(section.id).\(field.id)"] = ColumnSet(leading: field.fields.map(\.id))
            }
        }
        var mainRows: [[String: String]] = []
        var repeatRows: [String: [[String: String]]] = [:]
        for submission in submissions {
            var row: [String: String] = [:]
            for section in submission.answers.entries ?? [] {
                for answer in section.value.entries ?? [] {
                    let name = "\(section.key).\(answer.key)"
                    if let items = answer.value.items, items.first?.entries != nil {
                        for (index, item) in items.enumerated() {
                            var itemRow = ["submission": String(submission.record.id!), "item": String(index + 1)]
                            for sub in item.entries ?? [] {
                                itemRow[sub.key] = Self.cell(sub.value)
                                repeats[name, default: ColumnSet(leading: [])].add(sub.key)
                            }
                            repeatRows[name, default: []].append(itemRow)
                        }
                    } else {
                        row[name] = Self.cell(answer.value)
                        main.add(name)
                    }
                }
            }
            mainRows.append(row)
        }
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let facts = ["submission", "form_version", "subject", "collection", "district", "received_at", "decision"]
        var text = CSV.line(facts + main.columns)
        for (submission, row) in zip(submissions, mainRows) {
            let record = submission.record
            let values = [
                String(record.id!), record.formVersion, record.subjectKey, submission.collection ?? "",
                record.district ?? "",
                record.receivedAt, submission.decision,
            ]
            text += CSV.line(values + main.columns.map { row[$0] ?? "" })
        }
        var files = [directory + "/\(form.id).csv"]
        try Data(text.utf8).write(to: URL(fileURLWithPath: files[0]))
        for name in repeats.keys.sorted() {
            let columns = repeats[name]!.columns
            var repeatText = CSV.line(["submission", "item"] + columns)
            for row in repeatRows[name] ?? [] {
                repeatText += CSV.line([row["submission"]!, row["item"]!] + columns.map { row[$0] ?? "" })
            }
            let file = directory + "/\(form.id).\(name).csv"
            try Data(repeatText.utf8).write(to: URL(fileURLWithPath: file))
            files.append(file)
        }
        try audit(
            actor: actor, action: "export", target: "form \(form.id)",
            detail: "CSV, \(submissions.count) submissions\(allVersions ? ", every version" : "")")
        return files
    }

    /// An answer as a CSV cell: its text byte for byte, a yes-no as yes or no, a list's items joined by "; ".
    private static func cell(_ node: Node) -> String {
        if let items = node.items { return items.map(cell).joined(separator: "; ") }
        guard let scalar = node.scalar else { return "" }
        if scalar.isPlain, scalar.text == "true" || scalar.text == "false" {
            return scalar.text == "true" ? "yes" : "no"
        }
        return scalar.text
    }
}

/// Column names in a fixed order: those given first, then any others in the order they are first seen.
private struct ColumnSet {
    private(set) var columns: [String]
    private var known: Set<String>

    init(leading: [String]) {
        columns = leading
        known = Set(leading)
    }

    mutating func add(_ column: String) {
        if known.insert(column).inserted { columns.append(column) }
    }
}
