/// The outcome of evaluating a submission: rejected if any error, else referred if any refer, else accepted.
public enum Decision: String, Sendable, Codable, Comparable, CaseIterable {
    case accepted
    case referred
    case rejected

    /// The decision that findings of these severities call for.
    public init(severities: some Sequence<Severity>) {
        var decision = Decision.accepted
        for severity in severities {
            if severity == .error {
                self = .rejected
                return
            }
            if severity == .refer { decision = .referred }
        }
        self = decision
    }

    /// Orders decisions from accepted (best) to rejected (worst).
    public static func < (lhs: Decision, rhs: Decision) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
