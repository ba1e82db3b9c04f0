import FormEngine
import GRDB

/// What a register import changed.
public struct RegisterImport: Sendable, Equatable {
    /// Schools new to the register.
    public var added = 0
    /// Schools whose details changed, or that reopened.
    public var updated = 0
    /// Schools closed: marked Closed in the extract, or no longer in it.
    public var closed = 0
    /// Schools already in the register as the extract describes them.
    public var unchanged = 0

    /// Creates counts.
    public init(added: Int = 0, updated: Int = 0, closed: Int = 0, unchanged: Int = 0) {
        self.added = added
        self.updated = updated
        self.closed = closed
        self.unchanged = unchanged
    }
}

extension ReturnStore {
    /// Loads or updates the school register from a GIAS extract, in one transaction: a bad row is named by
    /// line and column and nothing is imported. An open school the extract does not list is closed, since
    /// an extract of open establishments lists every school expected to make a return.
    public func importRegister(
        _ bytes: [UInt8], file: String, schoolForm: FormDefinition, actor: String
    ) throws -> Result<RegisterImport, RegisterProblems> {
        let schools: [GIASSchool]
        switch GIASExtract.read(bytes, file: file, form: schoolForm) {
        case .failure(let problems): return .failure(problems)
        case .success(let read): schools = read
        }
        return .success(
            try pool.write { db in
                var counts = RegisterImport()
                let at = Self.now()
                var districtIDs: [String: Int64] = [:]
                for school in schools where districtIDs[school.districtSlug] == nil {
                    districtIDs[school.districtSlug] = try Self.district(db, school)
                }
                for school in schools {
                    let existing = try SchoolRecord.filter(Column("urn") == school.urn).fetchOne(db)
                    var record = SchoolRecord(
                        id: existing?.id, urn: school.urn, name: school.name, dfeNumber: school.dfeNumber,
                        phase: school.phase, phaseName: school.phaseName, typeName: school.typeName,
                        religiousCharacter: school.religiousCharacter, districtID: districtIDs[school.districtSlug]!,
                        postcode: school.postcode, status: school.isOpen ? "open" : "closed",
                        updatedAt: existing?.updatedAt ?? at, closedAt: school.isOpen ? nil : existing?.closedAt ?? at)
                    guard let existing else {
                        if school.isOpen {
                            try record.insert(db)
                            counts.added += 1
                        }
                        continue
                    }
                    if record == existing {
                        counts.unchanged += 1
                        continue
                    }
                    if existing.status == "open" && !school.isOpen { counts.closed += 1 } else { counts.updated += 1 }
                    record.updatedAt = at
                    try record.update(db)
                }
                let listed = Set(schools.map(\.urn))
                for var school in try SchoolRecord.filter(Column("status") == "open").fetchAll(db)
                where !listed.contains(school.urn) {
                    school.status = "closed"
                    school.closedAt = at
                    school.updatedAt = at
                    try school.update(db)
                    counts.closed += 1
                }
                try Self.audit(
                    db, actor: actor, action: "register-import", target: "register",
                    detail:
                        "added \(counts.added), updated \(counts.updated), closed \(counts.closed), unchanged \(counts.unchanged)"
                )
                return counts
            })
    }

    /// The district of a school, added or brought up to date.
    private static func district(_ db: Database, _ school: GIASSchool) throws -> Int64 {
        if var existing = try DistrictRecord.filter(Column("slug") == school.districtSlug).fetchOne(db) {
            if existing.code != school.districtCode || existing.name != school.districtName {
                existing.code = school.districtCode
                existing.name = school.districtName
                try existing.update(db)
            }
            return existing.id!
        }
        var record = DistrictRecord(
            id: nil, slug: school.districtSlug, code: school.districtCode, name: school.districtName)
        try record.insert(db)
        return record.id!
    }

    /// The schools in the register, by URN.
    public func schools(status: String? = nil) throws -> [SchoolRecord] {
        try pool.read { db in
            var request = SchoolRecord.order(Column("urn"))
            if let status { request = request.filter(Column("status") == status) }
            return try request.fetchAll(db)
        }
    }
}
