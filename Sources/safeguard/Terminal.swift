#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif
import ArgumentParser
import FormEngine

/// Writes text to standard error, adding a line break when it has none.
func printError(_ text: String) {
    writeAll(text.hasSuffix("\n") ? text : text + "\n", to: 2)
}

/// Writes text to standard error exactly as given.
func printErrorRaw(_ text: String) {
    writeAll(text, to: 2)
}

/// Writes text to standard output exactly as given.
func printOut(_ text: String) {
    writeAll(text, to: 1)
}

/// Writes bytes to standard output exactly as given, from where they are.
func printOut(bytes: UnsafeBufferPointer<UInt8>) {
    writeAll(bytes, to: 1)
}

/// Writes every byte of a text, from where the text keeps them.
private func writeAll(_ text: String, to descriptor: Int32) {
    var text = text
    text.withUTF8 { writeAll($0, to: descriptor) }
}

/// Writes every byte, retrying short writes and interrupted calls.
private func writeAll(_ bytes: UnsafeBufferPointer<UInt8>, to descriptor: Int32) {
    var offset = 0
    while offset < bytes.count {
        let written = Glibc.write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
        if written < 0 {
            if errno == EINTR { continue }
            return
        }
        offset += written
    }
}

/// Today's date where the command runs: the default evaluation date. Only the command line reads the clock.
func today() -> Day {
    var now = time(nil)
    var parts = tm()
    localtime_r(&now, &parts)
    return Day(year: Int(parts.tm_year) + 1900, month: Int(parts.tm_mon) + 1, day: Int(parts.tm_mday))
        ?? Day(daysSinceEpoch: now / 86_400)
}
