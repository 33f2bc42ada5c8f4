/// A provider reported on a placement for a month: the figures contract monitoring counts
/// (hours, verzuim, progress, uitval, completion). No BSN and no free text (enrolment).
public struct RapportageOntvangen: DomainEvent {
    public static let eventType = EventType(service: "enrolment", name: "rapportage-ontvangen", version: 1)

    public var plaatsingId: String
    public var inburgeraarId: InburgeraarID
    public var aanbiederId: String
    public var contractId: String?
    public var perceelId: String?
    /// The month reported, `yyyy-MM`.
    public var periode: String
    public var urenIngekocht: Int?
    public var urenGevolgd: Int
    public var verzuimGeoorloofd: Int
    public var verzuimOngeoorloofd: Int
    public var voortgangLezen: Taalniveau?
    public var voortgangLuisteren: Taalniveau?
    public var voortgangSchrijven: Taalniveau?
    public var voortgangSpreken: Taalniveau?
    /// Whether the person dropped out (the reason stays with enrolment).
    public var uitgevallen: Bool
    public var afgerond: LocalDate?

    public init(
        plaatsingId: String, inburgeraarId: InburgeraarID, aanbiederId: String, contractId: String?, perceelId: String?, periode: String, urenIngekocht: Int?,
        urenGevolgd: Int, verzuimGeoorloofd: Int, verzuimOngeoorloofd: Int, voortgangLezen: Taalniveau?, voortgangLuisteren: Taalniveau?,
        voortgangSchrijven: Taalniveau?, voortgangSpreken: Taalniveau?, uitgevallen: Bool, afgerond: LocalDate?
    ) {
        self.plaatsingId = plaatsingId
        self.inburgeraarId = inburgeraarId
        self.aanbiederId = aanbiederId
        self.contractId = contractId
        self.perceelId = perceelId
        self.periode = periode
        self.urenIngekocht = urenIngekocht
        self.urenGevolgd = urenGevolgd
        self.verzuimGeoorloofd = verzuimGeoorloofd
        self.verzuimOngeoorloofd = verzuimOngeoorloofd
        self.voortgangLezen = voortgangLezen
        self.voortgangLuisteren = voortgangLuisteren
        self.voortgangSchrijven = voortgangSchrijven
        self.voortgangSpreken = voortgangSpreken
        self.uitgevallen = uitgevallen
        self.afgerond = afgerond
    }

    public var subject: String { inburgeraarId.description }
}
