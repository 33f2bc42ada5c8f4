/// A provider gained or lost its Blik op Werk keurmerk (contract-monitor).
public struct KeurmerkGewijzigd: DomainEvent {
    public static let eventType = EventType(service: "contract-monitor", name: "keurmerk-gewijzigd", version: 1)

    public var aanbiederId: String
    public var heeftKeurmerk: Bool
    /// The day the change takes effect.
    public var peildatum: LocalDate

    public init(aanbiederId: String, heeftKeurmerk: Bool, peildatum: LocalDate) {
        self.aanbiederId = aanbiederId
        self.heeftKeurmerk = heeftKeurmerk
        self.peildatum = peildatum
    }

    public var subject: String { aanbiederId }
}
