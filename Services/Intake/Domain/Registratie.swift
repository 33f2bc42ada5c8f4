import Foundation
package import Models

/// A person the case worker registers by hand: a gezinsmigrant or overige migrant, whom no
/// COA koppeling announces.
package struct Registratie: Decodable, Sendable {
    package var bsn: BSN
    package var naam: String
    package var geboortedatum: LocalDate
    package var doelgroep: Doelgroep
    /// The day the person registered in the municipality; the PIP clock starts here until DUO's SS139.
    package var registratiedatum: LocalDate

    package init(bsn: BSN, naam: String, geboortedatum: LocalDate, doelgroep: Doelgroep, registratiedatum: LocalDate) {
        self.bsn = bsn
        self.naam = naam
        self.geboortedatum = geboortedatum
        self.doelgroep = doelgroep
        self.registratiedatum = registratiedatum
    }

    /// What is wrong, naming the field; nil when acceptable.
    package func problem(today: LocalDate) -> DomainError.FieldProblem? {
        if doelgroep == .asielstatushouder {
            return .init(name: "doelgroep", reason: "asielstatushouders come through COA's koppeling; use gezinsmigrant or overigeMigrant")
        }
        if !(1...200).contains(naam.trimmingCharacters(in: .whitespaces).count) { return .init(name: "naam", reason: "must be 1 to 200 characters") }
        if geboortedatum > today { return .init(name: "geboortedatum", reason: "lies in the future") }
        if registratiedatum > today { return .init(name: "registratiedatum", reason: "lies in the future") }
        return nil
    }
}
