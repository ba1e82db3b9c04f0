import FormEngine
import GapReports
import Records

extension Safeguarding {
    /// A gap report, as its reader may see it: the schools report for a round (the newest unless named), the
    /// licensing report for the county or one district (a licensing officer's own, always). Reading a report is
    /// audited.
    public func report(_ kind: ReportKind, options: ReportOptions, by sender: Sender) async throws -> ReportDocument {
        try sender.require(kind.readers)
        try await fillReportFacts()
        let district = sender.role == .licensing ? sender.scope : try options.district.map { try districtValue($0) }
        let document: ReportDocument
        let asOf: Day
        switch kind {
        case .schools:
            let analysis = try await SchoolsAnalysis.make(
                store: store, catalog: catalog, collection: options.collection, asOf: options.asOf, today: today(),
                district: district)
            asOf = analysis.asOf
            document = SchoolsReport.document(analysis)
        case .licensing:
            asOf = options.asOf ?? today()
            document = LicensingReport.document(
                try await licensingAnalysis(asOf: asOf, district: district, namesShown: sender.role == .licensing))
        case .chase:
            asOf = options.asOf ?? today()
            document = ChaseReport.document(
                try await ChaseList.make(
                    store: store, catalog: catalog, collection: options.collection, asOf: asOf, district: district))
        }
        try await store.audit(
            actor: sender.name, action: .view, target: "report \(kind.rawValue)",
            detail: "\(options.format), as of \(asOf.iso)" + (district.map { ", district \($0)" } ?? ""))
        return document
    }

    /// The drivers of a licensing officer's district who need action today, the most urgent first.
    public func driversNeedingAction(by sender: Sender) async throws -> LicensingAnalysis {
        try sender.require([.licensing])
        try await fillReportFacts()
        return try await licensingAnalysis(asOf: today(), district: sender.scope, namesShown: true)
    }

    /// The licensing analysis; drivers' names shown only to the licensing officer of their own district.
    private func licensingAnalysis(asOf: Day, district: String?, namesShown: Bool = false) async throws
        -> LicensingAnalysis
    {
        try await LicensingAnalysis.make(
            store: store, catalog: catalog, asOf: asOf, district: district, namesShown: namesShown)
    }
}
