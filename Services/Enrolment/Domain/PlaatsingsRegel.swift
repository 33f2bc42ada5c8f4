import Foundation
package import Models

/// The placement rules (DOMAIN.md, step 5), as one pure function of the register, the seats
/// taken and the day: the perceel for the route that serves the person's municipality; a
/// provider on it whose keurmerk admits new cursisten; the earliest instroommoment with a
/// seat left, within the contract's capacity; among those providers the one furthest below
/// its share of the perceel; or the klantmanager's choice, with its reason. No seat: the
/// waiting list. Every decision says why.
package enum PlaatsingsRegel {
    /// One provider's earliest free seat.
    struct Optie {
        let contract: Contract
        let instroommoment: LocalDate
        let vrij: Int
    }

    /// Decides where `vraag` goes. `uitgesloten` are providers that refused this person;
    /// `keuze` is a klantmanager's override, which must name a provider with a free seat.
    package static func besluit(
        _ vraag: Plaatsingsvraag, register: Register, bezet: [Bezet], vandaag: LocalDate, keuze: Aanbiederkeuze? = nil,
        uitgesloten: Set<String> = []
    ) throws(DomainError) -> Plaatsingsbesluit {
        let route = vraag.leerroute
        guard let perceel = register.percelen.first(where: { $0.soort.leerroute == route && $0.gemeenten.contains(vraag.gemeente) }) else {
            if keuze != nil { throw DomainError.conflict("the region bought no perceel for the \(route.rawValue) route in \(vraag.gemeente)") }
            return .wachtlijst(perceelId: nil, reden: "geen perceel voor de \(route.naam) in \(vraag.gemeente); wacht tot de regio er een inkoopt")
        }
        let aanbieders = Dictionary(register.aanbieders.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var opties: [String: Optie] = [:]
        for aandeel in perceel.aandelen where !uitgesloten.contains(aandeel.aanbiederId) {
            guard let aanbieder = aanbieders[aandeel.aanbiederId], aanbieder.magPlaatsen(route, op: vandaag) else { continue }
            for contract in register.contracten where contract.perceelId == perceel.id && contract.aanbiederId == aanbieder.id {
                guard let optie = eersteVrijePlaats(contract, aanbieder: aanbieder, route: route, bezet: bezet, vandaag: vandaag) else { continue }
                if optie.instroommoment < opties[aanbieder.id]?.instroommoment ?? .distantFuture { opties[aanbieder.id] = optie }
            }
        }
        if let keuze {
            guard !keuze.reden.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
                throw DomainError.invalid("reden", "must say why the klantmanager chooses this provider")
            }
            guard let optie = opties[keuze.aanbiederId] else {
                throw DomainError.conflict(
                    "\(keuze.aanbiederId) cannot take this person now: it holds no share of perceel \(perceel.id), its keurmerk does not admit new cursisten, it refused, or it has no seat left")
            }
            return .aanmelden(aanmelding(perceel, optie, reden: "keuze van de klantmanager: \(keuze.reden)"))
        }
        let plaatsingen = bezet.filter { $0.perceelId == perceel.id }
        let totaal = plaatsingen.count
        func tekort(_ aandeel: Perceel.Aandeel) -> Double {
            Double(aandeel.procent) / 100 * Double(totaal + 1) - Double(plaatsingen.filter { $0.aanbiederId == aandeel.aanbiederId }.count)
        }
        let kandidaten = perceel.aandelen.filter { opties[$0.aanbiederId] != nil }
        guard let gekozen = kandidaten.max(by: { a, b in
            let (ta, tb) = (tekort(a), tekort(b))
            if ta != tb { return ta < tb }
            let (ia, ib) = (opties[a.aanbiederId]!.instroommoment, opties[b.aanbiederId]!.instroommoment)
            return ia != ib ? ia > ib : a.aanbiederId > b.aanbiederId
        }), let optie = opties[gekozen.aanbiederId] else {
            return .wachtlijst(
                perceelId: perceel.id,
                reden: "geen vrije plaats op perceel \(perceel.id): geen aanbieder met een geldig keurmerk en een plaats bij een komend instroommoment")
        }
        let eigen = plaatsingen.filter { $0.aanbiederId == gekozen.aanbiederId }.count
        return .aanmelden(aanmelding(
            perceel, optie,
            reden: "perceel \(perceel.id) voor \(vraag.gemeente); \(gekozen.aanbiederId) heeft \(eigen) van \(totaal) plaatsingen bij een aandeel van \(gekozen.procent)%"))
    }

    private static func aanmelding(_ perceel: Perceel, _ optie: Optie, reden: String) -> Plaatsingsbesluit.Aanmelding {
        .init(
            perceelId: perceel.id, contractId: optie.contract.id, aanbiederId: optie.contract.aanbiederId, instroommoment: optie.instroommoment,
            reden: "\(optie.contract.aanbiederId), instroommoment \(optie.instroommoment) (\(optie.vrij) plaats(en) vrij): \(reden)")
    }

    /// The contract's earliest instroommoment from today with a seat left, within its capacity
    /// for that period, while it runs and the provider's keurmerk holds.
    static func eersteVrijePlaats(_ contract: Contract, aanbieder: Aanbieder, route: Leerroute, bezet: [Bezet], vandaag: LocalDate) -> Optie? {
        let opContract = bezet.filter { $0.contractId == contract.id }
        for moment in contract.instroommomenten.sorted(by: { $0.datum < $1.datum }) where moment.datum >= vandaag {
            guard contract.loopt(op: moment.datum), aanbieder.magPlaatsen(route, op: moment.datum) else { continue }
            var vrij = moment.plaatsen - opContract.filter { $0.instroommoment == moment.datum }.count
            if !contract.capaciteit.isEmpty {
                guard let periode = contract.capaciteit.first(where: { $0.van <= moment.datum && moment.datum <= $0.tot }) else { continue }
                let inPeriode = opContract.filter { periode.van <= $0.instroommoment && $0.instroommoment <= periode.tot }.count
                vrij = min(vrij, periode.plaatsen - inPeriode)
            }
            if vrij > 0 { return Optie(contract: contract, instroommoment: moment.datum, vrij: vrij) }
        }
        return nil
    }
}

extension LocalDate {
    static let distantFuture = LocalDate(year: 9999, month: 12, day: 31)!
}

extension Leerroute {
    /// The route's name in a sentence.
    var naam: String {
        switch self {
        case .b1: "B1-route"
        case .onderwijs: "onderwijsroute"
        case .z: "Z-route"
        }
    }
}
