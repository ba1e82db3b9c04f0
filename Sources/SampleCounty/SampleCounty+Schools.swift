import FormEngine
import Foundation

extension SampleCounty {
    /// A school of the sample.
    struct School {
        let urn: String
        let name: String
        let establishmentNumber: Int
        let typeName: String
        let status: String
        let phaseName: String
        let phase: String
        let religiousCharacter: String
        let postcode: String
        let district: CountyData.District
        let headteacher: String
        let dsl: String

        /// True when the school is expected to make a return: open in the register.
        var isOpen: Bool { status != "Closed" }
    }

    /// The schools, in the proportions of phases, types and districts a county has.
    mutating func makeSchools() -> [School] {
        var schools: [School] = []
        var urns = Set<Int>()
        var names = Set<String>()
        for index in 0..<options.schools {
            let district = random.weighted(CountyData.districts.map { ($0, $0.weight) })
            let phase = random.weighted(CountyData.phases.map { ($0, $0.weight) })
            let typeName = random.weighted(phase.types)
            var urn = random.int(120_000...149_999)
            while !urns.insert(urn).inserted { urn = random.int(120_000...149_999) }
            let religious =
                typeName.hasPrefix("Voluntary")
                ? random.weighted([("Church of England", 0.7), ("Roman Catholic", 0.3)]) : "Does not apply"
            var name = schoolName(phase: phase.value, typeName: typeName, religious: religious, district: district)
            for qualifier in ["Park", "Meadow", "Hill", "Brook", "Grange", "Valley", "Field", "Croft", "Green", "Vale"]
            where names.contains(name) {
                name =
                    name.replacingFirst(", ", with: " \(qualifier), ") ?? name.replacingFirst(
                        " ", with: " \(qualifier) ") ?? name
            }
            if !names.insert(name).inserted { name += " (\(index))" }
            let status: String
            if index > 0 && index % 53 == 0 {
                status = "Closed"
            } else {
                status = random.chance(0.03) ? "Open, but proposed to close" : "Open"
            }
            let outward = random.pick(district.postcodes)
            let inward =
                "\(random.int(1...9))" + String(random.pick(Array("ABDEFGHJLNPQRSTUWXYZ")))
                + String(random.pick(Array("ABDEFGHJLNPQRSTUWXYZ")))
            let number: Int
            switch phase.value {
            case "secondary", "all-through", "16-plus", "middle-deemed-secondary": number = 4000 + index
            case "not-applicable": number = 7000 + index
            case "nursery": number = 1000 + index
            default: number = 2000 + index
            }
            schools.append(
                School(
                    urn: String(urn), name: name, establishmentNumber: number % 10000, typeName: typeName,
                    status: status,
                    phaseName: phase.name, phase: phase.value, religiousCharacter: religious,
                    postcode: outward + " " + inward,
                    district: district, headteacher: person(), dsl: person()))
        }
        return schools
    }

    private mutating func schoolName(phase: String, typeName: String, religious: String, district: CountyData.District)
        -> String
    {
        let place = random.pick(district.places)
        switch phase {
        case "secondary", "all-through":
            return typeName.contains("cademy") || typeName.contains("Free") ? "\(place) Academy" : "\(place) School"
        case "16-plus": return "\(place) Sixth Form College"
        case "not-applicable":
            return typeName == "Pupil referral unit" ? "\(place) Learning Centre" : "\(place) Special School"
        case "nursery": return "\(place) Nursery School"
        case "middle-deemed-secondary", "middle-deemed-primary": return "\(place) Middle School"
        default:
            if religious == "Church of England" {
                return "\(random.pick(CountyData.saints)) CofE Primary School, \(place)"
            }
            if religious == "Roman Catholic" {
                return "\(random.pick(CountyData.saints)) Catholic Primary School, \(place)"
            }
            return random.chance(0.3) ? "\(place) Junior School" : "\(place) Primary School"
        }
    }

    /// An invented person's full name.
    mutating func person() -> String {
        "\(random.pick(CountyData.firstNames)) \(random.pick(CountyData.surnames))"
    }

    /// The register as a GIAS extract: GIAS's column names, some columns the import ignores, closed schools too.
    func registerCSV(_ schools: [School]) -> String {
        var text = CSV.line([
            "URN", "LA (code)", "LA (name)", "EstablishmentNumber", "EstablishmentName", "TypeOfEstablishment (name)",
            "EstablishmentStatus (name)", "PhaseOfEducation (name)", "ReligiousCharacter (name)", "Postcode",
            "DistrictAdministrative (code)", "DistrictAdministrative (name)", "HeadFirstName", "HeadLastName",
            "TelephoneNum",
        ])
        for school in schools {
            let head = school.headteacher.split(separator: " ").map(String.init)
            text += CSV.line([
                school.urn, "928", "Northamptonshire", String(school.establishmentNumber), school.name, school.typeName,
                school.status, school.phaseName, school.religiousCharacter, school.postcode, school.district.code,
                school.district.name, head.first ?? "", head.last ?? "", "01604 " + school.urn,
            ])
        }
        return text
    }
}

extension String {
    /// The text with the first occurrence of `target` replaced, or nil when there is none.
    func replacingFirst(_ target: String, with replacement: String) -> String? {
        guard let range = range(of: target) else { return nil }
        return String(self[..<range.lowerBound]) + replacement + String(self[range.upperBound...])
    }
}
