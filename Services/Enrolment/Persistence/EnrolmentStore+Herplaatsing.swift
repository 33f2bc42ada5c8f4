import EnrolmentDomain
import GRDB
import Models
import ServiceKit

/// One person's re-placement away from a provider: proposed (no new id yet) or carried out.
struct Herplaatst: Encodable, Sendable {
    var plaatsingId: String
    var nieuwePlaatsingId: String?
    var inburgeraarId: InburgeraarID
    var gemeente: GemeenteCode
    var status: EnrolmentStatus
    var aanbiederId: String?
    var instroommoment: LocalDate?
    var reden: String
}

extension EnrolmentStore {
    /// The webhook type a provider gets when a placement with it ends (docs/enrolment.md).
    static let beeindigdWebhook = "enrolment.plaatsing.beeindigd"

    /// The placements `aanbiederId` holds a seat for, oldest PIP first.
    func houdt(_ aanbiederId: String, in db: Database) throws -> [Plaatsing] {
        try plaatsingen(aanbiederId: aanbiederId, in: db).filter(\.status.houdtPlaats).sorted { ($0.dagtekeningPip, $0.id) < ($1.dagtekeningPip, $1.id) }
    }

    /// What re-placing everyone `aanbiederId` holds would do, by the placement rules; changes nothing.
    func herplaatsingsplan(weg aanbiederId: String, in db: Database) throws -> [Herplaatst] {
        let held = try houdt(aanbiederId, in: db)
        let plan = Herplaatsing.plan(
            held.map { ($0.id, $0.vraag) }, weg: aanbiederId, register: try register(in: db), bezet: try bezet(in: db), vandaag: today)
        return zip(held, plan).map { plaatsing, voorstel in
            var herplaatst = Herplaatst(
                plaatsingId: plaatsing.id, inburgeraarId: plaatsing.inburgeraarId, gemeente: plaatsing.gemeente, status: .wachtlijst, reden: voorstel.besluit.reden)
            if case .aanmelden(let aanmelding) = voorstel.besluit {
                herplaatst.status = .aangemeld
                herplaatst.aanbiederId = aanmelding.aanbiederId
                herplaatst.instroommoment = aanmelding.instroommoment
            }
            return herplaatst
        }
    }

    /// Re-places everyone `aanbiederId` holds, for `reden`, by `auteur`: each placement ends
    /// as `overgeplaatst` (the provider is told by webhook) and a new one for the same PIP is
    /// decided by the rules without that provider: an aanmelding elsewhere or the waiting list.
    func herplaats(weg aanbiederId: String, reden: String, auteur: String, in db: Database) throws -> [Herplaatst] {
        try houdt(aanbiederId, in: db).map { plaatsing in
            try beeindig(plaatsing, status: .overgeplaatst, reden: "herplaatst: \(reden)", auteur: auteur, in: db)
            try OutgoingWebhook.enqueue(
                to: aanbiederId, type: Self.beeindigdWebhook, data: ["plaatsingId": plaatsing.id, "status": EnrolmentStatus.overgeplaatst.rawValue],
                key: "\(plaatsing.id)/beeindigd", jobs: jobs, in: db)
            let id = try open(plaatsing.vraag, in: db)
            try db.execute(sql: "INSERT INTO plaatsing_weigering (plaatsing_id, aanbieder_id) VALUES (?, ?)", arguments: [id, aanbiederId])
            try plaats(id, auteur: auteur, in: db)
            let nieuw = try self.plaatsing(id, in: db)!
            return Herplaatst(
                plaatsingId: plaatsing.id, nieuwePlaatsingId: id, inburgeraarId: nieuw.inburgeraarId, gemeente: nieuw.gemeente, status: nieuw.status,
                aanbiederId: nieuw.aanbiederId, instroommoment: nieuw.instroommoment, reden: nieuw.reden)
        }
    }

    /// Signals the contractmanager (an event for the notifier) when `aanbiederId` holds
    /// placements it can no longer be trusted with.
    func signaleerHerplaatsing(_ aanbiederId: String, aanleiding: String, in db: Database) throws {
        let held = try houdt(aanbiederId, in: db).count
        guard held > 0 else { return }
        try outbox.add(HerplaatsingNodig(aanbiederId: aanbiederId, aanleiding: aanleiding, plaatsingen: held), in: db, time: clock.now())
    }
}
