public import Models

/// What a bearer token may do. Each role sees only its own part of the data.
public enum Role: Sendable, Hashable, CustomStringConvertible {
    /// Runs the region's services: queues, partners, tokens. Sees no personal files.
    case `operator`
    /// A case worker of one municipality: sees that municipality's inburgeraars only.
    case klantmanager(GemeenteCode)
    /// The region's contract manager: contracts, providers, aggregated figures.
    case contractmanager
    /// A provider's system: its own placements and reports only.
    case aanbieder(String)

    /// The role's name as stored and typed: `operator`, `klantmanager`, `contractmanager`, `aanbieder`.
    public var name: String {
        switch self {
        case .operator: "operator"
        case .klantmanager: "klantmanager"
        case .contractmanager: "contractmanager"
        case .aanbieder: "aanbieder"
        }
    }

    /// The municipality or provider the role is bound to, if any.
    public var scope: String? {
        switch self {
        case .operator, .contractmanager: nil
        case .klantmanager(let gemeente): gemeente.rawValue
        case .aanbieder(let id): id
        }
    }

    /// Rebuilds a role from its stored name and scope; the error says what is missing.
    public init(name: String, scope: String?) throws(RoleError) {
        switch (name, scope) {
        case ("operator", nil): self = .operator
        case ("contractmanager", nil): self = .contractmanager
        case ("klantmanager", let scope?):
            do { self = .klantmanager(try GemeenteCode(scope)) } catch { throw RoleError("klantmanager needs a municipality code such as GM0193") }
        case ("aanbieder", let scope?) where !scope.isEmpty: self = .aanbieder(scope)
        case ("klantmanager", nil): throw RoleError("klantmanager needs a municipality code such as GM0193")
        case ("aanbieder", nil): throw RoleError("aanbieder needs the provider's id")
        case ("operator", _?), ("contractmanager", _?): throw RoleError("\(name) is not bound to a municipality or provider")
        default: throw RoleError("unknown role '\(name)': use operator, klantmanager, contractmanager or aanbieder")
        }
    }

    public var description: String { scope.map { "\(name):\($0)" } ?? name }
}

/// A role name and scope that do not fit together.
public struct RoleError: Error, CustomStringConvertible {
    public let description: String
    init(_ description: String) { self.description = description }
}
