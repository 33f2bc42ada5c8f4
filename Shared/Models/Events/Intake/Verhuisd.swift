/// The person moved to another municipality of the region; their file moved with them (intake).
public struct Verhuisd: DomainEvent {
    public static let eventType = EventType(service: "intake", name: "verhuisd", version: 1)

    public var inburgeraarId: InburgeraarID
    public var vanGemeente: GemeenteCode
    public var naarGemeente: GemeenteCode

    public init(inburgeraarId: InburgeraarID, vanGemeente: GemeenteCode, naarGemeente: GemeenteCode) {
        self.inburgeraarId = inburgeraarId
        self.vanGemeente = vanGemeente
        self.naarGemeente = naarGemeente
    }

    public var subject: String { inburgeraarId.description }
}
