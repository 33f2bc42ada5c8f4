import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import TestSupport
import Testing

/// `inburgeringctl contracts import` and `export` against the real contract-monitor and
/// DUO's simulator, with the demo region's register file: an error names the file's line
/// and field and changes nothing; an export imports back unchanged; a keurmerk DUO
/// withdraws becomes a keurmerk-gewijzigd event within one sync.
@Suite struct ContractsCtlTests {
    let ctl = Binaries.path("inburgeringctl")
    static let example = Binaries.packageRoot + "/deploy/regions/zwolle.register.yaml"

    @Test func importExportAndDuosKeurmerk() async throws {
        let directory = try TemporaryDirectory()
        let seed = try await runToEnd(Binaries.path("inburgering-demo"), ["duo-seed", "--count", "1"], in: directory.path)
        try seed.output.write(toFile: directory.path + "/seed.json", atomically: true, encoding: .utf8)
        let sim = try ChildProcess(Binaries.path("inburgering-duo-sim"), ["serve", "--seed", directory.path + "/seed.json"], in: directory.path)
        defer { sim.signal(SIGKILL) }
        let duo = try await DuoProcessingTests.address(of: sim)
        let state = directory.path + "/state"
        let service = try await RunningService("contract-monitor", stateDirectory: state, in: directory.path, extraArguments: ["--duo-base-url", duo])
        defer { service.child.signal(SIGKILL) }
        let made = try await runToEnd(
            ctl, ["tokens", "create", "--service", "contract-monitor", "--state-dir", state, "--role", "contractmanager", "--label", "test", "--json"],
            in: directory.path)
        let token = try #require((try JSONSerialization.jsonObject(with: Data(made.output.utf8)) as? [String: Any])?["secret"] as? String)
        let environment = ["INBURGERING_TOKEN": token]
        let url = ["--url", "http://127.0.0.1:\(service.port)"]
        let auth = ["Authorization": "Bearer \(token)"]

        // One bad field: named by line and field, and nothing imported.
        let example = try String(contentsOfFile: Self.example, encoding: .utf8)
        let bad = example.replacing("minSlagingProcent: 70 ", with: "minSlagingProcent: 170", maxReplacements: 1)
        let badLine = try #require(bad.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.contains("minSlagingProcent: 170") }) + 1
        try bad.write(toFile: directory.path + "/bad.yaml", atomically: true, encoding: .utf8)
        let refused = try await runToEnd(ctl, ["contracts", "import", "bad.yaml"] + url, environment: environment, in: directory.path)
        #expect(refused.status == 1)
        #expect(refused.error.contains("bad.yaml:\(badLine): contracten[0].normen.minSlagingProcent: must be a percentage, 0 to 100"), "\(refused.error)")
        #expect(refused.error.contains("nothing was imported"))
        #expect(try await service.request("GET", "/api/v1/aanbieders", headers: auth).body == "[]")

        try "aanbieders:\n  - id: x\n   naam: y\n".write(toFile: directory.path + "/broken.yaml", atomically: true, encoding: .utf8)
        let syntax = try await runToEnd(ctl, ["contracts", "import", "broken.yaml"] + url, environment: environment, in: directory.path)
        #expect(syntax.status == 1 && syntax.error.contains("broken.yaml:3:"), "a syntax error names its line: \(syntax.error)")

        // The example, then its export, which changes nothing.
        let imported = try await runToEnd(ctl, ["contracts", "import", Self.example] + url, environment: environment, in: directory.path)
        #expect(imported.status == 0 && imported.output.contains("11 new, 0 changed, 0 unchanged"), "\(imported.output)\(imported.error)")
        let exported = try await runToEnd(ctl, ["contracts", "export", "-o", "export.yaml"] + url, environment: environment, in: directory.path)
        #expect(exported.status == 0 && exported.error.contains("3 aanbieders, 3 percelen, 5 contracten"), "\(exported.error)")
        let again = try await runToEnd(ctl, ["contracts", "import", "export.yaml"] + url, environment: environment, in: directory.path)
        #expect(again.output.contains("0 new, 0 changed, 11 unchanged"), "\(again.output)\(again.error)")

        // DUO withdraws NLtraining's keurmerk; one sync later the register and the topic say so.
        var change = URLRequest(url: URL(string: duo.replacing("/v1", with: "") + "/_sim/instellingen/DEMO000001")!)
        change.httpMethod = "PUT"
        change.httpBody = Data(#"{"instellingsnummer":"DEMO000001","naam":"NLtraining BV","postcode":"8011AA","huisnummer":"1","plaatsnaam":"Zwolle","bow":"10001","indicatieBowKeurmerk":false}"#.utf8)
        #expect((try await URLSession.shared.data(for: change).1 as? HTTPURLResponse)?.statusCode == 204)
        #expect(try await service.request("POST", "/api/v1/instellingen/synchronisaties", headers: auth).status == 202)
        let deadline = ContinuousClock.now + .seconds(20)
        var events = ""
        while ContinuousClock.now < deadline, !events.contains("keurmerk-gewijzigd") {
            try await Task.sleep(for: .milliseconds(200))
            events = try await runToEnd(
                ctl, ["queue", "peek", "contract-monitor", "--from", "0", "--count", "100", "--state-dir", state, "--region", "test"], in: directory.path
            ).output
        }
        let keurmerk = events.split(separator: "\n").filter { $0.contains("keurmerk-gewijzigd") }
        #expect(keurmerk.contains { $0.contains(#""aanbiederId":"nltraining""#) && $0.contains(#""status":"ingetrokken""#) && $0.contains(#""bron":"duo""#) }, "\(keurmerk)")
        let nltraining = try await service.request("GET", "/api/v1/aanbieders/nltraining", headers: auth).body
        #expect(nltraining.contains(#""versie":2"#) && nltraining.contains(#""auteur":"duo""#))
    }
}
