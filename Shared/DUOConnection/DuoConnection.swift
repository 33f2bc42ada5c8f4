public import DUO
import Foundation
public import ServiceKit

/// The settings that connect a service to DUO, shared by the services that talk to it
/// (intake asks, pip reports), and the client they make.
public enum DuoConnection {
    /// DUO's base URL; empty: not connected.
    public static let baseURL = ServiceSetting(
        ConfigurationKey("duo.base-url", help: "DUO's base URL with the API's major version, e.g. https://…/v1; empty: not connected to DUO."),
        defaultDescription: "empty", default: { _, _ in "" })
    /// DUO's OIN: the `doel` of every call to DUO, and the only `bron` DUO's notifications may carry.
    public static let duoOIN = ServiceSetting(
        ConfigurationKey("duo.oin", help: "DUO's OIN (20 characters)."),
        defaultDescription: "00000001800866472000 (set DUO's real OIN)", default: { _, _ in "00000001800866472000" })
    public static let certificateFile = credential("duo.client-certificate-file", "duo-certificate", "The region's PKIoverheid client certificate for DUO (PEM).")
    public static let keyFile = credential("duo.client-key-file", "duo-key", "The key of that certificate (PEM).")
    public static let caFile = credential("duo.ca-file", "duo-ca", "The CA bundle that signs DUO's server certificate (PEM).")

    /// The OIN the region calls DUO under (`bron`) where the service speaks for the region as
    /// a whole (pip's meldingen, contract-monitor's list of institutions). Not in ``settings``:
    /// a service that needs it lists it.
    public static let bronOIN = ServiceSetting(
        ConfigurationKey("duo.bron-oin", help: "The OIN the region calls DUO under (bron, 20 characters)."),
        defaultDescription: "00000001001234567000 (the demo municipality)", default: { _, _ in "00000001001234567000" })

    /// ``bronOIN`` as configured, checked to be 20 characters.
    public static func bron(_ configuration: ServiceConfiguration) throws(ConfigurationError) -> String {
        let bron = configuration.value(of: bronOIN)
        guard bron.count == 20 else { throw ConfigurationError("duo.bron-oin must be an OIN of 20 characters") }
        return bron
    }

    /// Every setting above but ``bronOIN``, for a service descriptor.
    public static let settings = [baseURL, duoOIN, certificateFile, keyFile, caFile]

    private static func credential(_ key: String, _ name: String, _ help: String) -> ServiceSetting {
        ServiceSetting(
            ConfigurationKey(key, help: help), defaultDescription: "$CREDENTIALS_DIRECTORY/\(name) if it exists, else none",
            default: { _, environment in
                environment["CREDENTIALS_DIRECTORY"].map { $0 + "/" + name }.flatMap { FileManager.default.fileExists(atPath: $0) ? $0 : nil } ?? ""
            })
    }

    /// The client this configuration describes; nil when no base URL is set. A certificate
    /// that cannot be used, or a DUO OIN that is not 20 characters, is a configuration error.
    public static func client(_ configuration: ServiceConfiguration) throws(ConfigurationError) -> DuoClient? {
        let base = configuration.value(of: baseURL)
        guard !base.isEmpty else { return nil }
        guard configuration.value(of: duoOIN).count == 20 else { throw ConfigurationError("duo.oin must be an OIN of 20 characters") }
        func file(_ setting: ServiceSetting) -> String? {
            let path = configuration.value(of: setting)
            return path.isEmpty ? nil : path
        }
        do {
            return try DuoClient(configuration: DuoClientConfiguration(
                baseURL: base, duoOIN: configuration.value(of: duoOIN),
                certificateFile: file(certificateFile), keyFile: file(keyFile), caFile: file(caFile)))
        } catch {
            throw ConfigurationError(error.description)
        }
    }
}
