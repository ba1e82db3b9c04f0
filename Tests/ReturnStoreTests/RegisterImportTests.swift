import FormEngine
import Foundation
import ReturnStore
import Testing

@Suite("Importing the school register from GIAS extracts")
struct RegisterImportTests {
    static let form = catalog.forms["section11-school-return"]!

    static func extract(_ rows: [String]) -> [UInt8] {
        let header =
            "URN,LA (code),EstablishmentNumber,EstablishmentName,TypeOfEstablishment (name),EstablishmentStatus (name),"
            + "PhaseOfEducation (name),ReligiousCharacter (name),Postcode,DistrictAdministrative (code),DistrictAdministrative (name)"
        return Array(([header] + rows).joined(separator: "\r\n").utf8)
    }

    @Test("an extract adds its open schools, maps phases and districts, and skips the closed")
    func firstImport() throws {
        let temporary = try TemporaryStore()
        try temporary.importRegister()
        let schools = try temporary.store.schools()
        #expect(schools.map(\.urn) == ["121620", "121734", "121988", "122049", "137455", "138112", "144213"])
        let weldon = try #require(schools.first { $0.urn == "121620" })
        #expect(weldon.name == "St Peter's CofE Primary School, Weldon")
        #expect(weldon.phase == "primary" && weldon.phaseName == "Primary")
        #expect(weldon.dfeNumber == "928/2302")
        #expect(weldon.religiousCharacter == "Church of England")
        #expect(schools.first { $0.urn == "144213" }?.phase == "middle-deemed-secondary")
        #expect(schools.first { $0.urn == "122049" }?.phase == "not-applicable")
    }

    @Test("a re-import reports schools added, updated, closed and unchanged")
    func reimport() throws {
        let temporary = try TemporaryStore()
        let first = try temporary.store.importRegister(
            Self.extract([
                "121734,928,2123,Oakfield Primary School,Community school,Open,Primary,,NN1 3AA,E07000154,Northampton",
                "121988,928,2415,Hillcrest Junior School,Voluntary aided school,Open,Primary,,NN17 2AB,E07000150,Corby",
                "138112,928,4117,Nene Valley Academy,Academy converter,Open,Secondary,,NN14 4QQ,E07000152,East Northamptonshire",
                "137455,928,4001,Riverside Academy,Academy sponsor led,Open,Secondary,,NN16 0DJ,E07000153,Kettering",
            ]), file: "first.csv", schoolForm: Self.form, actor: "test"
        ).get()
        #expect(first == RegisterImport(added: 4, updated: 0, closed: 0, unchanged: 0))
        let second = try temporary.store.importRegister(
            Self.extract([
                "121734,928,2123,Oakfield Primary School,Community school,Open,Primary,,NN1 3AA,E07000154,Northampton",
                "121988,928,2415,Hillcrest Church of England Junior School,Voluntary aided school,Open,Primary,,NN17 2AB,E07000150,Corby",
                "138112,928,4117,Nene Valley Academy,Academy converter,Closed,Secondary,,NN14 4QQ,E07000152,East Northamptonshire",
                "140001,928,4200,Kettering Free School,Free schools,Open,All-through,,NN15 6AA,E07000153,Kettering",
            ]), file: "second.csv", schoolForm: Self.form, actor: "test"
        ).get()
        #expect(second == RegisterImport(added: 1, updated: 1, closed: 2, unchanged: 1))
        #expect(try temporary.store.schools(status: "open").map(\.urn) == ["121734", "121988", "140001"])
        #expect(try temporary.store.schools(status: "closed").map(\.urn) == ["137455", "138112"])
    }

    @Test("a bad row is named by line and column, and nothing is imported")
    func badRows() throws {
        let temporary = try TemporaryStore()
        try temporary.importRegister()
        let bytes = try FileBytes.read(Paths.examples + "/register/gias-extract-broken.csv").get().bytes
        guard
            case .failure(let problems) = try temporary.store.importRegister(
                bytes, file: "broken.csv", schoolForm: Self.form, actor: "test")
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
        #expect(try temporary.store.schools().count == 7, "the register is as it was")
        #expect(try temporary.store.auditLog().map(\.action) == ["register-import"], "only the good import is logged")
    }

    @Test("missing columns, a duplicate URN and an unclosed quote are refused")
    func malformedExtracts() throws {
        let temporary = try TemporaryStore()
        func problems(_ text: String) throws -> [String] {
            guard
                case .failure(let found) = try temporary.store.importRegister(
                    Array(text.utf8), file: "x.csv", schoolForm: Self.form, actor: "t")
            else { return [] }
            return found.problems.map(\.description)
        }
        #expect(
            try problems("URN,EstablishmentName\n121734,Oakfield\n") == [
                "x.csv:1:1: error: The extract has no column 'TypeOfEstablishment (name)', 'PhaseOfEducation (name)', 'EstablishmentStatus (name)', 'DistrictAdministrative (name)', 'DistrictAdministrative (code)'. Download it from GIAS with these columns."
            ])
        let duplicate = String(
            decoding: Self.extract([
                "121734,928,2123,Oakfield,Community school,Open,Primary,,,E07000154,Northampton",
                "121734,928,2124,Oakfield Annexe,Community school,Open,Primary,,,E07000154,Northampton",
            ]), as: UTF8.self)
        #expect(try problems(duplicate) == ["x.csv:3:1: error: The URN 121734 appears twice (first on line 2)."])
        #expect(
            try problems("URN,\"EstablishmentName\n") == [
                "x.csv:1:5: error: This quoted value is never closed: add the closing '\"'."
            ])
    }

    @Test("an extract in Windows-1252, as GIAS writes them, is read")
    func windows1252() throws {
        let temporary = try TemporaryStore()
        var bytes = Self.extract([
            "121734,928,2123,Oakfield School,Community school,Open,Primary,,NN1 3AA,E07000154,Northampton"
        ])
        let name = Array("Oakfield".utf8)
        let at = try #require(bytes.firstRange(of: name)).upperBound
        bytes.insert(contentsOf: [0x92, 0x73], at: at)
        _ = try temporary.store.importRegister(bytes, file: "latin.csv", schoolForm: Self.form, actor: "t").get()
        #expect(try temporary.store.schools().first?.name == "Oakfield’s School")
    }
}
