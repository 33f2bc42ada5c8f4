import Configuration
import Foundation
import Logging
import Models

extension ServiceConfiguration {
    /// Reads the configuration of `service` from command-line `arguments` (program name
    /// first) and `environment`, refusing unknown flags and invalid values with one line.
    public static func load(
        for service: ServiceDescriptor, arguments: [String], environment: [String: String]
    ) throws(ConfigurationError) -> ServiceConfiguration {
        try checkFlags(arguments, known: ConfigurationKey.shared + service.settings.map(\.key))
        let reader = ConfigReader(providers: [
            CommandLineArgumentsProvider(arguments: arguments),
            EnvironmentVariablesProvider(environmentVariables: environment),
        ])
        func read(_ key: ConfigurationKey, default value: String) throws(ConfigurationError) -> String {
            let found = reader.string(forKey: ConfigKey(key.key.split(separator: ".").map(String.init)), default: value)
            guard !found.trimmingCharacters(in: .whitespaces).isEmpty else {
                throw .invalid(key, found, expected: "a non-empty value")
            }
            return found
        }
        let region = try read(.region, default: "demo")
        guard Regio.isValidID(region) else {
            throw .invalid(.region, region, expected: "lowercase letters, digits and dashes, starting with a letter, at most 32")
        }
        let stateDefault = environment["STATE_DIRECTORY"].flatMap { $0.split(separator: ":").first.map(String.init) } ?? "./var/\(region)"
        let stateDirectory = try read(.stateDir, default: stateDefault)
        let portText = try read(.httpPort, default: String(service.defaultPort))
        guard let port = Int(portText), (0...65535).contains(port) else {
            throw .invalid(.httpPort, portText, expected: "a port number from 0 to 65535")
        }
        let levelText = try read(.logLevel, default: "info")
        guard let level = Logger.Level(rawValue: levelText.lowercased()) else {
            throw .invalid(.logLevel, levelText, expected: "trace, debug, info, notice, warning, error or critical")
        }
        let timeoutText = try read(.shutdownTimeout, default: "20")
        guard let timeout = Int(timeoutText), (1...3600).contains(timeout) else {
            throw .invalid(.shutdownTimeout, timeoutText, expected: "whole seconds from 1 to 3600")
        }
        let limitText = try read(.httpBodyLimit, default: String(1 << 20))
        guard let limit = Int(limitText), limit >= 1024 else {
            throw .invalid(.httpBodyLimit, limitText, expected: "a number of bytes of at least 1024")
        }
        // A list: the environment's value splits at commas, the flag's may be given as one
        // comma-separated value too.
        let listed = reader.stringArray(forKey: ConfigKey(ConfigurationKey.regionGemeenten.key.split(separator: ".").map(String.init)))
            ?? demoGemeenten.map(\.rawValue)
        let codes = listed.flatMap { $0.split(separator: ",") }.map { $0.trimmingCharacters(in: .whitespaces) }
        let gemeentenText = codes.joined(separator: ",")
        let gemeenten = codes.compactMap { try? GemeenteCode($0) }
        guard !gemeenten.isEmpty, gemeenten.count == codes.count, Set(gemeenten).count == gemeenten.count else {
            throw .invalid(.regionGemeenten, gemeentenText, expected: "distinct CBS codes separated by commas, e.g. GM0193,GM0148")
        }
        var settings: [String: String] = [:]
        for setting in service.settings {
            // A service's own setting may be empty (e.g. "not connected"): the service checks it.
            settings[setting.key.key] = reader.string(
                forKey: ConfigKey(setting.key.key.split(separator: ".").map(String.init)), default: setting.defaultValue(stateDirectory, environment))
        }
        return ServiceConfiguration(
            region: region,
            httpHost: try read(.httpHost, default: "127.0.0.1"),
            httpPort: port,
            stateDirectory: stateDirectory,
            queueDirectory: try read(.queueDir, default: "\(stateDirectory)/queue"),
            logLevel: level,
            shutdownTimeout: .seconds(timeout),
            httpBodyLimit: limit,
            gemeenten: gemeenten,
            settings: settings
        )
    }

    /// Whether `arguments` ask for the help text.
    public static func wantsHelp(_ arguments: [String]) -> Bool {
        arguments.dropFirst().contains { $0 == "--help" || $0 == "-h" }
    }

    /// Every flag must be known and have a value; swift-configuration would ignore a typo.
    private static func checkFlags(_ arguments: [String], known keys: [ConfigurationKey]) throws(ConfigurationError) {
        let known = Set(keys.map(\.flag))
        var index = 1
        while index < arguments.count {
            let argument = arguments[index]
            let flag = String(argument.split(separator: "=", maxSplits: 1).first ?? "")
            guard argument.hasPrefix("--"), known.contains(flag) else {
                throw ConfigurationError("unknown argument '\(argument)'; --help lists the settings")
            }
            if !argument.contains("=") {
                guard index + 1 < arguments.count, !arguments[index + 1].hasPrefix("--") else {
                    throw ConfigurationError("\(argument) needs a value")
                }
                index += 1
            }
            index += 1
        }
    }
}
