import FormEngine

/// A portal user's answers so far: each field's values by its dotted key (`cse.sessions.0.date`), and how many
/// items each repeat has. It becomes exactly the JSON a submission file would hold, so the portal's answers go
/// through the same engine as the command line's.
struct DraftAnswers: Sendable, Equatable {
    /// Values by key: one for most fields, several for a multi-choice; a date as `YYYY-MM-DD` from its three inputs.
    var values: [String: [String]] = [:]
    /// How many items each repeat (by key) has.
    var counts: [String: Int] = [:]
    /// The item removed last, kept until the next change so that its removal can be undone.
    var removed: RemovedItem?
    /// The sections whose answers were carried from last year's return and are not yet confirmed, in form order.
    var carried: [String] = []
    /// The year the carried answers come from ("2024 to 2025").
    var carriedFrom = ""

    /// An item taken out of a repeat: where it stood, and its answers.
    struct RemovedItem: Sendable, Equatable {
        /// The repeat's key, such as `cse.sessions`.
        let repeatKey: String
        /// Where the item stood, from 0.
        let index: Int
        /// Its answers, by key below the item (`date`, `year_groups`).
        let values: [String: [String]]
    }

    init() {}

    /// The answers stored in a draft.
    init(stored text: String) {
        guard let root = StoredJSON.read(text) else { return }
        for entry in root["values"]?.entries ?? [] {
            values[entry.key] = (entry.value.items ?? []).compactMap { $0.scalar?.text }
        }
        for entry in root["counts"]?.entries ?? [] {
            counts[entry.key] = entry.value.scalar.flatMap { Int($0.text) }
        }
        carried = (root["carried"]?.items ?? []).compactMap { $0.scalar?.text }
        carriedFrom = root["carried_from"]?.scalar?.text ?? ""
        if let removed = root["removed"], let key = removed["repeat"]?.scalar?.text,
            let index = removed["index"]?.scalar.flatMap({ Int($0.text) })
        {
            var values: [String: [String]] = [:]
            for entry in removed["values"]?.entries ?? [] {
                values[entry.key] = (entry.value.items ?? []).compactMap { $0.scalar?.text }
            }
            self.removed = RemovedItem(repeatKey: key, index: index, values: values)
        }
    }

    /// The answers as a draft stores them.
    var stored: String {
        func object(_ values: [String: [String]]) -> JSONValue {
            .object(values.keys.sorted().map { ($0, .array(values[$0]!.map(JSONValue.string))) })
        }
        var members: [(String, JSONValue)] = [
            ("values", object(values)),
            ("counts", .object(counts.keys.sorted().map { ($0, .number(Double(counts[$0]!))) })),
        ]
        if !carried.isEmpty {
            members.append(("carried", .array(carried.map(JSONValue.string))))
            members.append(("carried_from", .string(carriedFrom)))
        }
        if let removed {
            members.append(
                (
                    "removed",
                    .object([
                        ("repeat", .string(removed.repeatKey)), ("index", .number(Double(removed.index))),
                        ("values", object(removed.values)),
                    ])
                ))
        }
        return JSONValue.object(members).text
    }

    /// Sets answers by key, one value each: the answers a form starts with, and those the account may not change.
    mutating func fill(_ answers: [String: String]) {
        for (key, value) in answers { values[key] = [value] }
    }

    /// The one value of a key, or "".
    func value(_ key: String) -> String { values[key]?.first ?? "" }

    /// The submission document these answers make: `{"form": id, section: {field: value}}`; empty answers left out.
    func document(for form: FormDefinition) -> [UInt8] {
        var sections: [(String, JSONValue)] = [("form", .string(form.id))]
        for section in form.sections {
            let members = self.members(section.fields, prefix: section.id)
            if !members.isEmpty { sections.append((section.id, .object(members))) }
        }
        return Array(JSONValue.object(sections).text.utf8)
    }

    private func members(_ fields: [FieldDefinition], prefix: String) -> [(String, JSONValue)] {
        fields.compactMap { field -> (String, JSONValue)? in
            let key = "\(prefix).\(field.id)"
            switch field.type {
            case .repeat:
                let count = counts[key] ?? 0
                guard count > 0 else { return nil }
                return (field.id, .array((0..<count).map { .object(members(field.fields, prefix: "\(key).\($0)")) }))
            case .multiChoice:
                let chosen = (values[key] ?? []).filter { !$0.isEmpty }
                return chosen.isEmpty ? nil : (field.id, .array(chosen.map(JSONValue.string)))
            default:
                let text = value(key)
                return text.trimmingWhitespace.isEmpty ? nil : (field.id, .string(text))
            }
        }
    }

    /// Replaces a section's answers with those posted from its page. Unchecked boxes and radios post nothing,
    /// so everything under the section is cleared first. A date's three inputs become one `YYYY-MM-DD` value.
    mutating func replace(section: SectionDefinition, with posted: [(name: String, value: String)]) {
        let prefix = section.id + "."
        for key in values.keys where key.hasPrefix(prefix) { values[key] = nil }
        for key in counts.keys where key.hasPrefix(prefix) { counts[key] = nil }
        var dates: [String: (day: String, month: String, year: String)] = [:]
        for (name, value) in posted where name.hasPrefix(prefix) {
            if name.hasSuffix("#count") {
                counts[String(name.dropLast("#count".count))] = Int(value).map { min(max($0, 0), 200) }
            } else if let part = ["day", "month", "year"].first(where: { name.hasSuffix("." + $0) }) {
                let key = String(name.dropLast(part.count + 1))
                var date = dates[key] ?? ("", "", "")
                let text = value.trimmingWhitespace
                switch part {
                case "day": date.day = text
                case "month": date.month = text
                default: date.year = text
                }
                dates[key] = date
            } else {
                values[name, default: []].append(value)
            }
        }
        for (key, date) in dates where !(date.day + date.month + date.year).isEmpty {
            values[key] = [Self.isoText(day: date.day, month: date.month, year: date.year)]
        }
    }

    /// The day, month and year a date value was written with, for its three inputs.
    func dateParts(_ key: String) -> (day: String, month: String, year: String) {
        let parts = value(key).split(separator: "-", omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 3 else { return ("", "", value(key)) }
        return (parts[2], parts[1], parts[0])
    }

    /// Adds an empty item to a repeat.
    mutating func addItem(to key: String) {
        counts[key] = max(counts[key] ?? 0, 1) + 1
    }

    /// Removes an item from a repeat, moving the later items up.
    mutating func removeItem(_ index: Int, from key: String) {
        let count = counts[key] ?? 0
        guard index >= 0, index < count else { return }
        for item in index..<count {
            let from = "\(key).\(item + 1)."
            let to = "\(key).\(item)."
            for old in values.keys where old.hasPrefix(to) { values[old] = nil }
            for old in values.keys where old.hasPrefix(from) {
                values[to + old.dropFirst(from.count)] = values[old]
                values[old] = nil
            }
        }
        counts[key] = count - 1
    }

    /// Removes an item as a person asks to, keeping it so that "Undo" can put it back.
    mutating func removeItemKeepingIt(_ index: Int, from key: String) {
        guard index >= 0, index < counts[key] ?? 0 else { return }
        let prefix = "\(key).\(index)."
        var kept: [String: [String]] = [:]
        for (name, value) in values where name.hasPrefix(prefix) { kept[String(name.dropFirst(prefix.count))] = value }
        removeItem(index, from: key)
        removed = RemovedItem(repeatKey: key, index: index, values: kept)
    }

    /// Puts the item removed last back where it stood, moving the later items down; returns its key.
    mutating func undoRemoval() -> String? {
        guard let removed else { return nil }
        self.removed = nil
        let key = removed.repeatKey
        let count = counts[key] ?? 0
        let index = min(removed.index, count)
        for item in stride(from: count - 1, through: index, by: -1) {
            let from = "\(key).\(item)."
            let to = "\(key).\(item + 1)."
            for old in values.keys where old.hasPrefix(from) {
                values[to + old.dropFirst(from.count)] = values[old]
                values[old] = nil
            }
        }
        for (name, value) in removed.values { values["\(key).\(index).\(name)"] = value }
        counts[key] = count + 1
        return "\(key).\(index)"
    }

    /// Drops the items of a repeat that have no answer at all (an "Add another" left empty).
    mutating func dropEmptyItems(of key: String) {
        var index = (counts[key] ?? 0) - 1
        while index >= 0 {
            let prefix = "\(key).\(index)."
            let answered = values.contains {
                $0.key.hasPrefix(prefix) && $0.value.contains { !$0.trimmingWhitespace.isEmpty }
            }
            if !answered { removeItem(index, from: key) }
            index -= 1
        }
    }

    /// A date's three boxes as one `YYYY-MM-DD` text, a single-digit day or month given its leading zero; the
    /// engine then says whether it is a real date.
    static func isoText(day: String, month: String, year: String) -> String {
        func twoDigits(_ text: String) -> String { text.count == 1 && text.allSatisfy(\.isNumber) ? "0" + text : text }
        return "\(year.trimmingWhitespace)-\(twoDigits(month.trimmingWhitespace))-\(twoDigits(day.trimmingWhitespace))"
    }
}
