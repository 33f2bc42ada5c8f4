public import GRDB
public import Models

/// What a service handles from one other service's topic: a handler per event type.
///
/// Each handler runs inside one SQLite transaction together with the ``Inbox`` record of
/// the event, so its effects happen exactly once. A handler that throws rolls back and is
/// retried by the queue, then dead-lettered. Types without a handler are skipped.
public struct EventSubscription: Sendable {
    /// Handles one event inside the transaction.
    public typealias Handler = @Sendable (EventEnvelope, Database) throws -> Void

    /// The topic: the name of the service that publishes, e.g. `intake`.
    public let topic: String
    let handlers: [String: Handler]

    public init(topic: String) {
        self.topic = topic
        self.handlers = [:]
    }

    private init(topic: String, handlers: [String: Handler]) {
        self.topic = topic
        self.handlers = handlers
    }

    /// This subscription with `handle` for events of `type`, given their decoded data.
    public func on<Event: DomainEvent>(
        _ type: Event.Type, _ handle: @escaping @Sendable (Event, EventEnvelope, Database) throws -> Void
    ) -> EventSubscription {
        var handlers = handlers
        handlers[Event.eventType.rawValue] = { envelope, db in
            guard let event = try envelope.decode(as: Event.self) else { return }
            try handle(event, envelope, db)
        }
        return EventSubscription(topic: topic, handlers: handlers)
    }
}
