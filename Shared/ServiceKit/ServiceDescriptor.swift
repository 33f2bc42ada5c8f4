/// What makes one service of the chain itself: its name, default port and schema.
///
/// Everything else — configuration, HTTP server, database, tokens, logging, shutdown —
/// is the same for every service and lives in ServiceKit.
public struct ServiceDescriptor: Sendable {
    /// The short name, used for the database file, the topic and event sources, e.g. `intake`.
    public let name: String
    /// One line for `--help` and the OpenAPI document.
    public let summary: String
    /// The port the service listens on when none is configured; unique per service so the
    /// five run side by side on one host.
    public let defaultPort: Int
    /// The service's own schema changes, applied after the shared ones, in order.
    public let migrations: [Migration]
    /// The service's own configuration keys, after the shared ones.
    public let settings: [ServiceSetting]

    public init(name: String, summary: String, defaultPort: Int, migrations: [Migration] = [], settings: [ServiceSetting] = []) {
        self.name = name
        self.summary = summary
        self.defaultPort = defaultPort
        self.migrations = migrations
        self.settings = settings
    }

    /// The installed program's name: the product prefix keeps it from shadowing others
    /// (`pip` is Python's).
    public var executableName: String { "inburgering-\(name)" }
}

extension ServiceDescriptor {
    /// The names of the chain's five services, in the order events flow.
    public static let chainServiceNames = ["intake", "pip", "enrolment", "contract-monitor", "notifier"]
}
