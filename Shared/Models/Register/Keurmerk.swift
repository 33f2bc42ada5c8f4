/// A provider's keurmerk as the register holds it: not a yes or no, but a status with the day
/// it took effect, the day it runs out and where the register learnt it. Placement asks
/// ``laatToe(op:)``: only a `geldig` keurmerk admits new cursisten; those placed under a
/// `geschorst` one may stay (DOMAIN.md).
public struct Keurmerk: Sendable, Hashable, Codable {
    /// Which keurmerk: Blik op Werk's, or the TST keurmerk for the onderwijsroute's taalschakeltraject.
    public enum Soort: String, Sendable, Hashable, Codable, CaseIterable {
        /// The Blik op Werk keurmerk (DUO's `indicatieBowKeurmerk`).
        case bow
        /// The keurmerk for taalschakeltrajecten (DUO's `indicatieTstKeurmerk`).
        case tst
    }

    /// Where the keurmerk stands.
    public enum Status: String, Sendable, Hashable, Codable, CaseIterable {
        /// Held: new cursisten may be placed.
        case geldig
        /// Suspended: no new cursisten; those placed may stay.
        case geschorst
        /// Withdrawn by the keurmerk's owner.
        case ingetrokken
        /// Ran out and was not renewed.
        case verlopen
    }

    /// Who set this status.
    public enum Bron: String, Sendable, Hashable, Codable, CaseIterable {
        /// A contractmanager, through the API or an import.
        case register
        /// DUO's list of institutions (`GET /instellingen`).
        case duo
    }

    public var status: Status
    /// The day this status took effect.
    public var ingangsdatum: LocalDate
    /// The last day a `geldig` keurmerk holds, when known.
    public var vervaldatum: LocalDate?
    public var bron: Bron
    /// Why, in a few words (never personal data).
    public var toelichting: String?

    public init(status: Status, ingangsdatum: LocalDate, vervaldatum: LocalDate? = nil, bron: Bron = .register, toelichting: String? = nil) {
        self.status = status
        self.ingangsdatum = ingangsdatum
        self.vervaldatum = vervaldatum
        self.bron = bron
        self.toelichting = toelichting
    }

    /// Whether new cursisten may be placed under this keurmerk on `date`.
    public func laatToe(op date: LocalDate) -> Bool {
        status == .geldig && ingangsdatum <= date && vervaldatum.map { date <= $0 } ?? true
    }
}
