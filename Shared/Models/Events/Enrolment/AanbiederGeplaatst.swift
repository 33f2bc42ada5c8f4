/// The provider confirmed the aanmelding: the inburgeraar is placed and starts on
/// ``startdatum`` (enrolment).
public struct AanbiederGeplaatst: DomainEvent {
    public static let eventType = EventType(service: "enrolment", name: "geplaatst", version: 1)

    public var plaatsingId: String
    public var inburgeraarId: InburgeraarID
    public var gemeente: GemeenteCode
    public var aanbiederId: String
    public var perceelId: String
    public var contractId: String
    public var leerroute: Leerroute
    /// The instroommoment the seat was taken for.
    public var instroommoment: LocalDate
    /// The first lesson, as the provider confirmed it.
    public var startdatum: LocalDate
    /// The PIP's dagtekening: the waiting time to the start counts from it (a contract norm).
    public var dagtekeningPip: LocalDate

    public init(
        plaatsingId: String, inburgeraarId: InburgeraarID, gemeente: GemeenteCode, aanbiederId: String, perceelId: String, contractId: String,
        leerroute: Leerroute, instroommoment: LocalDate, startdatum: LocalDate, dagtekeningPip: LocalDate
    ) {
        self.plaatsingId = plaatsingId
        self.inburgeraarId = inburgeraarId
        self.gemeente = gemeente
        self.aanbiederId = aanbiederId
        self.perceelId = perceelId
        self.contractId = contractId
        self.leerroute = leerroute
        self.instroommoment = instroommoment
        self.startdatum = startdatum
        self.dagtekeningPip = dagtekeningPip
    }

    public var subject: String { inburgeraarId.description }
}
