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

    func addAPIRoutes(to routes: PortalRoutes) {
        routes.open(.get, "/api/v1/openapi.yaml") { _, _ in
            Self.text(OpenAPIDocument.text, type: "application/yaml; charset=utf-8")
        }
        routes.programs(.post, "/api/v1/validate", [.school, .licensing]) { request, _, sender in
            let evaluation = try await safeguarding.check(try await submissionBody(request), file: "api", by: sender)
            return Self.json(
                Evaluation.json([evaluation], asOf: evaluation.asOf),
                status: evaluation.wasRead ? .ok : .unprocessableContent)
        }
        routes.programs(.post, "/api/v1/submissions", [.school, .licensing]) { request, _, sender in
            let result = try await safeguarding.submit(
                try await submissionBody(request), file: "api", options: SubmitOptions(source: .api), by: sender)
            let evaluation = result.evaluation
            switch result.outcome {
            case .refused(.unreadable):
                return Self.json(Evaluation.json([evaluation], asOf: evaluation.asOf), status: .unprocessableContent)
            case .refused(let refusal):
                throw refusal
            case .stored(let id, let supersedes):
                configuration.metrics.stored(evaluation.decision)
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
        routes.programs(.get, "/api/v1/submissions/{id}", [.school, .licensing, .policy]) { _, context, sender in
            guard let id = context.parameters.get("id", as: Int64.self) else { throw PortalError.notFound() }
            let detail = try await safeguarding.submission(id, via: "api", by: sender)
            return Self.json(
                StoredSubmissionJSON.json(detail, form: safeguarding.catalog.forms[detail.record.formID]), status: .ok)
        }
        let readers = ReportKind.allCases.reduce(into: Set<Role>()) { $0.formUnion($1.readers) }
        routes.programs(.get, "/api/v1/reports/{report}", readers) { request, context, sender in
            guard let kind = context.parameters.get("report").flatMap(ReportKind.init(rawValue:)) else {
                throw PortalError.notFound("There is no report of that name: the reports are schools and licensing.")
            }
            let query = request.uri.queryParameters
            let format = query["format"].map(String.init) ?? "json"
            guard format == "json" || format == "csv" else {
                throw PortalError.badRequest("format must be json or csv.")
            }
            // A page's form sends an empty date for "today"; a program leaves the parameter out.
            guard query["as-of"] != "" else {
                throw PortalError.badRequest(
                    "as-of must be a date written YYYY-MM-DD, like 2026-07-31; leave it out for today.")
            }
            return try await LongWork.run {
                let document = try await report(kind, sender: sender, request: request, format: "api \(format)")
                if format == "csv" { return try Self.csv(document, table: query["table"].map(String.init)) }
                return Self.json(text: JSONRenderer.render(document), status: .ok)
            }
        }
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
        json(text: value.text, status: status)
    }

    /// A JSON response of text already written as JSON, ended with a line break.
    static func json(text: String, status: HTTPResponse.Status) -> Response {
        self.text(text + "\n", type: "application/json", status: status)
    }
}
