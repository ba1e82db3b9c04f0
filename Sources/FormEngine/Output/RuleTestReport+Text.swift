extension RuleTestReport {
    /// Each failed test, compiler style, with what was expected and not found and what was found and not
    /// expected; with `coverage`, each rule no test fires or passes; then a summary line.
    public func text(coverage showCoverage: Bool) -> String {
        var output = ""
        for failure in failures {
            output += "\(failure.test.mark): error: test \"\(failure.test.name)\" failed\n"
            for expectation in failure.missing {
                output += "    expected, not found: \(expectation)\n"
            }
            for finding in failure.unexpected {
                output +=
                    "    found, not expected: \(finding.rule) \(finding.severity.rawValue) \(finding.path): \(finding.message)\n"
            }
        }
        if showCoverage {
            for rule in unfired { output += "\(rule.mark): error: no test fires '\(rule.id)' [coverage]\n" }
            for rule in unpassed { output += "\(rule.mark): error: no test passes '\(rule.id)' [coverage]\n" }
        }
        let passed = results.count - failures.count
        output += "\(ruleSet.file): \(Wording.count(results.count, "test")), \(passed) passed"
        if !failures.isEmpty { output += ", \(failures.count) failed" }
        if showCoverage {
            let covered = coverage.count - Set(unfired.map(\.id) + unpassed.map(\.id)).count
            output += "; \(covered) of \(Wording.count(coverage.count, "rule")) both fired and passed"
        }
        return output + "\n"
    }

    /// True when every test passed and, if `coverage`, every rule is both fired and passed by some test.
    public func succeeded(coverage showCoverage: Bool) -> Bool {
        failures.isEmpty && (!showCoverage || (unfired.isEmpty && unpassed.isEmpty))
    }
}
