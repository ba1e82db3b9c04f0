import FormEngine
import Foundation
import Records

/// Every use case of Safeguarding, written once for both front doors: the command line and the portal with its
/// API call these and only word their answers. A use case checks who is asking, evaluates with the engine,
/// reads and writes the store through its protocol, audits what it does, and answers with a typed result or a
/// typed refusal (`Refusal`); it never knows which door called it.
public struct Safeguarding: Sendable {
    /// Where everything is kept.
    let store: any ReturnStore
    /// The forms and rule sets.
    public let catalog: FormCatalog
    /// Today, for evaluations and checks made now: the door's clock (tests give a fixed day).
    public let today: @Sendable () -> Day
    /// How failed sign-ins are throttled.
    public let throttle: ThrottlePolicy
    /// How reminders and receipts are sent; nil when no mail is sent.
    public let mailer: Mailer?
    /// The engine over the catalog.
    let validator: Validator

    /// The use cases over a store and a catalog; with a mailer, reminders and receipts are sent through it.
    public init(
        store: any ReturnStore, catalog: FormCatalog, today: @escaping @Sendable () -> Day,
        throttle: ThrottlePolicy = ThrottlePolicy(), mailer: Mailer? = nil
    ) {
        self.store = store
        self.catalog = catalog
        self.today = today
        self.throttle = throttle
        self.mailer = mailer
        validator = Validator(catalog: catalog)
    }

    /// True when the store answers a read within `seconds` (the portal's readiness): false when its database
    /// cannot be reached, or takes longer (a pool waiting to reconnect would keep a health check for a minute).
    public func storeAnswers(within seconds: Double = 2) async -> Bool {
        await withTaskGroup(of: Bool.self) { group in
            group.addTask { (try? await store.districts()) != nil }
            group.addTask {
                try? await Task.sleep(for: .seconds(seconds))
                return false
            }
            let first = await group.next() ?? false
            group.cancelAll()
            return first
        }
    }

    /// How many calls want a connection of the store's pool now, and how many it may hold (nil for SQLite): for the
    /// portal's metrics.
    public func storeConnectionUse() -> (wanted: Int, limit: Int)? {
        store.connectionUse()
    }

    /// The form about a kind of subject: the school return, or the driver application.
    public func form(about subject: Subject) -> FormDefinition? {
        catalog.forms.values.first { $0.subject == subject }
    }

    /// A form by id, or the refusal that lists the forms there are.
    func form(_ id: String) throws -> FormDefinition {
        guard let form = catalog.forms[id] else { throw Refusal.noSuchForm(id, known: catalog.forms.keys.sorted()) }
        return form
    }

    /// The value of a district of `form` (or of either form) named by its value or its label, in any case:
    /// `corby`, `Corby`, `CORBY`; anything else is refused with the districts and the nearest one.
    public func districtValue(_ text: String, of form: FormDefinition? = nil) throws -> String {
        let districts = (form ?? self.form(about: .driver) ?? self.form(about: .school)).flatMap { form in
            form.districtKey.flatMap { form.field(at: $0).choices }
        }
        if let option = districts?.option(matching: text.trimmingWhitespace) { return option.value }
        let names = (districts?.options ?? []).flatMap { [$0.value, $0.label] }
        throw Refusal.noSuchDistrict(
            text, districts: districts?.valuesDescription ?? "none",
            suggestion: Suggestion.closest(to: text, in: names).flatMap { districts?.option(matching: $0)?.value })
    }

    /// The label of a district's value, as every page and report names it.
    public func districtLabel(_ slug: String) -> String {
        guard let form = form(about: .driver) ?? form(about: .school), let key = form.districtKey else { return slug }
        return form.field(at: key).choices?.label(for: slug) ?? slug
    }
}

extension Safeguarding {
    /// The current time as stored: ISO 8601 in UTC, to the second.
    static func now(after seconds: Int = 0) -> String {
        Date().addingTimeInterval(Double(seconds)).formatted(.iso8601)
    }
}
