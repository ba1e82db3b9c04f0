import Foundation
import PostgresNIO

/// Turns a record into its columns and their values, through its Encodable conformance: each property a column of
/// the same name (PostgreSQL folds unquoted names to lower case, so the tables' columns are the lower-cased
/// names), a missing optional a NULL, raw-valued enumerations their raw values, `Data` a `bytea`.
enum ColumnEncoder {
    /// One column's name and value.
    struct Column {
        /// The property's name.
        let name: String
        /// The value, or nil for NULL.
        let value: ColumnValue?
        /// Whether the value is NULL.
        var isNull: Bool { value == nil }
        /// The column's name as a quoted identifier.
        var quoted: String { "\"\(name.lowercased())\"" }

        /// Appends the value to a statement's bindings.
        func bind(_ binds: inout PostgresBindings) {
            switch value {
            case nil: binds.appendNull()
            case .text(let text): binds.append(text)
            case .integer(let number): binds.append(number)
            case .boolean(let flag): binds.append(flag)
            case .bytes(let data): binds.append(ByteBuffer(bytes: data))
            case .real(let number): binds.append(number)
            }
        }
    }

    /// A value a column can hold.
    enum ColumnValue {
        case text(String)
        case integer(Int64)
        case boolean(Bool)
        case bytes(Data)
        case real(Double)
    }

    /// The columns of a record, in the order its properties encode.
    static func columns(of record: some Encodable) throws -> [Column] {
        let encoder = RecordEncoder()
        try record.encode(to: encoder)
        return encoder.box.columns
    }

    /// A value's column value, for a property that is not one of the primitive types (an enumeration, Data).
    static func value(of value: some Encodable) throws -> ColumnValue? {
        if let data = value as? Data { return .bytes(data) }
        let encoder = RecordEncoder()
        try value.encode(to: encoder)
        return encoder.box.single
    }
}

/// What an encoding collects.
private final class EncodedBox {
    var columns: [ColumnEncoder.Column] = []
    var single: ColumnEncoder.ColumnValue?
}

/// The Encoder a record encodes itself to: one keyed container (its properties) or one single value.
private struct RecordEncoder: Encoder {
    let box = EncodedBox()
    var codingPath: [any CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        KeyedEncodingContainer(Keyed<Key>(box: box))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        preconditionFailure("a stored record holds no lists: encode it as JSON text")
    }

    func singleValueContainer() -> any SingleValueEncodingContainer { Single(box: box) }

    private struct Keyed<Key: CodingKey>: KeyedEncodingContainerProtocol {
        let box: EncodedBox
        var codingPath: [any CodingKey] { [] }

        private func add(_ key: Key, _ value: ColumnEncoder.ColumnValue?) {
            box.columns.append(ColumnEncoder.Column(name: key.stringValue, value: value))
        }

        mutating func encodeNil(forKey key: Key) throws { add(key, nil) }
        mutating func encode(_ value: String, forKey key: Key) throws { add(key, .text(value)) }
        mutating func encode(_ value: Bool, forKey key: Key) throws { add(key, .boolean(value)) }
        mutating func encode(_ value: Int, forKey key: Key) throws { add(key, .integer(Int64(value))) }
        mutating func encode(_ value: Int64, forKey key: Key) throws { add(key, .integer(value)) }
        mutating func encode(_ value: Double, forKey key: Key) throws { add(key, .real(value)) }
        mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
            add(key, try ColumnEncoder.value(of: value))
        }
        // A nil optional is a NULL column, not a missing one: an update sets it.
        mutating func encodeIfPresent(_ value: String?, forKey key: Key) throws { add(key, value.map { .text($0) }) }
        mutating func encodeIfPresent(_ value: Bool?, forKey key: Key) throws { add(key, value.map { .boolean($0) }) }
        mutating func encodeIfPresent(_ value: Int?, forKey key: Key) throws {
            add(key, value.map { .integer(Int64($0)) })
        }
        mutating func encodeIfPresent(_ value: Int64?, forKey key: Key) throws { add(key, value.map { .integer($0) }) }
        mutating func encodeIfPresent(_ value: Double?, forKey key: Key) throws { add(key, value.map { .real($0) }) }
        mutating func encodeIfPresent<T: Encodable>(_ value: T?, forKey key: Key) throws {
            add(key, try value.flatMap { try ColumnEncoder.value(of: $0) })
        }

        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key)
            -> KeyedEncodingContainer<NestedKey>
        { preconditionFailure("a stored record holds no nested records") }
        mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
            preconditionFailure("a stored record holds no lists")
        }
        mutating func superEncoder() -> any Encoder { preconditionFailure("a stored record has no superclass") }
        mutating func superEncoder(forKey key: Key) -> any Encoder {
            preconditionFailure("a stored record has no superclass")
        }
    }

    private struct Single: SingleValueEncodingContainer {
        let box: EncodedBox
        var codingPath: [any CodingKey] { [] }
        mutating func encodeNil() throws { box.single = nil }
        mutating func encode(_ value: String) throws { box.single = .text(value) }
        mutating func encode(_ value: Bool) throws { box.single = .boolean(value) }
        mutating func encode(_ value: Int) throws { box.single = .integer(Int64(value)) }
        mutating func encode(_ value: Int64) throws { box.single = .integer(value) }
        mutating func encode(_ value: Double) throws { box.single = .real(value) }
        mutating func encode<T: Encodable>(_ value: T) throws { box.single = try ColumnEncoder.value(of: value) }
    }
}
