/// A webhook secret that cannot be used. The description says what is wrong and never
/// contains the secret.
public struct WebhookSecretError: Error, Equatable, CustomStringConvertible {
    /// What is wrong with the secret.
    public enum Code: Sendable, Equatable {
        /// Not `whsec_` followed by base64, or empty.
        case notBase64
        /// The key is shorter or longer than ``WebhookSecret/keyLengths``.
        case wrongLength
    }

    /// What is wrong, for code that reacts to it.
    public let code: Code
    /// One line an operator can act on.
    public let description: String

    init(_ code: Code, _ description: String) {
        self.code = code
        self.description = description
    }
}
