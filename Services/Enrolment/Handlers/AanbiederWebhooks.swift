import EnrolmentDomain
import Foundation
import Models
import ServiceKit

/// Providers' webhooks (docs/enrolment.md): the answer to an aanmelding. The partner id is
/// the provider's register id, so a provider answers only its own aanmeldingen.
enum AanbiederWebhooks {
    static let beantwoord = "aanbieder.aanmelding.beantwoord"

    /// The body's `data`: which aanmelding, and the answer.
    struct Beantwoording: Decodable, Sendable {
        var plaatsingId: String
        var antwoord: Aanmeldingsantwoord.Soort
        var startdatum: LocalDate?
        var reden: String?

        var aanmeldingsantwoord: Aanmeldingsantwoord { .init(antwoord: antwoord, startdatum: startdatum, reden: reden) }
    }

    static let rapportage = "aanbieder.rapportage"

    /// A report's `data`: the placement and the report's fields.
    struct Rapportering: Decodable, Sendable {
        var plaatsingId: String
        var rapportage: Rapportage

        init(from decoder: any Decoder) throws {
            plaatsingId = try decoder.container(keyedBy: Key.self).decode(String.self, forKey: .plaatsingId)
            rapportage = try Rapportage(from: decoder)
        }

        enum Key: String, CodingKey { case plaatsingId }
    }

    static func handlers(store: EnrolmentStore) -> WebhookHandlers {
        WebhookHandlers()
            .on(beantwoord, as: Beantwoording.self, check: { $0.aanmeldingsantwoord.probleem }) { data, delivery, db in
                _ = try store.beantwoord(data.plaatsingId, data.aanmeldingsantwoord, door: delivery.partnerId, auteur: "webhook:\(delivery.partnerId)", in: db)
            }
            .on(rapportage, as: Rapportering.self, check: { $0.rapportage.problemen.first }) { data, delivery, db in
                _ = try store.ontvang([("plaatsingId", .plaatsing(data.plaatsingId), data.rapportage)], van: delivery.partnerId, bron: "webhook", in: db)
            }
    }
}
