/// A draft PIP was opened after the intake, with its route advice (pip).
public struct PipConceptAangemaakt: DomainEvent {
    public static let eventType = EventType(service: "pip", name: "concept-aangemaakt", version: 1)

    public var pipId: String
    public var inburgeraarId: InburgeraarID
    public var gemeente: GemeenteCode
    /// The leerroute the rules advise; the case worker may choose another, with a reason.
    public var geadviseerdeRoute: Leerroute

    public init(pipId: String, inburgeraarId: InburgeraarID, gemeente: GemeenteCode, geadviseerdeRoute: Leerroute) {
        self.pipId = pipId
        self.inburgeraarId = inburgeraarId
        self.gemeente = gemeente
        self.geadviseerdeRoute = geadviseerdeRoute
    }

    public var subject: String { inburgeraarId.description }
}
