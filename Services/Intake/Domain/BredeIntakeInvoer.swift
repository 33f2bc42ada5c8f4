import Foundation
package import Models

/// What a case worker records for one part of the brede intake. One shape for every part;
/// which fields a part needs is in ``problem(for:today:)`` and docs/intake.md.
package struct BredeIntakeInvoer: Codable, Sendable, Equatable {
    /// Free text: the note of a text part, or an explanation with any other.
    package var toelichting: String?
    /// opleiding: `geen`, `basis`, `vo`, `mbo`, `hbo`, `wo`; taalniveau: `A0` … `B2`.
    package var niveau: String?
    /// werkervaring: whole years of work experience.
    package var jaren: Int?
    /// leerbaarheidstoets: the score; motivatie, zelfredzaamheid, digitaleVaardigheden: 1 to 5.
    package var score: Int?
    /// leerbaarheidstoets: when it was taken.
    package var datum: LocalDate?
    /// hoofddoel: the main goal.
    package var doel: Hoofddoel?

    package init(toelichting: String? = nil, niveau: String? = nil, jaren: Int? = nil, score: Int? = nil, datum: LocalDate? = nil, doel: Hoofddoel? = nil) {
        self.toelichting = toelichting
        self.niveau = niveau
        self.jaren = jaren
        self.score = score
        self.datum = datum
        self.doel = doel
    }

    package static let opleidingsniveaus = ["geen", "basis", "vo", "mbo", "hbo", "wo"]

    /// What is missing or wrong for `onderdeel`, naming the field; nil when acceptable.
    package func problem(for onderdeel: BredeIntakeOnderdeel, today: LocalDate) -> DomainError.FieldProblem? {
        if let toelichting, toelichting.count > 10_000 { return .init(name: "toelichting", reason: "is longer than 10,000 characters") }
        switch onderdeel {
        case .opleiding:
            guard let niveau, Self.opleidingsniveaus.contains(niveau) else {
                return .init(name: "niveau", reason: "must be one of \(Self.opleidingsniveaus.joined(separator: ", "))")
            }
        case .werkervaring:
            guard let jaren, (0...60).contains(jaren) else { return .init(name: "jaren", reason: "must be a whole number of years from 0 to 60") }
        case .taalniveau:
            guard let niveau, Taalniveau(rawValue: niveau) != nil else {
                return .init(name: "niveau", reason: "must be one of \(Taalniveau.allCases.map(\.rawValue).joined(separator: ", "))")
            }
        case .leerbaarheidstoets:
            guard let score, (0...1000).contains(score) else { return .init(name: "score", reason: "must be a whole number from 0 to 1000") }
            if let datum, datum > today { return .init(name: "datum", reason: "lies in the future") }
        case .hoofddoel:
            guard doel != nil else { return .init(name: "doel", reason: "must be one of \(Hoofddoel.allCases.map(\.rawValue).joined(separator: ", "))") }
        case .motivatie, .zelfredzaamheid, .digitaleVaardigheden:
            guard let score, (1...5).contains(score) else { return .init(name: "score", reason: "must be a whole number from 1 to 5") }
        case .gezondheid, .persoonlijkeOmstandigheden, .notities:
            guard let toelichting, !toelichting.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
                return .init(name: "toelichting", reason: "is required for this part")
            }
        }
        return nil
    }
}
