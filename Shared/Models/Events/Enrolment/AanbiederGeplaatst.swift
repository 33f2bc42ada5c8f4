/// The inburgeraar has been placed with a provider under a contract (enrolment).
public struct AanbiederGeplaatst: DomainEvent {
    public static let eventType = EventType(service: "enrolment", name: "geplaatst", version: 1)

    public var inburgeraarId: InburgeraarID
    public var aanbiederId: String
    public var contractId: String
    public var leerroute: Leerroute
    /// The instroommoment the provider offered.
    public var startdatum: LocalDate

    public init(inburgeraarId: InburgeraarID, aanbiederId: String, contractId: String, leerroute: Leerroute, startdatum: LocalDate) {
        self.inburgeraarId = inburgeraarId
        self.aanbiederId = aanbiederId
        self.contractId = contractId
        self.leerroute = leerroute
        self.startdatum = startdatum
    }

    public var subject: String { inburgeraarId.description }
}
