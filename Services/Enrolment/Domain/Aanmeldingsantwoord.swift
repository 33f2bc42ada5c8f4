import Foundation
package import Models

/// A provider's answer to an aanmelding, by webhook or API: it takes the person from a start
/// date, refuses with a reason (the rules then propose the next provider), or takes the
/// person from another start date than the instroommoment, with a reason.
package struct Aanmeldingsantwoord: Sendable, Hashable, Codable {
    package enum Soort: String, Sendable, Hashable, Codable, CaseIterable {
        case bevestigd
        case geweigerd
        case andereStartdatum = "andere-startdatum"
    }

    package var antwoord: Soort
    /// The first lesson: required when bevestigd or andere-startdatum.
    package var startdatum: LocalDate?
    /// Why: required when geweigerd or andere-startdatum (1 to 2,000 characters).
    package var reden: String?

    package init(antwoord: Soort, startdatum: LocalDate? = nil, reden: String? = nil) {
        self.antwoord = antwoord
        self.startdatum = startdatum
        self.reden = reden
    }

    /// The field that is missing or wrong, named from the answer's root, or nil.
    package var probleem: DomainError.FieldProblem? {
        let redenGegeven = reden.map { !$0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty && $0.count <= 2000 } ?? false
        switch antwoord {
        case .bevestigd where startdatum == nil, .andereStartdatum where startdatum == nil:
            return .init(name: "startdatum", reason: "is required when the answer is \(antwoord.rawValue)")
        case .geweigerd where !redenGegeven, .andereStartdatum where !redenGegeven:
            return .init(name: "reden", reason: "must say why (1 to 2000 characters) when the answer is \(antwoord.rawValue)")
        default:
            return nil
        }
    }
}
