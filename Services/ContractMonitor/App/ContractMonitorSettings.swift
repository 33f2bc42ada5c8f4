import DUOConnection
import ServiceKit

/// Contract-monitor's own settings, read and checked once at start.
struct ContractMonitorSettings: Sendable {
    static let syncUren = ServiceSetting(
        ConfigurationKey(
            "contract-monitor.instellingen-sync-uren", help: "Hours between two reads of DUO's list of institutions (GET /instellingen), 1 to 168."),
        defaultDescription: "24", default: { _, _ in "24" })

    /// Every setting of contract-monitor's own, after the shared ones.
    static let all = [syncUren, DuoConnection.bronOIN] + DuoConnection.settings

    /// Time between two syncs with DUO's list.
    let syncInterval: Duration
    /// The OIN the region calls DUO under.
    let bronOIN: String

    init(_ configuration: ServiceConfiguration) throws(ConfigurationError) {
        let text = configuration.value(of: Self.syncUren)
        guard let uren = Int(text), (1...168).contains(uren) else {
            throw ConfigurationError(
                "invalid value '\(text)' for \(Self.syncUren.key.flag) (\(Self.syncUren.key.environmentVariable)): expected a whole number of hours from 1 to 168")
        }
        syncInterval = .seconds(uren * 3600)
        bronOIN = try DuoConnection.bron(configuration)
    }
}
