import Foundation
package import Models

/// What a case worker registers when a bezwaar against a version arrives.
package struct BezwaarInvoer: Codable, Sendable, Equatable {
    /// The version objected to; the newest when left out.
    package var versie: Int?
    /// The day the municipality received it; today when left out.
    package var ontvangenOp: LocalDate?
    /// What the bezwaar is about, in a few sentences (no copy of the letter).
    package var omschrijving: String

    package init(versie: Int? = nil, ontvangenOp: LocalDate? = nil, omschrijving: String) {
        self.versie = versie
        self.ontvangenOp = ontvangenOp
        self.omschrijving = omschrijving
    }
}

/// A bezwaar as it is registered: against which version, received when, and whether in time.
package struct BezwaarRegistratie: Sendable, Equatable {
    package var versie: Int
    package var ontvangenOp: LocalDate
    package var omschrijving: String
    /// Received within the bezwaartermijn.
    package var tijdig: Bool

    /// The bezwaartermijn: six weeks from the dagtekening (Awb art. 6:7).
    package static let bezwaarWeken = 6

    /// Whether a bezwaar received on `ontvangen` against a version dated `dagtekening` is in time.
    package static func isTijdig(ontvangen: LocalDate, dagtekening: LocalDate) -> Bool {
        ontvangen <= dagtekening.adding(days: 7 * bezwaarWeken)
    }

    /// The registration of `invoer` against a PIP with `versies`, given the versions that
    /// have a bezwaar already: one per version; a late one is registered and flagged (the
    /// municipality decides whether it is admissible).
    package init(_ invoer: BezwaarInvoer, versies: [PipVersie], metBezwaar: Set<Int>, today: LocalDate) throws(DomainError) {
        let omschrijving = invoer.omschrijving.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !omschrijving.isEmpty, omschrijving.count <= PipKeuze.maximumTekst else {
            throw DomainError.invalid("omschrijving", "must be 1 to \(PipKeuze.maximumTekst) characters")
        }
        let nummer = invoer.versie ?? versies.last?.versie ?? 0
        guard let versie = versies.first(where: { $0.versie == nummer }) else {
            throw DomainError.invalid("versie", "this PIP has versions 1 to \(versies.last?.versie ?? 0)")
        }
        let ontvangen = invoer.ontvangenOp ?? today
        guard ontvangen >= versie.dagtekening, ontvangen <= today else {
            throw DomainError.invalid("ontvangenOp", "must lie between the version's dagtekening (\(versie.dagtekening)) and today")
        }
        guard !metBezwaar.contains(nummer) else { throw DomainError.conflict("a bezwaar against version \(nummer) is registered already") }
        self.versie = nummer
        self.ontvangenOp = ontvangen
        self.omschrijving = omschrijving
        self.tijdig = Self.isTijdig(ontvangen: ontvangen, dagtekening: versie.dagtekening)
    }
}
