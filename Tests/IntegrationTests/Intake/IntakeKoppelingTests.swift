import Foundation
import Models
import Queue
import ServiceKit
import Testing

/// The intake service as a real process: COA's signed koppeling webhooks become files in the
/// right caseload and events on the queue; bad ones are refused and store nothing; a
/// klantmanager of another municipality is refused and audited.
@Suite struct IntakeKoppelingTests {
    static let bsn = "123456782"

    static func koppeling(gemeente: String = "GM0193", koppeldatum: String = "2026-11-20", bsn: String = bsn, naam: String = "Amal") -> String {
        #"{"koppelingId":"TVS-1","persoon":{"bsn":"\#(bsn)","vNummer":"1234567890","naam":"\#(naam)","geboortedatum":"1990-04-01","nationaliteit":"SYR","talen":["ar"]},"gezinsleden":[{"naam":"Sami","geboortedatum":"2019-02-03","relatie":"kind"}],"gemeente":"\#(gemeente)","koppeldatum":"\#(koppeldatum)","azc":"AZC Zwolle"}"#
    }

    @Test func aKoppelingIsOpenedCorrectedAndWithdrawnWithItsEvents() async throws {
        let region = try await IntakeRegion()
        defer { region.intake.child.signal(SIGKILL) }
        let first = try await region.post("coa.koppeling.aangemaakt", Self.koppeling(), id: "msg_1")
        #expect(first.status == 202)
        #expect(try await region.post("coa.koppeling.aangemaakt", Self.koppeling(), id: "msg_1").status == 202, "a redelivery")

        let caseload = try await region.caseload(region.zwolle, count: 1)
        #expect(caseload.count == 1)
        #expect(caseload.first?["status"] as? String == "gekoppeld")
        #expect(caseload.first?["pipDeadline"] as? String == "2027-01-29", "ten weeks after the koppeling")
        let id = try #require(caseload.first?["id"] as? String)
        #expect(try await region.caseload(region.kampen, count: 0).isEmpty)

        let file = try await region.get("/api/v1/inburgeraars/\(id)", token: region.zwolle)
        #expect(file.status == 200)
        #expect(file.body.contains(#""naam":"Amal""#) && file.body.contains(#""relatie":"kind""#))
        let refused = try await region.get("/api/v1/inburgeraars/\(id)", token: region.kampen)
        #expect(refused.status == 403)
        let audit = try await region.get("/api/v1/audit?inburgeraar=\(id)", token: region.operatorToken)
        #expect(audit.body.contains(#""toegestaan":false"#) && audit.body.contains(#""toegestaan":true"#), "\(audit.status) \(audit.body)")
        #expect(try await region.get("/api/v1/audit", token: region.zwolle).status == 403)

        #expect(try await region.post("coa.koppeling.gewijzigd", Self.koppeling(gemeente: "GM0166", koppeldatum: "2026-11-21")).status == 202)
        #expect(try await region.caseload(region.kampen, count: 1).first?["pipDeadline"] as? String == "2027-01-30")
        #expect(try await region.post("coa.koppeling.ingetrokken", #"{"koppelingId":"TVS-1","reden":"verhuisd naar buitenland"}"#).status == 202)
        let deadline = ContinuousClock.now + .seconds(10)
        while try region.events().count < 3 && ContinuousClock.now < deadline { try await Task.sleep(for: .milliseconds(50)) }
        #expect(try region.events() == [
            "nl.inburgering.intake.koppeling-ontvangen.v1", "nl.inburgering.intake.koppeling-gewijzigd.v1",
            "nl.inburgering.intake.koppeling-ingetrokken.v1",
        ])
        #expect(try await region.caseload(region.kampen, count: 1).first?["status"] as? String == "ingetrokken")
        let envelopes = try DurableQueue(directory: region.queue).topic("intake").read(from: 0, maxCount: 10)
        #expect(envelopes.allSatisfy { !String(decoding: $0.payload, as: UTF8.self).contains(Self.bsn) }, "no BSN travels in these events")
        region.intake.child.signal(SIGTERM)
        #expect(try await region.intake.child.waitForExit() == 0)
        #expect(!region.intake.child.standardError.contains(Self.bsn) && !region.intake.child.standardError.contains("Amal"))
    }

    @Test func theBredeIntakeIsRecordedPartByPartAndCompletedWithTheSummaryThePipNeeds() async throws {
        let region = try await IntakeRegion()
        defer { region.intake.child.signal(SIGKILL) }
        #expect(try await region.post("coa.koppeling.aangemaakt", Self.koppeling()).status == 202)
        let id = try #require(try await region.caseload(region.zwolle, count: 1).first?["id"] as? String)
        func put(_ part: String, _ body: String, token: String? = nil) async throws -> (status: Int, body: String) {
            let response = try await region.intake.request("PUT", "/api/v1/inburgeraars/\(id)/brede-intake/\(part)", body: body, headers: [
                "Authorization": "Bearer \(token ?? region.zwolle)", "Content-Type": "application/json",
            ])
            return (response.status, response.body)
        }
        func complete() async throws -> (status: Int, body: String) {
            let response = try await region.intake.request("POST", "/api/v1/inburgeraars/\(id)/afronden", headers: ["Authorization": "Bearer \(region.zwolle)"])
            return (response.status, response.body)
        }

        let early = try await complete()
        #expect(early.status == 409 && early.body.contains("gezondheid") && early.body.contains("hoofddoel"))
        #expect(try await put("opleiding", #"{"niveau":"universiteit"}"#).body.contains(#""name":"niveau""#))
        #expect(try await put("bestaat-niet", #"{}"#).status == 404)
        #expect(try await put("opleiding", #"{"niveau":"mbo"}"#, token: region.kampen).status == 403)
        let health = "Astma en PTSS-klachten, behandeling loopt"
        for (part, body) in [
            ("opleiding", #"{"niveau":"mbo","toelichting":"Diploma uit Aleppo"}"#), ("werkervaring", #"{"jaren":4}"#),
            ("taalniveau", #"{"niveau":"A1"}"#), ("leerbaarheidstoets", #"{"score":42,"datum":"2026-11-22"}"#),
            ("persoonlijkeOmstandigheden", #"{"toelichting":"Woont met zoon"}"#), ("gezondheid", #"{"toelichting":"\#(health)"}"#),
            ("hoofddoel", #"{"doel":"werk"}"#),
        ] {
            let answer = try await put(part, body)
            #expect(answer.status == 200, "\(part): \(answer.body)")
        }
        let file = try await region.get("/api/v1/inburgeraars/\(id)", token: region.zwolle)
        #expect(file.body.contains(health) && file.body.contains(#""status":"in-intake""#))

        #expect(try await complete().status == 200)
        #expect(try await put("motivatie", #"{"score":3}"#).status == 409, "a completed intake changes no more")
        let deadline = ContinuousClock.now + .seconds(10)
        while try !region.events().contains("nl.inburgering.intake.afgerond.v1") && ContinuousClock.now < deadline {
            try await Task.sleep(for: .milliseconds(50))
        }
        let records = try DurableQueue(directory: region.queue).topic("intake").read(from: 0, maxCount: 10)
        let afgerond = try #require(try records.map { try EventEnvelope(json: Data($0.payload)) }.first { $0.type == "nl.inburgering.intake.afgerond.v1" })
        let samenvatting = try #require(try afgerond.decode(as: IntakeAfgerond.self)?.samenvatting)
        #expect(samenvatting == .init(
            opleidingsniveau: "mbo", werkervaringJaren: 4, taalniveau: .a1, leerbaarheidsscore: 42, hoofddoel: .werk,
            leeftijd: samenvatting.leeftijd, huishoudenGrootte: 2))
        #expect((35...37).contains(samenvatting.leeftijd))
        #expect(!records.contains { String(decoding: $0.payload, as: UTF8.self).contains("PTSS") }, "health never leaves in an event")

        region.intake.child.signal(SIGTERM)
        _ = try await region.intake.child.waitForExit()
        let raw = ["", "-wal"].map { FileManager.default.contents(atPath: region.directory.path + "/state/intake.sqlite" + $0) ?? Data() }
        #expect(raw.allSatisfy { $0.range(of: Data("PTSS".utf8)) == nil }, "health is unreadable in the database files")
        #expect(raw.allSatisfy { $0.range(of: Data("Woont met zoon".utf8)) == nil }, "so are the other notes of the brede intake")
        #expect(raw.contains { $0.range(of: Data("Amal".utf8)) != nil }, "the checks above would see plain text")
    }

    @Test func invitationsNoShowsMovingAndExtendingFollowTheRules() async throws {
        let region = try await IntakeRegion()
        defer { region.intake.child.signal(SIGKILL) }
        func send(_ method: String, _ path: String, _ body: String? = nil, token: String? = nil) async throws -> (status: Int, body: String) {
            var headers = ["Authorization": "Bearer \(token ?? region.zwolle)"]
            if body != nil { headers["Content-Type"] = "application/json" }
            let response = try await region.intake.request(method, path, body: body, headers: headers)
            return (response.status, response.body)
        }
        let today = LocalDate(Date()).description
        let registered = try await send("POST", "/api/v1/inburgeraars",
            #"{"bsn":"111222333","naam":"Lena","geboortedatum":"1995-06-01","doelgroep":"gezinsmigrant","registratiedatum":"\#(today)"}"#)
        #expect(registered.status == 201)
        let id = try #require((try JSONSerialization.jsonObject(with: Data(registered.body.utf8)) as? [String: Any])?["id"] as? String)
        #expect(try await send("POST", "/api/v1/inburgeraars",
            #"{"bsn":"111222333","naam":"Lena","geboortedatum":"1995-06-01","doelgroep":"overigeMigrant","registratiedatum":"\#(today)"}"#).status == 409)
        #expect(try await send("POST", "/api/v1/inburgeraars",
            #"{"bsn":"123456782","naam":"X","geboortedatum":"1995-06-01","doelgroep":"asielstatushouder","registratiedatum":"\#(today)"}"#).status == 400)

        let file = "/api/v1/inburgeraars/\(id)"
        #expect(try await send("POST", file + "/uitnodigingen", #"{"datum":"\#(today)"}"#).status == 201)
        #expect(try await send("POST", file + "/uitnodigingen", #"{"datum":"\#(today)"}"#).status == 409, "the first is still open")
        let first = try await send("POST", file + "/uitnodigingen/1/opkomst", #"{"verschenen":false}"#)
        #expect(first.body == #"{"gevolg":"waarschuwing"}"#)
        #expect(try await send("POST", file + "/uitnodigingen", #"{"datum":"2099-01-01"}"#).status == 400, "not within a year")
        let later = LocalDate(Date()).adding(days: 30).description
        #expect(try await send("POST", file + "/uitnodigingen", #"{"datum":"\#(later)"}"#).status == 201)
        #expect(try await send("POST", file + "/uitnodigingen/2/opkomst", #"{"verschenen":false}"#).status == 409, "a day still to come")

        #expect(try await send("POST", file + "/pip-deadline", #"{"deadline":"2000-01-01","reden":"x"}"#).status == 409)
        #expect(try await send("POST", file + "/pip-deadline", #"{"deadline":"2099-01-01","reden":" "}"#).status == 400)
        #expect(try await send("POST", file + "/pip-deadline", #"{"deadline":"2099-01-01","reden":"diploma's worden opgevraagd"}"#).status == 200)

        #expect(try await send("POST", file + "/verhuizing", #"{"gemeente":"GM0363"}"#).status == 400, "Amsterdam is not in the region")
        #expect(try await send("POST", file + "/verhuizing", #"{"gemeente":"GM0166"}"#).status == 200)
        #expect(try await send("GET", file).status == 403, "the file is Kampen's now")
        let moved = try await send("GET", file, token: region.kampen)
        #expect(moved.status == 200 && moved.body.contains("verhuisd van GM0193 naar GM0166") && moved.body.contains(#""pipDeadline":"2099-01-01""#))

        let deadline = ContinuousClock.now + .seconds(10)
        while try !region.events().contains("nl.inburgering.intake.verhuisd.v1") && ContinuousClock.now < deadline {
            try await Task.sleep(for: .milliseconds(50))
        }
        #expect(try region.events() == [
            "nl.inburgering.intake.uitnodiging-verstuurd.v1", "nl.inburgering.intake.no-show.v1",
            "nl.inburgering.intake.uitnodiging-verstuurd.v1", "nl.inburgering.intake.verhuisd.v1",
        ])
    }

    @Test(arguments: [
        (koppeling(bsn: "123456789"), "data.persoon.bsn"),
        (koppeling(gemeente: "GM0363"), "data.gemeente"),
        (koppeling(gemeente: "Zwolle"), "data.gemeente"),
        (koppeling(koppeldatum: "2099-01-01"), "data.koppeldatum"),
        (#"{"koppelingId":"TVS-2"}"#, "data.persoon"),
        (koppeling(naam: "  "), "data.persoon.naam"),
        (koppeling().replacingOccurrences(of: "1234567890", with: "V-12"), "data.persoon.vNummer"),
    ])
    func aBadKoppelingIsRefusedNamingTheFieldAndStoresNothing(_ data: String, _ field: String) async throws {
        let region = try await IntakeRegion()
        defer { region.intake.child.signal(SIGKILL) }
        let answer = try await region.post("coa.koppeling.aangemaakt", data)
        #expect(answer.status == 400)
        let problem = try #require(try JSONSerialization.jsonObject(with: Data(answer.body.utf8)) as? [String: Any])
        let names = (problem["invalidParams"] as? [[String: Any]])?.compactMap { $0["name"] as? String }
        #expect(names == [field])
        #expect(!answer.body.contains("123456789"), "the value is not repeated")
        try await Task.sleep(for: .milliseconds(200))
        #expect(try await region.caseload(region.zwolle, count: 0).isEmpty)
        #expect(try region.events().isEmpty)
    }
}
