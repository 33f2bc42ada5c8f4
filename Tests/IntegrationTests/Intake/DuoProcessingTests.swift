import Foundation
import TestSupport
import Testing

/// DUO's notifications handled end to end with the DUO simulator: SS139 fixes the PIP
/// deadline, a learnability result lands in the brede intake, a withdrawn plicht closes
/// the file as gecorrigeerd; DUO's 503s only delay.
@Suite struct DuoProcessingTests {
    static let seed = """
        {"personen": {
          "123456782": {"inburgeringsplicht": {"indicatorInburgeringsplicht": true, "begindatum": "2026-11-01"},
                        "doelgroep": {"indeling": "Asielstatushouder", "gedetailleerdeDoelgroep": "Asielstatushouder"},
                        "inburgeringstermijn": {"startdatum": "2026-12-02", "einddatum": "2029-12-02"},
                        "lbtResultaten": [{"resultaat": "B1-route haalbaar", "behaaldeScore": "62,50", "benodigdeScore": "50,00", "datumAfname": "2026-11-20"}]},
          "111222333": {"inburgeringsplicht": {"indicatorInburgeringsplicht": false, "redenGeenInburgeringsplicht": "Verblijfsdoel gewijzigd"}}
        }}
        """

    @Test func notificationsAreHandledWithDuosAnswers() async throws {
        let directory = try TemporaryDirectory()
        let seedFile = directory.path + "/seed.json"
        try Self.seed.write(toFile: seedFile, atomically: true, encoding: .utf8)
        let sim = try ChildProcess(Binaries.path("inburgering-duo-sim"), ["serve", "--seed", seedFile, "--fail-first", "2"], in: directory.path)
        defer { sim.signal(SIGKILL) }
        let base = try await Self.address(of: sim)
        let region = try await IntakeRegion(directory: directory, extraArguments: ["--duo-base-url", base])
        defer { region.intake.child.signal(SIGKILL) }

        #expect(try await region.post("coa.koppeling.aangemaakt", IntakeKoppelingTests.koppeling()).status == 202)
        let amal = try #require(try await region.caseload(region.zwolle, count: 1).first?["id"] as? String)
        let today = LocalDateText.today
        let registered = try await region.intake.request("POST", "/api/v1/inburgeraars", body: #"{"bsn":"111222333","naam":"Lena","geboortedatum":"1995-06-01","doelgroep":"gezinsmigrant","registratiedatum":"\#(today)"}"#, headers: [
            "Authorization": "Bearer \(region.zwolle)", "Content-Type": "application/json",
        ])
        let lena = try #require((try JSONSerialization.jsonObject(with: Data(registered.body.utf8)) as? [String: Any])?["id"] as? String)

        let endpoint = "http://127.0.0.1:\(region.intake.port)/duo/v1/notificaties"
        // Every code intake acts on, for a person DUO confirms; SS110 for one it does not; and an unknown code.
        let codes = ["SS101", "SS139", "SS120", "SS121", "SS124", "SS125", "SS111", "SS137", "SS131", "SS102", "SS103", "SS104"]
        for (code, bsn) in codes.map({ ($0, "123456782") }) + [("SS110", "111222333"), ("SS998", "123456782")] {
            let sent = try await runToEnd(Binaries.path("inburgering-duo-sim"), ["notify", "--to", endpoint, "--gebeurtenis", code, "--bsn", bsn], in: directory.path)
            #expect(sent.status == 0, "\(code): \(sent.output) \(sent.error)")
        }

        func file(_ id: String) async throws -> String {
            try await region.intake.request("GET", "/api/v1/inburgeraars/\(id)", headers: ["Authorization": "Bearer \(region.zwolle)"]).body
        }
        let deadline = ContinuousClock.now + .seconds(30)
        while ContinuousClock.now < deadline {
            if try await file(lena).contains(#""status":"gecorrigeerd""#), try await file(amal).contains("Volgens DUO") { break }
            try await Task.sleep(for: .milliseconds(200))
        }
        let amalFile = try await file(amal)
        #expect(amalFile.contains(#""pipDeadlineBron":"duo""#))
        #expect(amalFile.contains(#""pipDeadline":"\#(LocalDateText.today(plusDays: 70))""#))
        #expect(amalFile.contains(#""score":63"#) && amalFile.contains("B1-route haalbaar"))
        let lenaFile = try await file(lena)
        #expect(lenaFile.contains(#""status":"gecorrigeerd""#) && lenaFile.contains("Verblijfsdoel gewijzigd"))

        let events = try region.events()
        #expect(events.contains("nl.inburgering.intake.pip-termijn-gestart.v1"))
        #expect(events.contains("nl.inburgering.intake.gecorrigeerd.v1"))
        #expect(events.contains("nl.inburgering.intake.inburgeringstermijn-gemeld.v1"))
        var items: [[String: Any]] = []
        while ContinuousClock.now < deadline {
            let listed = try await region.get("/api/v1/duo/notificaties", token: region.operatorToken)
            #expect(!listed.body.contains("123456782"))
            items = (try JSONSerialization.jsonObject(with: Data(listed.body.utf8)) as? [[String: Any]]) ?? []
            if items.filter({ $0["verwerkt"] as? Bool == true }).count == codes.count + 1 { break }
            try await Task.sleep(for: .milliseconds(200))
        }
        var outcome: [String: String] = [:]
        for item in items { outcome[item["gebeurtenisId"] as? String ?? ""] = item["uitkomst"] as? String }
        for code in ["SS101", "SS120", "SS121", "SS111"] { #expect(outcome[code] == "inburgeringsplicht bevestigd", "\(code)") }
        #expect(outcome["SS139"] == "PIP-termijn gestart")
        for code in ["SS124", "SS125"] { #expect(outcome[code] == "doelgroep bijgewerkt", "\(code)") }
        for code in ["SS137", "SS131"] { #expect(outcome[code] == "uitslag leerbaarheidstoets vastgelegd", "\(code)") }
        for code in ["SS102", "SS103", "SS104"] { #expect(outcome[code] == "inburgeringstermijn genoteerd", "\(code)") }
        #expect(outcome["SS110"] == "dossier gecorrigeerd: niet inburgeringsplichtig")
        #expect(items.first { $0["gebeurtenisId"] as? String == "SS998" }?["verwerkt"] as? Bool == false, "an unknown code waits, listed")
        #expect(try await file(amal).contains("inburgeringstermijn volgens DUO (SS102): 2026-12-02 tot en met 2029-12-01"))
    }

    /// DUO unreachable: the notification is kept and waits, with the reason, and nothing is lost.
    @Test func anUnreachableDuoDelaysWithoutLosing() async throws {
        let directory = try TemporaryDirectory()
        let region = try await IntakeRegion(directory: directory, extraArguments: ["--duo-base-url", "http://127.0.0.1:9/v1"])
        defer { region.intake.child.signal(SIGKILL) }
        #expect(try await region.post("coa.koppeling.aangemaakt", IntakeKoppelingTests.koppeling()).status == 202)
        _ = try await region.caseload(region.zwolle, count: 1)
        let sent = try await runToEnd(Binaries.path("inburgering-duo-sim"), [
            "notify", "--to", "http://127.0.0.1:\(region.intake.port)/duo/v1/notificaties", "--gebeurtenis", "SS139", "--bsn", "123456782",
        ], in: directory.path)
        #expect(sent.status == 0)
        var body = ""
        let deadline = ContinuousClock.now + .seconds(30)
        while ContinuousClock.now < deadline {
            body = try await region.get("/api/v1/duo/notificaties", token: region.operatorToken).body
            if body.contains("wacht op DUO") { break }
            try await Task.sleep(for: .milliseconds(200))
        }
        #expect(body.contains("wacht op DUO") && body.contains(#""verwerkt":false"#))
    }

    /// The simulator's base URL, from its first line.
    static func address(of sim: ChildProcess) async throws -> String {
        let deadline = ContinuousClock.now + .seconds(20)
        while ContinuousClock.now < deadline {
            if let line = sim.standardOutput.split(separator: "\n").first(where: { $0.hasPrefix("listening on ") }) {
                return String(line.dropFirst("listening on ".count))
            }
            try await Task.sleep(for: .milliseconds(50))
        }
        throw ChildProcessError("the DUO simulator did not start: \(sim.standardError)")
    }
}

/// Today's date as `YYYY-MM-DD` in Europe/Amsterdam, as the services reckon it.
enum LocalDateText {
    static var today: String { today(plusDays: 0) }

    static func today(plusDays days: Int) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Europe/Amsterdam")!
        let day = calendar.date(byAdding: .day, value: days, to: Date())!
        let parts = calendar.dateComponents([.year, .month, .day], from: day)
        return String(format: "%04d-%02d-%02d", parts.year!, parts.month!, parts.day!)
    }
}
