/// COA withdrew a koppeling: the person does not come to the municipality, and the file is
/// closed (intake). The reason stays with the intake service.
public struct KoppelingIngetrokken: DomainEvent {
    public static let eventType = EventType(service: "intake", name: "koppeling-ingetrokken", version: 1)

    public var inburgeraarId: InburgeraarID
    public var gemeente: GemeenteCode

    public init(inburgeraarId: InburgeraarID, gemeente: GemeenteCode) {
        self.inburgeraarId = inburgeraarId
        self.gemeente = gemeente
    }

    public var subject: String { inburgeraarId.description }
}
