/// A bezwaar (objection) against a version of the PIP was registered (pip).
public struct PipBezwaarIngediend: DomainEvent {
    public static let eventType = EventType(service: "pip", name: "bezwaar-ingediend", version: 1)

    public var pipId: String
    public var inburgeraarId: InburgeraarID
    public var gemeente: GemeenteCode
    /// The version objected to.
    public var versie: Int
    /// The day the municipality received the bezwaar.
    public var ontvangenOp: LocalDate
    /// Received within six weeks of that version's dagtekening (the bezwaartermijn).
    public var tijdig: Bool

    public init(pipId: String, inburgeraarId: InburgeraarID, gemeente: GemeenteCode, versie: Int, ontvangenOp: LocalDate, tijdig: Bool) {
        self.pipId = pipId
        self.inburgeraarId = inburgeraarId
        self.gemeente = gemeente
        self.versie = versie
        self.ontvangenOp = ontvangenOp
        self.tijdig = tijdig
    }

    public var subject: String { inburgeraarId.description }
}
