import DUO
import Foundation
import HTTPTypes
import Hummingbird
import Synchronization

/// `PUT /v1/personen/{bsn}/uren/participatietaalles` as DUO's Uren API has it: `{"uren": 0…9999}`,
/// a cumulative total that replaces the one held (docs/duo-interface-notes.md §3).
final class Uren: Sendable {
    private let totals = Mutex<[String: Int]>([:])

    func total(bsn: String) -> Int? { totals.withLock { $0[bsn] } }
    func set(_ uren: Int, bsn: String) { totals.withLock { $0[bsn] = uren } }
}

extension ServeCommand {
    /// The hours route, and the simulator's window on what it holds.
    func installUren(on router: Router<BasicRequestContext>, seed: DuoSeed, uren: Uren) {
        struct Body: Decodable { var uren: Int }
        router.put("/v1/personen/{bsn}/uren/participatietaalles") { request, context in
            let bsn = try context.parameters.require("bsn")
            let body = try await request.body.collect(upTo: 4 << 10)
            guard let value = try? JSONDecoder().decode(Body.self, from: Data(body.readableBytesView)), (0...9999).contains(value.uren) else {
                return Response(status: .badRequest, headers: [.apiVersion: "1.0.0"])
            }
            guard seed.personen[bsn] != nil else { return Response(status: .notFound, headers: [.apiVersion: "1.0.0"]) }
            uren.set(value.uren, bsn: bsn)
            return Response(status: .ok, headers: [.apiVersion: "1.0.0"])
        }
        router.get("/_sim/personen/{bsn}/uren") { _, context in
            let total = uren.total(bsn: try context.parameters.require("bsn"))
            return Response(
                status: .ok, headers: [.contentType: "application/json"],
                body: .init(byteBuffer: ByteBuffer(string: total.map { #"{"participatietaalles":\#($0)}"# } ?? "{}")))
        }
    }
}
