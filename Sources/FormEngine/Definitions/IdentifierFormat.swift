/// The identifiers a form can ask for, each checked against its real format (DOMAIN.md).
public enum IdentifierFormat: String, Sendable, CaseIterable {
    /// A school's Unique Reference Number in GIAS: 6 digits.
    case urn
    /// A school's DfE number (LAESTAB): a 3-digit LA code and a 4-digit establishment number, `928/2001` or `9282001`.
    case dfeNumber = "dfe-number"
    /// A DBS certificate number: 12 digits.
    case dbsCertificate = "dbs-certificate"
    /// A GB driving licence number: 16 characters that encode surname, date of birth and initials.
    case driverNumber = "driver-number"
    /// A National Insurance number: 2 letters, 6 digits and A, B, C or D, under HMRC's prefix rules.
    case niNumber = "ni-number"
    /// A UK postcode.
    case postcode
    /// An email address.
    case email
    /// A UK phone number: 10 or 11 digits from 0, or +44 and 9 or 10 digits.
    case phone

    /// The answer in its canonical form when it is well formed, or nil.
    ///
    /// Spaces are allowed where people write them (`AB 12 34 56 C`, `NN1 1AA`); letters are upper-cased. Every
    /// format but an email's local part is ASCII, so the checks read bytes, not Characters.
    public func normalize(_ answer: String) -> String? {
        let trimmed = answer.trimmingWhitespace
        var text = trimmed
        return text.withUTF8 { normalize($0, trimmed: trimmed) }
    }

    /// `normalize` on the trimmed answer's bytes. An answer already written the canonical way, as most are, is
    /// checked where it is and given back as it is: no array or string is made for it.
    private func normalize(_ bytes: UnsafeBufferPointer<UInt8>, trimmed: String) -> String? {
        guard bytes.allSatisfy({ $0 < 0x80 }) else { return self == .email && Self.isEmail(trimmed) ? trimmed : nil }
        func text(_ bytes: [UInt8]) -> String { String(decoding: bytes, as: UTF8.self) }
        let hasSpace = bytes.contains(UInt8(ascii: " "))
        var compact: [UInt8] { bytes.filter { $0 != UInt8(ascii: " ") } }
        switch self {
        case .urn:
            return bytes.count == 6 && bytes.allSatisfy(\.isASCIIDigit) ? trimmed : nil
        case .dfeNumber:
            let digits = bytes.filter { $0 != UInt8(ascii: "/") }
            guard digits.count == 7, digits.allSatisfy(\.isASCIIDigit) else { return nil }
            guard bytes.count == 7 || bytes.firstIndex(of: UInt8(ascii: "/")) == 3 else { return nil }
            return text(Array(digits.prefix(3))) + "/" + text(Array(digits.suffix(4)))
        case .dbsCertificate:
            guard hasSpace else { return bytes.count == 12 && bytes.allSatisfy(\.isASCIIDigit) ? trimmed : nil }
            let digits = compact
            return digits.count == 12 && digits.allSatisfy(\.isASCIIDigit) ? text(digits) : nil
        case .driverNumber, .niNumber:
            let isWellFormed = self == .driverNumber ? Self.isDriverNumber : Self.isNINumber
            guard hasSpace || bytes.contains(where: \.isLowercaseASCIILetter) else {
                return isWellFormed(bytes) ? trimmed : nil
            }
            let upper = compact.map(Self.upper)
            return upper.withUnsafeBufferPointer(isWellFormed) ? text(upper) : nil
        case .postcode:
            return Self.normalizePostcode(bytes, trimmed: trimmed)
        case .email:
            return Self.isEmail(bytes) ? trimmed : nil
        case .phone:
            return Self.isPhone(bytes) ? trimmed : nil
        }
    }

    /// What a well-formed answer looks like, for messages.
    public var expectation: String {
        switch self {
        case .urn: return "a URN of 6 digits, like 121234"
        case .dfeNumber: return "a DfE number: the 3-digit LA code and 4-digit school number, like 928/2001"
        case .dbsCertificate: return "a DBS certificate number of 12 digits, like 001234567890"
        case .driverNumber: return "a 16-character GB driving licence number, like MORGA657054SM9IJ"
        case .niNumber: return "a National Insurance number: 2 letters, 6 digits and A, B, C or D, like AB123456C"
        case .postcode: return "a UK postcode, like NN1 1AA"
        case .email: return "an email address, like name@example.org"
        case .phone: return "a UK phone number, like 01604 123456 or +44 1604 123456"
        }
    }

    // MARK: - Formats

    private static func upper(_ byte: UInt8) -> UInt8 { byte.isLowercaseASCIILetter ? byte - 32 : byte }

    /// True when `byte` is one of the ASCII characters of `set` (read in place: these checks run on every byte).
    private static func byte(_ byte: UInt8, isIn set: StaticString) -> Bool {
        UnsafeBufferPointer(start: set.utf8Start, count: set.utf8CodeUnitCount).contains(byte)
    }

    /// Surname (5: letters then 9s), decade, month (+50 for women), day, year digit, initials (2: a letter
    /// then a letter or 9), one digit, two check characters.
    private static func isDriverNumber(_ c: UnsafeBufferPointer<UInt8>) -> Bool {
        guard c.count == 16, c[0].isUppercaseASCIILetter else { return false }
        func number(_ i: Int) -> Int { Int(c[i] - 48) * 10 + Int(c[i + 1] - 48) }
        var sawPadding = false
        for b in c[1..<5] {
            if b == UInt8(ascii: "9") {
                sawPadding = true
            } else if !b.isUppercaseASCIILetter || sawPadding {
                return false
            }
        }
        guard (5...10).allSatisfy({ c[$0].isASCIIDigit }) else { return false }
        let month = number(6)
        guard (1...12).contains(month) || (51...62).contains(month) else { return false }
        guard (1...31).contains(number(8)) else { return false }
        guard c[11].isUppercaseASCIILetter, c[12].isUppercaseASCIILetter || c[12] == UInt8(ascii: "9") else {
            return false
        }
        guard c[13].isASCIIDigit else { return false }
        return (14...15).allSatisfy { c[$0].isUppercaseASCIILetter || c[$0].isASCIIDigit }
    }

    /// HMRC's rules (NIM39110): D, F, I, Q, U, V never first or second; O never second; some prefixes never used.
    private static func isNINumber(_ c: UnsafeBufferPointer<UInt8>) -> Bool {
        guard c.count == 9, c[0].isUppercaseASCIILetter, c[1].isUppercaseASCIILetter else { return false }
        guard !Self.byte(c[0], isIn: "DFIQUV"), !Self.byte(c[1], isIn: "DFIQUVO") else { return false }
        switch (c[0], c[1]) {
        case (UInt8(ascii: "B"), UInt8(ascii: "G")), (UInt8(ascii: "G"), UInt8(ascii: "B")),
            (UInt8(ascii: "N"), UInt8(ascii: "K")), (UInt8(ascii: "K"), UInt8(ascii: "N")),
            (UInt8(ascii: "T"), UInt8(ascii: "N")), (UInt8(ascii: "N"), UInt8(ascii: "T")),
            (UInt8(ascii: "Z"), UInt8(ascii: "Z")):
            return false
        default: break
        }
        guard c[2..<8].allSatisfy(\.isASCIIDigit) else { return false }
        return Self.byte(c[8], isIn: "ABCD")
    }

    /// A UK postcode (the outward code, a space, the inward code), upper-cased with one space; or nil. `trimmed`,
    /// the answer `bytes` hold, is given back when it is written so already.
    private static func normalizePostcode(_ bytes: UnsafeBufferPointer<UInt8>, trimmed: String) -> String? {
        // The answer without its spaces, upper-cased: at most 7 characters.
        var compact: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) = (0, 0, 0, 0, 0, 0, 0)
        var count = 0
        for byte in bytes where byte != UInt8(ascii: " ") {
            guard count < 7 else { return nil }
            withUnsafeMutableBytes(of: &compact) { $0[count] = upper(byte) }
            count += 1
        }
        guard count >= 5 else { return nil }
        return withUnsafeBytes(of: compact) { raw -> String? in
            let characters = raw.bindMemory(to: UInt8.self)
            let outward = UnsafeBufferPointer(rebasing: characters[..<(count - 3)])
            let inward = UnsafeBufferPointer(rebasing: characters[(count - 3)..<count])
            guard inward[0].isASCIIDigit, inward.dropFirst().allSatisfy(\.isUppercaseASCIILetter),
                !inward.dropFirst().contains(where: { Self.byte($0, isIn: "CIKMOV") })
            else { return nil }
            // GIR 0AA, or one of A9, A99, AA9, AA99, A9A, AA9A not starting with Q, V or X.
            let isGirobank = outward.elementsEqual("GIR".utf8) && inward.elementsEqual("0AA".utf8)
            if !isGirobank {
                var shape: UInt32 = 0
                for byte in outward {
                    let kind: UInt32 = byte.isASCIIDigit ? 1 : (byte.isUppercaseASCIILetter ? 2 : 3)
                    shape = shape << 2 | kind
                }
                // Each character two bits, the first highest: 1 a digit, 2 a letter.
                let shapes: [UInt32] = [0b10_01, 0b10_01_01, 0b10_10_01, 0b10_10_01_01, 0b10_01_10, 0b10_10_01_10]
                guard shapes.contains(shape), !Self.byte(outward[0], isIn: "QVX") else { return nil }
            }
            let isCanonical =
                bytes.count == count + 1 && bytes[count - 3] == UInt8(ascii: " ")
                && !bytes.contains(where: \.isLowercaseASCIILetter)
            if isCanonical { return trimmed }
            return String(decoding: outward, as: UTF8.self) + " " + String(decoding: inward, as: UTF8.self)
        }
    }

    /// A practical email check: one `@`, a local part without spaces, a domain of dot-separated labels.
    private static func isEmail(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let at = bytes.firstIndex(of: UInt8(ascii: "@")), bytes.lastIndex(of: UInt8(ascii: "@")) == at else {
            return false
        }
        let local = bytes[..<at]
        let domain = bytes[(at + 1)...]
        guard !local.isEmpty, local.count <= 64, domain.count <= 253 else { return false }
        guard !local.contains(where: { $0 <= 0x20 || $0 == 0x7F || Self.byte($0, isIn: "<>()[],;:\\\"") }) else {
            return false
        }
        guard local.first != UInt8(ascii: "."), local.last != UInt8(ascii: "."),
            !zip(local, local.dropFirst()).contains(where: { $0 == UInt8(ascii: ".") && $1 == UInt8(ascii: ".") })
        else { return false }
        return isDomain(domain)
    }

    /// The same check for an address whose local part is not ASCII (the domain must be).
    private static func isEmail(_ text: String) -> Bool {
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, let local = parts.first, let domain = parts.last else { return false }
        guard !local.isEmpty, local.utf8.count <= 64, domain.utf8.count <= 253 else { return false }
        guard !local.contains(where: { $0.isWhitespace || "<>()[],;:\\\"".contains($0) }) else { return false }
        guard !local.hasPrefix("."), !local.hasSuffix("."), !local.contains("..") else { return false }
        let domainBytes = Array(domain.utf8)
        return domainBytes.allSatisfy { $0 < 0x80 } && domainBytes.withUnsafeBufferPointer { isDomain($0[...]) }
    }

    /// Dot-separated labels of letters, digits and hyphens, the last of letters only.
    private static func isDomain(_ domain: Slice<UnsafeBufferPointer<UInt8>>) -> Bool {
        var rest = domain
        var labels = 0
        while true {
            let end = rest.firstIndex(of: UInt8(ascii: ".")) ?? rest.endIndex
            let label = rest[..<end]
            labels += 1
            guard !label.isEmpty, label.count <= 63, label.first != UInt8(ascii: "-"), label.last != UInt8(ascii: "-"),
                label.allSatisfy({ $0.isASCIILetter || $0.isASCIIDigit || $0 == UInt8(ascii: "-") })
            else { return false }
            guard end < rest.endIndex else { return labels >= 2 && label.allSatisfy(\.isASCIILetter) }
            rest = rest[(end + 1)...]
        }
    }

    /// A UK number with optional spaces, hyphens and brackets: 0 and 9 or 10 more digits, or +44 and 9 or 10 digits.
    private static func isPhone(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard bytes.allSatisfy({ $0.isASCIIDigit || Self.byte($0, isIn: " -()+") }) else { return false }
        guard !bytes.dropFirst().contains(UInt8(ascii: "+")) else { return false }
        // The first three digits, and how many there are.
        var leading: (UInt8, UInt8, UInt8) = (0, 0, 0)
        var count = 0
        for byte in bytes where byte.isASCIIDigit {
            switch count {
            case 0: leading.0 = byte
            case 1: leading.1 = byte
            case 2: leading.2 = byte
            default: break
            }
            count += 1
        }
        if bytes.first == UInt8(ascii: "+") {
            guard count >= 3, leading.0 == UInt8(ascii: "4"), leading.1 == UInt8(ascii: "4") else { return false }
            return (9...10).contains(count - 2) && leading.2 != UInt8(ascii: "0")
        }
        return count > 0 && leading.0 == UInt8(ascii: "0") && (10...11).contains(count)
    }
}

extension UInt8 {
    /// An ASCII digit, 0 to 9.
    var isASCIIDigit: Bool { self >= UInt8(ascii: "0") && self <= UInt8(ascii: "9") }
    /// An ASCII capital, A to Z.
    var isUppercaseASCIILetter: Bool { self >= UInt8(ascii: "A") && self <= UInt8(ascii: "Z") }
    /// An ASCII small letter, a to z.
    var isLowercaseASCIILetter: Bool { self >= UInt8(ascii: "a") && self <= UInt8(ascii: "z") }
    /// An ASCII letter.
    var isASCIILetter: Bool { isUppercaseASCIILetter || isLowercaseASCIILetter }
}

extension Character {
    /// An ASCII digit, 0 to 9.
    var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}
