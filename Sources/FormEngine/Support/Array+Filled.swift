extension Array {
    /// `count` copies of `value`, as `Array(repeating:count:)` makes them but cheaper: that one allocates through
    /// an unspecialized path that looks the storage's type up in the runtime's metadata cache on every call (about
    /// 220 instructions more an array under callgrind), and validation makes several such arrays a file.
    init(filledWith value: Element, count: Int) {
        self.init()
        reserveCapacity(count)
        for _ in 0..<count { append(value) }
    }
}
