import Foundation
package import Models

/// What a case worker sets in a draft before fixing it: the route, and the rest of the plan.
package struct PipKeuze: Codable, Sendable, Equatable {
    /// The chosen route; the advice when left out.
    package var leerroute: Leerroute?
    /// A2 or B1 (DUO's levels); B1 when left out for the B1- and onderwijsroute.
    package var niveau: Taalniveau?
    /// The route's hours; required for the B1-route.
    package var uren: Int?
    /// Why the chosen route differs from the advice; required when it does.
    package var afwijkingsreden: String?
    /// Preconditions for taking part (e.g. childcare arranged), one sentence each.
    package var voorwaarden: [String]?
    /// The guidance the person gets (who, how often), in a sentence or two.
    package var begeleiding: String?
    /// Whether the person receives bijstand; required for an asielstatushouder, for whom
    /// ontzorgen then applies.
    package var bijstand: Bool?
    /// Which fixed costs the municipality pays from the benefit, from when, for how long.
    package var ontzorgen: Ontzorgen?

    package init(
        leerroute: Leerroute? = nil, niveau: Taalniveau? = nil, uren: Int? = nil, afwijkingsreden: String? = nil, voorwaarden: [String]? = nil,
        begeleiding: String? = nil, bijstand: Bool? = nil, ontzorgen: Ontzorgen? = nil
    ) {
        self.leerroute = leerroute
        self.niveau = niveau
        self.uren = uren
        self.afwijkingsreden = afwijkingsreden
        self.voorwaarden = voorwaarden
        self.begeleiding = begeleiding
        self.bijstand = bijstand
        self.ontzorgen = ontzorgen
    }

    package static let maximumTekst = 2000
    package static let maximumVoorwaarden = 20

    /// DUO's rules for a PIP (its PIP API's validation), checked before fixing so that a PIP
    /// DUO would refuse is never fixed; and the chain's own: a reason for deviating, hours,
    /// ontzorgen for an asielstatushouder on bijstand.
    package func problems(advice: Leerroute, doelgroep: Doelgroep, firstPip: Bool) -> [DomainError.FieldProblem] {
        let route = leerroute ?? advice
        var problems: [DomainError.FieldProblem] = []
        if route != advice && (afwijkingsreden?.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty ?? true) {
            problems.append(.init(name: "afwijkingsreden", reason: "is required: the route differs from the advice (\(advice.rawValue))"))
        }
        if let niveau, ![.a2, .b1].contains(niveau) { problems.append(.init(name: "niveau", reason: "must be A2 or B1")) }
        if niveau == .a2 && route == .onderwijs { problems.append(.init(name: "niveau", reason: "DUO: A2 is not allowed with the onderwijsroute")) }
        if niveau == .b1 && route == .z { problems.append(.init(name: "niveau", reason: "DUO: B1 is not allowed with the Z-route")) }
        if niveau == .a2 && route == .b1 && firstPip { problems.append(.init(name: "niveau", reason: "DUO: a first PIP in the B1-route is not at A2")) }
        if route == .b1 && uren == nil { problems.append(.init(name: "uren", reason: "is required for the B1-route")) }
        if let uren, !(1...9999).contains(uren) { problems.append(.init(name: "uren", reason: "must be 1 to 9999")) }
        problems += planProblems(doelgroep: doelgroep)
        return problems
    }

    /// The rest of the plan: texts of a sensible length, and ontzorgen as the law has it.
    private func planProblems(doelgroep: Doelgroep) -> [DomainError.FieldProblem] {
        var problems: [DomainError.FieldProblem] = []
        for (name, text) in [("afwijkingsreden", afwijkingsreden), ("begeleiding", begeleiding)] where (text?.count ?? 0) > Self.maximumTekst {
            problems.append(.init(name: name, reason: "must be at most \(Self.maximumTekst) characters"))
        }
        if let voorwaarden {
            if voorwaarden.count > Self.maximumVoorwaarden { problems.append(.init(name: "voorwaarden", reason: "must be at most \(Self.maximumVoorwaarden)")) }
            if voorwaarden.contains(where: { $0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty || $0.count > 500 }) {
                problems.append(.init(name: "voorwaarden", reason: "each must be a sentence of 1 to 500 characters"))
            }
        }
        if doelgroep == .asielstatushouder && bijstand == nil {
            problems.append(.init(name: "bijstand", reason: "is required for an asielstatushouder: ontzorgen applies when they receive bijstand"))
        }
        if doelgroep == .asielstatushouder && bijstand == true && ontzorgen == nil {
            problems.append(.init(name: "ontzorgen", reason: "is required: an asielstatushouder on bijstand is ontzorgd for at least \(Ontzorgen.minimumMaanden) months"))
        }
        if let ontzorgen {
            if !(Ontzorgen.minimumMaanden...36).contains(ontzorgen.maanden) {
                problems.append(.init(name: "ontzorgen.maanden", reason: "must be \(Ontzorgen.minimumMaanden) to 36 months"))
            }
            if ontzorgen.betalingen.isEmpty { problems.append(.init(name: "ontzorgen.betalingen", reason: "must name at least one payment")) }
        }
        return problems
    }
}
