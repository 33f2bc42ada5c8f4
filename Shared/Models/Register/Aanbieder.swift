/// A provider (aanbieder): a language school or college that runs leerroutes under contract.
public struct Aanbieder: Sendable, Hashable, Codable {
    /// Our id for the provider, e.g. `nltraining`: the same string is its webhook partner id
    /// and the scope of its `aanbieder(…)` tokens.
    public var id: String
    public var naam: String
    /// DUO's number for the institution (`instellingsnummer`, 10 characters); DUO must know it.
    public var instellingsnummer: String
    /// The Blik op Werk number (DUO's `bow`, 1 to 10 digits).
    public var bowNummer: String?
    /// The institution's BRIN, where it has one (a school or college).
    public var brin: String?
    /// Whom the region writes to about reports and figures.
    public var contact: Contact
    /// The Blik op Werk keurmerk, required for B1- and Z-route courses for statushouders.
    public var bowKeurmerk: Keurmerk?
    /// The TST keurmerk, which admits the onderwijsroute's taalschakeltraject.
    public var tstKeurmerk: Keurmerk?

    /// The provider's contact for reports: a role address, not a private one.
    public struct Contact: Sendable, Hashable, Codable {
        public var naam: String
        public var email: String
        public var telefoon: String?

        public init(naam: String, email: String, telefoon: String? = nil) {
            self.naam = naam
            self.email = email
            self.telefoon = telefoon
        }
    }

    public init(
        id: String, naam: String, instellingsnummer: String, bowNummer: String? = nil, brin: String? = nil, contact: Contact,
        bowKeurmerk: Keurmerk? = nil, tstKeurmerk: Keurmerk? = nil
    ) {
        self.id = id
        self.naam = naam
        self.instellingsnummer = instellingsnummer
        self.bowNummer = bowNummer
        self.brin = brin
        self.contact = contact
        self.bowKeurmerk = bowKeurmerk
        self.tstKeurmerk = tstKeurmerk
    }

    /// The keurmerk of `soort`, when the register holds one.
    public func keurmerk(_ soort: Keurmerk.Soort) -> Keurmerk? {
        switch soort {
        case .bow: bowKeurmerk
        case .tst: tstKeurmerk
        }
    }

    /// Sets the keurmerk of `soort`.
    public mutating func setKeurmerk(_ soort: Keurmerk.Soort, _ keurmerk: Keurmerk?) {
        switch soort {
        case .bow: bowKeurmerk = keurmerk
        case .tst: tstKeurmerk = keurmerk
        }
    }

    /// Whether new cursisten in `route` may be placed here on `date`: the B1- and Z-route need
    /// a valid Blik op Werk keurmerk; the onderwijsroute that or a valid TST keurmerk (DUO's
    /// rule for an Inburgeringsaanbod).
    public func magPlaatsen(_ route: Leerroute, op date: LocalDate) -> Bool {
        let bow = bowKeurmerk?.laatToe(op: date) ?? false
        return route == .onderwijs ? bow || (tstKeurmerk?.laatToe(op: date) ?? false) : bow
    }
}
