/// DUO reported the person's inburgeringstermijn (SS102 set, SS103 extended, SS104 ended),
/// read by intake; the PIP shows DUO's dates beside its own (intake).
public struct InburgeringstermijnGemeld: DomainEvent {
    public static let eventType = EventType(service: "intake", name: "inburgeringstermijn-gemeld", version: 1)

    public var inburgeraarId: InburgeraarID
    public var gemeente: GemeenteCode
    /// DUO's notification code (`SS102`, `SS103`, `SS104`).
    public var code: String
    /// The first day of the term.
    public var startdatum: LocalDate
    /// The last day of the term (DUO's `einddatum` is exclusive: this is the day before it).
    public var laatsteDag: LocalDate

    public init(inburgeraarId: InburgeraarID, gemeente: GemeenteCode, code: String, startdatum: LocalDate, laatsteDag: LocalDate) {
        self.inburgeraarId = inburgeraarId
        self.gemeente = gemeente
        self.code = code
        self.startdatum = startdatum
        self.laatsteDag = laatsteDag
    }

    public var subject: String { inburgeraarId.description }
}
