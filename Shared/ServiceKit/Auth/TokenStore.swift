public import Foundation
public import GRDB
import Crypto

/// Creates, lists, revokes and checks bearer tokens in a service's database.
///
/// A token is `ibt_` followed by 32 random bytes (base64url); only its SHA-256 hash is
/// stored, so a copy of the database does not reveal usable tokens.
public struct TokenStore: Sendable {
    private let database: any DatabaseWriter

    public init(database: any DatabaseWriter) {
        self.database = database
    }

    /// Makes a new token. The secret is returned once and cannot be recovered later.
    public func create(role: Role, label: String, now: Date = Date()) throws -> (token: APIToken, secret: String) {
        let secret = "ibt_" + Self.randomBase64URL(bytes: 32)
        let token = APIToken(id: "tok_" + Self.randomBase64URL(bytes: 9), role: role, label: label, createdAt: now, revokedAt: nil)
        try database.write { db in
            try db.execute(
                sql: "INSERT INTO api_tokens (id, secret_hash, role, scope, label, created_at) VALUES (?, ?, ?, ?, ?, ?)",
                arguments: [token.id, Self.hash(secret), role.name, role.scope, label, now])
        }
        return (token, secret)
    }

    /// Every token, newest first, revoked ones included.
    public func list() throws -> [APIToken] {
        try database.read { db in
            try Row.fetchAll(db, sql: "SELECT id, role, scope, label, created_at, revoked_at FROM api_tokens ORDER BY created_at DESC, id")
                .map { row in
                    APIToken(
                        id: row["id"], role: try Role(name: row["role"], scope: row["scope"]), label: row["label"],
                        createdAt: row["created_at"], revokedAt: row["revoked_at"])
                }
        }
    }

    /// Revokes the token with `id`; returns `false` when there is none or it was revoked already.
    public func revoke(id: String, now: Date = Date()) throws -> Bool {
        try database.write { db in
            try db.execute(sql: "UPDATE api_tokens SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL", arguments: [now, id])
            return db.changesCount == 1
        }
    }

    /// The principal for an active token with this secret, or `nil`.
    public func authenticate(secret: String) throws -> Principal? {
        guard secret.hasPrefix("ibt_") else { return nil }
        return try database.read { db in
            guard let row = try Row.fetchOne(
                db, sql: "SELECT id, role, scope FROM api_tokens WHERE secret_hash = ? AND revoked_at IS NULL",
                arguments: [Self.hash(secret)])
            else { return nil }
            return Principal(tokenId: row["id"], role: try Role(name: row["role"], scope: row["scope"]))
        }
    }

    /// The shared migration that creates the token table.
    static let migration = Migration("create-api-tokens") { db in
        try db.execute(sql: """
            CREATE TABLE api_tokens (
                id TEXT PRIMARY KEY NOT NULL,
                secret_hash BLOB NOT NULL UNIQUE,
                role TEXT NOT NULL,
                scope TEXT,
                label TEXT NOT NULL,
                created_at DATETIME NOT NULL,
                revoked_at DATETIME
            )
            """)
    }

    private static func hash(_ secret: String) -> Data {
        Data(SHA256.hash(data: Data(secret.utf8)))
    }

    private static func randomBase64URL(bytes count: Int) -> String {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<count).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
        return Data(bytes).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
    }
}
