/// One item of DUO's `GET /instellingen`: an institution that may give an Inburgeringsaanbod,
/// with DUO's field names (docs/duo-interface-notes.md §3).
public struct DuoInstelling: Codable, Sendable, Equatable {
    /// DUO's number for the institution, exactly 10 characters.
    public var instellingsnummer: String
    public var naam: String
    public var postcode: String
    public var huisnummer: String
    public var huisnummertoevoeging: String?
    public var plaatsnaam: String
    /// The Blik op Werk number, `^\d{1,10}$`.
    public var bow: String?
    public var brin: String?
    /// Whether the institution holds the Blik op Werk keurmerk.
    public var indicatieBowKeurmerk: Bool?
    /// Whether it holds the keurmerk for taalschakeltrajecten (onderwijsroute).
    public var indicatieTstKeurmerk: Bool?

    public init(
        instellingsnummer: String, naam: String, postcode: String, huisnummer: String, huisnummertoevoeging: String? = nil, plaatsnaam: String,
        bow: String? = nil, brin: String? = nil, indicatieBowKeurmerk: Bool? = nil, indicatieTstKeurmerk: Bool? = nil
    ) {
        self.instellingsnummer = instellingsnummer
        self.naam = naam
        self.postcode = postcode
        self.huisnummer = huisnummer
        self.huisnummertoevoeging = huisnummertoevoeging
        self.plaatsnaam = plaatsnaam
        self.bow = bow
        self.brin = brin
        self.indicatieBowKeurmerk = indicatieBowKeurmerk
        self.indicatieTstKeurmerk = indicatieTstKeurmerk
    }
}
