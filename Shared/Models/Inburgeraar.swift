/// What every service may know of an inburgeraar: the internal id, the group and the
/// municipality that has the regie. Name, BSN and health stay with the intake service.
public struct Inburgeraar: Sendable, Hashable, Codable {
    public var id: InburgeraarID
    public var doelgroep: Doelgroep
    public var gemeente: GemeenteCode

    public init(id: InburgeraarID, doelgroep: Doelgroep, gemeente: GemeenteCode) {
        self.id = id
        self.doelgroep = doelgroep
        self.gemeente = gemeente
    }
}
