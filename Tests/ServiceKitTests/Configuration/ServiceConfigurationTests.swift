import Logging
import ServiceKit
import Testing

@Suite struct ServiceConfigurationTests {
    let service = ServiceDescriptor(name: "pip", summary: "PIP.", defaultPort: 8082)

    @Test func defaultsRunADemoRegionUnderVar() throws {
        let configuration = try ServiceConfiguration.load(for: service, arguments: ["pip"], environment: [:])
        #expect(configuration == ServiceConfiguration(
            region: "demo", httpHost: "127.0.0.1", httpPort: 8082, stateDirectory: "./var/demo", queueDirectory: "./var/demo/queue"))
        #expect(configuration.databasePath(for: service) == "./var/demo/pip.sqlite")
    }

    @Test func environmentOverridesDefaultsAndFlagsOverrideEnvironment() throws {
        let environment = ["REGION": "zwolle", "HTTP_PORT": "9000", "LOG_LEVEL": "debug", "SHUTDOWN_TIMEOUT": "7"]
        let fromEnvironment = try ServiceConfiguration.load(for: service, arguments: ["pip"], environment: environment)
        #expect(fromEnvironment.region == "zwolle")
        #expect(fromEnvironment.httpPort == 9000)
        #expect(fromEnvironment.stateDirectory == "./var/zwolle")
        #expect(fromEnvironment.logLevel == .debug)
        #expect(fromEnvironment.shutdownTimeout == .seconds(7))
        let fromFlags = try ServiceConfiguration.load(
            for: service, arguments: ["pip", "--http-port", "0", "--region=kampen", "--state-dir", "/tmp/s"], environment: environment)
        #expect(fromFlags.httpPort == 0)
        #expect(fromFlags.region == "kampen")
        #expect(fromFlags.queueDirectory == "/tmp/s/queue")
        let gemeenten = try ServiceConfiguration.load(for: service, arguments: ["pip"], environment: ["REGION_GEMEENTEN": "GM0193, GM0166"])
        #expect(gemeenten.gemeenten.map(\.rawValue) == ["GM0193", "GM0166"])
    }

    @Test func systemdsStateDirectoryIsTheDefault() throws {
        let configuration = try ServiceConfiguration.load(
            for: service, arguments: ["pip"], environment: ["STATE_DIRECTORY": "/var/lib/inburgering/zwolle"])
        #expect(configuration.stateDirectory == "/var/lib/inburgering/zwolle")
        #expect(configuration.queueDirectory == "/var/lib/inburgering/zwolle/queue")
    }

    @Test(arguments: [
        (["pip", "--htp-port", "1"], [String: String](), "unknown argument '--htp-port'"),
        (["pip", "extra"], [:], "unknown argument 'extra'"),
        (["pip", "--http-port"], [:], "--http-port needs a value"),
        (["pip"], ["HTTP_PORT": "abc"], "invalid value 'abc' for --http-port (HTTP_PORT)"),
        (["pip", "--http-port", "70000"], [:], "expected a port number"),
        (["pip"], ["REGION": "Regio Zwolle"], "invalid value 'Regio Zwolle' for --region"),
        (["pip"], ["LOG_LEVEL": "loud"], "--log-level"),
        (["pip"], ["SHUTDOWN_TIMEOUT": "0"], "--shutdown-timeout"),
        (["pip"], ["HTTP_HOST": " "], "--http-host"),
        (["pip"], ["REGION_GEMEENTEN": "GM0193,Zwolle"], "--region-gemeenten"),
        (["pip", "--region-gemeenten", "GM0193,GM0193"], [:], "distinct CBS codes"),
        (["pip"], ["REGION_GEMEENTEN": ","], "--region-gemeenten"),
    ])
    func badConfigurationIsOneClearLine(_ arguments: [String], _ environment: [String: String], _ message: String) {
        do {
            _ = try ServiceConfiguration.load(for: service, arguments: arguments, environment: environment)
            Issue.record("accepted \(arguments) \(environment)")
        } catch {
            #expect(error.description.contains(message))
            #expect(!error.description.contains("\n"))
        }
    }

    @Test func aServicesOwnSettingIsReadLikeTheSharedOnesAndListed() throws {
        let setting = ServiceSetting(
            ConfigurationKey("intake.health-key-file", help: "The key."), defaultDescription: "<state.dir>/health.key",
            default: { state, environment in environment["CREDENTIALS_DIRECTORY"].map { $0 + "/health-key" } ?? state + "/health.key" })
        let intake = ServiceDescriptor(name: "intake", summary: "Intake.", defaultPort: 8081, settings: [setting])
        #expect(try ServiceConfiguration.load(for: intake, arguments: ["intake"], environment: [:]).value(of: setting) == "./var/demo/health.key")
        let underSystemd = try ServiceConfiguration.load(for: intake, arguments: ["intake"], environment: ["CREDENTIALS_DIRECTORY": "/run/credentials/x"])
        #expect(underSystemd.value(of: setting) == "/run/credentials/x/health-key")
        let fromFlag = try ServiceConfiguration.load(
            for: intake, arguments: ["intake", "--intake-health-key-file", "/k"], environment: ["INTAKE_HEALTH_KEY_FILE": "/e"])
        #expect(fromFlag.value(of: setting) == "/k")
        #expect(ConfigurationHelp.text(for: intake).contains("--intake-health-key-file <value>  (env INTAKE_HEALTH_KEY_FILE; default: <state.dir>/health.key)"))
        #expect(throws: ConfigurationError.self) {
            try ServiceConfiguration.load(for: service, arguments: ["pip", "--intake-health-key-file", "/k"], environment: [:])
        }
    }

    @Test func helpListsEveryKeyWithFlagAndVariable() {
        let help = ConfigurationHelp.text(for: service)
        for (flag, variable) in [
            ("--region", "REGION"), ("--http-host", "HTTP_HOST"), ("--http-port", "HTTP_PORT"), ("--state-dir", "STATE_DIR"),
            ("--queue-dir", "QUEUE_DIR"), ("--log-level", "LOG_LEVEL"), ("--shutdown-timeout", "SHUTDOWN_TIMEOUT"),
            ("--http-body-limit", "HTTP_BODY_LIMIT"), ("--region-gemeenten", "REGION_GEMEENTEN"),
        ] {
            #expect(help.contains("\(flag) <value>  (env \(variable);"))
        }
        #expect(help.contains("default: 8082"))
        #expect(ServiceConfiguration.wantsHelp(["pip", "--help"]))
        #expect(!ServiceConfiguration.wantsHelp(["pip"]))
    }
}
