/// DUO corrected the person's plicht (withdrawn, not applicable, died): the file is closed
/// as gecorrigeerd, traceably (intake).
public struct DossierGecorrigeerd: DomainEvent {
    public static let eventType = EventType(service: "intake", name: "gecorrigeerd", version: 1)

    public var inburgeraarId: InburgeraarID
    public var gemeente: GemeenteCode
    /// DUO's reason, as DUO words it (e.g. `Verblijfsdoel gewijzigd`), if it gave one.
    public var reden: String?

    public init(inburgeraarId: InburgeraarID, gemeente: GemeenteCode, reden: String?) {
        self.inburgeraarId = inburgeraarId
        self.gemeente = gemeente
        self.reden = reden
    }

    public var subject: String { inburgeraarId.description }
}
