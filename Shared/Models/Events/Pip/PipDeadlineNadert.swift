/// A deadline of a person's PIP is coming (pip); sent once per deadline and lead time.
public struct PipDeadlineNadert: DomainEvent {
    public static let eventType = EventType(service: "pip", name: "deadline-nadert", version: 1)

    /// The PIP, once there is one (the PIP deadline itself comes before the plan).
    public var pipId: String?
    public var inburgeraarId: InburgeraarID
    public var gemeente: GemeenteCode
    public var soort: PipDeadlineSoort
    /// The last day (for a voortgangsgesprek: the day it is due).
    public var deadline: LocalDate
    /// How long before the deadline this signal comes, as an ISO 8601 period (`P14D`, `P3M`, `P6M`).
    public var vooraf: String

    public init(pipId: String?, inburgeraarId: InburgeraarID, gemeente: GemeenteCode, soort: PipDeadlineSoort, deadline: LocalDate, vooraf: String) {
        self.pipId = pipId
        self.inburgeraarId = inburgeraarId
        self.gemeente = gemeente
        self.soort = soort
        self.deadline = deadline
        self.vooraf = vooraf
    }

    public var subject: String { inburgeraarId.description }
}
