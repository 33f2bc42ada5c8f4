/// The hours a person has followed, added up over every report and provider: they travel
/// with the person across schakelen and afschalen (pip's 600-hour rule reads them) (enrolment).
public struct UrenBijgewerkt: DomainEvent {
    public static let eventType = EventType(service: "enrolment", name: "uren-bijgewerkt", version: 1)

    public var inburgeraarId: InburgeraarID
    public var urenTotaal: Int

    public init(inburgeraarId: InburgeraarID, urenTotaal: Int) {
        self.inburgeraarId = inburgeraarId
        self.urenTotaal = urenTotaal
    }

    public var subject: String { inburgeraarId.description }
}
