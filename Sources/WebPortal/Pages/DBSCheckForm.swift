import FormEngine
import Records
import UseCases

/// A licensing officer's record of a DBS Update Service status check, on a driver's application page: when it was
/// made, what it found, a note. The rules of a check (not after today, a driver with an application in the
/// officer's district) are the use case's.
struct DBSCheckForm {
    var date: (day: String, month: String, year: String) = ("", "", "")
    var result = ""
    var note = ""

    /// An empty form, dated today.
    init(today: Day) {
        let parts = today.components
        date = (String(parts.day), String(parts.month), String(parts.year))
    }

    /// The form as posted.
    init(posted: FormBody) {
        date = (posted["checked.day"] ?? "", posted["checked.month"] ?? "", posted["checked.year"] ?? "")
        result = posted["result"] ?? ""
        note = (posted["note"] ?? "").trimmingWhitespace
    }

    /// The check asked for, or what is wrong with the page, each error naming its field.
    func checked() -> Result<(day: Day, result: DBSCheckResult, note: String?), DBSCheckErrors> {
        var errors: [Components.FieldError] = []
        let day = Day(iso: DraftAnswers.isoText(day: date.day, month: date.month, year: date.year))
        if day == nil {
            errors.append(
                Components.FieldError(
                    id: "checked-day", message: "The day of the check must be a real date, like 15 11 2026"))
        }
        let found = DBSCheckResult(rawValue: result)
        if found == nil { errors.append(Components.FieldError(id: "result", message: "Select what the check found")) }
        guard let day, let found else { return .failure(DBSCheckErrors(errors: errors)) }
        return .success((day, found, note.isEmpty ? nil : note))
    }

    /// The form, posting to the application's check route, with any errors beside their fields.
    func html(submissionID: Int64, csrf: String, errors: [Components.FieldError]) -> String {
        func error(_ id: String) -> String? { errors.first { $0.id == id }?.message }
        return "<h2 class=\"govuk-heading-m\" id=\"dbs-check\">Record a DBS Update Service check</h2>"
            + "<form method=\"post\" action=\"/submissions/\(submissionID)/dbs-check\" novalidate>"
            + Components.csrf(csrf)
            + Components.dateInput(
                id: "checked", name: "checked", legend: "When you checked", hint: "For example, 15 11 2026",
                parts: date, error: error("checked-day"))
            + Components.radios(
                id: "result", name: "result", legend: "What the check found", hint: nil,
                options: DBSCheckResult.allCases.map { ($0.rawValue, $0.label) }, selected: result,
                error: error("result"))
            + Components.textarea(
                id: "check-note", name: "note", label: "A note (optional)", hint: nil, value: note, error: nil)
            + Components.button("Record the check", value: "check") + "</form>"
    }
}

/// What is wrong with a posted check.
struct DBSCheckErrors: Error {
    let errors: [Components.FieldError]
}
