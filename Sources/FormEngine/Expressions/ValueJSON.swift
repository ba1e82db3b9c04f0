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
}
