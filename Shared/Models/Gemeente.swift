/// A municipality (gemeente): it has the regie over the inburgeraars registered there.
public struct Gemeente: Sendable, Hashable, Codable {
    /// The CBS code, e.g. `GM0193`.
    public var code: GemeenteCode
    /// The name as users know it, e.g. `Zwolle`.
    public var naam: String

    public init(code: GemeenteCode, naam: String) {
        self.code = code
        self.naam = naam
    }
}
