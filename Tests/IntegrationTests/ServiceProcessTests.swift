import Foundation
import TestSupport
import Testing

@Suite struct ServiceProcessTests {
    @Test(arguments: Binaries.services)
    func eachServiceAnswersItsOperationalRoutesAndStopsCleanlyOnSIGTERM(_ name: String) async throws {
        let directory = try TemporaryDirectory()
        let service = try await RunningService(name, stateDirectory: directory.path + "/state", in: directory.path)

        let health = try await service.request("/healthz")
        #expect(health.status == 200)
        #expect(health.headers["api-version"] == "1.0.0")
        #expect(try await service.request("/readyz").status == 200)
        let metrics = try await service.request("/metrics")
        #expect(metrics.status == 200)
        #expect(metrics.body.contains("http_requests_total"))
        let openapi = try await service.request("/api/v1/openapi.json")
        #expect(openapi.status == 200)
        #expect(openapi.body.contains(#""openapi":"3.1.0""#))
        #expect(openapi.body.contains("inburgering-\(name)"))
        let missing = try await service.request("/api/v1/bestaat-niet")
        #expect(missing.status == 404)
        #expect(missing.headers["content-type"] == "application/problem+json")

        #expect(FileManager.default.fileExists(atPath: directory.path + "/state/\(name).sqlite"))
        service.child.signal(SIGTERM)
        #expect(try await service.child.waitForExit(timeout: .seconds(15)) == 0)
        #expect(service.child.standardError.contains(" stopped "))
    }

    @Test func badConfigurationExitsWithOneClearLine() async throws {
        let directory = try TemporaryDirectory()
        let result = try await runToEnd(Binaries.path("inburgering-pip"), ["--http-port", "nope"], in: directory.path)
        #expect(result.status == 2)
        #expect(result.error == "inburgering-pip: invalid value 'nope' for --http-port (HTTP_PORT): expected a port number from 0 to 65535\n")
        let environment = try await runToEnd(Binaries.path("inburgering-intake"), [], environment: ["LOG_LEVEL": "loud"], in: directory.path)
        #expect(environment.status == 2)
        #expect(environment.error.split(separator: "\n").count == 1)
    }

    @Test func helpListsTheSettingsAndExitsZero() async throws {
        let directory = try TemporaryDirectory()
        let result = try await runToEnd(Binaries.path("inburgering-notifier"), ["--help"], in: directory.path)
        #expect(result.status == 0)
        #expect(result.output.contains("--http-port <value>  (env HTTP_PORT; default: 8085)"))
        #expect(result.output.contains("--state-dir"))
    }

    @Test func aPortInUseIsReportedAndExitsNonZero() async throws {
        let directory = try TemporaryDirectory()
        let first = try await RunningService("enrolment", stateDirectory: directory.path + "/a", in: directory.path)
        let second = try ChildProcess(
            Binaries.path("inburgering-enrolment"), ["--http-port", String(first.port), "--state-dir", directory.path + "/b"], in: directory.path)
        #expect(try await second.waitForExit() != 0)
        first.child.signal(SIGTERM)
        #expect(try await first.child.waitForExit() == 0)
    }

    @Test func noPersonalDataReachesTheLog() async throws {
        let directory = try TemporaryDirectory()
        let service = try await RunningService("intake", stateDirectory: directory.path + "/state", in: directory.path, extraArguments: ["--log-level", "trace"])
        _ = try await service.request("/api/v1/personen/111222333?naam=Amina")
        _ = try await service.request("POST", "/api/v1/koppelingen", body: #"{"bsn":"111222333","naam":"Amina Yusuf"}"#,
                                      headers: ["Content-Type": "application/json", "Authorization": "Bearer ibt_x"])
        service.child.signal(SIGTERM)
        _ = try await service.child.waitForExit()
        let log = service.child.standardError
        #expect(log.contains("listening on"), "the log was captured")
        #expect(!log.contains("111222333"))
        #expect(!log.contains("Amina"))
    }
}
