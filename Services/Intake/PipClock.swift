import Models

/// The PIP deadline: 10 weeks after DUO's SS139; until that arrives, provisionally 10 weeks
/// after the koppeling.
enum PipClock {
    static let weeks = 10

    /// The provisional deadline for a koppeling on `koppeldatum`.
    static func provisionalDeadline(koppeldatum: LocalDate) -> LocalDate {
        koppeldatum.adding(days: weeks * 7)
    }
}
