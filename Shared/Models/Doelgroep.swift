/// Which group of the Wet inburgering 2021 an inburgeraar belongs to.
public enum Doelgroep: String, Sendable, Hashable, Codable, CaseIterable {
    /// A refugee with a residence permit (family members who follow are nareizigers).
    case asielstatushouder
    /// A family migrant.
    case gezinsmigrant
    /// Any other migrant obliged to integrate.
    case overigeMigrant

    /// DUO's `indeling` for this group, as its doelgroep API returns it.
    public var duoIndeling: String {
        switch self {
        case .asielstatushouder: "Asielstatushouder"
        case .gezinsmigrant, .overigeMigrant: "Gezinsmigrant en overige migrant"
        }
    }
}
