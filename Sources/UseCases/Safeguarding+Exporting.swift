import FormEngine
import Records

/// A file an export writes: its name and its text.
public struct ExportFile: Sendable, Equatable {
    /// The file's name, without a folder: `section11-school-return.cse.sessions.csv`.
    public let name: String
    /// Its text.
    public let text: String
}

extension Safeguarding {
    /// Every stored submission (of one form, when given) as JSON Lines, one object a submission with the facts
    /// about it and its answers as bound, handed to `write` a line at a time; the latest versions only unless
    /// `allVersions`. Audited.
    public func exportJSONLines(
        formID: String?, allVersions: Bool, by sender: Sender, write: (String) throws -> Void
    ) async throws {
        try sender.require([.policy, .admin])
        if let formID { _ = try form(formID) }
        let submissions = try await store.exportedSubmissions(formID: formID, allVersions: allVersions)
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
                ("source", .string(record.source.rawValue)),
                ("submitter", .string(record.submitter)),
                ("supersedes", record.supersedes.map { .number(Double($0)) } ?? .null),
                ("decision", .string(submission.decision?.rawValue ?? "")),
            ]).text
            try write(facts.dropLast() + ",\"answers\":" + record.bound + "}\n")
        }
        try await store.audit(
            actor: sender.name, action: .export, target: formID.map { "form \($0)" } ?? "every form",
            detail: "JSON Lines, \(submissions.count) submissions\(allVersions ? ", every version" : "")")
    }

    /// A form's stored submissions as CSV: `<form>.csv` with one row a submission, and `<form>.<section>.<repeat>.csv`
    /// for each repeat, one row an item. Columns span every version of the form stored, today's form's order
    /// first. Every cell a spreadsheet would run as a formula (starting `=`, `+`, `-`, `@`, a tab or a carriage
    /// return) is made inert with a leading `'`, unless `raw` asks for the bytes as received. Audited.
    public func exportCSV(formID: String, allVersions: Bool, raw: Bool = false, by sender: Sender) async throws
        -> [ExportFile]
    {
        try sender.require([.policy, .admin])
        let form = try form(formID)
        let submissions = try await store.exportedSubmissions(formID: form.id, allVersions: allVersions)
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
            guard let answers = StoredJSON.read(submission.record.bound) else {
                throw Refusal.damaged("the stored answers of submission \(submission.record.id!) cannot be read")
            }
            var row: [String: String] = [:]
            for section in answers.entries ?? [] {
                for answer in section.value.entries ?? [] {
                    let name = "\(section.key).\(answer.key)"
                    if let items = answer.value.items, items.first?.entries != nil {
                        for (index, item) in items.enumerated() {
                            var itemRow = ["submission": String(submission.record.id!), "item": String(index + 1)]
                            for sub in item.entries ?? [] {
                                itemRow[sub.key] = Self.text(sub.value)
                                repeats[name, default: ColumnSet(leading: [])].add(sub.key)
                            }
                            repeatRows[name, default: []].append(itemRow)
                        }
                    } else {
                        row[name] = Self.text(answer.value)
                        main.add(name)
                    }
                }
            }
            mainRows.append(row)
        }
        func cell(_ text: String) -> String { raw ? text : CSV.inert(text) }
        let facts = ["submission", "form_version", "subject", "collection", "district", "received_at", "decision"]
        var text = CSV.line(facts + main.columns)
        for (submission, row) in zip(submissions, mainRows) {
            let record = submission.record
            let values = [
                String(record.id!), record.formVersion, record.subjectKey, submission.collection ?? "",
                record.district ?? "", record.receivedAt, submission.decision?.rawValue ?? "",
            ]
            text += CSV.line((values + main.columns.map { row[$0] ?? "" }).map(cell))
        }
        var files = [ExportFile(name: "\(form.id).csv", text: CSV.byteOrderMark + text)]
        for name in repeats.keys.sorted() {
            let columns = repeats[name]!.columns
            var repeatText = CSV.line(["submission", "item"] + columns)
            for row in repeatRows[name] ?? [] {
                repeatText += CSV.line(([row["submission"]!, row["item"]!] + columns.map { row[$0] ?? "" }).map(cell))
            }
            files.append(ExportFile(name: "\(form.id).\(name).csv", text: CSV.byteOrderMark + repeatText))
        }
        try await store.audit(
            actor: sender.name, action: .export, target: "form \(form.id)",
            detail: "CSV\(raw ? " (raw)" : ""), \(submissions.count) submissions\(allVersions ? ", every version" : "")"
        )
        return files
    }

    /// An answer as a CSV cell's text: byte for byte, a yes-no as yes or no, a list's items joined by "; ".
    private static func text(_ node: Node) -> String {
        if let items = node.items { return items.map(text).joined(separator: "; ") }
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
