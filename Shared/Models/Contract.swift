/// A contract for one perceel with one or more providers bidding together.
public struct Contract: Sendable, Hashable, Codable {
    public var id: String
    public var perceelId: String
    public var aanbiederIds: [String]
    public var startdatum: LocalDate
    public var einddatum: LocalDate
    /// Price per traject in euro cents.
    public var prijsPerTrajectCent: Int
    /// How many people the providers take at most at one time.
    public var capaciteit: Int

    public init(
        id: String, perceelId: String, aanbiederIds: [String], startdatum: LocalDate, einddatum: LocalDate,
        prijsPerTrajectCent: Int, capaciteit: Int
    ) {
        self.id = id
        self.perceelId = perceelId
        self.aanbiederIds = aanbiederIds
        self.startdatum = startdatum
        self.einddatum = einddatum
        self.prijsPerTrajectCent = prijsPerTrajectCent
        self.capaciteit = capaciteit
    }

    /// Whether the contract runs on `date` (both ends included).
    public func loopt(op date: LocalDate) -> Bool { startdatum <= date && date <= einddatum }
}
