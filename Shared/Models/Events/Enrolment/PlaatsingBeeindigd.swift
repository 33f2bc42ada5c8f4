/// A placement ended: the person moved to another route or provider (`overgeplaatst`),
/// finished (`afgerond`) or dropped out (`uitgevallen`) (enrolment).
public struct PlaatsingBeeindigd: DomainEvent {
    public static let eventType = EventType(service: "enrolment", name: "plaatsing-beeindigd", version: 1)

    public var plaatsingId: String
    public var inburgeraarId: InburgeraarID
    public var aanbiederId: String?
    public var status: EnrolmentStatus

    public init(plaatsingId: String, inburgeraarId: InburgeraarID, aanbiederId: String?, status: EnrolmentStatus) {
        self.plaatsingId = plaatsingId
        self.inburgeraarId = inburgeraarId
        self.aanbiederId = aanbiederId
        self.status = status
    }

    public var subject: String { inburgeraarId.description }
}
