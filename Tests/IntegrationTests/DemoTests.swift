import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import TestSupport
import Testing

/// `make run`'s demo as a newcomer meets it: the script starts the region and fills it, the
/// README's walkthrough runs as written and ends with DUO's answer on the PIP, Ctrl-C (TERM
/// here) stops everything cleanly, and a second start sends nothing twice.
@Suite struct DemoTests {
    @Test func theReadmeWalkthroughRunsAgainstTheDemo() async throws {
        let directory = try TemporaryDirectory()
        let base = Int.random(in: 200...600) * 100
        let environment = ["INBURGERING_DEMO_PORT_BASE": "\(base)"]
        let script = Binaries.packageRoot + "/Tools/scripts/run-demo.sh"
        func start() async throws -> ChildProcess {
            let demo = try ChildProcess("/bin/bash", [script, Binaries.directory], environment: environment, in: directory.path)
            let deadline = ContinuousClock.now + .seconds(60)
            while !demo.standardOutput.contains("Press Ctrl-C") {
                guard ContinuousClock.now < deadline, demo.process.isRunning else {
                    throw ChildProcessError("the demo did not start:\n\(demo.standardOutput)\n\(demo.standardError)")
                }
                try await Task.sleep(for: .milliseconds(100))
            }
            return demo
        }
        func stop(_ demo: ChildProcess) async throws {
            demo.signal(SIGTERM)
            let status = try? await demo.waitForExit(timeout: .seconds(40))
            #expect(status == 0, "\(demo.standardOutput)\n\(demo.standardError)")
            #expect(demo.standardOutput.contains("all services stopped cleanly"))
        }

        let demo = try await start()
        let credentials = try String(contentsOfFile: directory.path + "/var/demo/credentials.env", encoding: .utf8)
        #expect(demo.standardOutput.contains("INTAKE_TOKEN_GM0160=ibt_") && credentials.contains("COA_WEBHOOK_SECRET=whsec_"))
        let mode = try FileManager.default.attributesOfItem(atPath: directory.path + "/var/demo/credentials.env")[.posixPermissions] as? Int
        #expect(mode == 0o600)

        let walkthrough = try Self.walkthrough()
            .replacingOccurrences(of: "127.0.0.1:8081", with: "127.0.0.1:\(base + 1)")
            .replacingOccurrences(of: "127.0.0.1:8082", with: "127.0.0.1:\(base + 2)")
            .replacingOccurrences(of: "127.0.0.1:8083", with: "127.0.0.1:\(base + 3)")
            .replacingOccurrences(of: "127.0.0.1:8084", with: "127.0.0.1:\(base + 4)")
        let walked = try await runToEnd("/bin/bash", ["-euo", "pipefail", "-c", walkthrough], in: directory.path)
        #expect(walked.status == 0, "\(walked.output)\n\(walked.error)")
        #expect(walked.output.contains(#""route": "b1""#))
        #expect(walked.output.contains(#""status": "vastgesteld""#))
        #expect(walked.output.contains(#""status": "geregistreerd""#), "DUO's answer ends on the PIP:\n\(walked.output)")
        #expect(walked.output.contains("b1-nltraining-2027"), "the demo's contract register is loaded:\n\(walked.output)")
        #expect(walked.output.contains(#""perceelId": "b1-route""#), "enrolment placed the PIP:\n\(walked.output)")
        let letter = try String(contentsOfFile: directory.path + "/beschikking.html", encoding: .utf8)
        #expect(letter.contains("Beschikking") && letter.contains("huur, zorgverzekering"))
        let zwolle = try await Self.caseloadSize(port: base + 1, credentials: credentials)
        #expect(zwolle == 3, "36 people over 15 municipalities: 3 in Zwolle")
        try await stop(demo)

        let again = try await start()
        #expect(try String(contentsOfFile: directory.path + "/var/demo/credentials.env", encoding: .utf8) == credentials)
        try await Task.sleep(for: .seconds(1))
        #expect(try await Self.caseloadSize(port: base + 1, credentials: credentials) == zwolle, "feeding again sends nothing twice")
        try await stop(again)
    }

    /// The README's walkthrough: the first `sh` block after its heading.
    static func walkthrough() throws -> String {
        let readme = try String(contentsOfFile: Binaries.packageRoot + "/README.md", encoding: .utf8)
        guard let section = readme.range(of: "### Walking through the chain"),
            let open = readme.range(of: "```sh\n", range: section.upperBound..<readme.endIndex),
            let close = readme.range(of: "\n```", range: open.upperBound..<readme.endIndex)
        else { throw ChildProcessError("README.md has no walkthrough block") }
        return String(readme[open.upperBound..<close.lowerBound])
    }

    static func caseloadSize(port: Int, credentials: String) async throws -> Int? {
        let token = try #require(credentials.split(separator: "\n").first { $0.hasPrefix("INTAKE_TOKEN_GM0193=") }?.split(separator: "=", maxSplits: 1).last)
        var request = URLRequest(url: URL(string: "http://127.0.0.1:\(port)/api/v1/inburgeraars")!)
        request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization")
        let (data, _) = try await URLSession.shared.data(for: request)
        return (try JSONSerialization.jsonObject(with: data) as? [String: Any])?["totaal"] as? Int
    }
}
