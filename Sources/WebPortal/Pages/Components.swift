import FormEngine
import Foundation
import GapReports

/// The GOV.UK Design System's components as HTML strings: every value escaped, every error linked to its field.
enum Components {
    /// Text safe in HTML.
    static func escape(_ text: String) -> String { HTMLRenderer.escape(text) }

    /// A field's error, to show beside it and in the error summary: the field's HTML id and the message.
    struct FieldError: Sendable {
        let id: String
        let message: String
    }

    /// A stored time as the GOV.UK style writes it: `2026-11-21T20:12:31Z` as "21 November 2026 at 20:12"; a day
    /// alone as "21 November 2026"; anything else as it is.
    static func when(_ stored: String) -> String {
        guard let day = Day(iso: String(stored.prefix(10))) else { return stored }
        let time = stored.dropFirst(11).prefix(5)
        return day.spoken + (stored.count > 10 && time.count == 5 ? " at \(time)" : "")
    }

    /// The error summary at the top of a page: each error a link to its field; it takes the focus when the page
    /// loads, as the GOV.UK Design System's does after a failed submit.
    static func errorSummary(_ errors: [FieldError], title: String = "There is a problem") -> String {
        guard !errors.isEmpty else { return "" }
        var html =
            "<div class=\"govuk-error-summary\" role=\"alert\" tabindex=\"-1\" autofocus><h2 class=\"govuk-error-summary__title\">"
            + escape(title)
            + "</h2><div class=\"govuk-error-summary__body\"><ul class=\"govuk-list govuk-error-summary__list\">"
        for error in errors {
            html +=
                "<li><a href=\"\(escape(error.id.hasPrefix("/") ? error.id : "#" + error.id))\">\(escape(error.message))</a></li>"
        }
        return html + "</ul></div></div>"
    }

    /// A form group: the wrapper that turns red with an error.
    static func group(_ content: String, error: String?, extraClass: String = "") -> String {
        "<div class=\"govuk-form-group\(error == nil ? "" : " govuk-form-group--error")\(extraClass)\">\(content)</div>"
    }

    static func hint(_ text: String?, id: String) -> String {
        text.map { "<div class=\"govuk-hint\" id=\"\(escape(id))-hint\">\(escape($0))</div>" } ?? ""
    }

    static func errorMessage(_ text: String?, id: String) -> String {
        text.map {
            "<p class=\"govuk-error-message\" id=\"\(escape(id))-error\"><span class=\"govuk-visually-hidden\">Error:</span> \(escape($0))</p>"
        } ?? ""
    }

    static func describedBy(_ id: String, hint: String?, error: String?) -> String {
        let ids = [hint.map { _ in "\(id)-hint" }, error.map { _ in "\(id)-error" }].compactMap { $0 }
        return ids.isEmpty ? "" : " aria-describedby=\"\(escape(ids.joined(separator: " ")))\""
    }

    /// A text input, sized to what it takes.
    static func textInput(
        id: String, name: String, label: String, hint: String?, value: String, error: String?, width: String?,
        type: String = "text", inputMode: String? = nil, readOnly: Bool = false, autocomplete: String? = nil
    ) -> String {
        let classes =
            "govuk-input" + (width.map { " govuk-input--width-\($0)" } ?? "")
            + (error == nil ? "" : " govuk-input--error")
        let input =
            "<input class=\"\(classes)\" id=\"\(escape(id))\" name=\"\(escape(name))\" type=\"\(type)\" value=\"\(escape(value))\""
            + (inputMode.map { " inputmode=\"\($0)\"" } ?? "") + (readOnly ? " readonly" : "")
            + (autocomplete.map { " autocomplete=\"\($0)\"" } ?? " autocomplete=\"off\"")
            + describedBy(id, hint: hint, error: error) + ">"
        return group(
            "<label class=\"govuk-label\" for=\"\(escape(id))\">\(escape(label))</label>" + Self.hint(hint, id: id)
                + errorMessage(error, id: id) + input, error: error)
    }

    /// A textarea for long answers.
    static func textarea(id: String, name: String, label: String, hint: String?, value: String, error: String?)
        -> String
    {
        group(
            "<label class=\"govuk-label\" for=\"\(escape(id))\">\(escape(label))</label>" + Self.hint(hint, id: id)
                + errorMessage(error, id: id)
                + "<textarea class=\"govuk-textarea\(error == nil ? "" : " govuk-textarea--error")\" id=\"\(escape(id))\" name=\"\(escape(name))\" rows=\"5\""
                + describedBy(id, hint: hint, error: error) + ">\(escape(value))</textarea>", error: error)
    }

    /// A date as day, month and year inputs in a fieldset.
    static func dateInput(
        id: String, name: String, legend: String, hint: String?, parts: (day: String, month: String, year: String),
        error: String?
    ) -> String {
        var inputs = "<div class=\"govuk-date-input\" id=\"\(escape(id))\">"
        for (part, label, value, width) in [
            ("day", "Day", parts.day, "2"), ("month", "Month", parts.month, "2"), ("year", "Year", parts.year, "4"),
        ] {
            let partID = id + "-" + part
            inputs +=
                "<div class=\"govuk-date-input__item\"><div class=\"govuk-form-group\"><label class=\"govuk-label govuk-date-input__label\" for=\"\(escape(partID))\">\(label)</label>"
                + "<input class=\"govuk-input govuk-date-input__input govuk-input--width-\(width)\(error == nil ? "" : " govuk-input--error")\" id=\"\(escape(partID))\" name=\"\(escape(name)).\(part)\" type=\"text\" inputmode=\"numeric\" value=\"\(escape(value))\" autocomplete=\"off\"></div></div>"
        }
        inputs += "</div>"
        return fieldset(legend: legend, id: id, hint: hint, error: error, content: inputs)
    }

    /// A fieldset with its legend, hint and error, around choices or a date.
    static func fieldset(legend: String, id: String, hint: String?, error: String?, content: String) -> String {
        group(
            "<fieldset class=\"govuk-fieldset\"" + describedBy(id, hint: hint, error: error)
                + "><legend class=\"govuk-fieldset__legend govuk-fieldset__legend--s\">"
                + escape(legend) + "</legend>" + Self.hint(hint, id: id) + errorMessage(error, id: id) + content
                + "</fieldset>", error: error)
    }

    /// Radios: one choice from a few; side by side when `inline`.
    static func radios(
        id: String, name: String, legend: String, hint: String?, options: [(value: String, label: String)],
        selected: String?,
        error: String?, inline: Bool = false
    ) -> String {
        var items = "<div class=\"govuk-radios\(inline ? " govuk-radios--inline" : "")\">"
        for (index, option) in options.enumerated() {
            let optionID = index == 0 ? id : "\(id)-\(index + 1)"
            items +=
                "<div class=\"govuk-radios__item\"><input class=\"govuk-radios__input\" id=\"\(escape(optionID))\" name=\"\(escape(name))\" type=\"radio\" value=\"\(escape(option.value))\""
                + (selected == option.value ? " checked" : "")
                + "><label class=\"govuk-label govuk-radios__label\" for=\"\(escape(optionID))\">\(escape(option.label))</label></div>"
        }
        return fieldset(legend: legend, id: id, hint: hint, error: error, content: items + "</div>")
    }

    /// Checkboxes: any of several.
    static func checkboxes(
        id: String, name: String, legend: String, hint: String?, options: [(value: String, label: String)],
        selected: Set<String>,
        error: String?
    ) -> String {
        var items = "<div class=\"govuk-checkboxes govuk-checkboxes--small\">"
        for (index, option) in options.enumerated() {
            let optionID = index == 0 ? id : "\(id)-\(index + 1)"
            items +=
                "<div class=\"govuk-checkboxes__item\"><input class=\"govuk-checkboxes__input\" id=\"\(escape(optionID))\" name=\"\(escape(name))\" type=\"checkbox\" value=\"\(escape(option.value))\""
                + (selected.contains(option.value) ? " checked" : "")
                + "><label class=\"govuk-label govuk-checkboxes__label\" for=\"\(escape(optionID))\">\(escape(option.label))</label></div>"
        }
        return fieldset(legend: legend, id: id, hint: hint, error: error, content: items + "</div>")
    }

    /// One box to tick to confirm a statement (a declaration); ticked, it sends `yes`.
    static func confirmation(id: String, name: String, label: String, checked: Bool, error: String?) -> String {
        group(
            errorMessage(error, id: id)
                + "<div class=\"govuk-checkboxes\"><div class=\"govuk-checkboxes__item\"><input class=\"govuk-checkboxes__input\" "
                + "id=\"\(escape(id))\" name=\"\(escape(name))\" type=\"checkbox\" value=\"yes\"\(checked ? " checked" : "")"
                + (error == nil ? "" : " aria-describedby=\"\(escape(id))-error\"")
                + "><label class=\"govuk-label govuk-checkboxes__label\" for=\"\(escape(id))\">\(escape(label))</label></div></div>",
            error: error)
    }

    /// A select, for a choice from a long list.
    static func select(
        id: String, name: String, label: String, hint: String?, options: [(value: String, label: String)],
        selected: String?,
        error: String?
    ) -> String {
        var html =
            "<label class=\"govuk-label\" for=\"\(escape(id))\">\(escape(label))</label>" + Self.hint(hint, id: id)
            + errorMessage(error, id: id)
            + "<select class=\"govuk-select\(error == nil ? "" : " govuk-select--error")\" id=\"\(escape(id))\" name=\"\(escape(name))\""
            + describedBy(id, hint: hint, error: error) + "><option value=\"\"></option>"
        for option in options {
            html +=
                "<option value=\"\(escape(option.value))\"\(selected == option.value ? " selected" : "")>\(escape(option.label))</option>"
        }
        return group(html + "</select>", error: error)
    }

    /// A button; secondary ones are grey.
    static func button(
        _ text: String, name: String = "action", value: String = "continue", secondary: Bool = false,
        warning: Bool = false
    ) -> String {
        let kind = warning ? " govuk-button--warning" : (secondary ? " govuk-button--secondary" : "")
        return
            "<button class=\"govuk-button\(kind)\" type=\"submit\" name=\"\(escape(name))\" value=\"\(escape(value))\">\(escape(text))</button>"
    }

    /// A summary list: questions and answers, each with a change link.
    static func summaryList(_ rows: [(key: String, value: String, change: String?)]) -> String {
        var html = "<dl class=\"govuk-summary-list\">"
        for row in rows {
            html +=
                "<div class=\"govuk-summary-list__row\"><dt class=\"govuk-summary-list__key\">\(escape(row.key))</dt><dd class=\"govuk-summary-list__value\">"
                + escape(row.value).replacingOccurrences(of: "\n", with: "<br>") + "</dd>"
            if let change = row.change {
                html +=
                    "<dd class=\"govuk-summary-list__actions\"><a class=\"govuk-link\" href=\"\(escape(change))\">Change<span class=\"govuk-visually-hidden\"> \(escape(row.key))</span></a></dd>"
            }
            html += "</div>"
        }
        return html + "</dl>"
    }

    /// A confirmation panel.
    static func panel(title: String, body: String) -> String {
        "<div class=\"govuk-panel govuk-panel--confirmation\"><h1 class=\"govuk-panel__title\">\(escape(title))</h1><div class=\"govuk-panel__body\">\(body)</div></div>"
    }

    /// A coloured tag: green for accepted, yellow for referred, red for rejected.
    static func tag(_ text: String, decision: String) -> String {
        let colour = ["accepted": "green", "referred": "yellow", "rejected": "red"][decision] ?? "grey"
        return "<strong class=\"govuk-tag govuk-tag--\(colour)\">\(escape(text))</strong>"
    }

    /// Important text with a warning sign.
    static func warningText(_ text: String) -> String {
        "<div class=\"govuk-warning-text\"><span class=\"govuk-warning-text__icon\" aria-hidden=\"true\">!</span><strong class=\"govuk-warning-text__text\"><span class=\"govuk-visually-hidden\">Warning</span>\(escape(text))</strong></div>"
    }

    /// The hidden field every form carries: the session's token against cross-site request forgery.
    static func csrf(_ token: String) -> String {
        "<input type=\"hidden\" name=\"csrf\" value=\"\(escape(token))\">"
    }

    /// A simple table.
    static func table(caption: String, columns: [String], rows: [[String]], rawColumns: Set<Int> = []) -> String {
        // A wide table scrolls sideways inside its own region, reachable by keyboard, and the page does not
        // (WCAG 1.4.10 and 2.1.1), as the reports' tables do.
        var html =
            "<div class=\"table\" role=\"region\" aria-label=\"\(escape(caption))\" tabindex=\"0\">"
            + "<table class=\"govuk-table\"><caption class=\"govuk-table__caption govuk-table__caption--s\">\(escape(caption))</caption><thead class=\"govuk-table__head\"><tr class=\"govuk-table__row\">"
        // A column of buttons has no heading people see, but one a screen reader says.
        html +=
            columns.map {
                "<th scope=\"col\" class=\"govuk-table__header\">"
                    + ($0.isEmpty ? "<span class=\"govuk-visually-hidden\">Actions</span>" : escape($0)) + "</th>"
            }.joined()
            + "</tr></thead><tbody class=\"govuk-table__body\">"
        for row in rows {
            html +=
                "<tr class=\"govuk-table__row\">"
                + row.enumerated().map { index, cell in
                    "<td class=\"govuk-table__cell\">\(rawColumns.contains(index) ? cell : escape(cell))</td>"
                }.joined() + "</tr>"
        }
        return html + "</tbody></table></div>"
    }
}
