/// A component of the personal plan besides the leerroute itself.
public enum PipOnderdeel: String, Sendable, Hashable, Codable, CaseIterable {
    /// Participatieverklaringstraject: ends with signing the participation statement.
    case pvt
    /// Module arbeidsmarkt en participatie: at least 40 practical hours, ends with an eindgesprek.
    case map
    /// Kennis van de Nederlandse maatschappij: an exam in the B1-route.
    case knm
}
