package import Models

/// When the PIP service signals a deadline: at a lead time before it (`deadline-nadert`)
/// and on the day after it (`deadline-verstreken`). Pure; the store keeps the schedule.
package enum PipSchedule {
    /// One signal to send on `fireOn`.
    package struct Signaal: Equatable, Sendable {
        package var soort: PipDeadlineSoort
        package var deadline: LocalDate
        /// The lead time as an ISO 8601 period (`P14D`, `P1M`, `P3M`, `P6M`), or ``verstreken``.
        package var moment: String
        package var fireOn: LocalDate
    }

    /// The moment of the signal sent the day after a deadline.
    package static let verstreken = "verstreken"

    /// The lead times of each kind of deadline: two weeks for the PIP and a voortgangsgesprek,
    /// a month for the end of ontzorgen and of the schakel window, six and three months for
    /// the end of the term.
    package static func leadTimes(_ soort: PipDeadlineSoort) -> [(period: String, months: Int, days: Int)] {
        switch soort {
        case .pip, .voortgangsgesprek: [("P14D", 0, 14)]
        case .ontzorgen, .schakelvenster: [("P1M", 1, 0)]
        case .termijn: [("P6M", 6, 0), ("P3M", 3, 0)]
        }
    }

    /// The signals of one deadline.
    package static func signalen(_ soort: PipDeadlineSoort, deadline: LocalDate) -> [Signaal] {
        leadTimes(soort).map { lead in
            Signaal(soort: soort, deadline: deadline, moment: lead.period, fireOn: deadline.adding(months: -lead.months).adding(days: -lead.days))
        } + [Signaal(soort: soort, deadline: deadline, moment: verstreken, fireOn: deadline.adding(days: 1))]
    }

    /// The voortgangsgesprekken: every `maanden` months from the first dagtekening, within the term.
    package static func voortgangsgesprekken(dagtekening: LocalDate, termijnEinde: LocalDate, maanden: Int) -> [LocalDate] {
        guard maanden > 0 else { return [] }
        return (1...).lazy.map { dagtekening.adding(months: $0 * maanden) }.prefix { $0 <= termijnEinde }.map { $0 }
    }

    /// The deadlines a fixed PIP has, by kind.
    package static func deadlines(dagtekening: LocalDate, termijnEinde: LocalDate, ontzorgen: Ontzorgen?, voortgangsgesprekMaanden: Int)
        -> [PipDeadlineSoort: [LocalDate]]
    {
        var deadlines: [PipDeadlineSoort: [LocalDate]] = [
            .voortgangsgesprek: voortgangsgesprekken(dagtekening: dagtekening, termijnEinde: termijnEinde, maanden: voortgangsgesprekMaanden),
            .schakelvenster: [PipTermijn.start(dagtekening: dagtekening).adding(months: PipWijziging.schakelMaanden)],
            .termijn: [termijnEinde],
        ]
        if let ontzorgen { deadlines[.ontzorgen] = [ontzorgen.laatsteDag] }
        return deadlines
    }
}

extension Ontzorgen {
    /// The last day ontzorgen applies.
    package var laatsteDag: LocalDate { startdatum.lastDay(ofMonths: maanden) }
}
