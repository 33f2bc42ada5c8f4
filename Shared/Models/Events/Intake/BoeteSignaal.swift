/// A second missed invitation: the case worker decides on a fine (intake).
public struct BoeteSignaal: DomainEvent {
    public static let eventType = EventType(service: "intake", name: "boete-signaal", version: 1)
    /// The fine the law sets for not coming to the brede intake twice, in euros.
    public static let bedragEuro = 250

    public var inburgeraarId: InburgeraarID
    public var gemeente: GemeenteCode
    public var bedragEuro: Int

    public init(inburgeraarId: InburgeraarID, gemeente: GemeenteCode, bedragEuro: Int = BoeteSignaal.bedragEuro) {
        self.inburgeraarId = inburgeraarId
        self.gemeente = gemeente
        self.bedragEuro = bedragEuro
    }

    public var subject: String { inburgeraarId.description }
}
