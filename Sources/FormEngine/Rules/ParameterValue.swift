/// Reads a parameter's value from its node, inferring its type or taking it from a choice list.
///
/// A plain scalar is true/false, a date (YYYY-MM-DD), a number, or text, in that order; a quoted
/// scalar is always text. With `list:`, every value must be a choice of that list; with `keys:`, so
/// must every key of a table. A sequence is a list of one type; a mapping is a table.
enum ParameterValue {
    /// The value and its type, or nil after recording a problem.
    static func read(_ node: Node, list: ChoiceList?, keys: ChoiceList?, reader: DefinitionReader) -> (
        Value, ValueType
    )? {
        switch node.content {
        case .scalar(let scalar):
            return readScalar(scalar, at: node.start, list: list, reader: reader)
        case .sequence(let items):
            var values: [Value] = []
            var element: ValueType = list.map { .choice($0.id) } ?? .anything
            for item in items {
                guard let (value, type) = read(item, list: list, keys: nil, reader: reader) else { return nil }
                guard type.fits(element) || element == .anything else {
                    reader.problem(
                        item.start, "Every item of a list must be of one type: this is a \(type), not a \(element).")
                    return nil
                }
                if element == .anything { element = type }
                values.append(value)
            }
            return (.list(values), .list(element))
        case .mapping(let entries):
            var table: [String: Value] = [:]
            var element: ValueType = .anything
            for entry in entries {
                if let keys, !keys.options.contains(where: { $0.value == entry.key }) {
                    reader.problem(
                        entry.keyStart,
                        "'\(entry.key)' is not a choice in the list '\(keys.id)'."
                            + Suggestion.didYouMean(entry.key, in: keys.options.map(\.value)))
                    return nil
                }
                guard let (value, type) = read(entry.value, list: list, keys: nil, reader: reader) else { return nil }
                guard type.fits(element) || element.fits(type) || element == .anything else {
                    reader.problem(
                        entry.value.start,
                        "Every value of a table must be of one type: this is a \(type), not a \(element).")
                    return nil
                }
                if element == .anything || element.fits(type) { element = type }
                table[entry.key] = value
            }
            return (.map(table), .map(element))
        }
    }

    private static func readScalar(
        _ scalar: Scalar, at position: TextPosition, list: ChoiceList?, reader: DefinitionReader
    ) -> (Value, ValueType)? {
        let text = scalar.text
        if let list {
            guard list.options.contains(where: { $0.value == text }) else {
                reader.problem(
                    position,
                    "'\(text)' is not a choice in the list '\(list.id)'.\(Suggestion.didYouMean(text, in: list.options.map(\.value)))"
                )
                return nil
            }
            return (.text(text), .choice(list.id))
        }
        guard scalar.isPlain else { return (.text(text), .text) }
        if text == "true" || text == "false" { return (.boolean(text == "true"), .boolean) }
        if let day = Day(iso: text) { return (.date(day), .date) }
        if let number = SubmissionBinder.decimal(text) { return (.number(number), .number) }
        if scalar.isNull {
            reader.problem(position, "A parameter needs a value.")
            return nil
        }
        return (.text(text), .text)
    }
}
