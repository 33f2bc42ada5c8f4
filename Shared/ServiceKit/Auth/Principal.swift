public import Models

/// The authenticated caller of a request: which token, with which role.
public struct Principal: Sendable, Hashable {
    /// The token's public id (never the secret), for audit trails and logs.
    public let tokenId: String
    public let role: Role

    public init(tokenId: String, role: Role) {
        self.tokenId = tokenId
        self.role = role
    }

    /// Passes when the caller has one of `roles`; throws a 403 problem otherwise.
    public func require(_ roles: Role...) throws {
        guard roles.contains(role) else {
            throw ProblemDetails.forbidden("a token with role \(role.description) may not do this; it needs \(roles.map(\.description).joined(separator: " or "))")
        }
    }

    /// Passes for a klantmanager of `gemeente`; throws a 403 problem for anyone else.
    public func requireKlantmanager(of gemeente: GemeenteCode) throws {
        try require(.klantmanager(gemeente))
    }
}
