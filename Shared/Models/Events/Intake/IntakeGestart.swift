public import Foundation

/// The brede intake has begun: the person came to the first conversation, or the first
/// part was recorded (intake).
public struct IntakeGestart: DomainEvent {
    public static let eventType = EventType(service: "intake", name: "gestart", version: 1)

    public var inburgeraarId: InburgeraarID
    public var gemeente: GemeenteCode
    public var gestartOp: Date

    public init(inburgeraarId: InburgeraarID, gemeente: GemeenteCode, gestartOp: Date) {
        self.inburgeraarId = inburgeraarId
        self.gemeente = gemeente
        self.gestartOp = gestartOp
    }

    public var subject: String { inburgeraarId.description }
}
