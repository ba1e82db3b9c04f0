import Records

/// What a school's home page shows: the round open, whether a draft is waiting, and what the school has sent.
public struct SchoolHome: Sendable {
    /// The school's URN.
    public let urn: String
    /// The school in the register, if it is there.
    public let school: SchoolRecord?
    /// The newest round of returns, if one is open.
    public let collection: CollectionRecord?
    /// True when the school has a draft saved.
    public let hasDraft: Bool
    /// Every version the school has sent, oldest first.
    public let sent: [HistoryEntry]
}

extension SchoolHome {
    /// The latest version the school sent to a round before the newest: what a new year's return can start from.
    public var lastYearsReturn: HistoryEntry? {
        sent.last { $0.collection != nil && $0.collection != collection?.name }
    }
}
