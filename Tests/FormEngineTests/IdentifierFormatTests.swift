import FormEngine
import Foundation
import Testing

@Suite("Identifier formats: the real formats of DOMAIN.md")
struct IdentifierFormatTests {
    @Test("each identifier field type checks the format of the same name, and no other type checks one")
    func fieldTypes() {
        for type in FieldType.allCases {
            #expect(type.identifierFormat == IdentifierFormat(rawValue: type.rawValue), "\(type)")
        }
        #expect(IdentifierFormat.allCases.allSatisfy { FieldType(rawValue: $0.rawValue)?.identifierFormat == $0 })
    }

    @Test(
        "good answers are accepted and written the canonical way",
        arguments: [
            (IdentifierFormat.urn, "121734", "121734"),
            (.dfeNumber, "928/2123", "928/2123"),
            (.dfeNumber, "9282123", "928/2123"),
            (.dbsCertificate, "001234567890", "001234567890"),
            (.dbsCertificate, "0012 3456 7890", "001234567890"),
            (.driverNumber, "PATEL702238AP9AB", "PATEL702238AP9AB"),
            (.driverNumber, "li999 657054 sm9ij", "LI999657054SM9IJ"),
            (.driverNumber, "JONES957309BA9XY", "JONES957309BA9XY"),
            (.niNumber, "JG 10 36 81 C", "JG103681C"),
            (.niNumber, "px441902b", "PX441902B"),
            (.postcode, "nn1 1aa", "NN1 1AA"),
            (.postcode, "NN161AQ", "NN16 1AQ"),
            (.postcode, "EC1A 1BB", "EC1A 1BB"),
            (.postcode, "W1A 0AX", "W1A 0AX"),
            (.postcode, "nn16 1aq", "NN16 1AQ"), (.postcode, " NN16  1AQ ", "NN16 1AQ"),
            (.postcode, "N N 1 1 A A", "NN1 1AA"),
            (.postcode, "GIR 0AA", "GIR 0AA"), (.postcode, "gir0aa", "GIR 0AA"), (.postcode, "NN1 1Aa", "NN1 1AA"),
            (.driverNumber, "patel702238ap9ab", "PATEL702238AP9AB"),
            (.driverNumber, " PATEL702238AP9AB\t", "PATEL702238AP9AB"),
            (.niNumber, "JG103681C", "JG103681C"), (.dbsCertificate, " 001234567890 ", "001234567890"),
            (.email, "h.carter@oakfield.example.org", "h.carter@oakfield.example.org"),
            (.phone, "01604 496000", "01604 496000"),
            (.phone, "+44 (0)1604 496000", nil),
            (.phone, "+44 1604 496000", "+44 1604 496000"),
            (.phone, "07700 900123", "07700 900123"),
        ] as [(IdentifierFormat, String, String?)])
    func good(format: IdentifierFormat, answer: String, canonical: String?) {
        #expect(format.normalize(answer) == canonical)
    }

    @Test(
        "bad answers are refused",
        arguments: [
            (IdentifierFormat.urn, "12173"), (.urn, "1217345"), (.urn, "12a734"),
            (.dfeNumber, "928/212"), (.dfeNumber, "92/82123"), (.dfeNumber, "928-2123"),
            (.dbsCertificate, "00123456789"), (.dbsCertificate, "0012345678901"), (.dbsCertificate, "00123456789X"),
            (.driverNumber, "PATEL702238AP9A"), (.driverNumber, "PAT9L702238AP9AB"),
            (.driverNumber, "PATEL713238AP9AB"),
            (.driverNumber, "PATEL702338AP9AB"), (.driverNumber, "PATEL702238A79AB"),
            (.driverNumber, "9ATEL702238AP9AB"),
            (.niNumber, "QQ123456C"), (.niNumber, "DA123456A"), (.niNumber, "AO123456A"), (.niNumber, "GB123456A"),
            (.niNumber, "AB123456E"), (.niNumber, "AB12345C"),
            (.postcode, "NN1"), (.postcode, "NN1 1CA"), (.postcode, "QN1 1AA"), (.postcode, "12345"),
            (.postcode, "NN1-1AA"), (.postcode, "NN11AAA"), (.postcode, "NNN11 1AA"), (.postcode, "NN1 1AA NN1 1AA"),
            (.postcode, "1N1 1AA"), (.postcode, "NN1 1AÄ"), (.postcode, "GIR 0AB"),
            (.niNumber, "BG123456A"), (.niNumber, "NK123456A"), (.niNumber, "ZZ123456A"), (.niNumber, "TN123456A"),
            (.dbsCertificate, "0012345678901 "), (.driverNumber, "PATEL702238AP9ABC"),
            (.email, "no-at-sign.example.org"), (.email, "a@b"), (.email, "a b@example.org"),
            (.email, "a@@example.org"),
            (.email, "a@example.123"), (.email, "a@b@example.org"), (.email, "a@example..org"),
            (.email, "a@example.org."), (.email, "a@-x.org"), (.email, "a@x-.org"), (.email, ".a@example.org"),
            (.email, "a..b@example.org"), (.email, "a(b)@example.org"), (.email, "@example.org"),
            (.phone, "+44 01604 496000"), (.phone, "+4 1604 496000"), (.phone, "+44"), (.phone, "016+04 496000"),
            (.phone, "1604 496000"), (.phone, "01604"), (.phone, "+33 1 23 45 67 89"), (.phone, "0160449600a"),
        ] as [(IdentifierFormat, String)])
    func bad(format: IdentifierFormat, answer: String) {
        #expect(format.normalize(answer) == nil, "'\(answer)' should not be a \(format.rawValue)")
    }

    @Test("every format's example in its own advice is accepted", arguments: IdentifierFormat.allCases)
    func examplesAreValid(format: IdentifierFormat) throws {
        let afterLike = try #require(format.expectation.components(separatedBy: "like ").last)
        let example = try #require(afterLike.components(separatedBy: " or ").first)
        #expect(format.normalize(example) != nil, "\(format): '\(example)'")
    }
}
