import Records

/// The gap reports.
public enum ReportKind: String, Sendable, CaseIterable {
    /// The schools' Section 11 returns for a round: who returned, and the gaps in provision.
    case schools
    /// The taxi and private hire drivers on a date: DBS, training, register searches, actions due.
    case licensing
    /// The schools to chase for a round: not returned, or sent back and not corrected, with their contacts.
    case chase

    /// Who may read it: the schools report and the chase list the policy officer; the licensing report the policy
    /// officer (every district) and licensing officers (their own).
    public var readers: Set<Role> { self == .licensing ? [.policy, .licensing] : [.policy] }
}
