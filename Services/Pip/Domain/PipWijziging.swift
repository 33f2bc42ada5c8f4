import Foundation
package import Models

/// A change to a fixed PIP, which becomes a new version with its reason and author:
/// schakelen (another route) or afschalen (B1-route to A2). The term never moves.
package struct PipWijziging: Codable, Sendable, Equatable {
    package enum Soort: String, Codable, Sendable, CaseIterable {
        case schakelen
        case afschalen
    }

    package var soort: Soort
    /// For schakelen: the new route.
    package var leerroute: Leerroute?
    /// For afschalen, only when the providers reported no hours through enrolment: the lesuren
    /// attended at a keurmerk provider (with `bewijs`), at least 600.
    package var gevolgdeLesuren: Int?
    /// What the hours rest on (e.g. the provider's statement), for afschalen.
    package var bewijs: String?
    package var reden: String
    package var uren: Int?

    /// Schakelen is possible within 18 months of the term's start, except out of the
    /// onderwijsroute into the B1-route (any time). Afschalen needs at least 600 lesuren.
    package init(soort: Soort, leerroute: Leerroute? = nil, gevolgdeLesuren: Int? = nil, bewijs: String? = nil, reden: String, uren: Int? = nil) {
        self.soort = soort
        self.leerroute = leerroute
        self.gevolgdeLesuren = gevolgdeLesuren
        self.bewijs = bewijs
        self.reden = reden
        self.uren = uren
    }

    package static let schakelMaanden = 18
    package static let minimumLesurenAfschalen = 600

    /// Why the change is refused, naming the field; nil when it may be made. `gemeldeUren` are
    /// the hours the providers reported through enrolment: for afschalen they count instead of
    /// a number typed by hand, which is taken only when none were reported.
    package func problem(
        current route: Leerroute, niveau: Taalniveau, termStart: LocalDate, today: LocalDate, gemeldeUren: Int? = nil
    ) -> DomainError.FieldProblem? {
        if reden.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { return .init(name: "reden", reason: "is required for a new version") }
        switch soort {
        case .schakelen:
            guard let leerroute, leerroute != route else { return .init(name: "leerroute", reason: "must be another route than the current \(route.rawValue)") }
            let fromOnderwijsToB1 = route == .onderwijs && leerroute == .b1
            if !fromOnderwijsToB1 && today > termStart.adding(months: Self.schakelMaanden) {
                return .init(name: "leerroute", reason: "schakelen is possible only within \(Self.schakelMaanden) months of the term's start (\(termStart)), except from the onderwijsroute to the B1-route")
            }
            if leerroute == .b1 && uren == nil { return .init(name: "uren", reason: "is required for the B1-route") }
        case .afschalen:
            guard route == .b1, niveau == .b1 else { return .init(name: "soort", reason: "afschalen is from the B1-route at B1 to A2") }
            if let gemeldeUren {
                guard gemeldeUren >= Self.minimumLesurenAfschalen else {
                    return .init(
                        name: "soort", reason: "afschalen needs at least \(Self.minimumLesurenAfschalen) lesuren; the providers reported \(gemeldeUren)")
                }
                return nil
            }
            guard let gevolgdeLesuren, gevolgdeLesuren >= Self.minimumLesurenAfschalen else {
                return .init(name: "gevolgdeLesuren", reason: "afschalen needs at least \(Self.minimumLesurenAfschalen) lesuren at a keurmerk provider")
            }
            if bewijs?.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty ?? true {
                return .init(name: "bewijs", reason: "is required: what the lesuren rest on")
            }
        }
        return nil
    }
}
