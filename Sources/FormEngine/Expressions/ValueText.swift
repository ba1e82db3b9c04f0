/// How values read in messages and in JSON.
enum ValueText {
    /// A value as a sentence shows it: dates as "1 March 2017", yes-no as "yes" or "no", lists joined by commas.
    /// Choice values are shown by their label when `lists` names the list.
    static func plain(_ value: Value, type: ValueType? = nil, lists: [String: ChoiceList] = [:]) -> String {
        switch value {
        case .absent: return "not answered"
        case .boolean(let flag): return flag ? "yes" : "no"
        case .number(let number):
            return number.isFinite && number == number.rounded() && abs(number) < 1e15
                ? String(Int(number)) : String(number)
        case .text(let text):
            if let listID = type?.choiceList, let list = lists[listID] { return list.label(for: text) }
            return text
        case .date(let day): return day.spoken
        case .list(let items):
            let element = type?.element
            return items.map { plain($0, type: element, lists: lists) }.joined(separator: ", ")
        case .record(let record): return "item on line \(record.start.map { String($0.line) } ?? "?")"
        case .map(let entries): return entries.keys.sorted().joined(separator: ", ")
        }
    }
}
