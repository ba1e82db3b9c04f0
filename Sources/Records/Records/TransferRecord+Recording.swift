extension TransferRecord {
    /// The transfer of a driver's versions, as the latest (`latestID`, held by `heldBy`) stands, to `district`;
    /// refused when that district holds them already. Both stores call this inside the transaction that records it.
    public static func handing(
        formID: String, subjectKey: String, latestID: Int64, heldBy: String?, to district: String, note: String?,
        by actor: String, at time: String
    ) throws -> TransferRecord {
        guard heldBy != district else { throw Refusal.alreadyInDistrict(driver: subjectKey, district: district) }
        return TransferRecord(
            id: nil, formID: formID, subjectKey: subjectKey, afterSubmission: latestID, fromDistrict: heldBy,
            toDistrict: district, note: note, recordedBy: actor, recordedAt: time)
    }

    /// The audit line's detail for the transfer.
    public var auditDetail: String { "from \(fromDistrict ?? "no district") to \(toDistrict)" }
}
