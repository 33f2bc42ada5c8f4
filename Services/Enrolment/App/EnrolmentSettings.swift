import DUOConnection
import ServiceKit

/// Enrolment's own settings, read and checked once at start.
struct EnrolmentSettings: Sendable {
    static let bsnKeyFile = ServiceSetting(
        ConfigurationKey(
            "enrolment.bsn-key-file",
            help: "File with the 32-byte key (raw or base64) that seals BSNs at rest and keys their lookup. Under systemd: the credential 'bsn-key'; without it, a key is made in the state directory."),
        defaultDescription: "$CREDENTIALS_DIRECTORY/bsn-key, else <state.dir>/enrolment-bsn.key",
        default: { state, environment in environment["CREDENTIALS_DIRECTORY"].map { $0 + "/bsn-key" } ?? state + "/enrolment-bsn.key" })

    /// Every setting of enrolment's own, after the shared ones.
    static let all = [bsnKeyFile, DuoConnection.bronOIN] + DuoConnection.settings

    /// What seals and keys the BSNs enrolment holds.
    let kluis: BsnKluis

    init(_ configuration: ServiceConfiguration) throws(ConfigurationError) {
        let path = configuration.value(of: Self.bsnKeyFile)
        kluis = BsnKluis(
            key: try KeyFile.load(path, making: path == configuration.stateDirectory + "/enrolment-bsn.key", setting: "--enrolment-bsn-key-file, ENROLMENT_BSN_KEY_FILE"))
    }
}
