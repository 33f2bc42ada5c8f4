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
    /// The BSN, for the consumers that tell DUO (pip's PIP, enrolment's Inburgeringsaanbod)
    /// and the provider that places the person; they keep it sealed or for DUO alone.
    public var bsn: BSN?
    /// The person's name, for the provider that places them (enrolment shows it to that
    /// provider alone, audited). Absent from intakes completed before it was carried.
    public var naam: String?

    public init(
        inburgeraarId: InburgeraarID, gemeente: GemeenteCode, doelgroep: Doelgroep, afgerondOp: Date, samenvatting: Samenvatting, bsn: BSN? = nil,
        naam: String? = nil
    ) {
        self.inburgeraarId = inburgeraarId
        self.gemeente = gemeente
        self.doelgroep = doelgroep
        self.afgerondOp = afgerondOp
        self.samenvatting = samenvatting
        self.bsn = bsn
        self.naam = naam
    }

    public var subject: String { inburgeraarId.description }
}
