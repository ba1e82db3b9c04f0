import FormEngine
import Foundation
import Records
import SQLiteStore
import StoreKinds
import Testing
import UseCases

@Suite("Accounts: scopes that fit the role, tokens shown once, sign-in and disabling")
struct AccountsTests {
    @Test(
        "a scope is taken as people write it, and refused when it does not fit the role", arguments: StoreKind.available
    )
    func scopes(_ kind: StoreKind) async throws {
        let temporary = try await TemporaryCounty(kind)
        try await temporary.importRegister()
        let cases = temporary.cases()
        let officer = try await cases.addAccount(role: .licensing, scope: " Corby ", name: nil, by: tester)
        #expect(officer.account.scope == "corby" && officer.account.name == "licensing corby")
        #expect(officer.token.hasPrefix("sg_") && officer.account.tokenHash != officer.token)
        #expect(!officer.schoolNotOpen)
        let school = try await cases.addAccount(role: .school, scope: "121734", name: "Oakfield DSL", by: tester)
        #expect(!school.schoolNotOpen, "Oakfield is open in the register")
        let unknown = try await cases.addAccount(role: .school, scope: "999999", name: "Nowhere", by: tester)
        #expect(unknown.schoolNotOpen, "the account is made, and says its school cannot send a return yet")
        await #expect(throws: Refusal.scopeNotTaken(.policy)) {
            try await cases.addAccount(role: .policy, scope: "corby", name: "P", by: tester)
        }
        do {
            _ = try await cases.addAccount(role: .licensing, scope: "Narnia", name: "N", by: tester)
            Issue.record("a licensing account for no district was made")
        } catch Refusal.scopeNeeded(let role, let expected) {
            #expect(role == .licensing && expected.hasPrefix("its district as its scope: corby"))
        }
    }

    @Test(
        "a token signs in until its account is disabled; an admin cannot disable their own",
        arguments: StoreKind.available)
    func signInAndDisable(_ kind: StoreKind) async throws {
        let temporary = try await TemporaryCounty(kind)
        let cases = temporary.cases()
        let admin = try await cases.addAccount(role: .admin, scope: nil, name: "Admin", by: tester)
        let policy = try await cases.addAccount(role: .policy, scope: nil, name: "Policy", by: tester)
        guard
            case .signedIn(let signedIn) = try await cases.signIn(token: policy.token, from: "192.0.2.7", lasting: 3600)
        else {
            Issue.record("the policy officer's token did not sign in")
            return
        }
        #expect(try await cases.session(cookie: signedIn.cookie)?.account.id == policy.account.id)
        guard case .wrongToken = try await cases.signIn(token: "sg_wrong", from: "192.0.2.7", lasting: 3600) else {
            Issue.record("a wrong token signed in")
            return
        }
        let asAdmin = Sender.account(admin.account)
        await #expect(throws: Refusal.ownAccount) { try await cases.disableAccount(admin.account.id!, by: asAdmin) }
        await #expect(throws: Refusal.notAllowed(.policy)) {
            try await cases.disableAccount(admin.account.id!, by: .account(policy.account))
        }
        try await cases.disableAccount(policy.account.id!, by: asAdmin)
        #expect(try await cases.session(cookie: signedIn.cookie) == nil, "disabling ends the account's sessions")
        guard case .wrongToken = try await cases.account(token: policy.token, from: "192.0.2.7") else {
            Issue.record("a disabled account's token still opens it")
            return
        }
    }

    @Test(
        "too many wrong tokens lock a client out, longer each time; a right token is refused meanwhile; audited",
        arguments: StoreKind.available)
    func throttled(_ kind: StoreKind) async throws {
        let temporary = try await TemporaryCounty(kind)
        let cases = temporary.cases()
        let policy = try await cases.addAccount(role: .policy, scope: nil, name: "Policy", by: tester)
        for attempt in 1...4 {
            guard case .wrongToken = try await cases.account(token: "sg_guess\(attempt)", from: "192.0.2.7") else {
                Issue.record("attempt \(attempt) was not simply wrong")
                return
            }
        }
        guard case .lockedOut(let wait) = try await cases.account(token: "sg_guess5", from: "192.0.2.7") else {
            Issue.record("the fifth wrong token did not lock the client out")
            return
        }
        #expect(wait > 55 && wait <= 60)
        guard case .lockedOut = try await cases.account(token: policy.token, from: "192.0.2.7") else {
            Issue.record("a right token got through a lockout")
            return
        }
        guard case .account = try await cases.account(token: policy.token, from: "198.51.100.9") else {
            Issue.record("another client was locked out too")
            return
        }
        let log = try await temporary.store.auditLog(since: nil)
        #expect(
            log.filter { $0.action == .signInFailure }.count == 5, "each failure, not the attempts refused while locked"
        )
        let lockout = try #require(log.first { $0.action == .lockout })
        #expect(
            lockout.target == "address 192.0.2.7" && lockout.detail.hasPrefix("5 failed sign-ins: locked out for 60 s"))
        #expect(!log.contains { ($0.target + $0.detail).contains("sg_") }, "no token is ever written down")

        let admin = Sender.account(
            try await cases.addAccount(role: .admin, scope: nil, name: "Admin", by: tester).account)
        #expect(try await cases.lockouts(by: admin).map(\.key) == ["address 192.0.2.7"])
        try await cases.clearLockout("address 192.0.2.7", by: admin)
        guard case .account = try await cases.account(token: policy.token, from: "192.0.2.7") else {
            Issue.record("a cleared client is still locked out")
            return
        }
        await #expect(throws: Refusal.noSuchLockout("address 192.0.2.7")) {
            try await cases.clearLockout("address 192.0.2.7", by: admin)
        }
    }

    @Test(
        "lockouts grow, twice as long each time up to an hour, and several processes count together",
        arguments: StoreKind.available)
    func growingAndShared(_ kind: StoreKind) async throws {
        let temporary = try await TemporaryCounty(kind)
        let other = try await temporary.openAgain()
        let rule = ThrottlePolicy()
        var time = try Date("2026-12-01T09:00:00Z", strategy: .iso8601)
        var lengths: [Int] = []
        for _ in 1...8 {
            var record: SignInThrottleRecord?
            for attempt in 1...rule.threshold {
                // Two processes on one database, taking turns.
                let store: any ReturnStore = attempt.isMultiple(of: 2) ? other : temporary.store
                record = try await store.recordSignInFailure(
                    key: "address 192.0.2.7", why: "test", at: time.formatted(.iso8601), policy: rule)
            }
            let until = try Date(try #require(record?.lockedUntil), strategy: .iso8601)
            lengths.append(Int(until.timeIntervalSince(time)))
            time = until.addingTimeInterval(1)
        }
        #expect(lengths == [60, 120, 240, 480, 960, 1920, 3600, 3600])
    }
}
