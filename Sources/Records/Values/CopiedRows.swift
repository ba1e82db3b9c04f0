import Foundation

/// A page of one table's rows as a store holds them, for `safeguard store copy`: the columns' names (lower case)
/// and each row's values, in the order of the table's key.
public struct CopiedRows: Sendable, Equatable {
    /// One stored value, as either store holds it.
    public enum Value: Sendable, Equatable {
        case null
        case integer(Int64)
        case real(Double)
        case text(String)
        case bytes(Data)
    }

    /// The columns, by their lower-case names.
    public let columns: [String]
    /// The rows, each a value for every column.
    public let rows: [[Value]]

    /// Rows of the given columns.
    public init(columns: [String], rows: [[Value]]) {
        self.columns = columns
        self.rows = rows
    }

    /// The tables a copy moves, parents before the rows that refer to them. The report facts are not among them:
    /// the target fills its own from the stored answers, as a database from before facts were kept does.
    public static let tables: [(name: String, key: String)] = [
        ("district", "id"), ("school", "id"), ("collection", "id"), ("definition", "hash"), ("submission", "id"),
        ("evaluation", "id"), ("finding", "id"), ("officerDecision", "id"), ("dbsCheck", "id"), ("account", "id"),
        ("session", "id"), ("draft", "id"), ("transfer", "id"), ("signInThrottle", "key"),
        ("sharedRegisterEntry", "id"), ("audit", "id"),
    ]

    /// The last row's value of a column (the table's key: where the next page starts).
    public func last(_ column: String) -> Value? {
        guard let row = rows.last, let index = columns.firstIndex(of: column.lowercased()) else { return nil }
        return row[index]
    }
}
