import Records
import Testing

/// The submission number of a stored outcome, or nil and a recorded issue.
public func storedID(_ outcome: StoreOutcome, sourceLocation: SourceLocation = #_sourceLocation) -> Int64? {
    guard case .stored(let id, _) = outcome else {
        Issue.record("not stored: \(outcome)", sourceLocation: sourceLocation)
        return nil
    }
    return id
}
