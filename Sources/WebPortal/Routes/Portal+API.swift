import FormEngine
import Foundation
import GapReports
import Hummingbird
import Records
import UseCases

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
            let sender = try requireBearer(context, [.school, .licensing])
            let evaluation = try await safeguarding.check(try await submissionBody(request), file: "api", by: sender)
            return Self.json(Evaluation.json([evaluation], asOf: evaluation.asOf), status: .ok)
        }
        api.post("/submissions") { request, context in
            let sender = try requireBearer(context, [.school, .licensing])
            let result = try await safeguarding.submit(
                try await submissionBody(request), file: "api", options: SubmitOptions(source: .api), by: sender)
            let evaluation = result.evaluation
            switch result.outcome {
            case .refused(.unreadable):
                return Self.json(Evaluation.json([evaluation], asOf: evaluation.asOf), status: .unprocessableContent)
            case .refused(let refusal):
                throw refusal
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
            let sender = try requireBearer(context, [.school, .licensing, .policy])
            guard let id = context.parameters.get("id", as: Int64.self) else { throw PortalError.notFound() }
            let detail = try await safeguarding.submission(id, via: "api", by: sender)
            return Self.json(
                StoredSubmissionJSON.json(detail, form: safeguarding.catalog.forms[detail.record.formID]), status: .ok)
        }
        api.get("/reports/{report}") { request, context in
            guard let kind = context.parameters.get("report").flatMap(ReportKind.init(rawValue:)) else {
                throw PortalError.notFound("There is no report of that name: the reports are schools and licensing.")
            }
            let sender = try requireBearer(context, kind.readers)
            let query = request.uri.queryParameters
            let format = query["format"].map(String.init) ?? "json"
            guard format == "json" || format == "csv" else {
                throw PortalError.badRequest("format must be json or csv.")
            }
            let document = try await report(kind, sender: sender, request: request, format: "api \(format)")
            if format == "csv" { return try Self.csv(document, table: query["table"].map(String.init)) }
            return Self.json(JSONRenderer.render(document), status: .ok)
        }
    }

    /// The signed-in account, if it came with a bearer token and its role is one of `roles`. A session cookie
    /// is not enough for the API: a page on another site could otherwise post with it.
    private func requireBearer(_ context: PortalContext, _ roles: Set<Role>) throws -> Sender {
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
