import ContractMonitorDomain
import DUO
import Foundation
import GRDB
import Logging
import Models
import ServiceKit

/// Reads DUO's list of institutions and carries what changed in it into the register: a
/// keurmerk DUO withdrew or granted becomes a new version of the aanbieder, with DUO as its
/// source and author, and a `keurmerk-gewijzigd` event (``KeurmerkSync``). A durable job
/// (kind `duo-instellingen`), enqueued on a schedule and when a contractmanager asks, so a
/// DUO outage delays a sync and never loses it.
struct InstellingenSync: Sendable {
    static let kind = "duo-instellingen"

    let bron: InstellingenBron
    let store: RegisterStore
    let instellingen: DuoInstellingenStore
    let database: DatabasePool
    let logger: Logger

    var handlers: JobHandlers {
        JobHandlers().on(Self.kind, schedule: .exponential(first: .seconds(30), maximum: .seconds(3600), attempts: 12)) { _ in
            do {
                let changed = try await run()
                return .succeeded("read DUO's list; \(changed) aanbieder(s) changed")
            } catch let error as DuoClientError {
                return .retry(error.description, responseCode: error.status)
            }
        }
    }

    /// Asks for a sync now, in the caller's transaction; `key` makes a scheduled one once per slot.
    static func enqueue(key: String, jobs: JobQueue, in db: Database) throws {
        try jobs.enqueue(kind, key: key, orderingKey: kind, in: db)
    }

    /// One sync: DUO's list read, compared with the last one, the register brought in line.
    /// Returns how many aanbieders got a new version.
    @discardableResult
    func run() async throws -> Int {
        let list = try await bron.lees()
        let changed = try await database.write { [store, instellingen] db in
            let vorige = try instellingen.all(in: db)
            let today = LocalDate(store.clock.now())
            var changed = 0
            for versie in try store.current(Aanbieder.self, in: db) {
                guard let nu = list.first(where: { $0.instellingsnummer == versie.inhoud.instellingsnummer }) else { continue }
                var aanbieder = versie.inhoud
                var redenen: [String] = []
                for soort in Keurmerk.Soort.allCases {
                    let wijziging = KeurmerkSync.wijziging(
                        soort, huidig: aanbieder.keurmerk(soort), vorige: vorige[nu.instellingsnummer]?.indicatie(soort), indicatie: nu.indicatie(soort),
                        vandaag: today)
                    guard let wijziging else { continue }
                    aanbieder.setKeurmerk(soort, wijziging)
                    redenen.append(wijziging.toelichting ?? soort.rawValue)
                }
                if aanbieder.bowKeurmerk != nil, aanbieder.bowNummer == nil { aanbieder.bowNummer = nu.bow }
                if try store.record(aanbieder, reden: "DUO's list of institutions: " + redenen.joined(separator: "; "), auteur: "duo", in: db) != nil {
                    changed += 1
                }
            }
            try instellingen.replace(with: list, at: store.clock.now(), in: db)
            return changed
        }
        logger.info("read DUO's list of institutions", metadata: ["instellingen": "\(list.count)", "aanbieders.changed": "\(changed)"])
        return changed
    }

    /// The `instellingsnummer`s of `numbers` that DUO does not list: checked in the list as
    /// last read, read afresh from DUO when a number is not in it (a new institution).
    func unknown(_ numbers: [String]) async throws -> Set<String> {
        let known = try await database.read { [instellingen] db in try instellingen.all(in: db) }
        let missing = Set(numbers).subtracting(known.keys)
        guard !missing.isEmpty else { return [] }
        let fresh = Set(try await bron.lees().map(\.instellingsnummer))
        return missing.subtracting(fresh)
    }
}

extension DuoInstelling {
    /// DUO's indicator for the keurmerk of `soort`.
    func indicatie(_ soort: Keurmerk.Soort) -> Bool? {
        switch soort {
        case .bow: indicatieBowKeurmerk
        case .tst: indicatieTstKeurmerk
        }
    }
}
