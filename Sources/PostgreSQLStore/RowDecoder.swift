import Foundation
import PostgresNIO

/// Reads a record from a row through its Decodable conformance: each property from the column of its name
/// (lower-cased, as PostgreSQL keeps unquoted names), raw-valued enumerations from their raw values.
struct RowDecoder: Decoder {
    let row: PostgresRandomAccessRow
    var codingPath: [any CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        KeyedDecodingContainer(Keyed<Key>(row: row))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        throw DecodingError.typeMismatch(
            [Any].self, .init(codingPath: [], debugDescription: "a row is read as a record, not a list"))
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer {
        throw DecodingError.typeMismatch(
            Any.self, .init(codingPath: [], debugDescription: "a row is read as a record, not one value"))
    }

    private struct Keyed<Key: CodingKey>: KeyedDecodingContainerProtocol {
        let row: PostgresRandomAccessRow
        var codingPath: [any CodingKey] { [] }
        var allKeys: [Key] { row.compactMap { Key(stringValue: $0.columnName) } }

        private func cell(_ key: Key) -> PostgresCell { row[key.stringValue.lowercased()] }

        func contains(_ key: Key) -> Bool { row.contains(key.stringValue.lowercased()) }
        func decodeNil(forKey key: Key) throws -> Bool { cell(key).bytes == nil }
        func decode(_ type: String.Type, forKey key: Key) throws -> String { try cell(key).decode(String.self) }
        func decode(_ type: Bool.Type, forKey key: Key) throws -> Bool { try cell(key).decode(Bool.self) }
        func decode(_ type: Int.Type, forKey key: Key) throws -> Int { try cell(key).decode(Int.self) }
        func decode(_ type: Int64.Type, forKey key: Key) throws -> Int64 { try cell(key).decode(Int64.self) }
        func decode(_ type: Double.Type, forKey key: Key) throws -> Double { try cell(key).decode(Double.self) }
        func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
            if type == Data.self { return try cell(key).decode(Data.self) as! T }
            return try T(from: CellDecoder(cell: cell(key)))
        }

        func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws
            -> KeyedDecodingContainer<NestedKey>
        {
            throw DecodingError.typeMismatch(
                type, .init(codingPath: [key], debugDescription: "a stored record holds no nested records"))
        }
        func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
            throw DecodingError.typeMismatch(
                [Any].self, .init(codingPath: [key], debugDescription: "a stored record holds no lists"))
        }
        func superDecoder() throws -> any Decoder { self.rowDecoder }
        func superDecoder(forKey key: Key) throws -> any Decoder { self.rowDecoder }
        private var rowDecoder: RowDecoder { RowDecoder(row: row) }
    }
}

/// Reads one column's value: what a raw-valued enumeration decodes itself from.
private struct CellDecoder: Decoder, SingleValueDecodingContainer {
    let cell: PostgresCell
    var codingPath: [any CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        throw DecodingError.typeMismatch(
            type, .init(codingPath: [], debugDescription: "column \(cell.columnName) holds one value"))
    }
    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        throw DecodingError.typeMismatch(
            [Any].self, .init(codingPath: [], debugDescription: "column \(cell.columnName) holds one value"))
    }
    func singleValueContainer() throws -> any SingleValueDecodingContainer { self }

    func decodeNil() -> Bool { cell.bytes == nil }
    func decode(_ type: String.Type) throws -> String { try cell.decode(String.self) }
    func decode(_ type: Bool.Type) throws -> Bool { try cell.decode(Bool.self) }
    func decode(_ type: Int.Type) throws -> Int { try cell.decode(Int.self) }
    func decode(_ type: Int64.Type) throws -> Int64 { try cell.decode(Int64.self) }
    func decode(_ type: Double.Type) throws -> Double { try cell.decode(Double.self) }
    func decode<T: Decodable>(_ type: T.Type) throws -> T {
        if type == Data.self { return try cell.decode(Data.self) as! T }
        return try T(from: self)
    }
}
