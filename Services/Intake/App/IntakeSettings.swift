import DUOConnection
import Foundation
import Models
import ServiceKit

/// Intake's own settings, read and checked once at start: a value that cannot work stops
/// the service with one line naming the setting.
struct IntakeSettings: Sendable {
    /// The setting that names the health key file.
    static let healthKeyFile = ServiceSetting(
        ConfigurationKey(
            "intake.health-key-file",
            help: "File with the 32-byte key that encrypts health notes (raw or base64). Under systemd: the credential 'health-key' (LoadCredential=); without it, a key is made in the state directory."),
        defaultDescription: "$CREDENTIALS_DIRECTORY/health-key, else <state.dir>/intake-health.key",
        default: { state, environment in environment["CREDENTIALS_DIRECTORY"].map { $0 + "/health-key" } ?? state + "/intake-health.key" })

    /// The OINs DUO may address: the region's municipalities'.
    static let doelOINs = ServiceSetting(
        ConfigurationKey("duo.doel-oins", help: "The OINs of the region's municipalities DUO may address as 'doel', comma-separated."),
        defaultDescription: "00000001001234567000 (the demo municipality)", default: { _, _ in "00000001001234567000" })

    /// Every setting of intake's own, after the shared ones.
    static let all = [healthKeyFile, doelOINs] + DuoConnection.settings

    /// The region's municipalities: a file moves only between them.
    let gemeenten: [GemeenteCode]
    /// DUO's OIN: the only `bron` DUO's notifications may carry.
    let duoOIN: String
    /// The `doel` OINs DUO may address.
    let doelOINs: Set<String>
    /// The key that seals the brede intake's notes.
    let cipher: HealthCipher

    init(_ configuration: ServiceConfiguration) throws(ConfigurationError) {
        gemeenten = configuration.gemeenten
        duoOIN = configuration.value(of: DuoConnection.duoOIN)
        let doel = configuration.value(of: Self.doelOINs).split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        guard doel.allSatisfy({ $0.count == 20 }), duoOIN.count == 20 else {
            throw ConfigurationError("duo.oin and duo.doel-oins must be OINs of 20 characters")
        }
        doelOINs = Set(doel)
        let path = configuration.value(of: Self.healthKeyFile)
        cipher = try HealthCipher(keyFile: path, making: path == configuration.stateDirectory + "/intake-health.key")
    }
}
