/// The outcome of one rule test: what was expected and not found, and what was found and not expected.
public struct RuleTestResult: Sendable {
    /// The test.
    public let test: RuleTest
    /// Expected findings that did not appear.
    public let missing: [ExpectedFinding]
    /// Findings that appeared without being expected.
    public let unexpected: [Finding]

    /// True when the findings were exactly those expected.
    public var passed: Bool { missing.isEmpty && unexpected.isEmpty }
}

/// The outcome of running every test of a rule set, with how often each rule fired and passed.
public struct RuleTestReport: Sendable {
    /// The rule set tested.
    public let ruleSet: RuleSet
    /// One result a test, in order.
    public let results: [RuleTestResult]
    /// For each rule, in order, how often the tests fired and passed it.
    public let coverage: [(rule: Rule, outcome: RuleOutcome)]

    /// The tests that failed.
    public var failures: [RuleTestResult] { results.filter { !$0.passed } }
    /// The rules that no test fires.
    public var unfired: [Rule] { coverage.filter { $0.outcome.fired == 0 }.map(\.rule) }
    /// The rules that no test passes.
    public var unpassed: [Rule] { coverage.filter { $0.outcome.passed == 0 }.map(\.rule) }
}

extension Validator {
    /// Runs every test of the rule set for `formID`.
    ///
    /// A test's answers may be partial: findings of the built-in checks (`field.*`) are compared only
    /// when the test names that check; every rule finding is compared. A misspelt question in a test's
    /// answers is always reported, so a typo cannot make a test pass by accident.
    public func runTests(forForm formID: String) -> RuleTestReport? {
        guard let ruleSet = catalog.ruleSets[formID], let form = catalog.forms[formID] else { return nil }
        var totals = [RuleOutcome](repeating: RuleOutcome(), count: ruleSet.rules.count)
        var results: [RuleTestResult] = []
        for test in ruleSet.tests {
            let checked = check(
                test.answers, form: form, asOf: test.asOf, parameters: test.parameters, countingOutcomes: true)
            for (index, outcome) in checked.outcomes.enumerated() {
                totals[index].fired += outcome.fired
                totals[index].passed += outcome.passed
            }
            let named = Set(test.expect.map(\.rule))
            let compared = checked.findings.filter { finding in
                !finding.isBuiltIn || named.contains(finding.rule) || finding.rule == "field.unknown"
            }
            results.append(Self.compare(test, compared))
        }
        return RuleTestReport(
            ruleSet: ruleSet, results: results, coverage: Array(zip(ruleSet.rules, totals)).map { ($0, $1) })
    }

    /// Pairs expectations with findings: those naming a path first, so a looser one cannot take their finding.
    private static func compare(_ test: RuleTest, _ findings: [Finding]) -> RuleTestResult {
        var unmatched = findings
        var missing: [ExpectedFinding] = []
        let ordered = test.expect.filter { $0.path != nil } + test.expect.filter { $0.path == nil }
        for expectation in ordered {
            if let index = unmatched.firstIndex(where: { expectation.matches($0) }) {
                unmatched.remove(at: index)
            } else {
                missing.append(expectation)
            }
        }
        return RuleTestResult(test: test, missing: missing, unexpected: unmatched)
    }
}

extension Finding {
    /// True for the checks built into the engine (`field.*`, `intake.*`, `form.*`) rather than a rule set's rules.
    public var isBuiltIn: Bool {
        rule.hasPrefix("field.") || rule.hasPrefix("intake.") || rule.hasPrefix("form.")
    }
}
