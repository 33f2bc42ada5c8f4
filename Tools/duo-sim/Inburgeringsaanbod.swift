import DUO
import Foundation
import HTTPTypes
import Hummingbird
import Synchronization

/// `POST` and `DELETE /v1/personen/{bsn}/Inburgeringsaanbod/{instellingsnummer}` as DUO's
/// Inburgeringsaanbod API has them (docs/duo-interface-notes.md §3), with the README's rules:
/// only for an asielstatushouder, only with a PIP, only at an institution with the Blik op
/// Werk keurmerk (or the TST keurmerk for the onderwijsroute), no date before the PIP's
/// dagtekening. One offer per institution; a new one replaces it.
final class Inburgeringsaanbiedingen: Sendable {
    private let aanbiedingen = Mutex<[String: [String: DuoInburgeringsaanbod]]>([:])

    /// The offers registered for `bsn`, by instellingsnummer.
    func registered(bsn: String) -> [String: DuoInburgeringsaanbod] { aanbiedingen.withLock { $0[bsn, default: [:]] } }

    /// DUO's rules `aanbod` breaks, in DUO's words; registers it when it breaks none.
    func register(
        _ aanbod: DuoInburgeringsaanbod, bsn: String, instellingsnummer: String, persoon: DuoSeed.Persoon, pip: PipMelding?, instelling: DuoInstelling?
    ) -> [String] {
        var broken: [String] = []
        if persoon.doelgroep?.indeling != "Asielstatushouder" { broken.append("Een Inburgeringsaanbod kan alleen voor een asielstatushouder.") }
        if let pip {
            let keurmerk = instelling.map { ($0.indicatieBowKeurmerk ?? false) || (pip.leerroute == "O" && ($0.indicatieTstKeurmerk ?? false)) } ?? false
            if instelling != nil && !keurmerk { broken.append("De instelling heeft geen keurmerk voor de leerroute van het PIP.") }
            for date in [aanbod.datumInburgeringsaanbod, aanbod.verwachteStartdatumOpleiding].compactMap({ $0 }) where date < pip.dagtekeningPip {
                broken.append("De datum \(date) ligt voor de dagtekening van het PIP.")
            }
        } else {
            broken.append("Er is geen PIP geregistreerd voor deze inburgeringsplichtige.")
        }
        if instelling == nil { broken.append("De instelling \(instellingsnummer) is niet bekend bij DUO.") }
        if broken.isEmpty { aanbiedingen.withLock { $0[bsn, default: [:]][instellingsnummer] = aanbod } }
        return broken
    }

    /// Withdraws the offer; false when there was none.
    func withdraw(bsn: String, instellingsnummer: String) -> Bool {
        aanbiedingen.withLock { $0[bsn]?.removeValue(forKey: instellingsnummer) != nil }
    }
}

extension DuoInburgeringsaanbod {
    /// Whether the body is as the API describes (else 400, without a body).
    var isWellFormed: Bool {
        ["A", "AA", "NVT"].contains(indicatorAlfabetiseringsonderwijs)
            && [datumInburgeringsaanbod, verwachteStartdatumOpleiding, verwachteEinddatumOpleiding].allSatisfy { $0.map { DuoDate.parse($0) != nil } ?? true }
    }
}

extension ServeCommand {
    /// The Inburgeringsaanbod routes, and the simulator's window on what they registered.
    func installInburgeringsaanbod(
        on router: Router<BasicRequestContext>, seed: DuoSeed, pips: RegisteredPips, instellingen: Instellingen, aanbiedingen: Inburgeringsaanbiedingen
    ) {
        let path = "/v1/personen/{bsn}/Inburgeringsaanbod/{instellingsnummer}"
        let version: HTTPFields = [.apiVersion: "1.0.0"]
        router.post(RouterPath(path)) { request, context in
            let bsn = try context.parameters.require("bsn")
            let nummer = try context.parameters.require("instellingsnummer")
            let body = try await request.body.collect(upTo: 64 << 10)
            guard nummer.count == 10, let aanbod = try? JSONDecoder().decode(DuoInburgeringsaanbod.self, from: Data(body.readableBytesView)), aanbod.isWellFormed
            else { return Response(status: .badRequest, headers: version) }
            guard let persoon = seed.personen[bsn] else { return Response(status: .notFound, headers: version) }
            let broken = aanbiedingen.register(
                aanbod, bsn: bsn, instellingsnummer: nummer, persoon: persoon, pip: pips.registered(bsn: bsn).last,
                instelling: instellingen.all.first { $0.instellingsnummer == nummer })
            guard broken.isEmpty else { return try fouten(broken) }
            return Response(status: .created, headers: version)
        }
        router.delete(RouterPath(path)) { _, context in
            let bsn = try context.parameters.require("bsn")
            guard seed.personen[bsn] != nil else { return Response(status: .notFound, headers: version) }
            guard aanbiedingen.withdraw(bsn: bsn, instellingsnummer: try context.parameters.require("instellingsnummer")) else {
                return try fouten(["Er is geen Inburgeringsaanbod bij deze instelling."])
            }
            return Response(status: .noContent, headers: version)
        }
        router.get("/_sim/personen/{bsn}/Inburgeringsaanbod") { _, context in
            Response(
                status: .ok, headers: [.contentType: "application/json"],
                body: .init(byteBuffer: ByteBuffer(bytes: try JSONEncoder().encode(aanbiedingen.registered(bsn: try context.parameters.require("bsn"))))))
        }
    }

    /// DUO's 403: an array of `{"fouttekst": …}`.
    private func fouten(_ broken: [String]) throws -> Response {
        Response(
            status: .forbidden, headers: [.contentType: "application/json", .apiVersion: "1.0.0"],
            body: .init(byteBuffer: ByteBuffer(bytes: try JSONEncoder().encode(broken.map { ["fouttekst": $0] }))))
    }
}
