import Hummingbird

/// A request the portal refuses: its status and a sentence for the person (or program) that made it.
/// API requests get it as JSON, pages as an HTML page.
struct PortalError: Error, Sendable {
    let status: HTTPResponse.Status
    let message: String

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
    static func unprocessable(_ message: String) -> PortalError {
        PortalError(status: .unprocessableContent, message: message)
    }
}
