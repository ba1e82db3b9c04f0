import Hummingbird

/// A request the portal refuses: its status and a sentence for the person (or program) that made it.
/// API requests get it as JSON, pages as an HTML page.
struct PortalError: Error, Sendable {
    let status: HTTPResponse.Status
    let message: String
    /// Headers the refusal needs besides its body: `Retry-After` for 429, `Allow` for 405.
    var headers: HTTPFields

    init(status: HTTPResponse.Status, message: String, headers: HTTPFields = [:]) {
        self.status = status
        self.message = message
        self.headers = headers
    }

    static func badRequest(_ message: String) -> PortalError { PortalError(status: .badRequest, message: message) }
    static func unauthorized(_ message: String) -> PortalError { PortalError(status: .unauthorized, message: message) }
    static func forbidden(_ message: String) -> PortalError { PortalError(status: .forbidden, message: message) }
    static func notFound(_ message: String = "There is nothing here, or it is not yours to see.") -> PortalError {
        PortalError(status: .notFound, message: message)
    }
    static func tooLarge(_ message: String) -> PortalError { PortalError(status: .contentTooLarge, message: message) }
    static func unsupportedType(_ message: String) -> PortalError {
        PortalError(status: .unsupportedMediaType, message: message)
    }
    static func tooManyRequests(retryAfter seconds: Int) -> PortalError {
        PortalError(
            status: .tooManyRequests,
            message: "Too many wrong sign-in tokens have come from here. Try again in \(Self.wait(seconds)).",
            headers: [.retryAfter: String(seconds)])
    }
    /// A method the path does not take, with the methods it does (`Allow`).
    static func methodNotAllowed(_ method: HTTPRequest.Method, allowed: [HTTPRequest.Method]) -> PortalError {
        let names = allowed.map(\.rawValue).joined(separator: ", ")
        return PortalError(
            status: .methodNotAllowed, message: "This address does not take \(method.rawValue): it takes \(names).",
            headers: [.allow: names])
    }
    /// A wait in words: "1 minute", "4 minutes", "45 seconds".
    static func wait(_ seconds: Int) -> String {
        seconds < 60
            ? "\(seconds) second\(seconds == 1 ? "" : "s")"
            : "\((seconds + 59) / 60) minute\((seconds + 59) / 60 == 1 ? "" : "s")"
    }
    static func unprocessable(_ message: String) -> PortalError {
        PortalError(status: .unprocessableContent, message: message)
    }
}
