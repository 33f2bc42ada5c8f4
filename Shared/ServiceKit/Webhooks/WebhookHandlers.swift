import Foundation
public import GRDB
public import Models

/// What a service does with each webhook event type it accepts from partners.
///
/// A handler runs inside one SQLite transaction that also marks the delivery handled, so
/// its effects happen once. Changes that other services must hear of go into the
/// ``Outbox`` in the same transaction. A handler that throws a ``DomainError`` fails for
/// good (shown to operators as a failed job); any other error is retried with backoff.
public struct WebhookHandlers: Sendable {
    /// Handles one delivery inside the transaction.
    public typealias Handler = @Sendable (WebhookDelivery, Database) throws -> Void

    /// One type's handling: a check of its data when it arrives, and the handler after.
    struct Entry: Sendable {
        /// Throws a `DecodingError`, or returns the field and reason, when the data is not
        /// acceptable; runs before the delivery is stored, so a bad one gets 400 and is not kept.
        let validate: @Sendable (Data) throws -> DomainError.FieldProblem?
        let handle: Handler
    }

    let entries: [String: Entry]

    public init() {
        entries = [:]
    }

    private init(entries: [String: Entry]) {
        self.entries = entries
    }

    /// Whether any type is handled: without handlers a service has no webhook route.
    public var isEmpty: Bool { entries.isEmpty }

    /// These handlers and `handle` for deliveries of `type` (the body's `type` field),
    /// whose data is taken as it comes.
    public func on(_ type: String, _ handle: @escaping Handler) -> WebhookHandlers {
        adding(type, Entry(validate: { _ in nil }, handle: handle))
    }

    /// These handlers and `handle` for deliveries of `type` whose `data` decodes as
    /// `Payload` and passes `check` (which names the field, relative to `data`, and why):
    /// a delivery that does not is refused with 400 naming the field (`data.…`) before
    /// anything is stored.
    public func on<Payload: Decodable & Sendable>(
        _ type: String, as _: Payload.Type, check: @escaping @Sendable (Payload) -> DomainError.FieldProblem? = { _ in nil },
        _ handle: @escaping @Sendable (Payload, WebhookDelivery, Database) throws -> Void
    ) -> WebhookHandlers {
        adding(type, Entry(
            validate: { data in check(try ChainJSON.decoder().decode(Payload.self, from: data)) },
            handle: { delivery, db in try handle(try ChainJSON.decoder().decode(Payload.self, from: delivery.data), delivery, db) }))
    }

    private func adding(_ type: String, _ entry: Entry) -> WebhookHandlers {
        var entries = entries
        entries[type] = entry
        return WebhookHandlers(entries: entries)
    }
}
