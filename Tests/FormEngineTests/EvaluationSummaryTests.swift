import FormEngine
import Testing

@Suite("An evaluation's decision and counts: what the summary line and the exit status read")
struct EvaluationSummaryTests {
    /// An evaluation of no known form with one finding of each severity given, each on its own line.
    static func evaluation(_ severities: [Severity]) -> Evaluation {
        let findings = severities.enumerated().map { index, severity in
            Finding(
                rule: "test.\(severity.rawValue)", severity: severity, path: "", message: "Finding \(index + 1).",
                mark: SourceMark(file: "return.yaml", line: index + 1, column: 1))
        }
        return Evaluation(
            file: "return.yaml", received: [], form: nil, ruleSetHash: nil, asOf: Day(iso: "2026-07-15")!,
            findings: findings, answers: nil)
    }

    @Test("each severity counted, and the decision the worst of them calls for")
    func countsAndDecision() {
        let all = Self.evaluation([.info, .refer, .error, .refer, .warning])
        #expect(Severity.allCases.map(all.count) == [1, 2, 1, 1])
        #expect(all.decision == .rejected)
        #expect(Self.evaluation([.warning, .refer, .info]).decision == .referred)
        #expect(Self.evaluation([.info, .warning, .warning]).decision == .accepted)
        #expect(Self.evaluation([]).decision == .accepted)
    }

    @Test("the summary line counts each severity in words, and a finding added later is counted")
    func summaryLine() {
        let referred = Self.evaluation([.refer, .info, .refer])
        #expect(
            referred.text(showingFindings: false)
                == "return.yaml: referred: Referred (2 referrals, 1 note)\n")
        let added = referred.adding(
            Finding(rule: "test.error", severity: .error, path: "", message: "Later.", mark: nil))
        #expect(added.decision == .rejected && added.count(.error) == 1 && added.count(.refer) == 2)
        #expect(
            added.text(showingFindings: false)
                == "return.yaml: rejected: Rejected (1 error, 2 referrals, 1 note)\n")
    }
}
