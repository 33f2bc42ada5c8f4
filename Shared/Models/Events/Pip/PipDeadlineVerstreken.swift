/// A deadline of a person's PIP has passed (pip): sent once, on the day after it.
public struct PipDeadlineVerstreken: DomainEvent {
    public static let eventType = EventType(service: "pip", name: "deadline-verstreken", version: 1)

    /// The PIP, once there is one (the PIP deadline itself comes before the plan).
    public var pipId: String?
    public var inburgeraarId: InburgeraarID
    public var gemeente: GemeenteCode
    public var soort: PipDeadlineSoort
    /// The last day, now passed.
    public var deadline: LocalDate

    public init(pipId: String?, inburgeraarId: InburgeraarID, gemeente: GemeenteCode, soort: PipDeadlineSoort, deadline: LocalDate) {
        self.pipId = pipId
        self.inburgeraarId = inburgeraarId
        self.gemeente = gemeente
        self.soort = soort
        self.deadline = deadline
    }

    public var subject: String { inburgeraarId.description }
}
