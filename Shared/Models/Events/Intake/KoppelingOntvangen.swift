/// COA has linked a statushouder to a municipality of the region (intake).
public struct KoppelingOntvangen: DomainEvent {
    public static let eventType = EventType(service: "intake", name: "koppeling-ontvangen", version: 1)

    public var inburgeraarId: InburgeraarID
    public var gemeente: GemeenteCode
    public var doelgroep: Doelgroep
    /// The day COA made the link.
    public var koppeldatum: LocalDate
    /// The provisional PIP deadline until DUO's SS139 fixes the real one.
    public var voorlopigePipDeadline: LocalDate

    public init(inburgeraarId: InburgeraarID, gemeente: GemeenteCode, doelgroep: Doelgroep, koppeldatum: LocalDate, voorlopigePipDeadline: LocalDate) {
        self.inburgeraarId = inburgeraarId
        self.gemeente = gemeente
        self.doelgroep = doelgroep
        self.koppeldatum = koppeldatum
        self.voorlopigePipDeadline = voorlopigePipDeadline
    }

    public var subject: String { inburgeraarId.description }
}
