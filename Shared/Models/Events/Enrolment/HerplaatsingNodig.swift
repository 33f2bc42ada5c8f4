/// A provider that holds placements may no longer take new cursisten (its keurmerk is no
/// longer `geldig`) or its contract ended: the contractmanager should re-place its people
/// (`inburgeringctl enrolment replace`), a signal for the notifier (enrolment).
public struct HerplaatsingNodig: DomainEvent {
    public static let eventType = EventType(service: "enrolment", name: "herplaatsing-nodig", version: 1)

    public var aanbiederId: String
    /// Why, in a few words: the keurmerk and its status, or the contract that ended.
    public var aanleiding: String
    /// How many placements it holds now.
    public var plaatsingen: Int

    public init(aanbiederId: String, aanleiding: String, plaatsingen: Int) {
        self.aanbiederId = aanbiederId
        self.aanleiding = aanleiding
        self.plaatsingen = plaatsingen
    }

    public var subject: String { aanbiederId }
}
