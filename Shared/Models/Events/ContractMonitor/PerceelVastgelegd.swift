/// A version of a perceel in the contract register, with the whole entry.
public struct PerceelVastgelegd: DomainEvent {
    public static let eventType = EventType(service: "contract-monitor", name: "perceel-vastgelegd", version: 1)

    public var versie: Int
    public var reden: String
    public var perceel: Perceel

    public init(versie: Int, reden: String, perceel: Perceel) {
        self.versie = versie
        self.reden = reden
        self.perceel = perceel
    }

    public var subject: String { perceel.id }
}
