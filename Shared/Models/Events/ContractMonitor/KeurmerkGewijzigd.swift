/// A provider's keurmerk changed status (or was first recorded), from the register or from
/// DUO's list of institutions. Enrolment stops placing new cursisten when it is no longer
/// `geldig`.
public struct KeurmerkGewijzigd: DomainEvent {
    public static let eventType = EventType(service: "contract-monitor", name: "keurmerk-gewijzigd", version: 1)

    public var aanbiederId: String
    public var soort: Keurmerk.Soort
    /// The status before, nil when the register held none.
    public var vorigeStatus: Keurmerk.Status?
    /// The keurmerk now, nil when it was taken out of the register.
    public var keurmerk: Keurmerk?

    public init(aanbiederId: String, soort: Keurmerk.Soort, vorigeStatus: Keurmerk.Status?, keurmerk: Keurmerk?) {
        self.aanbiederId = aanbiederId
        self.soort = soort
        self.vorigeStatus = vorigeStatus
        self.keurmerk = keurmerk
    }

    public var subject: String { aanbiederId }
}
