/// One field of a CSV file and where it starts.
public struct CSVField: Sendable, Equatable {
    /// The field's text, quotes removed.
    public let text: String
    /// The line it starts on, from 1.
    public let line: Int
    /// The column it starts at, from 1.
    public let column: Int
}

/// Where and why a CSV file cannot be read.
public struct CSVProblem: Error, Sendable, Equatable {
    /// The line, from 1.
    public let line: Int
    /// The column, from 1.
    public let column: Int
    /// What is wrong.
    public let message: String
}

/// Reads CSV (RFC 4180: commas, double quotes, doubled quotes inside them, CRLF or LF line ends) with the
/// line and column of every field, so a bad value can be named exactly.
public enum CSVReader {
    /// The rows of `text`, or the place and reason it cannot be read. `refusingNUL` for a file whose values are
    /// stored as text (a register, a list of days received): a NUL character in one is refused where it stands, as
    /// kept it would cut the value short in one store and be refused by the other.
    public static func rows(of text: String, refusingNUL: Bool = false) -> Result<[[CSVField]], CSVProblem> {
        var text = text
        return text.withUTF8 { rows(of: $0, refusingNUL: refusingNUL) }
    }

    /// The rows of UTF-8 text, read a byte at a time: every byte that ends a field or a row is ASCII, so a field is
    /// the bytes between them (a list of 360,000 files read scalar by scalar took a second). A column counts
    /// characters (Unicode scalars), not bytes: a byte that continues a character is not counted.
    private static func rows(of bytes: UnsafeBufferPointer<UInt8>, refusingNUL: Bool) -> Result<
        [[CSVField]], CSVProblem
    > {
        let quote = UInt8(ascii: "\""), comma = UInt8(ascii: ","), newline = UInt8(ascii: "\n")
        let carriageReturn = UInt8(ascii: "\r")
        var rows: [[CSVField]] = []
        var row: [CSVField] = []
        var field: [UInt8] = []
        var fieldLine = 1
        var fieldColumn = 1
        var line = 1
        var column = 1
        var inQuotes = false
        var quoteLine = 1
        var quoteColumn = 1
        var index = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        func endField() {
            row.append(CSVField(text: String(decoding: field, as: UTF8.self), line: fieldLine, column: fieldColumn))
            field.removeAll(keepingCapacity: true)
        }
        while index < bytes.count {
            let byte = bytes[index]
            if refusingNUL && byte == 0 {
                return .failure(
                    CSVProblem(
                        line: line, column: column,
                        message: "A NUL character (byte 0) is here: this is not a text file. Export it again as CSV."))
            }
            if inQuotes {
                if byte == quote {
                    if index + 1 < bytes.count, bytes[index + 1] == quote {
                        field.append(quote)
                        index += 2
                        column += 2
                        continue
                    }
                    inQuotes = false
                } else {
                    field.append(byte)
                    if byte == newline {
                        line += 1
                        column = 0
                    }
                }
            } else if byte == quote && field.isEmpty {
                inQuotes = true
                quoteLine = line
                quoteColumn = column
            } else if byte == comma {
                endField()
                fieldLine = line
                fieldColumn = column + 1
            } else if byte == newline || byte == carriageReturn {
                if byte == carriageReturn, index + 1 < bytes.count, bytes[index + 1] == newline { index += 1 }
                endField()
                if !(row.count == 1 && row[0].text.isEmpty) { rows.append(row) }
                row = []
                line += 1
                column = 0
                fieldLine = line
                fieldColumn = 1
            } else {
                field.append(byte)
            }
            index += 1
            if byte & 0xC0 != 0x80 { column += 1 }
        }
        if inQuotes {
            return .failure(
                CSVProblem(
                    line: quoteLine, column: quoteColumn,
                    message: "This quoted value is never closed: add the closing '\"'."))
        }
        if !field.isEmpty || !row.isEmpty {
            endField()
            rows.append(row)
        }
        return .success(rows)
    }
}

/// Text from bytes that may be UTF-8 or, as GIAS extracts often are, Windows-1252.
public enum LegacyText {
    /// The text: UTF-8 when the bytes are valid UTF-8, otherwise Windows-1252.
    public static func decode(_ bytes: [UInt8]) -> String {
        if let text = String(validating: bytes, as: UTF8.self) { return text }
        var scalars = String.UnicodeScalarView()
        for byte in bytes {
            if (0x80...0x9F).contains(byte), let mapped = windows1252[byte] {
                scalars.append(mapped)
            } else {
                scalars.append(Unicode.Scalar(byte))
            }
        }
        return String(scalars)
    }

    /// The characters Windows-1252 puts where Latin-1 has control codes.
    private static let windows1252: [UInt8: Unicode.Scalar] = [
        0x80: "\u{20AC}", 0x82: "\u{201A}", 0x83: "\u{0192}", 0x84: "\u{201E}", 0x85: "\u{2026}", 0x86: "\u{2020}",
        0x87: "\u{2021}", 0x88: "\u{02C6}", 0x89: "\u{2030}", 0x8A: "\u{0160}", 0x8B: "\u{2039}", 0x8C: "\u{0152}",
        0x8E: "\u{017D}", 0x91: "\u{2018}", 0x92: "\u{2019}", 0x93: "\u{201C}", 0x94: "\u{201D}", 0x95: "\u{2022}",
        0x96: "\u{2013}", 0x97: "\u{2014}", 0x98: "\u{02DC}", 0x99: "\u{2122}", 0x9A: "\u{0161}", 0x9B: "\u{203A}",
        0x9C: "\u{0153}", 0x9E: "\u{017E}", 0x9F: "\u{0178}",
    ]
}
