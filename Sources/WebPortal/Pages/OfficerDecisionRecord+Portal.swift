import Records

extension OfficerDecisionRecord {
    /// The licence a grant gives, as people read it: "1 November 2026 to 31 October 2029"; "" for other outcomes.
    var licenceText: String {
        [licenceStart, licenceEnd].compactMap { $0.map(Components.when) }.joined(separator: " to ")
    }

    /// The grounds and the day a suspension or revocation takes effect: "Safeguarding, effective 2 December 2026".
    var groundsText: String {
        (grounds?.label ?? "") + (effectiveOn.map { ", effective \(Components.when($0))" } ?? "")
    }
}
