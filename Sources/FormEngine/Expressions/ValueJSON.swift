/// How values appear in JSON output: absent as null, dates as `YYYY-MM-DD`, records as objects.
enum ValueJSON {
    /// The JSON form of a value; a repeat item is the array of its sub-fields' values.
    static func make(_ value: Value) -> JSONValue {
        switch value {
        case .absent: return .null
        case .boolean(let flag): return .bool(flag)
        case .number(let number): return .number(number)
        case .text(let text): return .string(text)
        case .date(let day): return .string(day.iso)
        case .list(let items): return .array(items.map(make))
        case .record(let record): return .array(record.values.map(make))
        case .map(let entries): return .object(entries.keys.sorted().map { ($0, make(entries[$0]!)) })
        }
    }
}
