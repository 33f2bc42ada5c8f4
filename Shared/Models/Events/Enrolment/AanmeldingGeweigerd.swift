/// A provider refused an aanmelding; the placement rules propose the next provider. The
/// provider's reason stays in enrolment (it may describe the person) (enrolment).
public struct AanmeldingGeweigerd: DomainEvent {
    public static let eventType = EventType(service: "enrolment", name: "aanmelding-geweigerd", version: 1)

    public var plaatsingId: String
    public var inburgeraarId: InburgeraarID
    public var aanbiederId: String
    public var contractId: String

    public init(plaatsingId: String, inburgeraarId: InburgeraarID, aanbiederId: String, contractId: String) {
        self.plaatsingId = plaatsingId
        self.inburgeraarId = inburgeraarId
        self.aanbiederId = aanbiederId
        self.contractId = contractId
    }

    public var subject: String { inburgeraarId.description }
}
