import Models

/// The `--help` text of a service: every key with its flag, variable and default.
public enum ConfigurationHelp {
    /// The help text for `service`, with the defaults it would use on this machine.
    public static func text(for service: ServiceDescriptor) -> String {
        var lines = [
            "\(service.executableName) — \(service.summary)",
            "",
            "USAGE: \(service.executableName) [--key value]...",
            "",
            "Each setting is read from its flag, else its environment variable, else the default.",
            "Under systemd the region's file /etc/inburgering/<region>.env provides the variables.",
            "",
        ]
        let defaults: [String: String] = [
            "region": "demo", "http.host": "127.0.0.1", "http.port": String(service.defaultPort),
            "state.dir": "$STATE_DIRECTORY, else ./var/<region>", "queue.dir": "<state.dir>/queue", "log.level": "info",
            "shutdown.timeout": "20", "http.body-limit": String(1 << 20),
            "region.gemeenten": ServiceConfiguration.demoGemeenten.map(\.rawValue).joined(separator: ",") + " (the demo region)",
        ]
        for key in ConfigurationKey.shared {
            lines.append("  \(key.flag) <value>  (env \(key.environmentVariable); default: \(defaults[key.key] ?? "none"))")
            lines.append("      \(key.help)")
        }
        for setting in service.settings {
            lines.append("  \(setting.key.flag) <value>  (env \(setting.key.environmentVariable); default: \(setting.defaultDescription))")
            lines.append("      \(setting.key.help)")
        }
        lines.append("  -h, --help")
        lines.append("      Show this text and exit.")
        return lines.joined(separator: "\n")
    }
}
