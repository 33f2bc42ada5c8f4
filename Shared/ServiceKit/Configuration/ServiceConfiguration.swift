public import Logging
public import Models

/// A service's settings, read once at start through one reader: flags, then environment
/// variables, then defaults.
public struct ServiceConfiguration: Sendable, Equatable {
    /// The region this set of services runs for, e.g. `zwolle`.
    public var region: String
    public var httpHost: String
    /// 0 lets the system pick a free port.
    public var httpPort: Int
    /// Holds the service's database file.
    public var stateDirectory: String
    /// The root of the region's queue topics.
    public var queueDirectory: String
    public var logLevel: Logger.Level
    /// How long a SIGTERM may take to drain work before the service stops hard.
    public var shutdownTimeout: Duration
    /// Largest request body accepted, in bytes.
    public var httpBodyLimit: Int
    /// The region's municipalities: koppelingen and case workers of others are refused.
    public var gemeenten: [GemeenteCode]
    /// The values of the service's own settings, by key.
    public var settings: [String: String]

    /// The municipalities of the demo region, regio Zwolle's fifteen (deploy/regions/zwolle.register.yaml
    /// names them): Zwolle, Dalfsen, Hardenberg, Kampen, Ommen, Raalte, Staphorst, Steenwijkerland,
    /// Zwartewaterland, Olst-Wijhe, Hattem, Heerde, Westerveld, Oldebroek and Meppel.
    public static let demoGemeenten = [
        "GM0193", "GM0148", "GM0160", "GM0166", "GM0175", "GM0177", "GM0180", "GM1708", "GM1896", "GM1773", "GM0244", "GM0246", "GM1701", "GM0269",
        "GM0119",
    ].map { try! GemeenteCode($0) }

    public init(
        region: String, httpHost: String, httpPort: Int, stateDirectory: String, queueDirectory: String,
        logLevel: Logger.Level = .info, shutdownTimeout: Duration = .seconds(20), httpBodyLimit: Int = 1 << 20,
        gemeenten: [GemeenteCode] = ServiceConfiguration.demoGemeenten, settings: [String: String] = [:]
    ) {
        self.region = region
        self.httpHost = httpHost
        self.httpPort = httpPort
        self.stateDirectory = stateDirectory
        self.queueDirectory = queueDirectory
        self.logLevel = logLevel
        self.shutdownTimeout = shutdownTimeout
        self.httpBodyLimit = httpBodyLimit
        self.gemeenten = gemeenten
        self.settings = settings
    }

    /// The value of one of the service's own settings: as read, else its default.
    public func value(of setting: ServiceSetting) -> String {
        settings[setting.key.key] ?? setting.defaultValue(stateDirectory, [:])
    }

    /// The service's SQLite file: one per service, in the state directory.
    public func databasePath(for service: ServiceDescriptor) -> String {
        "\(stateDirectory)/\(service.name).sqlite"
    }
}
