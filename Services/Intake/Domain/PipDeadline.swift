package import Models

/// Intake's PIP deadline: the law gives the municipality 10 weeks to fix the PIP, from DUO's
/// SS139 (the start of the 10 weeks); until that signal arrives, intake counts provisionally
/// from the koppeling or the registration in the municipality.
package enum PipDeadline {
    /// The weeks the law gives.
    package static let weeks = 10

    /// The deadline for 10 weeks that started on `start`.
    package static func deadline(from start: LocalDate) -> LocalDate {
        start.adding(days: weeks * 7)
    }
}
