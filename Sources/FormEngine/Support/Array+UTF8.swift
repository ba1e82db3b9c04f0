extension [UInt8] {
    /// Appends the UTF-8 of a text, copied from its storage in one go.
    public mutating func append(utf8 text: String) {
        let copied: Void? = text.utf8.withContiguousStorageIfAvailable { append(contentsOf: $0) }
        if copied == nil { append(contentsOf: text.utf8) }
    }
}
