/// The person was invited to an intake conversation (intake).
public struct UitnodigingVerstuurd: DomainEvent {
    public static let eventType = EventType(service: "intake", name: "uitnodiging-verstuurd", version: 1)

    public var inburgeraarId: InburgeraarID
    public var gemeente: GemeenteCode
    /// 1 for the first invitation, 2 for the second (after a no-show), and so on.
    public var nummer: Int
    /// The day of the conversation.
    public var datum: LocalDate

    public init(inburgeraarId: InburgeraarID, gemeente: GemeenteCode, nummer: Int, datum: LocalDate) {
        self.inburgeraarId = inburgeraarId
        self.gemeente = gemeente
        self.nummer = nummer
        self.datum = datum
    }

    public var subject: String { inburgeraarId.description }
}
