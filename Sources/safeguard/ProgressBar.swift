#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A progress bar on standard error, drawn only when standard error is a terminal.
struct ProgressBar {
    private let total: Int
    private let shown: Bool
    private var done = 0

    /// A bar for `total` items; invisible when standard error is not a terminal or there is only one item.
    init(total: Int) {
        self.total = total
        self.shown = total > 1 && isatty(2) == 1
    }

    /// Advances the bar by `count` items and redraws it.
    mutating func advance(by count: Int) {
        done += count
        draw()
    }

    /// Clears the bar's line, so other output can be written; call `draw` after it.
    func clear() {
        if shown { printErrorRaw("\r\u{1B}[K") }
    }

    /// Draws the bar.
    func draw() {
        guard shown else { return }
        let width = 30
        let filled = total == 0 ? width : width * done / total
        printErrorRaw(
            "\r[" + String(repeating: "#", count: filled) + String(repeating: " ", count: width - filled)
                + "] \(done) of \(total) files")
    }

    /// Removes the bar when the work is done.
    func finish() { clear() }
}
