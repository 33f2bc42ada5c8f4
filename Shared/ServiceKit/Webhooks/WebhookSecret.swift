import Foundation

/// The key a partner and the region share to sign and verify Standard Webhooks.
///
/// Written as `whsec_` followed by the key in base64, as the Standard Webhooks libraries
/// do. The value never shows its key when printed, logged or dumped: use ``encoded`` on
/// purpose, to hand the secret over once or to store it.
public struct WebhookSecret: Sendable, Equatable, CustomStringConvertible {
    /// The prefix that marks a Standard Webhooks secret.
    public static let prefix = "whsec_"

    /// The key lengths accepted, in bytes: shorter keys are too weak for HMAC-SHA256,
    /// longer ones gain nothing (a key over the 64-byte block size is hashed first).
    public static let keyLengths = 24...64

    /// The raw HMAC key.
    public let key: [UInt8]

    /// Reads a secret as `whsec_<base64>` or as bare base64; the error never contains it.
    public init(_ text: String) throws(WebhookSecretError) {
        var body = Substring(text.trimmingCharacters(in: .whitespacesAndNewlines))
        if body.hasPrefix(Self.prefix) { body = body.dropFirst(Self.prefix.count) }
        let padding = String(repeating: "=", count: (4 - body.count % 4) % 4)
        guard !body.isEmpty, let data = Data(base64Encoded: String(body) + padding) else {
            throw WebhookSecretError(.notBase64, "the webhook secret is not 'whsec_' followed by base64 (A-Z, a-z, 0-9, +, /)")
        }
        guard Self.keyLengths.contains(data.count) else {
            throw WebhookSecretError(
                .wrongLength,
                "the webhook secret's key is \(data.count) bytes; it must be \(Self.keyLengths.lowerBound) to \(Self.keyLengths.upperBound)")
        }
        key = Array(data)
    }

    /// A new secret of 32 random bytes from the system's secure generator.
    public static func generate() -> WebhookSecret {
        var generator = SystemRandomNumberGenerator()
        return WebhookSecret(key: (0..<32).map { _ in UInt8.random(in: .min ... .max, using: &generator) })
    }

    private init(key: [UInt8]) {
        self.key = key
    }

    /// The secret as the partner receives it and the database stores it: `whsec_<base64>`.
    public var encoded: String { Self.prefix + Data(key).base64EncodedString() }

    /// `whsec_…`: never the key, so that a secret can be interpolated into a log safely.
    public var description: String { Self.prefix + "…" }
}

extension WebhookSecret: CustomReflectable {
    /// An empty mirror, so that `dump` and debuggers do not show the key either.
    public var customMirror: Mirror { Mirror(self, children: [:]) }
}
