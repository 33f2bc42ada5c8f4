public import Foundation

/// The notifier has delivered a notification (notifier).
public struct NotificatieVerzonden: DomainEvent {
    public static let eventType = EventType(service: "notifier", name: "notificatie-verzonden", version: 1)

    /// How the notification went out.
    public enum Kanaal: String, Codable, Sendable {
        case email
        case webhook
    }

    public var notificatieId: String
    /// The event that caused the notification.
    public var aanleidingEventId: String
    public var kanaal: Kanaal
    public var verzondenOp: Date

    public init(notificatieId: String, aanleidingEventId: String, kanaal: Kanaal, verzondenOp: Date) {
        self.notificatieId = notificatieId
        self.aanleidingEventId = aanleidingEventId
        self.kanaal = kanaal
        self.verzondenOp = verzondenOp
    }

    public var subject: String { notificatieId }
}
