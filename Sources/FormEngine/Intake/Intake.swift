import CYAML

/// Reads untrusted YAML or JSON bytes through libyaml's event API into a `Document`, enforcing `IntakeLimits`.
///
/// Every refusal names the file, line and column. The reader never recurses, keeps at most
/// `maxDepth` open collections and stops at the first broken limit, so no input can exhaust the
/// stack, the memory or the time.
public enum Intake {
    /// Reads one document from `bytes`; `file` names it in marks and messages.
    ///
    /// `size` is the file's whole size when `bytes` holds only its start (see `FileBytes.read`). `room`, when given,
    /// lends the arrays the document is kept in.
    public static func read(
        _ bytes: [UInt8], file: String, size: Int? = nil, limits: IntakeLimits = .submission, room: DocumentRoom? = nil
    ) -> Result<Document, IntakeRefusal> {
        bytes.withUnsafeBufferPointer { buffer in
            if let refusal = precheck(buffer, size: size ?? bytes.count, file: file, limits: limits) {
                return .failure(refusal)
            }
            var reader = EventReader(buffer: buffer, file: file, limits: limits, room: room)
            return reader.run()
        }
    }

    /// Reads one document from text.
    public static func read(
        _ text: String, file: String, limits: IntakeLimits = .submission
    ) -> Result<Document, IntakeRefusal> {
        read(Array(text.utf8), file: file, limits: limits)
    }

    /// The checks on the raw bytes: size, encoding, emptiness.
    private static func precheck(
        _ bytes: UnsafeBufferPointer<UInt8>, size: Int, file: String, limits: IntakeLimits
    ) -> IntakeRefusal? {
        if max(size, bytes.count) > limits.maxBytes {
            let at = UTF8Check.position(ofOffset: limits.maxBytes, in: bytes)
            return IntakeRefusal(
                rule: "intake.size",
                message:
                    "The file is \(ByteCount(max(size, bytes.count))); the limit is \(ByteCount(limits.maxBytes)). "
                    + "Put each submission in its own file.",
                mark: SourceMark(file: file, at))
        }
        if let bad = UTF8Check.firstInvalidOffset(bytes) {
            let at = UTF8Check.position(ofOffset: bad, in: bytes)
            let looksUTF16 =
                bytes.count >= 2 && ((bytes[0], bytes[1]) == (0xFF, 0xFE) || (bytes[0], bytes[1]) == (0xFE, 0xFF))
            let hint = looksUTF16 ? " (it looks like UTF-16)" : ""
            return IntakeRefusal(
                rule: "intake.encoding",
                message: "The file is not valid UTF-8\(hint): byte 0x\(hex(bytes[bad])) cannot start or continue "
                    + "a character here. Save the file as UTF-8 text.",
                mark: SourceMark(file: file, at))
        }
        return nil
    }

    private static func hex(_ byte: UInt8) -> String {
        let digits = Array("0123456789ABCDEF")
        return String([digits[Int(byte >> 4)], digits[Int(byte & 0x0F)]])
    }
}

/// A byte count as people read it: "512 bytes", "12.5 KiB", "1.0 MiB".
struct ByteCount: CustomStringConvertible {
    let bytes: Int

    init(_ bytes: Int) { self.bytes = bytes }

    var description: String {
        if bytes < 1024 { return "\(bytes) bytes" }
        if bytes < 1 << 20 { return tenths(bytes, 1024) + " KiB" }
        return tenths(bytes, 1 << 20) + " MiB"
    }

    private func tenths(_ value: Int, _ unit: Int) -> String {
        let scaled = (value * 10 + unit / 2) / unit
        return "\(scaled / 10).\(scaled % 10)"
    }
}
