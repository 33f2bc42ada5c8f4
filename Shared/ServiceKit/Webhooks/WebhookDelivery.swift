public import Foundation

/// One webhook a partner delivered, as its handler gets it.
public struct WebhookDelivery: Sendable, Equatable {
    /// The partner that sent it (its registry id).
    public let partnerId: String
    /// The partner's `webhook-id`: unique per message, the same on redeliveries.
    public let webhookId: String
    /// The body's `type`, one the partner may send.
    public let type: String
    /// The body's `timestamp`: when the partner says the event happened.
    public let timestamp: Date
    /// The body's `data`, as JSON bytes.
    public let data: Data

    public init(partnerId: String, webhookId: String, type: String, timestamp: Date, data: Data) {
        self.partnerId = partnerId
        self.webhookId = webhookId
        self.type = type
        self.timestamp = timestamp
        self.data = data
    }
}
