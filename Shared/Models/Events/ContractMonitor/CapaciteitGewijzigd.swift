/// A contract's capacity or instroommomenten changed (or were first set): what enrolment
/// places against.
public struct CapaciteitGewijzigd: DomainEvent {
    public static let eventType = EventType(service: "contract-monitor", name: "capaciteit-gewijzigd", version: 1)

    public var contractId: String
    public var perceelId: String
    public var aanbiederId: String
    public var capaciteit: [Contract.Capaciteit]
    public var instroommomenten: [Contract.Instroommoment]

    public init(contractId: String, perceelId: String, aanbiederId: String, capaciteit: [Contract.Capaciteit], instroommomenten: [Contract.Instroommoment]) {
        self.contractId = contractId
        self.perceelId = perceelId
        self.aanbiederId = aanbiederId
        self.capaciteit = capaciteit
        self.instroommomenten = instroommomenten
    }

    public var subject: String { contractId }
}
