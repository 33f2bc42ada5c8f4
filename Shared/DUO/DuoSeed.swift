/// What DUO knows of people, by BSN, in DUO's own shapes: the seed file of DUO's simulator
/// (`inburgering-duo-sim serve --seed`), which the demo tool writes.
/// `{"personen": {"123456782": {"inburgeringsplicht": {…}, "doelgroep": {…},
/// "lbtResultaten": […], "inburgeringstermijn": {…}}}}`.
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

    public init(personen: [String: Persoon]) { self.personen = personen }
}
