public import GRDB

/// A named, ordered schema change. Once released, a migration is never edited: a change
/// to the schema is a new migration with a new name.
public struct Migration: Sendable {
    /// Unique within the database, e.g. `create-api-tokens`.
    public let name: String
    let apply: @Sendable (Database) throws -> Void

    public init(_ name: String, apply: @escaping @Sendable (Database) throws -> Void) {
        self.name = name
        self.apply = apply
    }
}
