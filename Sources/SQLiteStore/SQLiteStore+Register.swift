import GRDB
import Records

extension SQLiteStore {
    /// Adds or updates these schools in one transaction and closes every open school they do not list: an extract
    /// of open establishments lists every school expected to make a return.
    public func importRegister(_ schools: [SchoolEntry], actor: String) async throws -> RegisterImport {
        try await write { db in
            var counts = RegisterImport()
            let at = Self.now()
            var districtIDs: [String: Int64] = [:]
            for school in schools where districtIDs[school.districtSlug] == nil {
                districtIDs[school.districtSlug] = try Self.district(db, school)
            }
            for school in schools {
                let existing = try SchoolRecord.filter(Column("urn") == school.urn).fetchOne(db)
                let change = school.change(from: existing, districtID: districtIDs[school.districtSlug]!, at: at)
                change.count(in: &counts)
                switch change {
                case .add(var record): try record.insert(db)
                case .update(let record, _): try record.update(db)
                case .skip, .unchanged: break
                }
            }
            let listed = Set(schools.map(\.urn))
            for var school in try SchoolRecord.filter(Column("status") == SchoolStatus.open.rawValue).fetchAll(db)
            where !listed.contains(school.urn) {
                school.status = .closed
                school.closedAt = at
                school.updatedAt = at
                try school.update(db)
                counts.closed += 1
            }
            try Self.audit(
                db, actor: actor, action: .registerImport, target: "register",
                detail:
                    "added \(counts.added), updated \(counts.updated), closed \(counts.closed), unchanged \(counts.unchanged)"
            )
            return counts
        }
    }

    /// The district of a school, added or brought up to date.
    private static func district(_ db: Database, _ school: SchoolEntry) throws -> Int64 {
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
    public func schools(status: SchoolStatus?) async throws -> [SchoolRecord] {
        try await pool.read { db in
            var request = SchoolRecord.order(Column("urn"))
            if let status { request = request.filter(Column("status") == status.rawValue) }
            return try request.fetchAll(db)
        }
    }

    /// One school in the register.
    public func school(urn: String) async throws -> SchoolRecord? {
        try await pool.read { db in try SchoolRecord.filter(Column("urn") == urn).fetchOne(db) }
    }

    /// The register's district of each of these schools that it holds, by URN.
    public func schoolDistricts(urns: [String]) async throws -> [String: String] {
        guard !urns.isEmpty else { return [:] }
        return try await pool.read { db in
            var found: [String: String] = [:]
            // SQLite takes up to 32,766 arguments: a batch's URNs are asked for a thousand at a time.
            for start in stride(from: 0, to: urns.count, by: 1000) {
                let part = Array(urns[start..<min(start + 1000, urns.count)])
                let marks = part.map { _ in "?" }.joined(separator: ", ")
                for row in try Row.fetchAll(
                    db,
                    sql: """
                        SELECT school.urn, district.slug FROM school JOIN district ON district.id = school.districtID
                        WHERE school.urn IN (\(marks))
                        """, arguments: StatementArguments(part))
                {
                    found[row[0]] = row[1]
                }
            }
            return found
        }
    }

    /// The districts, by slug.
    public func districts() async throws -> [DistrictRecord] {
        try await pool.read { db in try DistrictRecord.order(Column("slug")).fetchAll(db) }
    }
}
