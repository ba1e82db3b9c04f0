import ArgumentParser
import Foundation
import FormEngine

/// Every mistake in a command line, found by parsing it again without each mistake found: a mistyped command gets
/// the nearest one; each unknown option, or option with a value it does not take, is named once; then the usage of
/// the command meant.
struct CommandLineMistakes {
    /// The arguments as given, without the program's name.
    let arguments: [String]

    init(_ arguments: [String]) {
        self.arguments = arguments
    }

    /// The text to print for a command line that does not parse, whose first error is `first`.
    func report(first: any Error) -> String {
        let names = Safeguard.configuration.subcommands.map { $0._commandName }
        if let word = arguments.first, !word.hasPrefix("-"), !names.contains(word) {
            let nearest = Suggestion.closest(to: word, in: names)
            return "Error: '\(word)' is not a command.\(nearest.map { " Did you mean '\($0)'?" } ?? "")\n"
                + "The commands are: \(names.joined(separator: ", ")).\n"
                + "  See 'safeguard --help' for what each does.\n"
        }
        var remaining = arguments
        var messages: [String] = []
        var error: (any Error)? = first
        var usage = Safeguard.fullMessage(for: first)
        var valuesOfUnknown: [String] = []
        while let current = error, messages.count < 20 {
            let message = Safeguard.message(for: current)
            if messages.isEmpty { usage = Safeguard.fullMessage(for: current) }
            // A required option taken out with its bad value is missing now: already said.
            if message.hasPrefix("Missing expected argument"),
                let option = Self.quoted(message)?.split(separator: " ").first.map(String.init),
                arguments.contains(where: { $0 == option || $0.hasPrefix(option + "=") })
            {
                break
            }
            let unexpected = Self.allQuoted(message)
            if message.lowercased().contains("unexpected argument"), !unexpected.isEmpty,
                unexpected.allSatisfy(valuesOfUnknown.contains)
            {
                // The values of unknown options, left behind when the options were taken out: no mistakes of their own.
                for value in unexpected { remaining.firstIndex(of: value).map { _ = remaining.remove(at: $0) } }
            } else {
                messages.append(Self.withSuggestion(message))
                guard let removed = Self.without(offending: message, in: remaining) else { break }
                if message.hasPrefix("Unknown option"),
                    let value = zip(remaining, remaining.dropFirst()).first(where: { $0.0 == Self.quoted(message) })?.1,
                    !value.hasPrefix("-")
                {
                    valuesOfUnknown.append(value)
                }
                remaining = removed
            }
            do {
                _ = try Safeguard.parseAsRoot(remaining)
                error = nil
            } catch let next {
                error = Safeguard.exitCode(for: next) == .validationFailure ? next : nil
            }
        }
        // The usage part of the first full message: what follows its first line.
        let usageLines = usage.split(separator: "\n", omittingEmptySubsequences: false).drop { !$0.hasPrefix("Usage:") }
        return messages.map { "Error: " + $0 }.joined(separator: "\n") + "\n" + usageLines.joined(separator: "\n")
            + "\n"
    }

    /// A message about a value an option does not take, with the nearest of the values it does: "The value 'grnt'
    /// is invalid for '--outcome <outcome>'. Did you mean 'grant'? Please provide one of ...".
    static func withSuggestion(_ message: String) -> String {
        guard message.hasPrefix("The value '"), let given = quoted(message),
            let list = message.range(of: "Please provide one of ")
        else { return message }
        let values = allQuoted(String(message[list.upperBound...]))
        guard let nearest = Suggestion.closest(to: given.lowercased(), in: values) else { return message }
        return message.replacingCharacters(in: list.lowerBound..<list.lowerBound, with: "Did you mean '\(nearest)'? ")
    }

    /// Every text in single quotes in a message.
    static func allQuoted(_ message: String) -> [String] {
        message.split(separator: "'", omittingEmptySubsequences: false).enumerated().filter { $0.offset % 2 == 1 }
            .map { String($0.element) }
    }

    /// The first text in single quotes in a message.
    static func quoted(_ message: String) -> String? {
        let parts = message.split(separator: "'", omittingEmptySubsequences: false)
        return parts.count >= 3 ? String(parts[1]) : nil
    }

    /// The arguments without the one a message names (the first text in single quotes), and the value after it when
    /// the message is about its value; nil when the message names none of them.
    static func without(offending message: String, in arguments: [String]) -> [String]? {
        guard let token = quoted(message) else { return nil }
        if let index = arguments.firstIndex(of: token) {
            var remaining = arguments
            remaining.remove(at: index)
            // "The value 'xml' is invalid for '--format <format>'": the option goes with its value.
            if message.hasPrefix("The value"), index > 0, arguments[index - 1].hasPrefix("-") {
                remaining.remove(at: index - 1)
            }
            return remaining
        }
        // An option written with its value: --format=xml.
        if let index = arguments.firstIndex(where: { $0.hasPrefix(token + "=") || $0.hasSuffix("=" + token) }) {
            var remaining = arguments
            remaining.remove(at: index)
            return remaining
        }
        return nil
    }
}
