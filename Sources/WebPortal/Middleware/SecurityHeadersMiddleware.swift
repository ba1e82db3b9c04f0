import HTTPTypes
import Hummingbird
import Logging
import Records

/// Adds the headers every response needs, refusals included: a strict Content-Security-Policy (no scripts at
/// all, styles only from the portal), no MIME sniffing, no framing, no referrer, and no caching of pages that
/// may hold personal data. So that refusals carry them too, every error becomes its response here: a page, or
/// JSON for the API, and for anything unexpected a 500 that tells nothing of the inside.
struct SecurityHeadersMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        var response: Response
        do {
            response = try await next(request, context)
        } catch let error as PortalError {
            response = try error.response(from: request, context: context)
        } catch let refusal as Refusal {
            response = try refusal.portalError.response(from: request, context: context)
        } catch let error as HTTPError {
            let refusal =
                error.status == .notFound
                ? PortalError.notFound()
                : PortalError(status: error.status, message: error.body ?? "The request cannot be handled.")
            response = try refusal.response(from: request, context: context)
        } catch {
            context.logger.error("internal error: \(type(of: error))")
            response = try PortalError(
                status: .internalServerError,
                message:
                    "Something went wrong on the portal's side, and nothing was changed. Try again; if it happens again, tell the board."
            ).response(from: request, context: context)
        }
        response.headers[.contentSecurityPolicy] =
            "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'"
        response.headers[.xContentTypeOptions] = "nosniff"
        response.headers[.xFrameOptions] = "DENY"
        response.headers[.referrerPolicy] = "no-referrer"
        if response.headers[.cacheControl] == nil { response.headers[.cacheControl] = "no-store" }
        return response
    }
}

extension HTTPField.Name {
    /// `X-Content-Type-Options`.
    static let xContentTypeOptions = Self("X-Content-Type-Options")!
    /// `X-Frame-Options`.
    static let xFrameOptions = Self("X-Frame-Options")!
    /// `Referrer-Policy`.
    static let referrerPolicy = Self("Referrer-Policy")!
    /// `X-Forwarded-For`, which a proxy adds the client's address to.
    static let xForwardedFor = Self("X-Forwarded-For")!
}
