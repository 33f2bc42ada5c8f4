public import Foundation

/// One webhook a partner sent and what became of it, for operators answering "did our
/// message arrive?". Holds ids and reasons only, never the body.
public struct PartnerLogEntry: Sendable, Equatable, Codable {
    /// What became of the webhook.
    public enum Outcome: String, Sendable, Codable {
        /// Verified and taken in (202).
        case accepted
        /// A redelivery of a `webhook-id` already accepted (202, nothing changed).
        case duplicate
        /// Refused after the partner was known (400, 401); ``PartnerLogEntry/reason`` says
        /// why. Bodies over the limit (413) or not JSON (415) are refused before that and
        /// appear only in the service's log.
        case rejected
    }

    /// When the webhook arrived.
    public let at: Date
    /// The partner the webhook was addressed to.
    public let partnerId: String
    /// The `webhook-id` header, when there was one.
    public let webhookId: String?
    /// The body's `type`, when it could be read.
    public let eventType: String?
    /// What became of it.
    public let outcome: Outcome
    /// Why it was rejected, as told to the partner; never personal data.
    public let reason: String?

    /// Makes an entry; pass `reason` for a rejection.
    public init(at: Date, partnerId: String, webhookId: String? = nil, eventType: String? = nil, outcome: Outcome, reason: String? = nil) {
        self.at = at
        self.partnerId = partnerId
        self.webhookId = webhookId
        self.eventType = eventType
        self.outcome = outcome
        self.reason = reason
    }
}
