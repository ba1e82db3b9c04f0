import Testing

@testable import GapReports

@Suite("Personal data masked in the licensing report")
struct MaskTests {
    @Test("a name shows as its first initial and its last word, whatever the spaces")
    func names() {
        #expect(LicensingAnalysis.mask(name: "Amir Patel") == "A. Patel")
        #expect(LicensingAnalysis.mask(name: "  Mary  Ann   O'Neill ") == "M. O'Neill")
        #expect(LicensingAnalysis.mask(name: "Zoë") == "Zoë")
        #expect(LicensingAnalysis.mask(name: "Élodie Brontë") == "É. Brontë")
        #expect(LicensingAnalysis.mask(name: "E\u{301}lodie Bronte\u{308} ") == "E\u{301}. Bronte\u{308}")
        #expect(LicensingAnalysis.mask(name: "李 小龍") == "李. 小龍")
        #expect(LicensingAnalysis.mask(name: "   ") == "")
        #expect(LicensingAnalysis.mask(name: nil) == "")
    }

    @Test("a DBS certificate number shows its last 4 digits only")
    func certificates() {
        #expect(LicensingAnalysis.mask(certificate: "001234567890") == "********7890")
        #expect(LicensingAnalysis.mask(certificate: "1234") == "1234")
        #expect(LicensingAnalysis.mask(certificate: nil) == "")
    }
}
