/// Ontzorgen: for asielstatushouders on bijstand, the municipality pays fixed costs from
/// the benefit for at least six months from the start of assistance.
public struct Ontzorgen: Sendable, Hashable, Codable {
    /// A payment the municipality makes on the person's behalf.
    public enum Betaling: String, Sendable, Hashable, Codable, CaseIterable {
        case huur
        case energieEnWater
        case zorgverzekering
    }

    /// The legal minimum duration in months.
    public static let minimumMaanden = 6

    /// The first day of bijstand, from which ontzorgen runs.
    public var startdatum: LocalDate
    /// How long it applies; never less than ``minimumMaanden``.
    public var maanden: Int
    /// Which payments are made.
    public var betalingen: Set<Betaling>

    public init(startdatum: LocalDate, maanden: Int, betalingen: Set<Betaling>) {
        self.startdatum = startdatum
        self.maanden = maanden
        self.betalingen = betalingen
    }
}
