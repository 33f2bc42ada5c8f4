/// A fixed PIP has a new version (pip): the route switched, the level lowered, or the person
/// moved to another municipality of the region. Carries the plan as the new version has it;
/// the term never moves.
public struct PipGewijzigd: DomainEvent {
    public static let eventType = EventType(service: "pip", name: "gewijzigd", version: 1)

    /// What kind of change made the version.
    public enum Soort: String, Sendable, Hashable, Codable, CaseIterable {
        /// Another leerroute (within 18 months of the term's start, except onderwijs → B1).
        case schakelen
        /// From B1 to A2 in the B1-route, after at least 600 lesuren.
        case afschalen
        /// The person moved to another municipality; the route is kept.
        case verhuizing
    }

    public var pipId: String
    public var inburgeraarId: InburgeraarID
    /// The municipality responsible for the new version.
    public var gemeente: GemeenteCode
    /// The person's doelgroep, which DUO's rules and the placement depend on.
    public var doelgroep: Doelgroep
    public var versie: Int
    public var soort: Soort
    public var dagtekening: LocalDate
    public var leerroute: Leerroute
    public var niveau: Taalniveau
    public var uren: Int
    public var onderdelen: Set<PipOnderdeel>
    /// The last day of the inburgeringstermijn, as the first version set it.
    public var termijnEinddatum: LocalDate

    public init(
        pipId: String, inburgeraarId: InburgeraarID, gemeente: GemeenteCode, doelgroep: Doelgroep, versie: Int, soort: Soort, dagtekening: LocalDate,
        leerroute: Leerroute, niveau: Taalniveau, uren: Int, onderdelen: Set<PipOnderdeel>, termijnEinddatum: LocalDate
    ) {
        self.pipId = pipId
        self.inburgeraarId = inburgeraarId
        self.gemeente = gemeente
        self.doelgroep = doelgroep
        self.versie = versie
        self.soort = soort
        self.dagtekening = dagtekening
        self.leerroute = leerroute
        self.niveau = niveau
        self.uren = uren
        self.onderdelen = onderdelen
        self.termijnEinddatum = termijnEinddatum
    }

    public var subject: String { inburgeraarId.description }
}
