/// A provider (aanbieder): a language school or college that runs leerroutes under contract.
public struct Aanbieder: Sendable, Hashable, Codable {
    /// Our id for the provider, used in paths and partner registrations, e.g. `nltraining`.
    public var id: String
    public var naam: String
    /// DUO's number for the institution (`instellingsnummer`).
    public var instellingsnummer: String?
    /// The Blik op Werk number (`bow`), required for B1 and Z courses for statushouders.
    public var bowNummer: String?
    /// Whether the Blik op Werk keurmerk is currently held (DUO's `indicatieBowKeurmerk`).
    public var heeftKeurmerk: Bool

    public init(id: String, naam: String, instellingsnummer: String? = nil, bowNummer: String? = nil, heeftKeurmerk: Bool) {
        self.id = id
        self.naam = naam
        self.instellingsnummer = instellingsnummer
        self.bowNummer = bowNummer
        self.heeftKeurmerk = heeftKeurmerk
    }

    /// Whether courses in `route` may be bought from this provider: B1 and Z require the keurmerk.
    public func magLeveren(_ route: Leerroute) -> Bool {
        route == .onderwijs || heeftKeurmerk
    }
}
