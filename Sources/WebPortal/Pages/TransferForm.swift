import FormEngine
import Records

/// The administrator's page for handing a driver's record to another district: the form, and what was posted.
struct TransferForm {
    var driver = ""
    var district = ""
    var note = ""

    /// An empty form.
    init() {}

    /// The form as posted.
    init(posted: FormBody) {
        driver = (posted["driver"] ?? "").trimmingWhitespace
        district = posted["district"] ?? ""
        note = (posted["note"] ?? "").trimmingWhitespace
    }

    /// The page: why a transfer is needed, and the form, with any error beside its field.
    func html(districts: ChoiceList?, csrf: String, errors: [Components.FieldError]) -> String {
        func error(_ id: String) -> String? { errors.first { $0.id == id }?.message }
        return Components.errorSummary(errors)
            + "<h1 class=\"govuk-heading-l\">Transfer a driver to another district</h1>"
            + "<p>A driver's applications are held by the district of the latest one. An application from another "
            + "district is refused until the driver is transferred to it; the earlier versions keep their district, "
            + "and the transfer is recorded in the audit log.</p>"
            + "<form method=\"post\" action=\"/admin/transfers\" novalidate>" + Components.csrf(csrf)
            + Components.textInput(
                id: "driver", name: "driver", label: "Driving licence number", hint: "16 characters, as on the licence",
                value: driver, error: error("driver"), width: "govuk-input--width-20")
            + Components.select(
                id: "district", name: "district", label: "The district receiving the driver", hint: nil,
                options: districts?.options.map { ($0.value, $0.label) } ?? [], selected: district,
                error: error("district"))
            + Components.textarea(
                id: "note", name: "note", label: "Why", hint: "For the record, such as the driver moving house",
                value: note, error: nil)
            + Components.button("Transfer the driver", value: "transfer") + "</form>"
    }

    /// The field a refusal of the transfer is about.
    static func field(of refusal: Refusal) -> String {
        switch refusal {
        case .noSuchDistrict, .alreadyInDistrict: return "district"
        default: return "driver"
        }
    }
}
