/// The inburgeraar was referred to a provider for an instroommoment, by the placement rules
/// or a klantmanager's choice; the provider answers (enrolment).
public struct AanbiederAangemeld: DomainEvent {
    public static let eventType = EventType(service: "enrolment", name: "aangemeld", version: 1)

    public var plaatsingId: String
    public var inburgeraarId: InburgeraarID
    public var gemeente: GemeenteCode
    public var aanbiederId: String
    public var perceelId: String
    public var contractId: String
    public var leerroute: Leerroute
    public var instroommoment: LocalDate
    /// The PIP's dagtekening.
    public var dagtekeningPip: LocalDate
    /// Whether a klantmanager chose the provider over the perceel's shares.
    public var keuzeKlantmanager: Bool

    public init(
        plaatsingId: String, inburgeraarId: InburgeraarID, gemeente: GemeenteCode, aanbiederId: String, perceelId: String, contractId: String,
        leerroute: Leerroute, instroommoment: LocalDate, dagtekeningPip: LocalDate, keuzeKlantmanager: Bool
    ) {
        self.plaatsingId = plaatsingId
        self.inburgeraarId = inburgeraarId
        self.gemeente = gemeente
        self.aanbiederId = aanbiederId
        self.perceelId = perceelId
        self.contractId = contractId
        self.leerroute = leerroute
        self.instroommoment = instroommoment
        self.dagtekeningPip = dagtekeningPip
        self.keuzeKlantmanager = keuzeKlantmanager
    }

    public var subject: String { inburgeraarId.description }
}
