/// A district council: the slug the forms use (`corby`), its GSS code and its name.
public struct DistrictRecord: Codable, Sendable, Equatable {
    /// The row id.
    public var id: Int64?
    /// The value the forms' district lists use, such as `corby`.
    public var slug: String
    /// The GSS code, such as `E07000150`.
    public var code: String?
    /// The name, such as `Corby`.
    public var name: String

    /// Creates a record; `id` is nil until it is stored.
    public init(
        id: Int64?, slug: String, code: String?, name: String
    ) {
        self.id = id
        self.slug = slug
        self.code = code
        self.name = name
    }
}
