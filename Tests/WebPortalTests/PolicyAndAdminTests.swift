import FormEngine
import Foundation
import HTTPTypes
import HummingbirdTesting
import Records
import SQLiteStore
import StoreKinds
import Testing

@Suite("The policy officer reads the reports; the admin manages the accounts")
struct PolicyAndAdminTests {
    @Test("both reports as pages with their charts, and each table as a CSV download", arguments: StoreKind.available)
    func reports(_ kind: StoreKind) async throws {
        let fixture = try await PortalFixture(kind)
        try await fixture.test { client in
            var policy = try await Visitor.signedIn(client, token: fixture.tokens["policy"]!)
            let schools = try await policy.get("/reports/schools")
            #expect(schools.status == .ok)
            #expect(schools.text.contains("<svg role=\"img\""), "the charts are drawn")
            #expect(schools.text.contains("<figcaption>"))
            #expect(schools.text.contains("href=\"/reports/schools.csv?table=by-district&amp;as-of=2026-10-31\""))
            #expect(schools.text.contains("<option value=\"s11-2024-25\""), "an earlier round can be chosen")
            let csv = try await policy.get("/reports/schools.csv?table=by-district&as-of=2026-10-31")
            #expect(csv.status == .ok)
            #expect(csv.headers[.contentType] == "text/csv; charset=utf-8")
            #expect(csv.headers[.contentDisposition] == "attachment; filename=\"schools-by-district.csv\"")
            #expect(csv.text.hasPrefix("\u{FEFF}District,"), "a download starts with the byte order mark")
            #expect(csv.text.contains("\r\nCounty,"))
            let earlier = try await policy.get("/reports/schools?collection=s11-2024-25&as-of=2025-10-31")
            #expect(earlier.text.contains("s11-2024-25"))
            #expect(earlier.text.contains("value=\"2025-10-31\""))
            let missing = try await policy.get("/reports/schools.csv")
            #expect(missing.status == .badRequest)
            #expect(missing.text.contains("Say which table to download"))
            let unknown = try await policy.get("/reports/schools.csv?table=nope")
            #expect(unknown.status == .notFound)
            #expect(unknown.text.contains("The tables are: by-district"))
            let badDate = try await policy.get("/reports/licensing?as-of=31/10/2026")
            #expect(badDate.status == .badRequest)
            #expect(badDate.text.contains("as-of must be a date written YYYY-MM-DD"))
            let licensing = try await policy.get("/reports/licensing")
            #expect(licensing.text.contains("Taxi and private hire drivers"))
            let audit = try await fixture.store.auditLog(since: nil).filter {
                $0.action == .view && $0.target.hasPrefix("report")
            }
            #expect(audit.contains { $0.actor == "policy account" && $0.target == "report schools" })
        }
    }

    @Test(
        "the audit log on a page, filtered by who, what, on what and when; a date that is not one is said",
        arguments: StoreKind.available)
    func auditLog(_ kind: StoreKind) async throws {
        let fixture = try await PortalFixture(kind)
        try await fixture.test { client in
            var policy = try await Visitor.signedIn(client, token: fixture.tokens["policy"]!)
            _ = try await policy.get("/reports/licensing")
            let viewed = try await policy.get("/audit?actor=POLICY+ACCOUNT&action=view&target=report")
            #expect(viewed.status == .ok)
            #expect(viewed.text.contains("<h1 class=\"govuk-heading-l\">Audit log</h1>"))
            #expect(viewed.text.contains("1 line, the newest first"), "\(viewed.text.suffix(800))")
            #expect(viewed.text.contains("report licensing"))
            #expect(viewed.text.contains("<option value=\"view\" selected>"), "the filter shows what was asked")
            let none = try await policy.get("/audit?until=2000-01-01")
            #expect(none.text.contains("No line of the audit log matches."))
            let wrong = try await policy.get("/audit?since=31%2F10%2F2026")
            #expect(wrong.status == .badRequest)
            #expect(wrong.text.contains("<title>Error: Audit log - Safeguard</title>"))
            #expect(wrong.text.contains("<a href=\"#since\">From must be a date written like 2026-11-21</a>"))
        }
    }

    @Test(
        "a licensing officer's licensing report is their district's; the schools report is not theirs",
        arguments: StoreKind.available)
    func scopedReports(_ kind: StoreKind) async throws {
        let fixture = try await PortalFixture(kind)
        _ = try await fixture.stored(
            try fixture.application(district: "kettering", driverNumber: "BEGUM805176B99QA"), as: driverForm)
        _ = try await fixture.stored(
            try fixture.application(district: "corby", driverNumber: "BEGUM805176B99QB"), as: driverForm)
        try await fixture.test { client in
            var officer = try await Visitor.signedIn(client, token: fixture.tokens["corby"]!)
            let csv = try await officer.get("/reports/licensing.csv?table=by-district")
            let districts = csv.text.split(separator: "\r\n").dropFirst().map { $0.split(separator: ",")[0] }
            #expect(districts == ["Corby", "Total"], "a district's own total, not called the county's")
            #expect(try await officer.get("/reports/schools").status == .forbidden)
            var policy = try await Visitor.signedIn(client, token: fixture.tokens["policy"]!)
            let all = try await policy.get("/reports/licensing.csv?table=by-district")
            #expect(all.text.contains("\r\nKettering,"))
            #expect(all.text.contains("\r\nCorby,"))
        }
    }

    @Test(
        "the policy officer sees every school's latest return, and no driver's application",
        arguments: StoreKind.available)
    func policyList(_ kind: StoreKind) async throws {
        let fixture = try await PortalFixture(kind)
        let driver = try await fixture.stored(
            try fixture.application(district: "corby", driverNumber: "BEGUM805176B99QC"), as: driverForm)
        let returns = try await fixture.store.submissionSummaries(
            subject: .school, subjectKey: nil, district: nil, latestOnly: true, limit: 100)
        try await fixture.test { client in
            var policy = try await Visitor.signedIn(client, token: fixture.tokens["policy"]!)
            let list = try await policy.get("/submissions")
            for row in returns { #expect(list.text.contains("href=\"/submissions/\(row.id)\"")) }
            #expect(!list.text.contains("href=\"/submissions/\(driver)\""))
            #expect(try await policy.get("/submissions/\(returns[0].id)").status == .ok)
            #expect(try await policy.get("/submissions/\(driver)").status == .notFound)
            // Searched by URN, and by the checks' result.
            let one = returns[0]
            let searched = try await policy.get("/submissions?q=\(one.subjectKey)")
            #expect(searched.text.contains("href=\"/submissions/\(one.id)\""))
            #expect(
                returns.filter { $0.subjectKey != one.subjectKey }.allSatisfy {
                    !searched.text.contains("href=\"/submissions/\($0.id)\"")
                }, "no other school's")
            #expect(searched.text.contains("value=\"\(one.subjectKey)\""), "the search box keeps what was asked")
            let rejected = try await policy.get("/submissions?result=rejected")
            for row in returns {
                #expect(
                    rejected.text.contains("href=\"/submissions/\(row.id)\"") == (row.decision == .rejected),
                    "submission \(row.id), \(String(describing: row.decision))")
            }
            // By the round (the year a return answers, with its due date).
            let round = try #require(returns.compactMap(\.collection).first)
            let inRound = try await policy.get("/submissions?round=\(round)")
            for row in returns {
                #expect(inRound.text.contains("href=\"/submissions/\(row.id)\"") == (row.collection == round))
            }
            #expect(inRound.text.contains(", due 30 September"), "each round offered with its due date")
            let nothing = try await policy.get("/submissions?q=no+such+school")
            #expect(nothing.text.contains("No return matches."))
        }
    }

    @Test(
        "the admin adds an account (its token shown once), and disables one, which ends its sessions",
        arguments: StoreKind.available)
    func accounts(_ kind: StoreKind) async throws {
        let fixture = try await PortalFixture(kind)
        try await fixture.test { client in
            var admin = try await Visitor.signedIn(client, token: fixture.tokens["admin"]!)
            let page = try await admin.get("/admin/users")
            #expect(page.text.contains("corby account"))
            #expect(!page.text.contains("tokenHash"))
            let wrong = try await admin.post("/admin/users", ["name": "", "role": "school", "scope": "12"])
            #expect(wrong.status == .unprocessableContent)
            #expect(wrong.text.contains("<a href=\"#name\">Enter the name of the person or school</a>"))
            #expect(
                wrong.text.contains(
                    "<a href=\"#scope\">A school account needs the school&#39;s 6-digit URN as its scope.</a>"))
            let county = try await admin.post("/admin/users", ["name": "Dee", "role": "licensing", "scope": "Narnia"])
            #expect(county.text.contains("A licensing account needs its district as its scope"))
            let added = try await admin.post(
                "/admin/users", ["name": "Kim Officer", "role": "licensing", "scope": "Wellingborough"])
            #expect(added.status == .ok)
            #expect(added.text.contains("Account added"))
            let token = try #require(
                added.text.components(separatedBy: "<code class=\"govuk-token\">").dropFirst().first?
                    .components(separatedBy: "</code>").first)
            #expect(token.hasPrefix("sg_"))
            let kim = try #require(try await fixture.store.accounts().first { $0.name == "Kim Officer" })
            #expect(kim.scope == "wellingborough")
            var officer = try await Visitor.signedIn(client, token: token)
            #expect(try await officer.get("/").text.contains("Licensing officer for Wellingborough"))
            let again = try await admin.get("/admin/users")
            #expect(!again.text.contains(token), "the token is shown only once")
            let disabled = try await admin.post("/admin/users/\(kim.id!)/disable", [:])
            #expect(disabled.location == "/admin/users?disabled=\(kim.id!)")
            #expect(try await officer.get("/").location == "/sign-in", "the disabled account's session has ended")
            let own = try await admin.post("/admin/users/\(fixture.accounts["admin"]!.id!)/disable", [:])
            #expect(own.status == .badRequest)
            #expect(try await admin.post("/admin/users/999999/disable", [:]).status == .notFound)
        }
    }

    @Test(
        "the admin transfers a driver to another district on a page; no other role can", arguments: StoreKind.available)
    func transfer(_ kind: StoreKind) async throws {
        let fixture = try await PortalFixture(kind)
        let corby = try await fixture.stored(
            try fixture.application(district: "corby", driverNumber: "BEGUM805176B99TB"), as: driverForm)
        try await fixture.test { client in
            var officer = try await Visitor.signedIn(client, token: fixture.tokens["kettering"]!)
            #expect(try await officer.get("/admin/transfers").status == .forbidden)
            var admin = try await Visitor.signedIn(client, token: fixture.tokens["admin"]!)
            #expect(try await admin.get("/").text.contains("href=\"/admin/transfers\""))
            let page = try await admin.get("/admin/transfers")
            #expect(page.text.contains("<option value=\"kettering\">Kettering</option>"))
            let wrong = try await admin.post("/admin/transfers", ["driver": "BEGUM805176B99TB", "district": "corby"])
            #expect(wrong.status == .unprocessableContent)
            #expect(wrong.text.contains("<a href=\"#district\">The driver BEGUM805176B99TB&#39;s latest application"))
            let done = try await admin.post(
                "/admin/transfers", ["driver": "begum805176b99tb", "district": "kettering", "note": "Moved"])
            #expect(done.location == "/admin/transfers?done=BEGUM805176B99TB")
            let kettering = APICaller(client: client, token: fixture.tokens["kettering"]!)
            let moved = try await kettering.send(
                .post, "/api/v1/submissions",
                body: try fixture.application(district: "kettering", driverNumber: "BEGUM805176B99TB"))
            #expect(moved.status == .created)
            #expect(
                moved.json["submissions"].flatMap { ($0 as? [[String: Any]])?.first?["supersedes"] as? Int }
                    == Int(corby))
        }
    }
}
