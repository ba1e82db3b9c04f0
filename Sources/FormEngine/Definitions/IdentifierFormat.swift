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
    /// Spaces are allowed where people write them (`AB 12 34 56 C`, `NN1 1AA`); letters are upper-cased.
    public func normalize(_ answer: String) -> String? {
        let trimmed = answer.trimmingWhitespace
        switch self {
        case .urn:
            return trimmed.utf8.count == 6 && trimmed.allSatisfy(\.isASCIIDigit) ? trimmed : nil
        case .dfeNumber:
            let digits = trimmed.replacingAll("/", with: "")
            guard digits.utf8.count == 7, digits.allSatisfy(\.isASCIIDigit) else { return nil }
            guard
                trimmed.utf8.count == 7 || trimmed.firstIndex(of: "/") == trimmed.index(trimmed.startIndex, offsetBy: 3)
            else { return nil }
            return String(digits.prefix(3)) + "/" + String(digits.suffix(4))
        case .dbsCertificate:
            let digits = trimmed.replacingAll(" ", with: "")
            return digits.utf8.count == 12 && digits.allSatisfy(\.isASCIIDigit) ? digits : nil
        case .driverNumber:
            let upper = trimmed.replacingAll(" ", with: "").uppercased()
            return Self.isDriverNumber(upper) ? upper : nil
        case .niNumber:
            let upper = trimmed.replacingAll(" ", with: "").uppercased()
            return Self.isNINumber(upper) ? upper : nil
        case .postcode:
            return Self.normalizePostcode(trimmed)
        case .email:
            return Self.isEmail(trimmed) ? trimmed : nil
        case .phone:
            return Self.isPhone(trimmed) ? trimmed : nil
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

    /// Surname (5: letters then 9s), decade, month (+50 for women), day, year digit, initials (2: a letter
    /// then a letter or 9), one digit, two check characters.
    private static func isDriverNumber(_ text: String) -> Bool {
        let c = Array(text.utf8)
        guard c.count == 16 else { return false }
        func isLetter(_ b: UInt8) -> Bool { b >= 65 && b <= 90 }
        func isDigit(_ b: UInt8) -> Bool { b >= 48 && b <= 57 }
        func number(_ i: Int) -> Int { Int(c[i] - 48) * 10 + Int(c[i + 1] - 48) }
        guard isLetter(c[0]) else { return false }
        var sawPadding = false
        for b in c[1..<5] {
            if b == UInt8(ascii: "9") { sawPadding = true } else if !isLetter(b) || sawPadding { return false }
        }
        guard (5...10).allSatisfy({ isDigit(c[$0]) }) else { return false }
        let month = number(6)
        guard (1...12).contains(month) || (51...62).contains(month) else { return false }
        guard (1...31).contains(number(8)) else { return false }
        guard isLetter(c[11]), isLetter(c[12]) || c[12] == UInt8(ascii: "9") else { return false }
        guard isDigit(c[13]) else { return false }
        return (14...15).allSatisfy { isLetter(c[$0]) || isDigit(c[$0]) }
    }

    /// HMRC's rules (NIM39110): D, F, I, Q, U, V never first or second; O never second; some prefixes never used.
    private static func isNINumber(_ text: String) -> Bool {
        let c = Array(text.utf8)
        guard c.count == 9 else { return false }
        let first = Character(UnicodeScalar(c[0]))
        let second = Character(UnicodeScalar(c[1]))
        guard first.isUppercaseASCIILetter, second.isUppercaseASCIILetter else { return false }
        guard !"DFIQUV".contains(first), !"DFIQUVO".contains(second) else { return false }
        guard !["BG", "GB", "NK", "KN", "TN", "NT", "ZZ"].contains(String([first, second])) else { return false }
        guard c[2..<8].allSatisfy({ $0 >= 48 && $0 <= 57 }) else { return false }
        return "ABCD".utf8.contains(c[8])
    }

    /// A UK postcode (the outward code, a space, the inward code), upper-cased with one space; or nil.
    private static func normalizePostcode(_ text: String) -> String? {
        let compact = Array(text.replacingAll(" ", with: "").uppercased())
        guard (5...7).contains(compact.count) else { return nil }
        let outward = compact.dropLast(3)
        let inward = compact.suffix(3)
        guard inward.first?.isASCIIDigit == true, inward.dropFirst().allSatisfy(\.isUppercaseASCIILetter),
            !inward.dropFirst().contains(where: { "CIKMOV".contains($0) })
        else { return nil }
        let out = String(outward)
        if out == "GIR" && String(inward) == "0AA" { return "GIR 0AA" }
        // A9, A99, AA9, AA99, A9A, AA9A
        let shape = String(out.map { $0.isASCIIDigit ? "9" : ($0.isUppercaseASCIILetter ? "A" : "?") })
        guard ["A9", "A99", "AA9", "AA99", "A9A", "AA9A"].contains(shape) else { return nil }
        guard let area = out.first, !"QVX".contains(area) else { return nil }
        return out + " " + String(inward)
    }

    /// A practical email check: one `@`, a local part without spaces, a domain of dot-separated labels.
    private static func isEmail(_ text: String) -> Bool {
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, let local = parts.first, let domain = parts.last else { return false }
        guard !local.isEmpty, local.utf8.count <= 64, domain.utf8.count <= 253 else { return false }
        guard !local.contains(where: { $0.isWhitespace || "<>()[],;:\\\"".contains($0) }) else { return false }
        guard !local.hasPrefix("."), !local.hasSuffix("."), !local.contains("..") else { return false }
        let labels = domain.split(separator: ".", omittingEmptySubsequences: false)
        guard labels.count >= 2 else { return false }
        for label in labels {
            guard !label.isEmpty, label.utf8.count <= 63, !label.hasPrefix("-"), !label.hasSuffix("-"),
                label.allSatisfy({ $0.isASCIILetterOrDigit || $0 == "-" })
            else { return false }
        }
        return labels[labels.count - 1].allSatisfy(\.isASCIILetter)
    }

    /// A UK number with optional spaces, hyphens and brackets: 0 and 9 or 10 more digits, or +44 and 9 or 10 digits.
    private static func isPhone(_ text: String) -> Bool {
        guard text.allSatisfy({ $0.isASCIIDigit || " -()+".contains($0) }) else { return false }
        guard !text.dropFirst().contains("+") else { return false }
        let digits = text.filter(\.isASCIIDigit)
        if text.hasPrefix("+") {
            guard digits.hasPrefix("44") else { return false }
            let national = digits.dropFirst(2)
            return (9...10).contains(national.count) && national.first != "0"
        }
        return digits.hasPrefix("0") && (10...11).contains(digits.count)
    }
}

extension Character {
    var isASCIIDigit: Bool { ("0"..."9").contains(self) }
    var isUppercaseASCIILetter: Bool { ("A"..."Z").contains(self) }
    var isASCIILetter: Bool { ("A"..."Z").contains(self) || ("a"..."z").contains(self) }
    var isASCIILetterOrDigit: Bool { isASCIILetter || isASCIIDigit }
}
