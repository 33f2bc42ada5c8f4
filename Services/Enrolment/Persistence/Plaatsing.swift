import EnrolmentDomain
import Foundation
import GRDB
import Models

/// One person's placement for one route, as klantmanagers and providers read it.
struct Plaatsing: Encodable, Sendable {
    /// One step the placement took: its status after, the provider, why and by whom.
    struct Stap: Encodable, Sendable {
        var status: EnrolmentStatus
        var aanbiederId: String?
        var reden: String
        /// A token id, `regels` for the placement rules, or `pip` for a change of route.
        var auteur: String
        var tijd: Date
    }

    var id: String
    var inburgeraarId: InburgeraarID
    var pipId: String
    var gemeente: GemeenteCode
    var leerroute: Leerroute
    var dagtekeningPip: LocalDate
    var status: EnrolmentStatus
    var perceelId: String?
    var contractId: String?
    var aanbiederId: String?
    var instroommoment: LocalDate?
    var startdatum: LocalDate?
    var reden: String
    /// Days from the PIP's dagtekening to the confirmed start, or to today while there is none.
    var wachtdagen: Int
    /// Every step, oldest first; on a single placement only.
    var stappen: [Stap]?
    /// What DUO was told of the placement (its Inburgeringsaanbod), and DUO's answer; on a single placement only.
    var duoMeldingen: [DuoMelding]?

    /// One melding to DUO: `aanmelden` or `intrekken`, its status (`open`, `geregistreerd`,
    /// `geweigerd`, `mislukt`, or `tegengehouden` when one of DUO's rules stopped it here)
    /// and DUO's words.
    struct DuoMelding: Encodable, Sendable {
        var actie: String
        var status: String
        var fouten: [String]?
    }

    /// The question it answers, as stored.
    let vraag: Plaatsingsvraag

    enum CodingKeys: String, CodingKey {
        case id, inburgeraarId, pipId, gemeente, leerroute, dagtekeningPip, status, perceelId, contractId, aanbiederId, instroommoment, startdatum
        case reden, wachtdagen, stappen, duoMeldingen
    }

    init(row: Row, today: LocalDate) throws {
        let vraag = try ChainJSON.decoder().decode(Plaatsingsvraag.self, from: Data((row["vraag"] as String).utf8))
        guard let status = EnrolmentStatus(rawValue: row["status"]) else { throw EnrolmentStoreError() }
        id = row["id"]
        self.vraag = vraag
        inburgeraarId = vraag.inburgeraarId
        pipId = vraag.pipId
        gemeente = vraag.gemeente
        leerroute = vraag.leerroute
        dagtekeningPip = vraag.dagtekening
        self.status = status
        perceelId = row["perceel_id"]
        contractId = row["contract_id"]
        aanbiederId = row["aanbieder_id"]
        instroommoment = (row["instroommoment"] as String?).flatMap(LocalDate.init(iso8601:))
        startdatum = (row["startdatum"] as String?).flatMap(LocalDate.init(iso8601:))
        reden = row["reden"]
        wachtdagen = vraag.wachtdagen(op: startdatum ?? today)
    }
}

/// The database holds something the store did not write.
struct EnrolmentStoreError: Error, CustomStringConvertible {
    var description: String { "a placement row in the database does not decode (a status or date is malformed)" }
}
