import EnrolmentDomain
import Foundation
import GRDB
import Models
import ServiceKit

/// What taking in a batch of reports did.
struct RapportageResultaat: Encodable, Sendable {
    /// New or corrected reports.
    var verwerkt = 0
    /// Reports received before exactly as they are (by either path): nothing changed.
    var ongewijzigd = 0
}

extension EnrolmentStore {
    /// Which person a report is about: by BSN (a CSV row) or by placement (a webhook).
    enum Wie: Sendable {
        case bsn(BSN)
        case plaatsing(String)
    }

    /// Takes in `aanbiederId`'s reports as one change: each is matched to the person's
    /// placement with that provider; if any cannot be, nothing is taken and every problem
    /// is named (`regels[n].bsn`, or `plaatsingId`). A report the same as before changes
    /// nothing; a new or corrected one records hours, status and completed onderdelen.
    func ontvang(
        _ rapportages: [(naam: String, wie: Wie, rapportage: Rapportage)], van aanbiederId: String, bron: String, in db: Database
    ) throws -> RapportageResultaat {
        var problemen: [DomainError.FieldProblem] = []
        var matched: [(Plaatsing, Rapportage)] = []
        for (naam, wie, rapportage) in rapportages {
            let person: InburgeraarID?
            switch wie {
            case .bsn(let bsn): person = try persoon(bsn: bsn, in: db)
            case .plaatsing(let id): person = try plaatsing(id, in: db).flatMap { $0.aanbiederId == aanbiederId ? $0.inburgeraarId : nil }
            }
            guard let person, let plaatsing = try laatste(of: person, bij: aanbiederId, in: db) else {
                problemen.append(.init(name: naam, reason: "is not a person placed with \(aanbiederId)"))
                continue
            }
            matched.append((plaatsing, rapportage))
        }
        guard problemen.isEmpty else {
            throw DomainError(.invalidInput, "\(problemen.count) report(s) name no one placed with \(aanbiederId); nothing was taken", fields: problemen)
        }
        var resultaat = RapportageResultaat()
        for (plaatsing, rapportage) in matched {
            if try record(rapportage, of: plaatsing, van: aanbiederId, bron: bron, in: db) { resultaat.verwerkt += 1 } else { resultaat.ongewijzigd += 1 }
        }
        return resultaat
    }

    /// The person's newest placement with `aanbiederId`, whatever its status.
    private func laatste(of person: InburgeraarID, bij aanbiederId: String, in db: Database) throws -> Plaatsing? {
        try Row.fetchOne(
            db, sql: "SELECT * FROM plaatsing WHERE inburgeraar_id = ? AND aanbieder_id = ? ORDER BY created_at DESC, id DESC LIMIT 1",
            arguments: [person.description, aanbiederId]
        ).map { try Plaatsing(row: $0, today: today) }
    }

    /// Records one report; false when it was there already, the same.
    private func record(_ rapportage: Rapportage, of plaatsing: Plaatsing, van aanbiederId: String, bron: String, in db: Database) throws -> Bool {
        let inhoud = try ChainJSON.string(rapportage)
        let before = try String.fetchOne(
            db, sql: "SELECT inhoud FROM rapportage WHERE aanbieder_id = ? AND inburgeraar_id = ? AND periode = ?",
            arguments: [aanbiederId, plaatsing.inburgeraarId.description, rapportage.periode])
        guard before != inhoud else { return false }
        try db.execute(
            sql: """
                INSERT INTO rapportage (aanbieder_id, inburgeraar_id, periode, plaatsing_id, inhoud, bron, ontvangen_op) VALUES (?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (aanbieder_id, inburgeraar_id, periode) DO UPDATE SET plaatsing_id = excluded.plaatsing_id, inhoud = excluded.inhoud,
                bron = excluded.bron, ontvangen_op = excluded.ontvangen_op
                """,
            arguments: [aanbiederId, plaatsing.inburgeraarId.description, rapportage.periode, plaatsing.id, inhoud, bron, clock.now()])
        try outbox.add(
            RapportageOntvangen(
                plaatsingId: plaatsing.id, inburgeraarId: plaatsing.inburgeraarId, aanbiederId: aanbiederId, contractId: plaatsing.contractId,
                perceelId: plaatsing.perceelId, periode: rapportage.periode, urenIngekocht: rapportage.urenIngekocht, urenGevolgd: rapportage.urenGevolgd,
                verzuimGeoorloofd: rapportage.verzuimGeoorloofd, verzuimOngeoorloofd: rapportage.verzuimOngeoorloofd, voortgangLezen: rapportage.voortgangLezen,
                voortgangLuisteren: rapportage.voortgangLuisteren, voortgangSchrijven: rapportage.voortgangSchrijven, voortgangSpreken: rapportage.voortgangSpreken,
                uitgevallen: rapportage.uitvalReden != nil, afgerond: rapportage.afgerond),
            in: db, time: clock.now())
        try recordUren(of: plaatsing.inburgeraarId, in: db)
        for (onderdeel, datum) in rapportage.afgerondeOnderdelen {
            try db.execute(
                sql: "INSERT OR IGNORE INTO onderdeel_afgerond (inburgeraar_id, onderdeel, datum, aanbieder_id) VALUES (?, ?, ?, ?)",
                arguments: [plaatsing.inburgeraarId.description, onderdeel.rawValue, datum.description, aanbiederId])
            if db.changesCount == 1 {
                try outbox.add(
                    OnderdeelAfgerond(inburgeraarId: plaatsing.inburgeraarId, onderdeel: onderdeel, datum: datum, aanbiederId: aanbiederId), in: db, time: clock.now())
            }
        }
        try volg(plaatsing, rapportage, in: db)
        return true
    }

    /// The person's hours over every report and provider, announced.
    private func recordUren(of person: InburgeraarID, in db: Database) throws {
        let totaal = try uren(of: person, in: db)
        try outbox.add(UrenBijgewerkt(inburgeraarId: person, urenTotaal: totaal), in: db, time: clock.now())
        try DuoUrenMeldingen.enqueue(person, totaal: totaal, jobs: jobs, in: db)
    }

    /// The placement's status follows the report: started with the first hours, ended by uitval or completion.
    private func volg(_ plaatsing: Plaatsing, _ rapportage: Rapportage, in db: Database) throws {
        if let reden = rapportage.uitvalReden, plaatsing.status.houdtPlaats {
            try beeindig(plaatsing, status: .uitgevallen, reden: "uitval gemeld door \(plaatsing.aanbiederId ?? ""): \(reden)", auteur: "rapportage", in: db)
        } else if let afgerond = rapportage.afgerond, plaatsing.status.houdtPlaats {
            try beeindig(plaatsing, status: .afgerond, reden: "afgerond op \(afgerond)", auteur: "rapportage", in: db)
        } else if plaatsing.status == .geplaatst, rapportage.urenGevolgd > 0 {
            try db.execute(sql: "UPDATE plaatsing SET status = 'gestart', updated_at = ? WHERE id = ?", arguments: [clock.now(), plaatsing.id])
            try stap(plaatsing.id, .gestart, aanbiederId: plaatsing.aanbiederId, reden: "eerste uren gemeld (\(rapportage.periode))", auteur: "rapportage", in: db)
        }
    }

    /// The person's hours so far, for their placement's page.
    func uren(of person: InburgeraarID, in db: Database) throws -> Int {
        try Int.fetchOne(
            db, sql: "SELECT coalesce(sum(json_extract(inhoud, '$.urenGevolgd')), 0) FROM rapportage WHERE inburgeraar_id = ?", arguments: [person.description]) ?? 0
    }
}
