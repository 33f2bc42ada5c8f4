/// The person did not come to an invited conversation (intake). After the first, the law
/// asks for a written warning and a new invitation; after the second, a fine of €250 is
/// for the case worker to decide on.
public struct NoShowGeregistreerd: DomainEvent {
    public static let eventType = EventType(service: "intake", name: "no-show", version: 1)

    /// What follows from this no-show.
    public enum Gevolg: String, Codable, Sendable, CaseIterable {
        case waarschuwing
        case boeteSignaal = "boete-signaal"
    }

    public var inburgeraarId: InburgeraarID
    public var gemeente: GemeenteCode
    /// The invitation the person missed.
    public var uitnodigingNummer: Int
    /// How many invitations the person has missed in all.
    public var aantalNoShows: Int
    public var gevolg: Gevolg

    public init(inburgeraarId: InburgeraarID, gemeente: GemeenteCode, uitnodigingNummer: Int, aantalNoShows: Int, gevolg: Gevolg) {
        self.inburgeraarId = inburgeraarId
        self.gemeente = gemeente
        self.uitnodigingNummer = uitnodigingNummer
        self.aantalNoShows = aantalNoShows
        self.gevolg = gevolg
    }

    public var subject: String { inburgeraarId.description }
}
