/// COA corrected a koppeling; the fields other services know of are as now (intake).
public struct KoppelingGewijzigd: DomainEvent {
    public static let eventType = EventType(service: "intake", name: "koppeling-gewijzigd", version: 1)

    public var inburgeraarId: InburgeraarID
    public var gemeente: GemeenteCode
    public var koppeldatum: LocalDate
    /// The provisional PIP deadline after the correction, until DUO's SS139 fixes the real one.
    public var voorlopigePipDeadline: LocalDate

    public init(inburgeraarId: InburgeraarID, gemeente: GemeenteCode, koppeldatum: LocalDate, voorlopigePipDeadline: LocalDate) {
        self.inburgeraarId = inburgeraarId
        self.gemeente = gemeente
        self.koppeldatum = koppeldatum
        self.voorlopigePipDeadline = voorlopigePipDeadline
    }

    public var subject: String { inburgeraarId.description }
}
