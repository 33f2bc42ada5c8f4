public import Foundation
import Crypto

/// Signs and verifies webhooks as the Standard Webhooks specification (standardwebhooks.com)
/// describes: HMAC-SHA256 over `<webhook-id>.<webhook-timestamp>.<body>`, with the raw
/// body bytes exactly as sent, and the signature header a space-separated list of
/// `v1,<base64>`.
///
/// Partners sign what they send us this way, and the notifier signs what it sends them.
public enum StandardWebhooks {
    /// The message's id: unique per message, the same on every retry of it.
    public static let idHeader = "webhook-id"
    /// Seconds since 1970-01-01T00:00:00Z, as an integer.
    public static let timestampHeader = "webhook-timestamp"
    /// `v1,<base64>` entries separated by spaces.
    public static let signatureHeader = "webhook-signature"

    /// The `webhook-signature` value for a message: `v1,<base64 of the HMAC-SHA256>`.
    public static func sign(id: String, timestamp: Int64, body: [UInt8], secret: WebhookSecret) -> String {
        "v1," + Data(mac(id: id, timestamp: String(timestamp), body: body, key: secret.key)).base64EncodedString()
    }

    /// Checks a received message's three headers against its raw body; returns normally
    /// when it is authentic and fresh.
    ///
    /// - Parameters:
    ///   - secrets: every secret valid for the sender (two during a rotation); any may match.
    ///   - now: the current time, injected so that tests need not wait.
    ///   - tolerance: how far the timestamp may lie from `now`, in either direction. The
    ///     bound is inclusive: a message exactly `tolerance` old passes, one a second older fails.
    /// - Throws: the first problem found, in this order: a missing header, a malformed
    ///   timestamp, a timestamp outside the window, no matching `v1` signature.
    public static func verify(
        id: String?, timestamp: String?, signature: String?, body: [UInt8], secrets: [WebhookSecret], now: Date,
        tolerance: Duration = .seconds(300)
    ) throws(WebhookVerificationError) {
        guard let id = present(id) else { throw WebhookVerificationError(.missingHeader(idHeader)) }
        guard let timestamp = present(timestamp) else { throw WebhookVerificationError(.missingHeader(timestampHeader)) }
        guard let signature = present(signature) else { throw WebhookVerificationError(.missingHeader(signatureHeader)) }
        guard timestamp.count <= 18, timestamp.allSatisfy({ $0.isASCII && $0.isNumber }), let seconds = Int64(timestamp) else {
            throw WebhookVerificationError(.malformedTimestamp)
        }
        let age = now.timeIntervalSince1970 - Double(seconds)
        let window = Double(tolerance.components.seconds) + Double(tolerance.components.attoseconds) / 1e18
        if age > window { throw WebhookVerificationError(.timestampTooOld) }
        if -age > window { throw WebhookVerificationError(.timestampTooNew) }

        let candidates = signature.split(separator: " ").compactMap { entry -> [UInt8]? in
            guard let comma = entry.firstIndex(of: ","), entry[..<comma] == "v1" else { return nil }
            return Data(base64Encoded: String(entry[entry.index(after: comma)...])).map { Array($0) }
        }
        var matched = false
        for secret in secrets {
            let expected = mac(id: id, timestamp: timestamp, body: body, key: secret.key)
            for candidate in candidates where constantTimeEqual(expected, candidate) { matched = true }
        }
        guard matched else { throw WebhookVerificationError(.noValidSignature) }
    }

    private static func mac(id: String, timestamp: String, body: [UInt8], key: [UInt8]) -> [UInt8] {
        var hmac = HMAC<SHA256>(key: SymmetricKey(data: key))
        hmac.update(data: Array(id.utf8))
        hmac.update(data: [UInt8(ascii: ".")])
        hmac.update(data: Array(timestamp.utf8))
        hmac.update(data: [UInt8(ascii: ".")])
        hmac.update(data: body)
        return Array(hmac.finalize())
    }

    /// Compares every byte whatever the differences, so that timing reveals nothing about
    /// how much of a forged signature was right. Lengths are public (SHA-256 is 32 bytes).
    private static func constantTimeEqual(_ lhs: [UInt8], _ rhs: [UInt8]) -> Bool {
        guard lhs.count == rhs.count else { return false }
        var difference: UInt8 = 0
        for index in lhs.indices { difference |= lhs[index] ^ rhs[index] }
        return difference == 0
    }

    private static func present(_ header: String?) -> String? {
        guard let value = header?.trimmingCharacters(in: .whitespaces), !value.isEmpty else { return nil }
        return value
    }
}
