import FormEngine
import Foundation

/// A form rendered as GOV.UK question pages, straight from its definition: one page a section, then "check
/// your answers". No JavaScript: a question that depends on another is shown indented under it, with a hint.
struct FormPages {
    let form: FormDefinition
    /// Keys (`school.urn`) whose inputs are shown but cannot be changed: a school's own URN.
    let lockedKeys: Set<String>

    /// The HTML id of a field's input from its key: `cse.sessions.0.date` becomes `cse-sessions-0-date`.
    static func id(_ key: String) -> String { key.replacingOccurrences(of: ".", with: "-") }

    /// The key of the answer a finding's JSON Pointer names: `/cse/sessions/0/date` becomes `cse.sessions.0.date`.
    static func key(ofPointer pointer: String) -> String {
        pointer.split(separator: "/").joined(separator: ".")
    }

    /// A section's page: focus on `focusedItem` (a repeat item's key) when one was just added or put back, or on
    /// the note that one was removed, with its "Undo".
    /// With `fromCheck`, the page was opened from "Check your answers": its Back link and Continue return there.
    func section(
        _ index: Int, answers: DraftAnswers, errors: [String: String], csrf: String, stepLabel: String,
        focusedItem: String? = nil, fromCheck: Bool = false
    ) -> String {
        let section = form.sections[index]
        var html =
            "<span class=\"govuk-caption-l\">\(Components.escape(form.title)): \(Components.escape(stepLabel))</span>"
        html += "<h1 class=\"govuk-heading-l\">\(Components.escape(section.title))</h1>"
        let ordered = errors.sorted { order(of: $0.key).lexicographicallyPrecedes(order(of: $1.key)) }
        html += Components.errorSummary(ordered.map { Components.FieldError(id: inputID($0.key), message: $0.value) })
        if let hint = section.hint { html += "<p class=\"govuk-hint\">\(Components.escape(hint))</p>" }
        if answers.carried.contains(section.id) {
            html +=
                "<div class=\"govuk-inset-text\">These answers are from your return for "
                + "\(Components.escape(answers.carriedFrom)). Check each one and change what is different this year, "
                + "then continue.</div>"
        }
        // The form's first submit button is what Enter in a text box presses: Continue, never "Remove session 1".
        html +=
            "<form method=\"post\" action=\"/forms/\(form.id)/pages/\(section.id)\" novalidate>" + Components.csrf(csrf)
            + "<button class=\"govuk-visually-hidden\" type=\"submit\" name=\"action\" value=\"continue\" tabindex=\"-1\" "
            + "aria-hidden=\"true\">Continue</button>"
        if fromCheck { html += "<input type=\"hidden\" name=\"from\" value=\"check\">" }
        if let removed = answers.removed, removed.repeatKey.hasPrefix(section.id + ".") {
            html += removalNote(removed)
        }
        for field in section.fields {
            html += render(
                field, key: "\(section.id).\(field.id)", answers: answers, errors: errors, siblings: section.fields,
                focusedItem: focusedItem)
        }
        html +=
            "<div class=\"govuk-button-group\">"
            + Components.button(index + 1 < form.sections.count && !fromCheck ? "Continue" : "Check your answers")
            + Components.button("Save and come back later", value: "save", secondary: true) + "</div></form>"
        // The Back link at the top, as GOV.UK pages have it: to the page before, or to the check it came from.
        if fromCheck {
            html = "<a class=\"govuk-back-link\" href=\"/forms/\(form.id)/check\">Back to check your answers</a>" + html
        } else if index > 0 {
            html =
                "<a class=\"govuk-back-link\" href=\"/forms/\(form.id)/pages/\(form.sections[index - 1].id)\">Back to \(Components.escape(form.sections[index - 1].title))</a>"
                + html
        }
        return html
    }

    /// "Session 3 removed", with a button to put it back; it takes focus, so a screen reader says it at once.
    private func removalNote(_ removed: DraftAnswers.RemovedItem) -> String {
        let noun = field(forKey: removed.repeatKey)?.itemLabel ?? "item"
        return
            "<div class=\"govuk-notification-banner govuk-notification-banner--success\" role=\"alert\" tabindex=\"-1\" autofocus>"
            + "<div class=\"govuk-notification-banner__content\"><p class=\"govuk-notification-banner__heading\">"
            + "\(Components.escape(noun.capitalizedFirst)) \(removed.index + 1) removed.</p>"
            + Components.button("Undo: put \(noun) \(removed.index + 1) back", value: "undo", secondary: true)
            + "</div></div>"
    }

    /// The id of the input an error links to: the day input of a date.
    func inputID(_ key: String) -> String {
        guard let field = field(forKey: key) else { return Self.id(key) }
        return field.type == .date ? Self.id(key) + "-day" : Self.id(key)
    }

    /// Where a key comes in the form, so errors are listed in the order of the page: the indices of its
    /// section, field, item and sub-field.
    func order(of key: String) -> [Int] {
        let parts = key.split(separator: ".").map(String.init)
        guard let section = form.sections.firstIndex(where: { $0.id == parts.first }) else { return [Int.max] }
        var order = [section]
        var fields = form.sections[section].fields
        for part in parts.dropFirst() {
            if let index = Int(part) {
                order.append(index)
            } else if let index = fields.firstIndex(where: { $0.id == part }) {
                order.append(index)
                fields = fields[index].fields
            }
        }
        return order
    }

    /// The definition of the field a key names.
    func field(forKey key: String) -> FieldDefinition? {
        let parts = key.split(separator: ".").map(String.init)
        guard let section = form.sections.first(where: { $0.id == parts.first }) else { return nil }
        var fields = section.fields
        var found: FieldDefinition?
        for part in parts.dropFirst() where Int(part) == nil {
            found = fields.first { $0.id == part }
            fields = found?.fields ?? []
        }
        return found
    }

    private func render(
        _ field: FieldDefinition, key: String, answers: DraftAnswers, errors: [String: String],
        siblings: [FieldDefinition], focusedItem: String? = nil
    ) -> String {
        let id = Self.id(key)
        let error = errors[key]
        let hintText = field.hint
        let optional = isOptional(field) ? " (optional)" : ""
        let label = field.label + optional
        let html: String
        switch field.type {
        case .repeat:
            html = renderRepeat(
                field, key: key, answers: answers, errors: errors, hint: hintText, focusedItem: focusedItem)
        case .longText:
            html = Components.textarea(
                id: id, name: key, label: label, hint: hintText, value: answers.value(key), error: error)
        case .date where lockedKeys.contains(key):
            // A date the server records (the day a return is declared) is shown, not asked.
            html =
                "<div class=\"govuk-form-group\" id=\"\(Components.escape(id))\"><p><strong>\(Components.escape(field.label))"
                + "</strong><br>\(Day(iso: answers.value(key))?.spoken ?? "Today"): the day you send it is recorded.</p></div>"
        case .yesNo where isConfirmation(field, key: key):
            html = Components.confirmation(
                id: id, name: key, label: field.label, checked: answers.value(key).lowercased() == "yes", error: error)
        case .date:
            html = Components.dateInput(
                id: id, name: key, legend: label, hint: hintText ?? "For example, 27 3 2026",
                parts: answers.dateParts(key), error: error)
        case .yesNo:
            html = Components.radios(
                id: id, name: key, legend: label, hint: hintText, options: [("yes", "Yes"), ("no", "No")],
                selected: answers.value(key).lowercased(), error: error, inline: true)
        case .choice:
            let options = form.lists[field.list ?? ""]?.options.map { ($0.value, $0.label) } ?? []
            html =
                options.count <= 10
                ? Components.radios(
                    id: id, name: key, legend: label, hint: hintText, options: options, selected: answers.value(key),
                    error: error)
                : Components.select(
                    id: id, name: key, label: label, hint: hintText, options: options, selected: answers.value(key),
                    error: error)
        case .multiChoice:
            let options = form.lists[field.list ?? ""]?.options.map { ($0.value, $0.label) } ?? []
            html = Components.checkboxes(
                id: id, name: key, legend: label, hint: hintText, options: options,
                selected: Set(answers.values[key] ?? []), error: error)
        default:
            let (width, type, mode) = Self.inputStyle(field)
            html = Components.textInput(
                id: id, name: key, label: label, hint: hintText, value: answers.value(key), error: error, width: width,
                type: type,
                inputMode: mode, readOnly: lockedKeys.contains(key), autocomplete: Self.autocomplete(field))
        }
        // "Only if you answered ..." stands apart from the question's own hint, above the question it qualifies.
        guard let condition = relevanceHint(field, siblings: siblings) else { return html }
        return
            "<div class=\"govuk-conditional\"><p class=\"govuk-conditional__note\">\(Components.escape(condition))</p>"
            + "\(html)</div>"
    }

    private func renderRepeat(
        _ field: FieldDefinition, key: String, answers: DraftAnswers, errors: [String: String], hint: String?,
        focusedItem: String?
    ) -> String {
        let noun = field.itemLabel ?? "item"
        let count = max(answers.counts[key] ?? 0, 1)
        var html =
            "<div class=\"govuk-form-group\(errors[key] == nil ? "" : " govuk-form-group--error")\" id=\"\(Components.escape(Self.id(key)))\">"
        html +=
            "<h2 class=\"govuk-heading-m\">\(Components.escape(field.label))</h2>"
            + Components.hint(hint, id: Self.id(key))
            + Components.errorMessage(errors[key], id: Self.id(key))
        for index in 0..<count {
            let itemKey = "\(key).\(index)"
            // The item just added or put back takes focus: its legend ("Session 3") is what a screen reader says.
            let focus =
                itemKey == focusedItem ? " id=\"\(Self.id(itemKey))-item\" tabindex=\"-1\" autofocus" : ""
            html +=
                "<div class=\"govuk-repeat-item\"\(focus)><fieldset class=\"govuk-fieldset\"><legend class=\"govuk-fieldset__legend govuk-fieldset__legend--m\">"
                + "\(Components.escape(noun.capitalizedFirst)) \(index + 1)</legend>"
            for subfield in field.fields {
                html += render(
                    subfield, key: "\(itemKey).\(subfield.id)", answers: answers, errors: errors, siblings: field.fields
                )
            }
            html +=
                "</fieldset>"
                + Components.button("Remove \(noun) \(index + 1)", value: "remove:\(key):\(index)", secondary: true)
                + "</div>"
        }
        html += "<input type=\"hidden\" name=\"\(Components.escape(key))#count\" value=\"\(count)\">"
        html += Components.button("Add another \(noun)", value: "add:\(key)", secondary: true)
        return html + "</div>"
    }

    /// The browser's autofill for a field that asks for the person's own details (WCAG 1.3.5): what the form's
    /// `autocomplete` says (`name` for "Your name"), else an email address, a telephone number; nil for anything else.
    static func autocomplete(_ field: FieldDefinition) -> String? {
        if let purpose = field.autocomplete { return purpose }
        switch field.type {
        case .email: return "email"
        case .phone: return "tel"
        default: return nil
        }
    }

    /// How wide an input is, its type and its keyboard, for the kind of answer it takes.
    static func inputStyle(_ field: FieldDefinition) -> (width: String?, type: String, inputMode: String?) {
        switch field.type {
        case .urn, .dfeNumber, .niNumber, .postcode: return ("10", "text", field.type == .urn ? "numeric" : nil)
        case .dbsCertificate: return ("20", "text", "numeric")
        case .driverNumber: return ("20", "text", nil)
        case .phone: return ("20", "tel", nil)
        case .email: return (nil, "text", "email")
        case .integer: return ("5", "text", "numeric")
        case .decimal: return ("5", "text", "decimal")
        default:
            guard let maximum = field.maxLength else { return (nil, "text", nil) }
            return (maximum <= 10 ? "10" : maximum <= 40 ? "20" : nil, "text", nil)
        }
    }

    /// True for a statement to confirm: a yes/no whose answer must be yes (its constraint is itself), asked as one
    /// box to tick, as GOV.UK declarations are.
    func isConfirmation(_ field: FieldDefinition, key: String) -> Bool {
        field.type == .yesNo && field.constraint?.text.collapsingWhitespace == key
    }

    /// True when the field can be left empty: not required, and its answer does not depend on another.
    private func isOptional(_ field: FieldDefinition) -> Bool {
        if case .never = field.required { return field.relevant == nil && field.type != .repeat }
        return false
    }

    /// "Only if you answered yes to ..." for a field that applies only sometimes, from its `relevant` expression.
    func relevanceHint(_ field: FieldDefinition, siblings: [FieldDefinition]) -> String? {
        guard let relevant = field.relevant else { return nil }
        let text = relevant.text.collapsingWhitespace
        func label(_ name: String) -> String? {
            let parts = name.split(separator: ".").map(String.init)
            if parts.count == 1 { return siblings.first { $0.id == parts[0] }?.label }
            return form.sections.first { $0.id == parts[0] }?.fields.first { $0.id == parts[1] }?.label
        }
        func choiceLabel(_ name: String, _ value: String) -> String {
            let parts = name.split(separator: ".").map(String.init)
            let field =
                parts.count == 1
                ? siblings.first { $0.id == parts[0] }
                : form.sections.first { $0.id == parts[0] }?.fields.first { $0.id == parts[1] }
            return field?.list.flatMap { form.lists[$0]?.label(for: value) } ?? value
        }
        if let name = label(text) { return "Only if you answered yes to “\(name)”." }
        for (symbol, words) in [(" == ", "is"), (" != ", "is not")] {
            let halves = text.components(separatedBy: symbol)
            if halves.count == 2, let name = label(halves[0]), halves[1].hasPrefix("'"), halves[1].hasSuffix("'") {
                let value = String(halves[1].dropFirst().dropLast())
                return "Only if “\(name)” \(words) \(choiceLabel(halves[0], value).lowercased())."
            }
        }
        return "Only if it applies."
    }
}
