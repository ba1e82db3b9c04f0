import ArgumentParser
import FormEngine
import Foundation
import Records
import UseCases

/// Who is doing what a command records: `--by`, else `$SAFEGUARD_USER`, else the login name.
struct ActorOptions: ParsableArguments {
    @Option(name: .customLong("by"), help: "Who is doing this, for the record (default $SAFEGUARD_USER or your login).")
    var name: String?

    /// The sender of what the command asks: someone at the command line, by the name recorded.
    var sender: Sender {
        let environment = ProcessInfo.processInfo.environment
        return .commandLine(
            name ?? environment["SAFEGUARD_USER"] ?? environment["USER"] ?? environment["LOGNAME"] ?? "unknown")
    }
}

/// Reads a `YYYY-MM-DD` option, or says what is wrong with it. The value is shown in quotes with any control
/// character written out (`"2025-09-30\r"`): a carriage return from a CRLF file is otherwise invisible.
func day(_ text: String, option: String) throws -> Day {
    guard let day = Day(iso: text) else {
        throw ValidationError("\(option) must be a date written YYYY-MM-DD, not \(JSONValue.string(text).text).")
    }
    return day
}
