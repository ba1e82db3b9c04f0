import FormEngine
import Foundation
import GapReports
import Hummingbird
import ReturnStore

extension Portal {
    /// The media types a submission may be posted as: JSON, or YAML under any of its usual names.
    static let submissionTypes: Set<String> = [
        "application/json", "application/yaml", "application/x-yaml", "text/yaml",
    ]

    func addAPIRoutes(to router: Router<PortalContext>) {
        let api = router.group("/api/v1")
        api.get("/openapi.yaml") { _, _ in
            Self.text(OpenAPIDocument.text, type: "application/yaml; charset=utf-8")
        }
        api.post("/validate") { request, context in
            let account = try requireBearer(context, [.school, .licensing])
            let form = try formFor(account).orThrow()
            let bytes = try await submissionBody(request)
            let evaluation = evaluate(bytes, file: "api", as: form, collection: try await collection(for: form))
            return Self.json(Evaluation.json([evaluation], asOf: evaluation.asOf), status: .ok)
        }
        api.post("/submissions") { request, context in
            let account = try requireBearer(context, [.school, .licensing])
            let form = try formFor(account).orThrow()
            let bytes = try await submissionBody(request)
            let collection = try await collection(for: form)
            let evaluation = evaluate(bytes, file: "api", as: form, collection: collection)
            guard evaluation.answers != nil else {
                return Self.json(Evaluation.json([evaluation], asOf: evaluation.asOf), status: .unprocessableContent)
            }
            if let refusal = refusal(of: evaluation, account: account, form: form, collection: collection) {
                throw refusal
            }
            switch try await keep(evaluation, account: account, form: form, collection: collection, source: "api") {
            case .refused(let reason):
                throw PortalError.unprocessable(reason.capitalizedFirst + ".")
            case .stored(let id, let supersedes):
                var members: [(String, JSONValue)] = [
                    ("submission", .number(Double(id))),
                    ("supersedes", supersedes.map { .number(Double($0)) } ?? .null),
                ]
                if case .object(let rest) = evaluation.json { members += rest }
                var response = Self.json(
                    .object([("as_of", .string(evaluation.asOf.iso)), ("submissions", .array([.object(members)]))]),
                    status: .created)
                response.headers[.location] = "/api/v1/submissions/\(id)"
                return response
            }
        }
        api.get("/submissions/{id}") { _, context in
            let account = try requireBearer(context, [.school, .licensing, .policy])
            guard let id = context.parameters.get("id", as: Int64.self) else { throw PortalError.notFound() }
            let stored = try await Blocking.run { () -> JSONValue? in
                guard let record = try store.submission(id), Self.canSee(record, account),
                    let evaluation = try store.latestEvaluation(ofSubmission: id)
                else { return nil }
                try store.audit(actor: account.name, action: "view", target: "submission \(id)", detail: "api")
                return StoredSubmissionJSON.json(
                    record, evaluation: evaluation, findings: try store.findings(ofEvaluation: evaluation.id!),
                    decisions: try store.decisions(onSubmission: id),
                    collection: try store.collectionName(ofSubmission: record),
                    replacement: try store.replacement(ofSubmission: id), form: catalog.forms[record.formID])
            }
            guard let stored else { throw PortalError.notFound() }
            return Self.json(stored, status: .ok)
        }
        api.get("/reports/{report}") { request, context in
            guard let kind = context.parameters.get("report").flatMap(ReportKind.init(rawValue:)) else {
                throw PortalError.notFound("There is no report of that name: the reports are schools and licensing.")
            }
            let account = try requireBearer(context, kind.readers)
            let query = request.uri.queryParameters
            let format = query["format"].map(String.init) ?? "json"
            guard format == "json" || format == "csv" else {
                throw PortalError.badRequest("format must be json or csv.")
            }
            let document = try await report(kind, account: account, request: request, format: format)
            if format == "csv" { return try Self.csv(document, table: query["table"].map(String.init)) }
            return Self.json(JSONRenderer.render(document), status: .ok)
        }
    }

    /// The signed-in account, if it came with a bearer token and its role is one of `roles`. A session cookie
    /// is not enough for the API: a page on another site could otherwise post with it.
    private func requireBearer(_ context: PortalContext, _ roles: Set<Role>) throws -> AccountRecord {
        guard context.session == nil else {
            throw PortalError.unauthorized("The API takes a bearer token: send 'Authorization: Bearer <your token>'.")
        }
        guard context.account != nil else {
            throw PortalError.unauthorized("Send your token: 'Authorization: Bearer <your token>'.")
        }
        return try require(context, roles)
    }

    /// A posted submission's bytes: JSON or YAML, at most 1 MiB.
    private func submissionBody(_ request: Request) async throws -> [UInt8] {
        let type =
            (request.headers[.contentType] ?? "").split(separator: ";").first.map {
                $0.trimmingCharacters(in: .whitespaces).lowercased()
            } ?? ""
        guard Self.submissionTypes.contains(type) else {
            throw PortalError.unsupportedType(
                "Send the submission as application/json or application/yaml (Content-Type), not '\(type.isEmpty ? "nothing" : type)'."
            )
        }
        let limit = IntakeLimits.submission.maxBytes
        if let length = request.headers[.contentLength].flatMap({ Int($0) }), length > limit {
            throw PortalError.tooLarge("A submission may be at most \(limit) bytes (1 MiB); this one is \(length).")
        }
        var request = request
        do {
            return Array(buffer: try await request.collectBody(upTo: limit))
        } catch {
            throw PortalError.tooLarge("A submission may be at most \(limit) bytes (1 MiB).")
        }
    }

    /// A JSON response.
    static func json(_ value: JSONValue, status: HTTPResponse.Status) -> Response {
        text(value.text + "\n", type: "application/json", status: status)
    }
}

extension Optional where Wrapped == FormDefinition {
    /// The form, or a refusal for an account whose role fills in none.
    fileprivate func orThrow() throws -> FormDefinition {
        guard let self else { throw PortalError.forbidden("This account's role sends no submissions.") }
        return self
    }
}
