import FormEngine
import Records
import SQLiteStore
import Testing
import UseCases

@Suite("Accounts: scopes that fit the role, tokens shown once, sign-in and disabling")
struct AccountsTests {
    @Test("a scope is taken as people write it, and refused when it does not fit the role")
    func scopes() async throws {
        let temporary = try TemporaryCounty()
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

    @Test("a token signs in until its account is disabled; an admin cannot disable their own")
    func signInAndDisable() async throws {
        let temporary = try TemporaryCounty()
        let cases = temporary.cases()
        let admin = try await cases.addAccount(role: .admin, scope: nil, name: "Admin", by: tester)
        let policy = try await cases.addAccount(role: .policy, scope: nil, name: "Policy", by: tester)
        let signedIn = try #require(try await cases.signIn(token: policy.token, lasting: 3600))
        #expect(try await cases.session(cookie: signedIn.cookie)?.account.id == policy.account.id)
        #expect(try await cases.signIn(token: "sg_wrong", lasting: 3600) == nil)
        let asAdmin = Sender.account(admin.account)
        await #expect(throws: Refusal.ownAccount) { try await cases.disableAccount(admin.account.id!, by: asAdmin) }
        await #expect(throws: Refusal.notAllowed(.policy)) {
            try await cases.disableAccount(admin.account.id!, by: .account(policy.account))
        }
        try await cases.disableAccount(policy.account.id!, by: asAdmin)
        #expect(try await cases.session(cookie: signedIn.cookie) == nil, "disabling ends the account's sessions")
        #expect(try await cases.account(token: policy.token) == nil)
    }
}
