import FormEngine
import Records

/// A problem with one value of an extract: where, and what to do.
public struct RegisterProblem: Error, Sendable, Equatable, CustomStringConvertible {
    /// The extract's file name.
    public let file: String
    /// The line, from 1.
    public let line: Int
    /// The column, from 1.
    public let column: Int
    /// What is wrong.
    public let message: String

    /// `file:line:column: error: message`.
    public var description: String { "\(file):\(line):\(column): error: \(message)" }
}

/// Every problem found in an extract: nothing is imported while there is one.
public struct RegisterProblems: Error, Sendable, Equatable, CustomStringConvertible {
    /// The problems, in line order.
    public let problems: [RegisterProblem]

    /// One problem a line.
    public var description: String { problems.map(\.description).joined(separator: "\n") }
}

/// The board's schools read from a GIAS extract, and how many rows were outside the board's area.
struct RegisterExtract: Sendable {
    /// The schools in the area, open or closed.
    let schools: [SchoolEntry]
    /// Rows of establishments outside the area, left out.
    let outside: Int
    /// The local authority codes the area was taken to be, when the extract has them.
    let area: [String]
}

/// Reads a GIAS extract ("Get Information about Schools") by its own column names, ignoring the columns it
/// does not use. Phases and districts are mapped to the choices of the school form's phase (its `phase` meaning)
/// and district (its `district-key`) by their labels, so the register and the returns speak of the same things.
///
/// GIAS's standard download is every establishment in England; the board keeps its own area: the local authorities
/// named (`LA (code)`), or, when none is named, those of the rows whose district is one of the form's. A row
/// outside the area is counted and left out; a row inside it is checked, and a wrong one refuses the file.
enum GIASExtract {
    /// The columns an extract must have.
    static let requiredColumns = [
        "URN", "EstablishmentName", "TypeOfEstablishment (name)", "PhaseOfEducation (name)",
        "EstablishmentStatus (name)", "DistrictAdministrative (name)", "DistrictAdministrative (code)",
    ]

    /// The statuses GIAS gives an open establishment; "Closed" closes a school; others are left out.
    static let openStatuses: Set<String> = ["open", "open, but proposed to close"]

    /// The schools of an extract in the area (the local authorities `authorities`, or when empty those the form's
    /// districts are in), every open or closed one, or every problem found (at most 50).
    static func read(_ bytes: [UInt8], file: String, form: FormDefinition, authorities: [String] = [])
        -> Result<RegisterExtract, RegisterProblems>
    {
        func problem(_ line: Int, _ column: Int, _ message: String) -> RegisterProblem {
            RegisterProblem(file: file, line: line, column: column, message: message)
        }
        let rows: [[CSVField]]
        switch CSVReader.rows(of: LegacyText.decode(bytes), refusingNUL: true) {
        case .failure(let failure):
            return .failure(RegisterProblems(problems: [problem(failure.line, failure.column, failure.message)]))
        case .success(let read): rows = read
        }
        guard let header = rows.first else {
            return .failure(
                RegisterProblems(problems: [problem(1, 1, "The file is empty: it needs GIAS's header row.")]))
        }
        let names = header.map { $0.text.trimmingWhitespace }
        let missing = requiredColumns.filter { !names.contains($0) }
        guard missing.isEmpty else {
            return .failure(
                RegisterProblems(problems: [
                    problem(
                        1, 1,
                        "The extract has no column \(missing.map { "'\($0)'" }.joined(separator: ", ")). Download it from GIAS with these columns."
                    )
                ]))
        }
        guard let phases = form.field(for: .phase)?.choices,
            let districts = form.districtKey.flatMap({ form.field(at: $0).choices })
        else {
            return .failure(
                RegisterProblems(problems: [
                    problem(
                        1, 1,
                        "The school form \(form.file) names no choice of phase ('phase' under 'meanings') or of "
                            + "district ('district-key') to map the register to.")
                ]))
        }
        let index = Dictionary(names.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        func value(_ row: [CSVField], _ name: String) -> String? {
            guard let column = index[name], column < row.count else { return nil }
            let text = row[column].text.trimmingWhitespace
            return text.isEmpty ? nil : text
        }
        if !authorities.isEmpty && index["LA (code)"] == nil {
            return .failure(
                RegisterProblems(problems: [
                    problem(
                        1, 1,
                        "The extract has no column 'LA (code)', so the local authorities named cannot be found in "
                            + "it. Download it from GIAS with that column, or leave out --la.")
                ]))
        }
        // The area: the authorities named, else those any row of the form's districts is in; none when the extract
        // does not say (the board's own extract, every row of it inside).
        var area = Set(authorities)
        if area.isEmpty && index["LA (code)"] != nil {
            for row in rows.dropFirst() {
                if let la = value(row, "LA (code)"), let district = value(row, "DistrictAdministrative (name)"),
                    districts.option(matching: district) != nil
                {
                    area.insert(la)
                }
            }
        }
        var outside = 0
        var schools: [SchoolEntry] = []
        var problems: [RegisterProblem] = []
        var seen: [String: Int] = [:]
        for row in rows.dropFirst() {
            func field(_ name: String) -> CSVField? {
                guard let column = index[name], column < row.count else { return nil }
                return row[column]
            }
            func text(_ name: String) -> String? {
                field(name).map { $0.text.trimmingWhitespace }.flatMap { $0.isEmpty ? nil : $0 }
            }
            let rowLine = row.first?.line ?? 0
            if !area.isEmpty, !area.contains(value(row, "LA (code)") ?? "") {
                outside += 1
                continue
            }
            guard row.count >= names.count else {
                problems.append(problem(rowLine, 1, "This row has \(row.count) values; the header has \(names.count)."))
                continue
            }
            let urnField = field("URN")!
            let urn = urnField.text.trimmingWhitespace
            guard urn.utf8.count == 6, urn.allSatisfy({ $0.isNumber }) else {
                problems.append(problem(urnField.line, urnField.column, "The URN '\(urn)' is not 6 digits."))
                continue
            }
            if let first = seen[urn] {
                problems.append(
                    problem(urnField.line, urnField.column, "The URN \(urn) appears twice (first on line \(first))."))
                continue
            }
            seen[urn] = urnField.line
            let status = text("EstablishmentStatus (name)")?.lowercased() ?? ""
            guard openStatuses.contains(status) || status == "closed" else { continue }
            guard let name = text("EstablishmentName") else {
                let at = field("EstablishmentName")!
                problems.append(problem(at.line, at.column, "The school \(urn) has no EstablishmentName."))
                continue
            }
            let phaseField = field("PhaseOfEducation (name)")!
            let phaseName = phaseField.text.trimmingWhitespace
            guard let phase = phases.option(matching: phaseName) else {
                problems.append(
                    problem(
                        phaseField.line, phaseField.column,
                        "The phase '\(phaseName)' is not one of the form's phases (\(phases.options.map(\.label).joined(separator: ", ")))."
                    ))
                continue
            }
            let districtField = field("DistrictAdministrative (name)")!
            let districtName = districtField.text.trimmingWhitespace
            guard let district = districts.option(matching: districtName) else {
                problems.append(
                    problem(
                        districtField.line, districtField.column,
                        "The district '\(districtName)' is not one of the form's districts (\(districts.options.map(\.label).joined(separator: ", "))). "
                            + "Add it to the '\(districts.id)' list, or leave its schools out of the extract."))
                continue
            }
            var dfeNumber: String?
            if let la = text("LA (code)"), let number = text("EstablishmentNumber") {
                dfeNumber = IdentifierFormat.dfeNumber.normalize(la + number)
            }
            schools.append(
                SchoolEntry(
                    urn: urn, name: name, dfeNumber: dfeNumber, phase: phase.value, phaseName: phaseName,
                    typeName: text("TypeOfEstablishment (name)") ?? "",
                    religiousCharacter: text("ReligiousCharacter (name)"),
                    districtSlug: district.value, districtCode: text("DistrictAdministrative (code)"),
                    districtName: district.label, postcode: text("Postcode"), isOpen: openStatuses.contains(status),
                    headName: headName(title: text("HeadTitle (name)"), text("HeadFirstName"), text("HeadLastName")),
                    telephone: text("TelephoneNum"), website: text("SchoolWebsite")))
            if problems.count >= 50 { break }
        }
        return problems.isEmpty
            ? .success(RegisterExtract(schools: schools, outside: outside, area: area.sorted()))
            : .failure(RegisterProblems(problems: problems))
    }

    /// The head's name as a letter would address them: `Mrs Jane Smith`; GIAS's "Not applicable" title left out.
    static func headName(title: String?, _ first: String?, _ last: String?) -> String? {
        let title = title.flatMap { ["not applicable", "not known"].contains($0.lowercased()) ? nil : $0 }
        let parts = [title, first, last].compactMap { $0 }
        return parts.count > (title == nil ? 0 : 1) ? parts.joined(separator: " ") : nil
    }
}
