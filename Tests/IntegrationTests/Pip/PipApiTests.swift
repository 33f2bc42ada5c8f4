import Foundation
import Models
import Queue
import ServiceKit
import TestSupport
import Testing

/// The case workers' API of a running pip, fed completed intakes through the queue: bad
/// input gets a problem+json that says why, and nothing changes.
@Suite struct PipApiTests {
    @Test func badInputIsRefusedWithItsReasonAndChangesNothing() async throws {
        let directory = try TemporaryDirectory()
        let state = directory.path + "/state"
        let pip = try await RunningService("pip", stateDirectory: state, in: directory.path)
        defer { pip.child.signal(SIGKILL) }
        let tokens = TokenStore(database: try ServiceDatabase.open(path: state + "/pip.sqlite", migrations: []))
        let zwolle = ["Authorization": "Bearer \(try tokens.create(role: .klantmanager(try GemeenteCode("GM0193")), label: "zwolle").secret)",
                      "Content-Type": "application/json"]
        let kampen = ["Authorization": "Bearer \(try tokens.create(role: .klantmanager(try GemeenteCode("GM0166")), label: "kampen").secret)",
                      "Content-Type": "application/json"]
        let intake = IntakeAfgerond(
            inburgeraarId: InburgeraarID(), gemeente: try GemeenteCode("GM0193"), doelgroep: .asielstatushouder, afgerondOp: Date(),
            samenvatting: .init(opleidingsniveau: "basis", werkervaringJaren: 0, taalniveau: .a0, leerbaarheidsscore: 30, hoofddoel: .participatie,
                                leeftijd: 44, huishoudenGrootte: 4))
        _ = try await DurableQueue(directory: state + "/queue").topic("intake")
            .publish(Array(try EventEnvelope(intake, source: "/inburgering/test/intake", time: Date()).json()))
        let id = try #require(try await pip.awaitItems("/api/v1/pips", headers: zwolle).first?["id"] as? String)
        func pipJSON() async throws -> [String: Any] {
            try JSONSerialization.jsonObject(with: Data(try await pip.request("GET", "/api/v1/pips/\(id)", headers: zwolle).body.utf8)) as? [String: Any] ?? [:]
        }
        func refused(_ method: String, _ path: String, _ body: String? = nil, headers: [String: String]? = nil) async throws -> (Int, String) {
            let answer = try await pip.request(method, path, body: body, headers: headers ?? zwolle)
            #expect(answer.status == 415 || answer.headers["content-type"]?.hasPrefix("application/problem+json") == true, "\(method) \(path)")
            let problem = try JSONSerialization.jsonObject(with: Data(answer.body.utf8)) as? [String: Any]
            let names = (problem?["invalidParams"] as? [[String: Any]])?.compactMap { $0["name"] as? String } ?? []
            return (answer.status, names.joined(separator: ","))
        }

        #expect(try await refused("PUT", "/api/v1/pips/\(id)", #"{"leerroute":"a1"}"#) == (400, "leerroute"), "an unknown route")
        #expect(try await refused("PUT", "/api/v1/pips/\(id)", #"{"ontzorgen":{"startdatum":"2026-13-01","maanden":6,"betalingen":["huur"]}}"#).0 == 400)
        #expect(try await refused("PUT", "/api/v1/pips/\(id)", #"{"uren":600}"#, headers: ["Authorization": zwolle["Authorization"]!, "Content-Type": "text/plain"]).0 == 415)
        #expect(try await refused("PUT", "/api/v1/pips/\(id)", #"{"uren":600}"#, headers: kampen).0 == 404, "another municipality's PIP")
        #expect(try await pipJSON()["keuze"] == nil, "nothing was recorded")

        #expect(try await pip.request("PUT", "/api/v1/pips/\(id)", body: #"{"leerroute":"b1","uren":600,"bijstand":false}"#, headers: zwolle).status == 200)
        #expect(try await refused("POST", "/api/v1/pips/\(id)/vaststellen") == (409, "afwijkingsreden"), "a deviation from the Z-route advice without reason")
        #expect(try await refused("POST", "/api/v1/pips/\(id)/bezwaren", #"{"omschrijving":"x"}"#).0 == 409, "no bezwaar against a draft")
        #expect(try await pipJSON()["status"] as? String == "concept")

        let keuze = #"{"leerroute":"b1","uren":600,"bijstand":false,"afwijkingsreden":"Wil werken en leert snel."}"#
        #expect(try await pip.request("PUT", "/api/v1/pips/\(id)", body: keuze, headers: zwolle).status == 200)
        #expect(try await pip.request("POST", "/api/v1/pips/\(id)/vaststellen", headers: zwolle).status == 200)
        #expect(try await refused("POST", "/api/v1/pips/\(id)/vaststellen").0 == 409, "fixing twice")
        #expect(try await refused("PUT", "/api/v1/pips/\(id)", keuze).0 == 409, "a fixed PIP is not edited")
        #expect(try await refused("POST", "/api/v1/pips/\(id)/wijzigingen", #"{"soort":"afschalen","gevolgdeLesuren":599,"bewijs":"verklaring","reden":"x"}"#)
            == (409, "gevolgdeLesuren"))
        #expect(try await refused("POST", "/api/v1/pips/\(id)/wijzigingen", #"{"soort":"opschalen","reden":"x"}"#) == (400, "soort"))
        #expect(try await pipJSON()["versie"] as? Int == 1)

        #expect(try await pip.request("POST", "/api/v1/pips/\(id)/bezwaren", body: #"{"omschrijving":"Wil de Z-route."}"#, headers: zwolle).status == 201)
        #expect(try await refused("POST", "/api/v1/pips/\(id)/bezwaren", #"{"omschrijving":"nog eens"}"#).0 == 409, "one bezwaar per version")
        #expect((try await pipJSON()["bezwaren"] as? [Any])?.count == 1)

        #expect(try await refused("GET", "/api/v1/pips?status=open") == (400, "status"))
        #expect(try await refused("GET", "/api/v1/pips?deadlineVoor=morgen") == (400, "deadlineVoor"))
        #expect(try await refused("GET", "/api/v1/pips?sort=naam") == (400, "sort"))
        #expect(try await refused("GET", "/api/v1/pips/\(id)/beschikking?versie=9") == (400, "versie"))
        let soon = try await pip.request("GET", "/api/v1/pips?sort=deadline&deadlineVoor=\(LocalDate(Date()).adding(months: 4))", headers: zwolle)
        #expect(soon.status == 200 && soon.body.contains(id), "the first voortgangsgesprek is within four months")
        let none = try await pip.request("GET", "/api/v1/pips?deadlineVoor=\(LocalDate(Date()).adding(days: 1))", headers: zwolle)
        #expect(none.body == "[]")
    }
}
