/// A configuration that cannot run. Its description is one line an operator can act on.
public struct ConfigurationError: Error, CustomStringConvertible, Equatable {
    public let description: String

    /// A one-line message naming the setting and what is wrong with it.
    public init(_ description: String) { self.description = description }

    static func invalid(_ key: ConfigurationKey, _ value: String, expected: String) -> Self {
        Self("invalid value '\(value)' for \(key.flag) (\(key.environmentVariable)): expected \(expected)")
    }
}
