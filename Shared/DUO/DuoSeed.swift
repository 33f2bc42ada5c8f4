/// What DUO knows of people, by BSN, in DUO's own shapes: the seed file of DUO's simulator
/// (`inburgering-duo-sim serve --seed`), which the demo tool writes.
/// `{"personen": {"123456782": {"inburgeringsplicht": {…}, "doelgroep": {…},
/// "lbtResultaten": […], "inburgeringstermijn": {…}}}, "instellingen": [{…}]}`.
public struct DuoSeed: Codable, Sendable {
    /// What DUO knows of one person; each answer the simulator gives is here or a 404.
    public struct Persoon: Codable, Sendable {
        public var inburgeringsplicht: DuoInburgeringsplicht?
        public var doelgroep: DuoDoelgroep?
        public var lbtResultaten: [DuoLbtResultaat]?
        public var inburgeringstermijn: DuoInburgeringstermijn?

        public init(
            inburgeringsplicht: DuoInburgeringsplicht? = nil, doelgroep: DuoDoelgroep? = nil, lbtResultaten: [DuoLbtResultaat]? = nil,
            inburgeringstermijn: DuoInburgeringstermijn? = nil
        ) {
            self.inburgeringsplicht = inburgeringsplicht
            self.doelgroep = doelgroep
            self.lbtResultaten = lbtResultaten
            self.inburgeringstermijn = inburgeringstermijn
        }
    }

    public var personen: [String: Persoon]
    /// The institutions `GET /instellingen` lists; none when left out.
    public var instellingen: [DuoInstelling]

    public init(personen: [String: Persoon], instellingen: [DuoInstelling] = []) {
        self.personen = personen
        self.instellingen = instellingen
    }

    enum CodingKeys: String, CodingKey { case personen, instellingen }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        personen = try container.decode([String: Persoon].self, forKey: .personen)
        instellingen = try container.decodeIfPresent([DuoInstelling].self, forKey: .instellingen) ?? []
    }
}
