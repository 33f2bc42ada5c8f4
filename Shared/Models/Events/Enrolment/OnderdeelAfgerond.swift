/// A provider reported an onderdeel of the plan completed (PVT, MAP or KNM), once per
/// person and onderdeel: for pip's progress to "voldaan" (enrolment).
public struct OnderdeelAfgerond: DomainEvent {
    public static let eventType = EventType(service: "enrolment", name: "onderdeel-afgerond", version: 1)

    public var inburgeraarId: InburgeraarID
    public var onderdeel: PipOnderdeel
    public var datum: LocalDate
    public var aanbiederId: String

    public init(inburgeraarId: InburgeraarID, onderdeel: PipOnderdeel, datum: LocalDate, aanbiederId: String) {
        self.inburgeraarId = inburgeraarId
        self.onderdeel = onderdeel
        self.datum = datum
        self.aanbiederId = aanbiederId
    }

    public var subject: String { inburgeraarId.description }
}
