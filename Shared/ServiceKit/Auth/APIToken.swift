public import Foundation

/// A bearer token as stored: its public id, role and dates. The secret itself is never
/// stored, only its SHA-256 hash.
public struct APIToken: Sendable, Hashable, Codable {
    /// The public id (`tok_…`), used to list and revoke the token and in audit trails.
    public let id: String
    public let role: Role
    /// Whom the token was made for, e.g. `klantmanager Zwolle team A`; never personal data.
    public let label: String
    public let createdAt: Date
    public let revokedAt: Date?

    public var isActive: Bool { revokedAt == nil }

    public init(id: String, role: Role, label: String, createdAt: Date, revokedAt: Date?) {
        self.id = id
        self.role = role
        self.label = label
        self.createdAt = createdAt
        self.revokedAt = revokedAt
    }

    enum CodingKeys: String, CodingKey { case id, role, scope, label, createdAt, revokedAt }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decode(String.self, forKey: .id)
        role = try Role(name: container.decode(String.self, forKey: .role), scope: container.decodeIfPresent(String.self, forKey: .scope))
        label = try container.decode(String.self, forKey: .label)
        createdAt = try container.decode(Date.self, forKey: .createdAt)
        revokedAt = try container.decodeIfPresent(Date.self, forKey: .revokedAt)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(role.name, forKey: .role)
        try container.encodeIfPresent(role.scope, forKey: .scope)
        try container.encode(label, forKey: .label)
        try container.encode(createdAt, forKey: .createdAt)
        try container.encodeIfPresent(revokedAt, forKey: .revokedAt)
    }
}
