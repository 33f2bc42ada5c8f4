import DUO
import Foundation
import Synchronization

/// `POST /personen/{bsn}/PIP` as DUO's PIP API 1.2 has it, with DUO's validation rules
/// (docs/duo-interface-notes.md §3): a rule broken is a 403 with an array of `fouttekst`.
struct PipMelding: Codable, Sendable {
    var dagtekeningPip: String
    var leerroute: String
    var niveau: String?
    var geschatteIntensiteitB1Route: Int?
    var indicatorMagOpleidingAfmaken: Bool?
    var indicatorAlfabetiseringsonderwijs: String?

    /// Whether the body is as the API describes (else 400, without a body).
    var isWellFormed: Bool {
        DuoDate.parse(dagtekeningPip) != nil && ["B", "O", "Z"].contains(leerroute) && (niveau.map { ["A2", "B1"].contains($0) } ?? true)
            && (geschatteIntensiteitB1Route.map { (1...9999).contains($0) } ?? true)
            && (indicatorAlfabetiseringsonderwijs.map { ["A", "AA", "NVT"].contains($0) } ?? true)
    }

    /// DUO's rules that this melding breaks, in DUO's words; empty when it may be registered.
    func brokenRules(persoon: DuoSeed.Persoon?, firstPip: Bool) -> [String] {
        var broken: [String] = []
        if niveau == "A2" && leerroute == "O" { broken.append("Niveau A2 is niet toegestaan bij de onderwijsroute.") }
        if niveau == "B1" && leerroute == "Z" { broken.append("Niveau B1 is niet toegestaan bij de Z-route.") }
        if niveau == "A2" && leerroute == "B" && firstPip { broken.append("Een eerste PIP in de B1-route kan niet op niveau A2.") }
        if let begin = persoon?.inburgeringsplicht?.begindatum, dagtekeningPip < begin {
            broken.append("De dagtekening van het PIP ligt voor de start van de inburgeringsplicht.")
        }
        if geschatteIntensiteitB1Route != nil && (leerroute != "B" || persoon?.doelgroep?.indeling != "Asielstatushouder") {
            broken.append("De geschatte intensiteit hoort alleen bij de B1-route van een asielstatushouder.")
        }
        return broken
    }
}

/// `YYYY-MM-DD`, as DUO writes dates.
enum DuoDate {
    static func parse(_ text: String) -> Date? {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd"
        return formatter.date(from: text)
    }
}

/// The PIPs the simulator registered, by BSN.
final class RegisteredPips: Sendable {
    private let pips = Mutex<[String: [PipMelding]]>([:])

    /// The meldingen registered for `bsn`, oldest first.
    func registered(bsn: String) -> [PipMelding] { pips.withLock { $0[bsn, default: []] } }

    /// Registers `melding` unless it breaks a rule; returns the broken rules.
    func register(_ melding: PipMelding, bsn: String, persoon: DuoSeed.Persoon?) -> [String] {
        pips.withLock { pips in
            let broken = melding.brokenRules(persoon: persoon, firstPip: pips[bsn, default: []].isEmpty)
            if broken.isEmpty { pips[bsn, default: []].append(melding) }
            return broken
        }
    }
}
