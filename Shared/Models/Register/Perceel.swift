/// A lot (perceel) the region bought: one leerroute, or a part bought apart, for some of its
/// municipalities, held by one or more providers in agreed shares.
public struct Perceel: Sendable, Hashable, Codable {
    /// What the lot buys.
    public enum Soort: String, Sendable, Hashable, Codable, CaseIterable {
        case b1Route = "b1-route"
        /// The onderwijsroute with its taalschakeltraject.
        case onderwijsroute
        case zRoute = "z-route"
        /// The module arbeidsmarkt en participatie, bought apart.
        case map
        /// The participatieverklaringstraject, bought apart.
        case pvt
        /// Literacy courses, bought apart.
        case alfabetisering

        /// The leerroute the lot runs, or nil for a part bought apart.
        public var leerroute: Leerroute? {
            switch self {
            case .b1Route: .b1
            case .onderwijsroute: .onderwijs
            case .zRoute: .z
            case .map, .pvt, .alfabetisering: nil
            }
        }
    }

    /// One provider's share of the lot.
    public struct Aandeel: Sendable, Hashable, Codable {
        public var aanbiederId: String
        /// Percent of the lot's cursisten, 1 to 100; a lot's shares add up to 100.
        public var procent: Int

        public init(aanbiederId: String, procent: Int) {
            self.aanbiederId = aanbiederId
            self.procent = procent
        }
    }

    public var id: String
    public var naam: String
    public var soort: Soort
    /// The municipalities it serves (CBS codes), all of the region.
    public var gemeenten: [GemeenteCode]
    public var aandelen: [Aandeel]

    public init(id: String, naam: String, soort: Soort, gemeenten: [GemeenteCode], aandelen: [Aandeel]) {
        self.id = id
        self.naam = naam
        self.soort = soort
        self.gemeenten = gemeenten
        self.aandelen = aandelen
    }
}
