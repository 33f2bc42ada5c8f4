package import Models

/// Re-placing everyone a provider holds, when it loses its keurmerk or its contract ends:
/// each by the same placement rules, with that provider left out, one after the other (each
/// new seat counts for the next). Nobody is left without a placement or a place on the
/// waiting list.
package enum Herplaatsing {
    /// One person's proposed new placement.
    package struct Voorstel: Sendable, Hashable {
        package var plaatsingId: String
        package var vraag: Plaatsingsvraag
        package var besluit: Plaatsingsbesluit
    }

    /// The proposals for `geplaatst` (placement id and question, oldest PIP first) away from
    /// `aanbiederId`; `bezet` are all seats held now, theirs included.
    package static func plan(
        _ geplaatst: [(plaatsingId: String, vraag: Plaatsingsvraag)], weg aanbiederId: String, register: Register, bezet: [Bezet], vandaag: LocalDate
    ) -> [Voorstel] {
        var seats = bezet.filter { $0.aanbiederId != aanbiederId }
        return geplaatst.sorted { ($0.vraag.dagtekening, $0.plaatsingId) < ($1.vraag.dagtekening, $1.plaatsingId) }.map { entry in
            let besluit = (try? PlaatsingsRegel.besluit(entry.vraag, register: register, bezet: seats, vandaag: vandaag, uitgesloten: [aanbiederId]))
                ?? .wachtlijst(perceelId: nil, reden: "geen voorstel mogelijk")
            if case .aanmelden(let aanmelding) = besluit {
                seats.append(Bezet(perceelId: aanmelding.perceelId, contractId: aanmelding.contractId, aanbiederId: aanmelding.aanbiederId, instroommoment: aanmelding.instroommoment))
            }
            return Voorstel(plaatsingId: entry.plaatsingId, vraag: entry.vraag, besluit: besluit)
        }
    }
}
