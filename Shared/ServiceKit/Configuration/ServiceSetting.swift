/// A configuration key of one service alone (the shared ones are in ``ConfigurationKey``),
/// with its default. Read like the shared keys (flag, else environment, else default) and
/// listed by `--help`.
public struct ServiceSetting: Sendable {
    /// The key, its flag and its environment variable.
    public let key: ConfigurationKey
    /// The default as `--help` shows it.
    public let defaultDescription: String
    /// The default, given the state directory and the environment (e.g. systemd's
    /// `CREDENTIALS_DIRECTORY`).
    let defaultValue: @Sendable (_ stateDirectory: String, _ environment: [String: String]) -> String

    public init(
        _ key: ConfigurationKey, defaultDescription: String,
        default defaultValue: @escaping @Sendable (_ stateDirectory: String, _ environment: [String: String]) -> String
    ) {
        self.key = key
        self.defaultDescription = defaultDescription
        self.defaultValue = defaultValue
    }
}
