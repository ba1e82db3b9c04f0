import PostgresNIO
import Records

extension PostgreSQLStore {
    /// Adds or updates these schools in one transaction and closes every open school they do not list: an extract
    /// of open establishments lists every school expected to make a return.
    public func importRegister(_ schools: [SchoolEntry], actor: String) async throws -> RegisterImport {
        try await write { connection in
            var counts = RegisterImport()
            let at = Self.now()
            var districtIDs: [String: Int64] = [:]
            for school in schools where districtIDs[school.districtSlug] == nil {
                districtIDs[school.districtSlug] = try await Self.district(connection, school)
            }
            let stored = try await connection.records(SchoolRecord.self, "SELECT * FROM school")
            let existingByURN = Dictionary(stored.map { ($0.urn, $0) }, uniquingKeysWith: { first, _ in first })
            for school in schools {
                let change = school.change(
                    from: existingByURN[school.urn], districtID: districtIDs[school.districtSlug]!, at: at)
                change.count(in: &counts)
                switch change {
                case .add(let record): try await connection.insert(record, into: "school")
                case .update(let record, _): try await connection.update(record, in: "school")
                case .skip, .unchanged: break
                }
            }
            let listed = Set(schools.map(\.urn))
            for var school in stored where school.status == .open && !listed.contains(school.urn) {
                school.status = .closed
                school.closedAt = at
                school.updatedAt = at
                try await connection.update(school, in: "school")
                counts.closed += 1
            }
            try await Self.audit(
                connection, actor: actor, action: .registerImport, target: "register",
                detail:
                    "added \(counts.added), updated \(counts.updated), closed \(counts.closed), unchanged \(counts.unchanged)"
            )
            return counts
        }
    }

    /// The district of a school, added or brought up to date.
    private static func district(_ connection: PostgresConnection, _ school: SchoolEntry) async throws -> Int64 {
        if var existing = try await connection.record(
            DistrictRecord.self, "SELECT * FROM district WHERE slug = \(school.districtSlug)")
        {
            if existing.code != school.districtCode || existing.name != school.districtName {
                existing.code = school.districtCode
                existing.name = school.districtName
                try await connection.update(existing, in: "district")
            }
            return existing.id!
        }
        return try await connection.insert(
            DistrictRecord(id: nil, slug: school.districtSlug, code: school.districtCode, name: school.districtName),
            into: "district")!
    }

    /// The schools in the register, by URN.
    public func schools(status: SchoolStatus?) async throws -> [SchoolRecord] {
        try await readOnce { connection in
            try await connection.records(
                SchoolRecord.self,
                "SELECT * FROM school WHERE \(status?.rawValue)::text IS NULL OR status = \(status?.rawValue) ORDER BY urn"
            )
        }
    }

    /// One school in the register.
    public func school(urn: String) async throws -> SchoolRecord? {
        try await readOnce { connection in
            try await connection.record(SchoolRecord.self, "SELECT * FROM school WHERE urn = \(urn)")
        }
    }

    /// The register's district of each of these schools that it holds, by URN.
    public func schoolDistricts(urns: [String]) async throws -> [String: String] {
        guard !urns.isEmpty else { return [:] }
        return try await readOnce { connection in
            let rows = try await connection.rows(
                """
                SELECT school.urn, district.slug FROM school JOIN district ON district.id = school.districtID
                WHERE school.urn = ANY(\(urns))
                """)
            return Dictionary(
                try rows.map { (try $0[0].decode(String.self), try $0[1].decode(String.self)) },
                uniquingKeysWith: { first, _ in first })
        }
    }

    /// The districts, by slug.
    public func districts() async throws -> [DistrictRecord] {
        try await readOnce { connection in
            try await connection.records(DistrictRecord.self, "SELECT * FROM district ORDER BY slug")
        }
    }

    /// Opens a round of returns; refuses a name already used.
    public func openCollection(_ collection: CollectionRecord) async throws -> CollectionRecord {
        try await write { connection in
            // One name at a time: two officers opening the same round at once get one round and one refusal.
            try await connection.run("LOCK TABLE collection IN SHARE ROW EXCLUSIVE MODE")
            if try await connection.value(
                Bool.self, "SELECT EXISTS (SELECT 1 FROM collection WHERE name = \(collection.name))") == true
            {
                throw Refusal.collectionExists(collection.name)
            }
            var record = collection
            record.id = try await connection.insert(record, into: "collection")
            try await Self.audit(
                connection, actor: record.openedBy, action: .collectionOpen, target: "collection \(record.name)",
                detail: "form \(record.formID), \(record.periodStart) to \(record.periodEnd), due \(record.due)")
            return record
        }
    }

    /// Every collection, oldest first.
    public func collections() async throws -> [CollectionRecord] {
        try await readOnce { connection in
            try await connection.records(CollectionRecord.self, "SELECT * FROM collection ORDER BY id")
        }
    }
}
