/// A lot (perceel) the region buys, usually one per leerroute, sometimes MAP separately.
public struct Perceel: Sendable, Hashable, Codable {
    public var id: String
    public var naam: String
    /// The route the lot covers; `nil` for a lot that buys a component such as MAP alone.
    public var leerroute: Leerroute?
    /// Components bought in this lot.
    public var onderdelen: Set<PipOnderdeel>

    public init(id: String, naam: String, leerroute: Leerroute?, onderdelen: Set<PipOnderdeel>) {
        self.id = id
        self.naam = naam
        self.leerroute = leerroute
        self.onderdelen = onderdelen
    }
}
