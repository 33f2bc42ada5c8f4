/// A contract for one perceel with one provider: its period and extension options, its
/// price, its capacity and instroommomenten, and the norms agreed.
public struct Contract: Sendable, Hashable, Codable {
    /// How the price is counted.
    public enum Prijseenheid: String, Sendable, Hashable, Codable, CaseIterable {
        case traject
        case uur
    }

    /// The price per ``Prijseenheid``, in euro cents.
    public struct Prijs: Sendable, Hashable, Codable {
        public var eenheid: Prijseenheid
        public var bedragCent: Int

        public init(eenheid: Prijseenheid, bedragCent: Int) {
            self.eenheid = eenheid
            self.bedragCent = bedragCent
        }
    }

    /// How many cursisten the provider takes at most in a period.
    public struct Capaciteit: Sendable, Hashable, Codable {
        public var van: LocalDate
        public var tot: LocalDate
        public var plaatsen: Int

        public init(van: LocalDate, tot: LocalDate, plaatsen: Int) {
            self.van = van
            self.tot = tot
            self.plaatsen = plaatsen
        }
    }

    /// A day on which a group starts, with its seats.
    public struct Instroommoment: Sendable, Hashable, Codable {
        public var datum: LocalDate
        public var plaatsen: Int

        public init(datum: LocalDate, plaatsen: Int) {
            self.datum = datum
            self.plaatsen = plaatsen
        }
    }

    /// The contract was ended before or at its last day.
    public struct Beeindiging: Sendable, Hashable, Codable {
        /// The contract's last day.
        public var datum: LocalDate
        public var reden: String

        public init(datum: LocalDate, reden: String) {
            self.datum = datum
            self.reden = reden
        }
    }

    public var id: String
    public var perceelId: String
    public var aanbiederId: String
    /// The first day.
    public var startdatum: LocalDate
    /// The last day, without extensions.
    public var einddatum: LocalDate
    /// The last days the region may extend it to, in order.
    public var verlengingen: [LocalDate]
    public var prijs: Prijs
    public var capaciteit: [Capaciteit]
    public var instroommomenten: [Instroommoment]
    public var normen: Contractnormen
    public var beeindiging: Beeindiging?

    public init(
        id: String, perceelId: String, aanbiederId: String, startdatum: LocalDate, einddatum: LocalDate, verlengingen: [LocalDate] = [],
        prijs: Prijs, capaciteit: [Capaciteit], instroommomenten: [Instroommoment], normen: Contractnormen, beeindiging: Beeindiging? = nil
    ) {
        self.id = id
        self.perceelId = perceelId
        self.aanbiederId = aanbiederId
        self.startdatum = startdatum
        self.einddatum = einddatum
        self.verlengingen = verlengingen
        self.prijs = prijs
        self.capaciteit = capaciteit
        self.instroommomenten = instroommomenten
        self.normen = normen
        self.beeindiging = beeindiging
    }

    /// Whether the contract runs on `date`: from its first day to its last, or to the day it was ended.
    public func loopt(op date: LocalDate) -> Bool {
        startdatum <= date && date <= min(einddatum, beeindiging?.datum ?? einddatum)
    }
}
