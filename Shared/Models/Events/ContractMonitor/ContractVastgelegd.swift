/// A version of a contract in the contract register, with the whole entry (also when it was
/// ended: then ``Contract/beeindiging`` is set).
public struct ContractVastgelegd: DomainEvent {
    public static let eventType = EventType(service: "contract-monitor", name: "contract-vastgelegd", version: 1)

    public var versie: Int
    public var reden: String
    public var contract: Contract

    public init(versie: Int, reden: String, contract: Contract) {
        self.versie = versie
        self.reden = reden
        self.contract = contract
    }

    public var subject: String { contract.id }
}
