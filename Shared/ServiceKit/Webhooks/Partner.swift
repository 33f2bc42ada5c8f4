public import Foundation

/// An organisation that pushes webhooks to a service (COA to intake, a provider to
/// enrolment), as the service's ``PartnerRegistry`` knows it.
public struct Partner: Sendable, Equatable, Identifiable {
    /// The id in the webhook URL (`/api/v1/webhooks/{id}`): lowercase letters, digits and dashes.
    public let id: String
    /// Who the partner is, for operators, e.g. `COA` or `NLtraining B.V.`.
    public let name: String
    /// The event types this partner may send; others are refused with 400.
    public let eventTypes: [String]
    /// A disabled partner's webhooks are refused with 401 until it is enabled again.
    public let active: Bool
    /// When the partner was added.
    public let createdAt: Date
    /// The secrets its signatures may use, newest first: one, or two after a rotation.
    public let secrets: [WebhookSecret]
    /// Where the service sends the partner its own webhooks (``OutgoingWebhook``), if anywhere.
    public let deliveryURL: String?

    /// Makes a partner value; ``PartnerRegistry`` is what creates partners for real.
    public init(
        id: String, name: String, eventTypes: [String], active: Bool, createdAt: Date, secrets: [WebhookSecret], deliveryURL: String? = nil
    ) {
        self.id = id
        self.name = name
        self.eventTypes = eventTypes
        self.active = active
        self.createdAt = createdAt
        self.secrets = secrets
        self.deliveryURL = deliveryURL
    }
}
