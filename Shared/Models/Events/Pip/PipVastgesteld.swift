/// The PIP has been fixed as a beschikking, version 1 (pip); later versions are ``PipGewijzigd``.
public struct PipVastgesteld: DomainEvent {
    public static let eventType = EventType(service: "pip", name: "vastgesteld", version: 1)

    /// The PIP's id in the pip service (`pip-…`), which later versions and the API name.
    public var pipId: String
    public var inburgeraarId: InburgeraarID
    public var gemeente: GemeenteCode
    /// The person's doelgroep, which DUO's rules and the placement depend on.
    public var doelgroep: Doelgroep
    /// 1 for the first PIP; later versions do not move the term.
    public var versie: Int
    public var dagtekening: LocalDate
    public var leerroute: Leerroute
    public var niveau: Taalniveau
    /// Hours of the route as set in the plan.
    public var uren: Int
    public var onderdelen: Set<PipOnderdeel>
    /// The last day of the inburgeringstermijn (3 years from the day after the first dagtekening).
    public var termijnEinddatum: LocalDate
    /// Fixed after the PIP deadline (10 weeks from DUO's SS139, or intake's provisional date):
    /// allowed, and reported. Absent (`nil`) when no deadline was known.
    public var teLaat: Bool?

    public init(
        pipId: String, inburgeraarId: InburgeraarID, gemeente: GemeenteCode, doelgroep: Doelgroep, versie: Int, dagtekening: LocalDate, leerroute: Leerroute,
        niveau: Taalniveau, uren: Int, onderdelen: Set<PipOnderdeel>, termijnEinddatum: LocalDate, teLaat: Bool? = nil
    ) {
        self.pipId = pipId
        self.inburgeraarId = inburgeraarId
        self.gemeente = gemeente
        self.doelgroep = doelgroep
        self.versie = versie
        self.dagtekening = dagtekening
        self.leerroute = leerroute
        self.niveau = niveau
        self.uren = uren
        self.onderdelen = onderdelen
        self.termijnEinddatum = termijnEinddatum
        self.teLaat = teLaat
    }

    public var subject: String { inburgeraarId.description }
}
