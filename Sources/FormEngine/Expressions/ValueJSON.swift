extension Value {
    /// The value as JSON output shows it: absent as null, dates as `YYYY-MM-DD`, a repeat item as the
    /// array of its sub-fields' values.
    public var json: JSONValue {
        switch self {
        case .absent: return .null
        case .boolean(let flag): return .bool(flag)
        case .number(let number): return .number(number)
        case .text(let text): return .string(text)
        case .date(let day): return .string(day.iso)
        case .list(let items): return .array(items.map(\.json))
        case .record(let record): return .array(record.values.map(\.json))
        case .map(let entries): return .object(entries.keys.sorted().map { ($0, entries[$0]!.json) })
        }
    }

    /// Appends the value's JSON, as `json` shows it, to `output`: a single value without making a tree for it.
    func writeJSON(to output: inout [UInt8]) {
        switch self {
        case .absent: output.append(utf8: "null")
        case .boolean(let flag): output.append(utf8: flag ? "true" : "false")
        case .number(let number): JSONValue.writeNumber(number, to: &output)
        case .text(let text): JSONValue.writeString(text, to: &output)
        case .date(let day): JSONValue.writeString(day.iso, to: &output)
        case .list, .record, .map: json.write(to: &output)
        }
    }
}
