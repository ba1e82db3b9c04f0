import FormEngine
import Records

extension Safeguarding {
    /// The submissions with the register's word on each school's district: a school is filed under the district
    /// the register holds it in, and a return that names another gets a warning that says so (`register.district`).
    /// The register of the day is not kept, so a replay leaves these findings aside.
    func withRegisterDistricts(_ submissions: [PreparedSubmission]) async throws -> [PreparedSubmission] {
        let schools = submissions.compactMap { prepared -> String? in
            guard prepared.evaluation.form?.subject == .school else { return nil }
            return prepared.evaluation.subjectKey
        }
        guard !schools.isEmpty else { return submissions }
        let register = try await store.schoolDistricts(urns: Array(Set(schools)))
        return submissions.map { prepared in
            let evaluation = prepared.evaluation
            guard let form = evaluation.form, form.subject == .school, let key = form.districtKey,
                let urn = evaluation.subjectKey, let held = register[urn], let named = evaluation.district,
                named != held
            else { return prepared }
            let label = { (value: String) in form.field(at: key).choices?.label(for: value) ?? value }
            let finding = Finding(
                rule: Self.registerDistrictRule, severity: .warning,
                path: JSONPointer.make(form.path(at: key)),
                message: "This return names the district \(label(named)), but the register holds URN \(urn) in "
                    + "\(label(held)): the return is filed under \(label(held)). If the register is wrong, tell the "
                    + "board.",
                mark: evaluation.mark(of: key), values: [("register", .string(held)), ("return", .string(named))],
                source: "DfE Get Information about Schools (GIAS): the register's district")
            return PreparedSubmission(evaluation.adding(finding))
        }
    }

    /// The rule of the register's findings.
    static let registerDistrictRule = "register.district"
}
