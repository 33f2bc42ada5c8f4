/// DUO's answers, with DUO's field names and values as its published APIs have them
/// (docs/duo-interface-notes.md). Dates stay DUO's `YYYY-MM-DD` strings.

/// `GET /personen/{bsn}/inburgeringsplicht`.
public struct DuoInburgeringsplicht: Codable, Sendable, Equatable {
    public var indicatorInburgeringsplicht: Bool
    public var begindatum: String?
    public var einddatum: String?
    /// E.g. `Verblijfsdoel gewijzigd`, `Overlijden`, `Overig`.
    public var redenGeenInburgeringsplicht: String?

    public init(indicatorInburgeringsplicht: Bool, begindatum: String? = nil, einddatum: String? = nil, redenGeenInburgeringsplicht: String? = nil) {
        self.indicatorInburgeringsplicht = indicatorInburgeringsplicht
        self.begindatum = begindatum
        self.einddatum = einddatum
        self.redenGeenInburgeringsplicht = redenGeenInburgeringsplicht
    }
}

/// `GET /personen/{bsn}/doelgroep`.
public struct DuoDoelgroep: Codable, Sendable, Equatable {
    /// `Asielstatushouder` or `Gezinsmigrant en overige migrant`.
    public var indeling: String?
    public var begindatum: String?
    public var gedetailleerdeDoelgroep: String?

    public init(indeling: String?, begindatum: String? = nil, gedetailleerdeDoelgroep: String? = nil) {
        self.indeling = indeling
        self.begindatum = begindatum
        self.gedetailleerdeDoelgroep = gedetailleerdeDoelgroep
    }
}

/// One item of `GET /personen/{bsn}/lbt/resultaten`.
public struct DuoLbtResultaat: Codable, Sendable, Equatable {
    /// `B1-route haalbaar`, `B1-route niet haalbaar` or `Onbekend`.
    public var resultaat: String
    /// A decimal with a comma, e.g. `12,50`.
    public var behaaldeScore: String
    public var benodigdeScore: String
    public var datumAfname: String

    public init(resultaat: String, behaaldeScore: String, benodigdeScore: String, datumAfname: String) {
        self.resultaat = resultaat
        self.behaaldeScore = behaaldeScore
        self.benodigdeScore = benodigdeScore
        self.datumAfname = datumAfname
    }
}

/// `GET /personen/{bsn}/inburgeringstermijn`. Its `einddatum` is exclusive.
public struct DuoInburgeringstermijn: Codable, Sendable, Equatable {
    public var startdatum: String
    public var einddatum: String
    public var verlengingsgrondcode: String?

    public init(startdatum: String, einddatum: String, verlengingsgrondcode: String? = nil) {
        self.startdatum = startdatum
        self.einddatum = einddatum
        self.verlengingsgrondcode = verlengingsgrondcode
    }
}
