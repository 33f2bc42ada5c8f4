import EnrolmentDomain
import GRDB
import Models
import ServiceKit

extension EnrolmentStore {
    /// Carries out provider `aanbiederId`'s answer to its aanmelding `id`, by `auteur` (a
    /// token id or the webhook's partner): confirmed, the person is placed; refused, the
    /// rules propose the next provider.
    func beantwoord(_ id: String, _ antwoord: Aanmeldingsantwoord, door aanbiederId: String, auteur: String, in db: Database) throws -> Plaatsing {
        guard let plaatsing = try plaatsing(id, in: db), plaatsing.aanbiederId == aanbiederId, plaatsing.status != .wachtlijst else {
            throw DomainError.notFound("no aanmelding with this id for provider \(aanbiederId)")
        }
        guard plaatsing.status == .aangemeld else { throw DomainError.conflict("this aanmelding was answered already: the placement is \(plaatsing.status.rawValue)") }
        if let probleem = antwoord.probleem { throw DomainError.invalid(probleem) }
        switch antwoord.antwoord {
        case .bevestigd, .andereStartdatum:
            let start = antwoord.startdatum!
            guard start >= today.adding(days: -31) else { throw DomainError.invalid("startdatum", "must not lie more than a month in the past") }
            let reden = antwoord.antwoord == .bevestigd ? "bevestigd door \(aanbiederId), start \(start)" : "\(aanbiederId) start op \(start): \(antwoord.reden ?? "")"
            try db.execute(
                sql: "UPDATE plaatsing SET status = 'geplaatst', startdatum = ?, reden = ?, updated_at = ? WHERE id = ?",
                arguments: [start.description, reden, clock.now(), id])
            try stap(id, .geplaatst, aanbiederId: aanbiederId, reden: reden, auteur: auteur, in: db)
            try duo.aanmelden(plaatsing, aanbieder: try register(in: db).aanbieders.first { $0.id == aanbiederId }, start: start, jobs: jobs, in: db)
            try outbox.add(
                AanbiederGeplaatst(
                    plaatsingId: id, inburgeraarId: plaatsing.inburgeraarId, gemeente: plaatsing.gemeente, aanbiederId: aanbiederId,
                    perceelId: plaatsing.perceelId ?? "", contractId: plaatsing.contractId ?? "", leerroute: plaatsing.leerroute,
                    instroommoment: plaatsing.instroommoment ?? start, startdatum: start, dagtekeningPip: plaatsing.dagtekeningPip),
                in: db, time: clock.now())
        case .geweigerd:
            try db.execute(sql: "INSERT OR IGNORE INTO plaatsing_weigering (plaatsing_id, aanbieder_id) VALUES (?, ?)", arguments: [id, aanbiederId])
            try stap(id, .aangemeld, aanbiederId: aanbiederId, reden: "geweigerd door \(aanbiederId): \(antwoord.reden ?? "")", auteur: auteur, in: db)
            try outbox.add(
                AanmeldingGeweigerd(plaatsingId: id, inburgeraarId: plaatsing.inburgeraarId, aanbiederId: aanbiederId, contractId: plaatsing.contractId ?? ""),
                in: db, time: clock.now())
            try plaats(id, in: db)
        }
        return try self.plaatsing(id, withSteps: true, in: db)!
    }
}
