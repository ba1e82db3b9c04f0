import FormEngine
import Records

/// The JOF's shared register as a licensing officer reads it: what every district decided, about whom, and when.
enum SharedRegisterPage {
    /// The entries, the newest decision first; `district` gives a district's name from its value, `own` is the
    /// officer's district (its entries' reasons are shown).
    static func html(_ entries: [SharedRegisterEntry], own: String?, district: (String) -> String) -> String {
        var html =
            "<h1 class=\"govuk-heading-l\">The JOF's shared register</h1>"
            + "<p>Refusals, suspensions, revocations and refusals to renew on safeguarding or road-safety grounds, "
            + "by every district of the Joint Operating Framework, kept for \(SharedRegisterEntry.keptYears) years "
            + "from the decision. Every application is searched against it when it is checked, when it is stored "
            + "and when a licence is granted. You see the reasons for your own district's decisions; for another "
            + "district's, ask its licensing team.</p>"
        guard !entries.isEmpty else { return html + "<p>The register holds no entry.</p>" }
        func day(_ iso: String?) -> String { iso.flatMap { Day(iso: $0)?.spoken } ?? iso ?? "" }
        html += Components.table(
            caption: "Entries, the newest decision first (\(entries.count))",
            columns: [
                "Driver number", "Name", "Date of birth", "Address", "District", "Decision", "Grounds", "Decided",
                "Takes effect",
                "Reasons",
            ],
            rows: entries.map { entry in
                [
                    entry.driverNumber, entry.name ?? "", day(entry.dateOfBirth), entry.address ?? "",
                    district(entry.authority),
                    entry.outcome.label, entry.grounds.label, day(entry.decidedOn), day(entry.effectiveOn),
                    entry.reasons
                        ?? (entry.authority == own
                            ? "None recorded" : "Ask \(district(entry.authority))'s licensing team"),
                ]
            })
        return html
    }
}
