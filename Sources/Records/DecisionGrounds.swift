/// The category of the grounds a licence is refused, suspended, revoked or not renewed on: what the national
/// register of refusals and revocations (NR3S) records, and what decides whether it is shared.
public enum DecisionGrounds: String, Sendable, Codable, CaseIterable {
    /// Safeguarding children or vulnerable adults: sexual offences, exploitation, a barred list.
    case safeguarding
    /// Road safety: driving offences, points, a medical unfitness to drive.
    case roadSafety = "road-safety"
    /// Dishonesty: fraud, theft, false statements on the application.
    case dishonesty
    /// Violence or threats.
    case violence
    /// Drugs: supply or misuse.
    case drugs
    /// Conduct: complaints, behaviour towards passengers or officers.
    case conduct
    /// Anything else, which the note states.
    case other

    /// The category as people read it: "Road safety".
    public var label: String {
        switch self {
        case .safeguarding: return "Safeguarding"
        case .roadSafety: return "Road safety"
        case .dishonesty: return "Dishonesty"
        case .violence: return "Violence"
        case .drugs: return "Drugs"
        case .conduct: return "Conduct"
        case .other: return "Other"
        }
    }

    /// True for the grounds the JOF and NR3S share with other authorities: safeguarding and road safety.
    public var shared: Bool { self == .safeguarding || self == .roadSafety }
}
