import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import TestSupport
import Testing

/// The simulator's `POST /personen/{bsn}/PIP` keeps DUO's rules, so a PIP DUO would refuse
/// is refused by the simulator too (201; 403 with fouttekst; 400).
@Suite struct DuoSimPipTests {
    @Test func pipMeldingenFollowDuosRules() async throws {
        let directory = try TemporaryDirectory()
        try DuoProcessingTests.seed.write(toFile: directory.path + "/seed.json", atomically: true, encoding: .utf8)
        let sim = try ChildProcess(Binaries.path("inburgering-duo-sim"), ["serve", "--seed", directory.path + "/seed.json"], in: directory.path)
        defer { sim.signal(SIGKILL) }
        let base = try await DuoProcessingTests.address(of: sim)
        func melding(_ body: String) async throws -> (Int, String) {
            var request = URLRequest(url: URL(string: base + "/personen/123456782/PIP")!)
            request.httpMethod = "POST"
            request.httpBody = Data(body.utf8)
            for (name, value) in ["bron": "00000001001234567000", "doel": "00000001800866472000", "berichtId": UUID().uuidString, "Content-Type": "application/json"] {
                request.setValue(value, forHTTPHeaderField: name)
            }
            let (data, response) = try await URLSession.shared.data(for: request)
            return ((response as! HTTPURLResponse).statusCode, String(decoding: data, as: UTF8.self))
        }
        let firstA2 = try await melding(#"{"dagtekeningPip":"2026-12-01","leerroute":"B","niveau":"A2"}"#)
        #expect(firstA2.0 == 403 && firstA2.1.contains("eerste PIP"))
        let onderwijsA2 = try await melding(#"{"dagtekeningPip":"2026-12-01","leerroute":"O","niveau":"A2"}"#)
        #expect(onderwijsA2.0 == 403 && onderwijsA2.1.hasPrefix(#"[{"fouttekst""#))
        #expect(try await melding(#"{"dagtekeningPip":"2026-12-01","leerroute":"Z","niveau":"B1"}"#).0 == 403)
        #expect(try await melding(#"{"dagtekeningPip":"2026-10-01","leerroute":"B"}"#).0 == 403, "before the plicht began")
        #expect(try await melding(#"{"dagtekeningPip":"2026-12-01","leerroute":"X"}"#).0 == 400)
        #expect(try await melding(#"{"dagtekeningPip":"2026-12-01","leerroute":"B","niveau":"B1"}"#).0 == 201)
        #expect(try await melding(#"{"dagtekeningPip":"2026-12-15","leerroute":"B","niveau":"A2"}"#).0 == 201, "afschalen after a first PIP")
    }
}
