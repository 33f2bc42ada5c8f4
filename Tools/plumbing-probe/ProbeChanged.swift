import Models

/// The event a probe announces for each state change it makes.
struct ProbeChanged: DomainEvent {
    static let eventType = EventType(service: "probe", name: "gewijzigd", version: 1)
    /// The number of the change, from 0.
    let change: Int
    var subject: String { "change-\(change)" }
}
