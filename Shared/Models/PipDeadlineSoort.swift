/// The deadlines the PIP service watches for a person.
public enum PipDeadlineSoort: String, Sendable, Hashable, Codable, CaseIterable {
    /// The PIP must be fixed (10 weeks after DUO's SS139, or intake's provisional date).
    case pip
    /// A voortgangsgesprek (progress talk) is due, on the region's schedule.
    case voortgangsgesprek
    /// The ontzorgen period set in the PIP ends.
    case ontzorgen
    /// The 18 months within which the route can be switched end.
    case schakelvenster
    /// The inburgeringstermijn ends.
    case termijn
}
