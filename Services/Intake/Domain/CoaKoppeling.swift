import Foundation
package import Models

/// The `data` of COA's `coa.koppeling.aangemaakt` and `coa.koppeling.gewijzigd` webhooks:
/// the person, the household members who come along, the municipality and the date.
/// docs/intake.md documents it for COA.
package struct CoaKoppeling: Decodable, Sendable {
    package struct Persoon: Decodable, Sendable {
        package var bsn: BSN
        package var vNummer: String?
        package var naam: String
        package var geboortedatum: LocalDate
        package var nationaliteit: String?
        package var talen: [String]?
    }

    /// A household member who comes along to the municipality.
    package struct Gezinslid: Codable, Sendable, Equatable {
        package enum Relatie: String, Codable, Sendable {
            case partner, kind, overig
        }

        package var bsn: BSN?
        package var naam: String
        package var geboortedatum: LocalDate
        package var relatie: Relatie
    }

    /// COA's own id of the koppeling, which corrections and withdrawals refer to.
    package var koppelingId: String
    package var persoon: Persoon
    package var gezinsleden: [Gezinslid]?
    package var gemeente: GemeenteCode
    package var koppeldatum: LocalDate
    package var azc: String?

    /// What the decoder cannot check: the municipality belongs to the region, dates are
    /// not in the future, ids and names are of sane length. Names the field and why.
    package func problem(gemeenten: [GemeenteCode], today: LocalDate) -> DomainError.FieldProblem? {
        if !(1...64).contains(koppelingId.count) { return .init(name: "koppelingId", reason: "must be 1 to 64 characters") }
        if !gemeenten.contains(gemeente) { return .init(name: "gemeente", reason: "is not a municipality of this region") }
        if koppeldatum > today { return .init(name: "koppeldatum", reason: "lies in the future") }
        if persoon.geboortedatum > today { return .init(name: "persoon.geboortedatum", reason: "lies in the future") }
        if !(1...200).contains(persoon.naam.trimmingCharacters(in: .whitespaces).count) {
            return .init(name: "persoon.naam", reason: "must be 1 to 200 characters")
        }
        if let vNummer = persoon.vNummer, vNummer.range(of: "^[0-9]{1,10}$", options: .regularExpression) == nil {
            return .init(name: "persoon.vNummer", reason: "must be 1 to 10 digits")
        }
        if let nationaliteit = persoon.nationaliteit, !(1...50).contains(nationaliteit.count) {
            return .init(name: "persoon.nationaliteit", reason: "must be 1 to 50 characters")
        }
        if let talen = persoon.talen, talen.count > 20 || talen.contains(where: { !(1...50).contains($0.count) }) {
            return .init(name: "persoon.talen", reason: "must be at most 20 languages of 1 to 50 characters")
        }
        if let azc = azc, azc.count > 100 { return .init(name: "azc", reason: "must be at most 100 characters") }
        let leden = gezinsleden ?? []
        if leden.count > 30 { return .init(name: "gezinsleden", reason: "must be at most 30 people") }
        for (index, lid) in leden.enumerated() {
            if lid.geboortedatum > today { return .init(name: "gezinsleden[\(index)].geboortedatum", reason: "lies in the future") }
            if !(1...200).contains(lid.naam.trimmingCharacters(in: .whitespaces).count) {
                return .init(name: "gezinsleden[\(index)].naam", reason: "must be 1 to 200 characters")
            }
        }
        return nil
    }
}
