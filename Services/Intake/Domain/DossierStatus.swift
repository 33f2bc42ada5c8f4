/// Where an inburgeraar's file stands in the intake.
package enum DossierStatus: String, Codable, Sendable, CaseIterable {
    /// COA linked the person to a municipality of the region, or a case worker registered them.
    case gekoppeld
    case uitgenodigd
    case inIntake = "in-intake"
    case afgerond
    /// COA withdrew the koppeling.
    case ingetrokken
    /// DUO corrected the person's plicht: they were placed under the law wrongly.
    case gecorrigeerd

    /// A closed file changes no more; it stays for its history.
    package var isClosed: Bool { self == .afgerond || self == .ingetrokken || self == .gecorrigeerd }
}
