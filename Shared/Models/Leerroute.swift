/// The three learning routes of the Wet inburgering 2021.
public enum Leerroute: String, Sendable, Hashable, Codable, CaseIterable {
    /// The B1-route: B1 in reading, listening, writing and speaking, plus KNM.
    case b1
    /// The onderwijsroute: a taalschakeltraject towards mbo, hbo or wo.
    case onderwijs
    /// The Z-route (zelfredzaamheid): 1,600 hours, for low learnability or literacy.
    case z

    /// DUO's code for the route in its PIP melding (`B`, `O`, `Z`).
    public var duoCode: String {
        switch self {
        case .b1: "B"
        case .onderwijs: "O"
        case .z: "Z"
        }
    }

    /// The components a PIP in this route contains: PVT always, MAP in B1 and Z, KNM in B1.
    public var onderdelen: Set<PipOnderdeel> {
        switch self {
        case .b1: [.pvt, .map, .knm]
        case .onderwijs: [.pvt]
        case .z: [.pvt, .map]
        }
    }
}
