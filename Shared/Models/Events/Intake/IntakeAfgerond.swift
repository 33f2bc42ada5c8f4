public import Foundation

/// The brede intake is complete (intake). Carries the non-health summary the PIP needs.
public struct IntakeAfgerond: DomainEvent {
    public static let eventType = EventType(service: "intake", name: "afgerond", version: 1)

    /// What the PIP service needs of the intake; never health data.
    public struct Samenvatting: Codable, Sendable, Equatable {
        /// Highest education completed, in the region's terms (e.g. `geen`, `basis`, `vo`, `mbo`, `hbo`, `wo`).
        public var opleidingsniveau: String
        public var werkervaringJaren: Int
        public var taalniveau: Taalniveau
        /// The leerbaarheidstoets score, when DUO has reported one.
        public var leerbaarheidsscore: Int?
        public var hoofddoel: Hoofddoel
        /// Age in whole years at the end of the intake.
        public var leeftijd: Int
        /// People in the household, the inburgeraar included.
        public var huishoudenGrootte: Int

        public init(
            opleidingsniveau: String, werkervaringJaren: Int, taalniveau: Taalniveau, leerbaarheidsscore: Int?,
            hoofddoel: Hoofddoel, leeftijd: Int, huishoudenGrootte: Int
        ) {
            self.opleidingsniveau = opleidingsniveau
            self.werkervaringJaren = werkervaringJaren
            self.taalniveau = taalniveau
            self.leerbaarheidsscore = leerbaarheidsscore
            self.hoofddoel = hoofddoel
            self.leeftijd = leeftijd
            self.huishoudenGrootte = huishoudenGrootte
        }
    }

    public var inburgeraarId: InburgeraarID
    public var gemeente: GemeenteCode
    public var doelgroep: Doelgroep
    public var afgerondOp: Date
    public var samenvatting: Samenvatting
    /// The BSN, for the one consumer that needs it: the PIP service reports the PIP to DUO,
    /// which knows people by BSN. Others must not keep it.
    public var bsn: BSN?

    public init(
        inburgeraarId: InburgeraarID, gemeente: GemeenteCode, doelgroep: Doelgroep, afgerondOp: Date, samenvatting: Samenvatting, bsn: BSN? = nil
    ) {
        self.inburgeraarId = inburgeraarId
        self.gemeente = gemeente
        self.doelgroep = doelgroep
        self.afgerondOp = afgerondOp
        self.samenvatting = samenvatting
        self.bsn = bsn
    }

    public var subject: String { inburgeraarId.description }
}
