extension SchoolEntry {
    /// What importing this entry does to the register, given the school as the register holds it (if it does): a
    /// school not held is added when open (a closed one is never added); one held is left as it is, or updated (its
    /// `updatedAt` now), and counted as closed when an open school closes. Both stores call this for each entry of
    /// the one transaction that imports an extract.
    public func change(from existing: SchoolRecord?, districtID: Int64, at now: String) -> RegisterChange {
        let record = SchoolRecord(
            id: existing?.id, urn: urn, name: name, dfeNumber: dfeNumber, phase: phase, phaseName: phaseName,
            typeName: typeName, religiousCharacter: religiousCharacter, districtID: districtID, postcode: postcode,
            status: isOpen ? .open : .closed, updatedAt: existing?.updatedAt ?? now,
            closedAt: isOpen ? nil : existing?.closedAt ?? now, headName: headName, telephone: telephone,
            website: website)
        guard let existing else { return isOpen ? .add(record) : .skip }
        if record == existing { return .unchanged }
        var updated = record
        updated.updatedAt = now
        return .update(updated, closes: existing.status == .open && !isOpen)
    }
}

/// What importing one entry of an extract does to the register.
public enum RegisterChange: Sendable, Equatable {
    /// A new open school is added.
    case add(SchoolRecord)
    /// A closed school the register does not hold is left out.
    case skip
    /// The school is as the register holds it.
    case unchanged
    /// The school is updated; `closes` when an open school is now closed.
    case update(SchoolRecord, closes: Bool)

    /// Counts the change in an import's tally.
    public func count(in tally: inout RegisterImport) {
        switch self {
        case .add: tally.added += 1
        case .skip: break
        case .unchanged: tally.unchanged += 1
        case .update(_, let closes):
            if closes { tally.closed += 1 } else { tally.updated += 1 }
        }
    }
}
