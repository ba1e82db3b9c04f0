import Foundation

/// The OpenAPI 3.1 description of the JSON API, served at `/api/v1/openapi.yaml`; kept beside the code as
/// `Resources/openapi.yaml`.
enum OpenAPIDocument {
    /// The document's text.
    static let text: String = {
        guard let url = Bundle.module.url(forResource: "openapi", withExtension: "yaml"),
            let data = try? Data(contentsOf: url)
        else { return "openapi: 3.1.0\n" }
        return String(decoding: data, as: UTF8.self)
    }()
}
