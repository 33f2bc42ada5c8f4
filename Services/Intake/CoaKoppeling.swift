import Foundation
import Models
import ServiceKit

/// The `data` of COA's `coa.koppeling.aangemaakt` and `coa.koppeling.gewijzigd` webhooks:
/// the person, the household members who come along, the municipality and the date.
/// docs/intake.md documents it for COA.
struct CoaKoppeling: Decodable, Sendable {
    struct Persoon: Decodable, Sendable {
        var bsn: BSN
        var vNummer: String?
        var naam: String
        var geboortedatum: LocalDate
        var nationaliteit: String?
        var talen: [String]?
    }

    /// A household member who comes along to the municipality.
    struct Gezinslid: Codable, Sendable, Equatable {
        enum Relatie: String, Codable, Sendable {
            case partner, kind, overig
        }

        var bsn: BSN?
        var naam: String
        var geboortedatum: LocalDate
        var relatie: Relatie
    }

    /// COA's own id of the koppeling, which corrections and withdrawals refer to.
    var koppelingId: String
    var persoon: Persoon
    var gezinsleden: [Gezinslid]?
    var gemeente: GemeenteCode
    var koppeldatum: LocalDate
    var azc: String?

    /// What the decoder cannot check: the municipality belongs to the region, dates are
    /// not in the future, ids and names are of sane length. Names the field and why.
    func problem(gemeenten: [GemeenteCode], today: LocalDate) -> ProblemDetails.InvalidParam? {
        if !(1...64).contains(koppelingId.count) { return .init(name: "koppelingId", reason: "must be 1 to 64 characters") }
        if !gemeenten.contains(gemeente) { return .init(name: "gemeente", reason: "is not a municipality of this region") }
        if koppeldatum > today { return .init(name: "koppeldatum", reason: "lies in the future") }
        if persoon.geboortedatum > today { return .init(name: "persoon.geboortedatum", reason: "lies in the future") }
        if !(1...200).contains(persoon.naam.count) { return .init(name: "persoon.naam", reason: "must be 1 to 200 characters") }
        for (index, lid) in (gezinsleden ?? []).enumerated() where lid.geboortedatum > today {
            return .init(name: "gezinsleden[\(index)].geboortedatum", reason: "lies in the future")
        }
        return nil
    }
}

/// The `data` of COA's `coa.koppeling.ingetrokken` webhook.
struct CoaIntrekking: Decodable, Sendable {
    var koppelingId: String
    /// COA's reason, kept in the file's history only.
    var reden: String?

    func problem() -> ProblemDetails.InvalidParam? {
        (1...64).contains(koppelingId.count) ? nil : .init(name: "koppelingId", reason: "must be 1 to 64 characters")
    }
}
