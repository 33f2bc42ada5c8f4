package import Models

/// The clocks of a PIP: the inburgeringstermijn runs 3 years from the day after the first
/// PIP's dagtekening (later versions do not move it).
package enum PipTermijn {
    /// The first day of the term for a first PIP dated `dagtekening`.
    package static func start(dagtekening: LocalDate) -> LocalDate { dagtekening.adding(days: 1) }

    /// The last day of the term: the day before its third anniversary (the end of February
    /// for a term starting on 29 February).
    package static func lastDay(dagtekening: LocalDate) -> LocalDate { start(dagtekening: dagtekening).lastDay(ofMonths: 36) }

    /// The hours a route takes when the case worker sets none: Z-route 1,600 (800 language
    /// + 800 participation), onderwijsroute 1,500 (about 1,000 + 500); the B1-route's hours
    /// are set per person.
    package static func defaultHours(_ route: Leerroute) -> Int? {
        switch route {
        case .z: 1600
        case .onderwijs: 1500
        case .b1: nil
        }
    }
}
