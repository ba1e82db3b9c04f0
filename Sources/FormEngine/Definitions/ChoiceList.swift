import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A named list of choices that choice and multi-choice fields draw from. A class, so that the fields that draw
/// from it share it.
public final class ChoiceList: Sendable {
    /// The list's id, as fields name it.
    public let id: String
    /// The options, in the order people see them.
    public let options: [ChoiceOption]
    /// Where the list is defined.
    public let mark: SourceMark
    /// Every option's value as UTF-8, one after another, and where each ends: every answer is looked up among
    /// these (lists are short: comparing with each value costs less than hashing the answer).
    private let valueBytes: [UInt8]
    private let valueEnds: [Int]

    /// Creates a list.
    public init(id: String, options: [ChoiceOption], mark: SourceMark) {
        self.id = id
        self.options = options
        self.mark = mark
        valueBytes = options.flatMap { Array($0.value.utf8) }
        valueEnds = options.reduce(into: []) { ends, option in ends.append((ends.last ?? 0) + option.value.utf8.count) }
    }

    /// The option an answer names: by its value exactly, or by its value or label ignoring case.
    public func option(matching answer: String) -> ChoiceOption? {
        if let exact = index(of: answer) { return options[exact] }
        let folded = answer.lowercased()
        return options.first(where: { $0.value.lowercased() == folded || $0.label.lowercased() == folded })
    }

    /// The option a register's wording describes: one matching it outright, else the one whose label's key words
    /// (the label without "school") come latest in it, so GIAS's "Academy converter" is an Academy and "Community
    /// special school" a Special school; nil when none does.
    public func option(describedBy wording: String) -> ChoiceOption? {
        if let exact = option(matching: wording) { return exact }
        let folded = wording.lowercased()
        var best: (option: ChoiceOption, at: String.Index)?
        for option in options {
            var key = option.label.lowercased()
            if key.hasSuffix(" school") { key.removeLast(" school".count) }
            guard !key.isEmpty, let found = folded.range(of: key, options: .backwards) else { continue }
            if best.map({ found.lowerBound > $0.at }) ?? true { best = (option, found.lowerBound) }
        }
        return best?.option
    }

    /// The (first) option whose value is exactly these UTF-8 bytes.
    func option(valueBytes bytes: UnsafeBufferPointer<UInt8>) -> ChoiceOption? {
        index(ofValueBytes: bytes).map { options[$0] }
    }

    /// The label people see for a value, or the value itself if the list does not hold it.
    public func label(for value: String) -> String {
        index(of: value).map { options[$0].label } ?? value
    }

    /// The place in `options` of the (first) option with this value: its bytes exactly, or else (a value written
    /// with other but equivalent Unicode) as Swift compares strings.
    private func index(of value: String) -> Int? {
        let exact = value.utf8.withContiguousStorageIfAvailable { index(ofValueBytes: $0) }
        return (exact ?? nil) ?? options.firstIndex(where: { $0.value == value })
    }

    /// The place in `options` of the (first) option whose value is exactly these UTF-8 bytes.
    private func index(ofValueBytes bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        valueBytes.withUnsafeBufferPointer { all in
            var start = 0
            for (index, end) in valueEnds.enumerated() {
                if end - start == bytes.count
                    && (bytes.isEmpty || memcmp(all.baseAddress! + start, bytes.baseAddress!, bytes.count) == 0)
                {
                    return index
                }
                start = end
            }
            return nil
        }
    }

    /// The values, for messages: "a, b or c".
    public var valuesDescription: String {
        Wording.alternatives(options.map { $0.value })
    }
}

/// One option of a choice list: the value stored and the label shown.
public struct ChoiceOption: Sendable, Equatable {
    /// The value a submission gives and the store keeps.
    public let value: String
    /// What people see.
    public let label: String

    /// Creates an option.
    public init(value: String, label: String) {
        self.value = value
        self.label = label
    }
}
