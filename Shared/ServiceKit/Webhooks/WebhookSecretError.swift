/// A webhook secret that cannot be used. The description says what is wrong and never
/// contains the secret.
public struct WebhookSecretError: Error, Equatable, CustomStringConvertible {
    /// What is wrong with the secret.
    /// What went wrong. A struct with static members rather than an enum, so that a new
    /// case is not a breaking change for callers.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        /// A stable, lowercase name.
        public let name: String

        private init(_ name: String) { self.name = name }

        public var description: String { name }

        /// Not `whsec_` followed by base64, or empty.
        public static let notBase64 = Code("not-base64")
        /// The key is shorter or longer than ``WebhookSecret/keyLengths``.
        public static let wrongLength = Code("wrong-length")
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
