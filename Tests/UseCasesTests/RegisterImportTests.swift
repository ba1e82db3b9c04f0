import FormEngine
import Foundation
import Records
import SQLiteStore
import TestSupport
import UseCases
import StoreKinds
import Testing

@Suite("Importing the school register from GIAS extracts")
struct RegisterImportTests {
    static func extract(_ rows: [String]) -> [UInt8] {
        let header =
            "URN,LA (code),EstablishmentNumber,EstablishmentName,TypeOfEstablishment (name),EstablishmentStatus (name),"
            + "PhaseOfEducation (name),ReligiousCharacter (name),Postcode,DistrictAdministrative (code),DistrictAdministrative (name)"
        return Array(([header] + rows).joined(separator: "\r\n").utf8)
    }

    @Test(
        "an extract adds its open schools, maps phases and districts, and skips the closed",
        arguments: StoreKind.available)
    func firstImport(_ kind: StoreKind) async throws {
        let temporary = try await TemporaryCounty(kind)
        try await temporary.importRegister()
        let schools = try await temporary.store.schools(status: nil)
        #expect(schools.map(\.urn) == ["121620", "121734", "121988", "122049", "137455", "138112", "144213"])
        let weldon = try #require(schools.first { $0.urn == "121620" })
        #expect(weldon.name == "St Peter's CofE Primary School, Weldon")
        #expect(weldon.phase == "primary" && weldon.phaseName == "Primary")
        #expect(weldon.dfeNumber == "928/2302")
        #expect(weldon.religiousCharacter == "Church of England")
        #expect(schools.first { $0.urn == "144213" }?.phase == "middle-deemed-secondary")
        #expect(schools.first { $0.urn == "122049" }?.phase == "not-applicable")
    }

    @Test("a re-import reports schools added, updated, closed and unchanged", arguments: StoreKind.available)
    func reimport(_ kind: StoreKind) async throws {
        let temporary = try await TemporaryCounty(kind)
        let first = try await temporary.cases().importRegister(
            Self.extract([
                "121734,928,2123,Oakfield Primary School,Community school,Open,Primary,,NN1 3AA,E07000154,Northampton",
                "121988,928,2415,Hillcrest Junior School,Voluntary aided school,Open,Primary,,NN17 2AB,E07000150,Corby",
                "138112,928,4117,Nene Valley Academy,Academy converter,Open,Secondary,,NN14 4QQ,E07000152,East Northamptonshire",
                "137455,928,4001,Riverside Academy,Academy sponsor led,Open,Secondary,,NN16 0DJ,E07000153,Kettering",
            ]), file: "first.csv", by: tester
        ).get().counts
        #expect(first == RegisterImport(added: 4, updated: 0, closed: 0, unchanged: 0))
        let second = try await temporary.cases().importRegister(
            Self.extract([
                "121734,928,2123,Oakfield Primary School,Community school,Open,Primary,,NN1 3AA,E07000154,Northampton",
                "121988,928,2415,Hillcrest Church of England Junior School,Voluntary aided school,Open,Primary,,NN17 2AB,E07000150,Corby",
                "138112,928,4117,Nene Valley Academy,Academy converter,Closed,Secondary,,NN14 4QQ,E07000152,East Northamptonshire",
                "140001,928,4200,Kettering Free School,Free schools,Open,All-through,,NN15 6AA,E07000153,Kettering",
            ]), file: "second.csv", by: tester
        ).get().counts
        #expect(second == RegisterImport(added: 1, updated: 1, closed: 2, unchanged: 1))
        #expect(try await temporary.store.schools(status: .open).map(\.urn) == ["121734", "121988", "140001"])
        #expect(try await temporary.store.schools(status: .closed).map(\.urn) == ["137455", "138112"])
    }

    @Test("a bad row is named by line and column, and nothing is imported", arguments: StoreKind.available)
    func badRows(_ kind: StoreKind) async throws {
        let temporary = try await TemporaryCounty(kind)
        try await temporary.importRegister()
        let bytes = try FileBytes.read(Paths.examples + "/register/gias-extract-broken.csv").get().bytes
        guard
            case .failure(let problems) = try await temporary.cases().importRegister(
                bytes, file: "broken.csv", by: tester)
        else {
            Issue.record("a broken extract was imported")
            return
        }
        #expect(problems.problems.map { "\($0.line):\($0.column)" } == ["3:1", "4:51", "5:71"])
        #expect(problems.problems[0].message == "The URN '12198' is not 6 digits.")
        #expect(problems.problems[1].message.hasPrefix("The phase 'Upper school' is not one of the form's phases"))
        #expect(
            problems.problems[2].message.hasPrefix(
                "The district 'West Northamptonshire' is not one of the form's districts"))
        #expect(try await temporary.store.schools(status: nil).count == 7, "the register is as it was")
        #expect(
            try await temporary.store.auditLog(since: nil).map(\.action) == [.registerImport],
            "only the good import is logged")
    }

    @Test("missing columns, a duplicate URN and an unclosed quote are refused", arguments: StoreKind.available)
    func malformedExtracts(_ kind: StoreKind) async throws {
        let temporary = try await TemporaryCounty(kind)
        func problems(_ text: String) async throws -> [String] {
            guard
                case .failure(let found) = try await temporary.cases().importRegister(
                    Array(text.utf8), file: "x.csv", by: tester)
            else { return [] }
            return found.problems.map(\.description)
        }
        #expect(
            try await problems("URN,EstablishmentName\n121734,Oakfield\n") == [
                "x.csv:1:1: error: The extract has no column 'TypeOfEstablishment (name)', 'PhaseOfEducation (name)', 'EstablishmentStatus (name)', 'DistrictAdministrative (name)', 'DistrictAdministrative (code)'. Download it from GIAS with these columns."
            ])
        let duplicate = String(
            decoding: Self.extract([
                "121734,928,2123,Oakfield,Community school,Open,Primary,,,E07000154,Northampton",
                "121734,928,2124,Oakfield Annexe,Community school,Open,Primary,,,E07000154,Northampton",
            ]), as: UTF8.self)
        #expect(try await problems(duplicate) == ["x.csv:3:1: error: The URN 121734 appears twice (first on line 2)."])
        #expect(
            try await problems("URN,\"EstablishmentName\n") == [
                "x.csv:1:5: error: This quoted value is never closed: add the closing '\"'."
            ])
        // A NUL byte would cut the school's name short on SQLite and be refused by PostgreSQL: the file is refused.
        let nul = String(
            decoding: Self.extract([
                "121734,928,2123,Oak\u{0}field,Community school,Open,Primary,,,E07000154,Northampton"
            ]),
            as: UTF8.self)
        #expect(
            try await problems(nul) == [
                "x.csv:2:20: error: A NUL character (byte 0) is here: this is not a text file. Export it again as CSV."
            ])
        #expect(try await temporary.store.school(urn: "121734") == nil, "nothing is imported")
    }

    @Test("an extract in Windows-1252, as GIAS writes them, is read", arguments: StoreKind.available)
    func windows1252(_ kind: StoreKind) async throws {
        let temporary = try await TemporaryCounty(kind)
        var bytes = Self.extract([
            "121734,928,2123,Oakfield School,Community school,Open,Primary,,NN1 3AA,E07000154,Northampton"
        ])
        let name = Array("Oakfield".utf8)
        let at = try #require(bytes.firstRange(of: name)).upperBound
        bytes.insert(contentsOf: [0x92, 0x73], at: at)
        _ = try await temporary.cases().importRegister(bytes, file: "latin.csv", by: tester).get()
        #expect(try await temporary.store.schools(status: nil).first?.name == "Oakfield’s School")
    }

    @Test(
        "GIAS's national download is taken as it is: the board's area kept, the rows outside it counted",
        arguments: StoreKind.available)
    func nationalDownload(_ kind: StoreKind) async throws {
        let temporary = try await TemporaryCounty(kind)
        let bytes = try FileBytes.read(Paths.examples + "/register/gias-national.csv").get().bytes
        #expect(bytes.contains(0x92), "Windows-1252, with curly apostrophes")
        let imported = try await temporary.cases().importRegister(bytes, file: "national.csv", by: tester).get()
        #expect(imported.counts == RegisterImport(added: 2, updated: 0, closed: 0, unchanged: 0))
        #expect(imported.outside == 3, "two schools in Camden and one in Leeds")
        #expect(imported.area == ["928"], "the authority the form's districts are in")
        let schools = try await temporary.store.schools(status: .open)
        let weldon = try #require(schools.first { $0.urn == "121620" })
        #expect(weldon.name == "St Peter’s CofE Primary School, Weldon", "a quoted comma and a curly apostrophe")
        #expect(weldon.headName == "Mrs Jane O’Neill")
        #expect(weldon.telephone == "01536 203761" && weldon.website == "www.stpeters-weldon.northants.sch.uk")
        #expect(schools.map(\.urn) == ["121620", "137455"], "\"Open, but proposed to close\" is open")

        func problems(_ bytes: [UInt8], authorities: [String] = []) async throws -> [String] {
            guard
                case .failure(let found) = try await temporary.cases().importRegister(
                    bytes, file: "national.csv", authorities: authorities, by: tester)
            else { return [] }
            return found.problems.map { "\($0.line):\($0.column) " + $0.message.prefix { $0 != "(" } }
        }
        let text = String(decoding: bytes, as: UTF8.self)
        let kettering = try #require(text.range(of: ",Kettering,"))
        let wrong = text.replacingCharacters(in: kettering, with: ",West Northamptonshire,")
        let wrongBytes = Array(wrong.utf8)
        #expect(
            try await problems(wrongBytes) == [
                "3:\(Self.column(of: "West Northamptonshire", in: wrong, line: 3)) The district 'West Northamptonshire' is not one of the form's districts "
            ], "a row inside the area that is wrong still refuses the file")
        #expect(
            try await problems(bytes, authorities: ["202"]) == [
                "4:\(Self.column(of: "Camden,", in: wrong, line: 4)) The district 'Camden' is not one of the form's districts ",
                "5:\(Self.column(of: "Camden,", in: wrong, line: 5)) The district 'Camden' is not one of the form's districts ",
            ], "--la names the area: Camden's schools are then inside it, and not the form's districts")
        #expect(try await temporary.store.schools(status: .open).count == 2, "nothing was imported from either")
    }

    /// The column, from 1, where `text` last starts on a line of a CSV text (the district comes after the LA's name).
    static func column(of text: String, in csv: String, line: Int) -> Int {
        let row = csv.components(separatedBy: "\r\n")[line - 1]
        return row.distance(from: row.startIndex, to: row.range(of: text, options: .backwards)!.lowerBound) + 1
    }
}
