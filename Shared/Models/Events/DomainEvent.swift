/// The data of one event type of the chain. Each event type is one Swift type.
public protocol DomainEvent: Codable, Sendable, Equatable {
    /// The CloudEvents `type` this data travels under.
    static var eventType: EventType { get }
    /// The envelope's `subject`: the id of what the event is about (never a BSN).
    var subject: String { get }
}
