/// No seat for the inburgeraar now: they wait on the perceel of their route, or for the
/// region to buy one (``perceelId`` nil) (enrolment).
public struct OpWachtlijstGezet: DomainEvent {
    public static let eventType = EventType(service: "enrolment", name: "op-wachtlijst", version: 1)

    public var plaatsingId: String
    public var inburgeraarId: InburgeraarID
    public var gemeente: GemeenteCode
    public var leerroute: Leerroute
    public var perceelId: String?
    public var dagtekeningPip: LocalDate

    public init(plaatsingId: String, inburgeraarId: InburgeraarID, gemeente: GemeenteCode, leerroute: Leerroute, perceelId: String?, dagtekeningPip: LocalDate) {
        self.plaatsingId = plaatsingId
        self.inburgeraarId = inburgeraarId
        self.gemeente = gemeente
        self.leerroute = leerroute
        self.perceelId = perceelId
        self.dagtekeningPip = dagtekeningPip
    }

    public var subject: String { inburgeraarId.description }
}
