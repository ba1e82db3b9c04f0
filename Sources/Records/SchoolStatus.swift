/// Whether a school in the register is expected to make a return.
public enum SchoolStatus: String, Sendable, Codable, CaseIterable {
    /// Open: a return is expected.
    case open
    /// Closed, or no longer in the extract.
    case closed
}
