/// DUO's SS139: the 10 weeks for fixing the PIP have started; the deadline is now DUO's (intake).
public struct PipTermijnGestart: DomainEvent {
    public static let eventType = EventType(service: "intake", name: "pip-termijn-gestart", version: 1)

    public var inburgeraarId: InburgeraarID
    public var gemeente: GemeenteCode
    /// The day the 10 weeks started, as DUO registered it.
    public var startdatum: LocalDate
    public var pipDeadline: LocalDate

    public init(inburgeraarId: InburgeraarID, gemeente: GemeenteCode, startdatum: LocalDate, pipDeadline: LocalDate) {
        self.inburgeraarId = inburgeraarId
        self.gemeente = gemeente
        self.startdatum = startdatum
        self.pipDeadline = pipDeadline
    }

    public var subject: String { inburgeraarId.description }
}
