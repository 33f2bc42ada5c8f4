public import GRDB

/// What a service does with each webhook event type it accepts from partners.
///
/// A handler runs inside one SQLite transaction that also marks the delivery handled, so
/// its effects happen once. Changes that other services must hear of go into the
/// ``Outbox`` in the same transaction. A handler that throws is retried with backoff.
public struct WebhookHandlers: Sendable {
    /// Handles one delivery inside the transaction.
    public typealias Handler = @Sendable (WebhookDelivery, Database) throws -> Void

    let handlers: [String: Handler]

    public init() {
        handlers = [:]
    }

    private init(handlers: [String: Handler]) {
        self.handlers = handlers
    }

    /// Whether any type is handled: without handlers a service has no webhook route.
    public var isEmpty: Bool { handlers.isEmpty }

    /// These handlers and `handle` for deliveries of `type` (the body's `type` field).
    public func on(_ type: String, _ handle: @escaping Handler) -> WebhookHandlers {
        var handlers = handlers
        handlers[type] = handle
        return WebhookHandlers(handlers: handlers)
    }
}
