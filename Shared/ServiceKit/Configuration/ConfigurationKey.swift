import Foundation

/// One documented configuration key: where it is read from and what it means.
///
/// The flag and the environment variable are derived from the dotted key the way
/// swift-configuration derives them (`http.port` ↔ `--http-port` ↔ `HTTP_PORT`).
public struct ConfigurationKey: Sendable, Hashable {
    /// The dotted key, e.g. `http.port`.
    public let key: String
    /// Shown by `--help` and in docs/configuration.md.
    public let help: String

    public init(_ key: String, help: String) {
        self.key = key
        self.help = help
    }

    /// The command-line flag, e.g. `--http-port`.
    public var flag: String { "--" + key.replacingOccurrences(of: ".", with: "-") }
    /// The environment variable, e.g. `HTTP_PORT`.
    public var environmentVariable: String {
        key.replacingOccurrences(of: ".", with: "_").replacingOccurrences(of: "-", with: "_").uppercased()
    }

    static let region = ConfigurationKey("region", help: "The region this set of services runs for (lowercase letters, digits, dashes).")
    static let httpHost = ConfigurationKey("http.host", help: "The address to listen on.")
    static let httpPort = ConfigurationKey("http.port", help: "The TCP port to listen on; 0 picks a free port and the log says which.")
    static let stateDir = ConfigurationKey(
        "state.dir", help: "Directory for the service's database; created 0700. Defaults to systemd's STATE_DIRECTORY, else ./var/<region>.")
    static let queueDir = ConfigurationKey("queue.dir", help: "Root directory of the region's durable queue, shared by all five services.")
    static let logLevel = ConfigurationKey("log.level", help: "trace, debug, info, notice, warning, error or critical.")
    static let shutdownTimeout = ConfigurationKey(
        "shutdown.timeout", help: "Seconds to finish work after SIGTERM before stopping hard; keep below the unit's TimeoutStopSec.")
    static let httpBodyLimit = ConfigurationKey("http.body-limit", help: "Largest request body accepted, in bytes; larger ones get 413.")
    static let regionGemeenten = ConfigurationKey(
        "region.gemeenten", help: "The CBS codes of the region's municipalities, comma-separated (GM0193,GM0148,…).")

    /// Every key every service reads, in the order `--help` shows them.
    static let shared: [ConfigurationKey] = [region, regionGemeenten, httpHost, httpPort, stateDir, queueDir, logLevel, shutdownTimeout, httpBodyLimit]
}
