/// A region's whole contract register, as one document: what `inburgeringctl contracts
/// export` writes (as YAML) and `contracts import` reads (docs/contracts.md).
public struct Register: Sendable, Hashable, Codable {
    /// The municipalities taking part, with the names their people know.
    public var gemeenten: [Gemeente]
    public var aanbieders: [Aanbieder]
    public var percelen: [Perceel]
    public var contracten: [Contract]

    public init(gemeenten: [Gemeente] = [], aanbieders: [Aanbieder] = [], percelen: [Perceel] = [], contracten: [Contract] = []) {
        self.gemeenten = gemeenten
        self.aanbieders = aanbieders
        self.percelen = percelen
        self.contracten = contracten
    }
}
