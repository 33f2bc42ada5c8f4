import Models

/// The `data` of the webhook that tells a provider of a new aanmelding: ids and dates only.
/// The provider reads the rest with its own token (docs/enrolment.md).
struct AanmeldingBericht: Encodable, Sendable {
    var plaatsingId: String
    var leerroute: Leerroute
    var perceelId: String
    var contractId: String
    var instroommoment: LocalDate
}
