import Hummingbird

/// A request the portal refuses: its status and a sentence for the person (or program) that made it.
/// API requests get it as JSON, pages as an HTML page.
struct PortalError: Error, Sendable {
    let status: HTTPResponse.Status
    let message: String
    /// For 429: how many seconds until the client may try again (sent as `Retry-After`).
    var retryAfter: Int?

    init(status: HTTPResponse.Status, message: String, retryAfter: Int? = nil) {
        self.status = status
        self.message = message
        self.retryAfter = retryAfter
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
            retryAfter: seconds)
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
