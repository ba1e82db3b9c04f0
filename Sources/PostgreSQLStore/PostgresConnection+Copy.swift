import Foundation
import PostgresNIO

extension PostgresConnection {
    /// How many rows make `COPY` worth its second round trip.
    static let rowsWorthCopying = 32

    /// Inserts rows through `COPY ... FROM STDIN` in its text format, sent a megabyte at a time. Triggers and
    /// constraints apply to each row as they do to an `INSERT`'s.
    func copyRows(into table: String, columns: [String], _ rows: [[ColumnEncoder.ColumnValue?]]) async throws {
        // `copyFrom` quotes the names it is given; the tables' names were folded to lower case when created.
        let names = columns.map { $0.replacingOccurrences(of: "\"", with: "").lowercased() }
        try await copyFrom(table: table.lowercased(), columns: names, logger: PostgreSQLStore.silent) { writer in
            var buffer = ByteBuffer()
            buffer.reserveCapacity(1 << 20)
            for row in rows {
                for (index, value) in row.enumerated() {
                    if index > 0 { buffer.writeInteger(UInt8(ascii: "\t")) }
                    Self.writeCopyText(value, to: &buffer)
                }
                buffer.writeInteger(UInt8(ascii: "\n"))
                if buffer.readableBytes >= 1 << 20 {
                    try await writer.write(buffer)
                    buffer.clear()
                }
            }
            if buffer.readableBytes > 0 { try await writer.write(buffer) }
        }
    }

    /// Writes a value as `COPY`'s text format spells it: `\N` for NULL, a backslash before a backslash and the
    /// tab, newline and carriage return written as escapes, `bytea` as `\\x` and hexadecimal digits.
    private static func writeCopyText(_ value: ColumnEncoder.ColumnValue?, to buffer: inout ByteBuffer) {
        switch value {
        case nil: buffer.writeStaticString("\\N")
        case .integer(let number): buffer.writeString(String(number))
        case .real(let number): buffer.writeString(String(number))
        case .boolean(let flag): buffer.writeStaticString(flag ? "t" : "f")
        case .bytes(let data):
            buffer.writeStaticString("\\\\x")
            data.withUnsafeBytes { bytes in
                _ = buffer.writeWithUnsafeMutableBytes(minimumWritableBytes: bytes.count * 2) { out in
                    let digits: StaticString = "0123456789abcdef"
                    for index in 0..<bytes.count {
                        out[2 * index] = digits.utf8Start[Int(bytes[index] >> 4)]
                        out[2 * index + 1] = digits.utf8Start[Int(bytes[index] & 0x0F)]
                    }
                    return bytes.count * 2
                }
            }
        case .text(var text):
            text.withUTF8 { bytes in
                let raw = UnsafeRawBufferPointer(bytes)
                var start = 0
                for index in 0..<bytes.count {
                    let escape: UInt8
                    switch bytes[index] {
                    case UInt8(ascii: "\\"): escape = UInt8(ascii: "\\")
                    case UInt8(ascii: "\t"): escape = UInt8(ascii: "t")
                    case UInt8(ascii: "\n"): escape = UInt8(ascii: "n")
                    case UInt8(ascii: "\r"): escape = UInt8(ascii: "r")
                    default: continue
                    }
                    buffer.writeBytes(UnsafeRawBufferPointer(rebasing: raw[start..<index]))
                    buffer.writeInteger(UInt8(ascii: "\\"))
                    buffer.writeInteger(escape)
                    start = index + 1
                }
                buffer.writeBytes(UnsafeRawBufferPointer(rebasing: raw[start...]))
            }
        }
    }
}
