/// The main goal agreed in the brede intake.
public enum Hoofddoel: String, Sendable, Hashable, Codable, CaseIterable {
    case werk
    case onderwijs
    case participatie
}
