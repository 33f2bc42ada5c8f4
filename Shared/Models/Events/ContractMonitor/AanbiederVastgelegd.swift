/// A version of a provider in the contract register: the first when it was registered, a
/// later one for every change. It carries the whole entry, so consumers rebuild the register
/// from these events alone.
public struct AanbiederVastgelegd: DomainEvent {
    public static let eventType = EventType(service: "contract-monitor", name: "aanbieder-vastgelegd", version: 1)

    public var versie: Int
    public var reden: String
    public var aanbieder: Aanbieder

    public init(versie: Int, reden: String, aanbieder: Aanbieder) {
        self.versie = versie
        self.reden = reden
        self.aanbieder = aanbieder
    }

    public var subject: String { aanbieder.id }
}
