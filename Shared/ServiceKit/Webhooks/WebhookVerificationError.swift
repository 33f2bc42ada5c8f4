/// Why a received webhook was refused. The description tells the sender's developer what
/// to fix; it never repeats the signature or the secret, so it may go into a 401 response
/// and the partner's log.
public struct WebhookVerificationError: Error, Equatable, CustomStringConvertible {
    /// The check that failed.
    public enum Reason: Sendable, Equatable {
        /// The named header is absent or empty.
        case missingHeader(String)
        /// `webhook-timestamp` is not whole seconds since the epoch.
        case malformedTimestamp
        /// `webhook-timestamp` lies further in the past than the tolerance allows.
        case timestampTooOld
        /// `webhook-timestamp` lies further in the future than the tolerance allows.
        case timestampTooNew
        /// No `v1` entry of `webhook-signature` matches any of the sender's secrets.
        case noValidSignature
    }

    /// The check that failed.
    public let reason: Reason

    /// Makes the error for `reason`.
    public init(_ reason: Reason) {
        self.reason = reason
    }

    /// One line for the sender's developer.
    public var description: String {
        switch reason {
        case .missingHeader(let name):
            "the \(name) header is missing: send webhook-id, webhook-timestamp and webhook-signature with every message"
        case .malformedTimestamp:
            "webhook-timestamp is not whole seconds since 1970-01-01T00:00:00Z (such as 1614265330)"
        case .timestampTooOld:
            "webhook-timestamp is too far in the past: sign every delivery attempt, retries too, with the current time, and keep the sender's clock synchronised (NTP)"
        case .timestampTooNew:
            "webhook-timestamp is too far in the future: keep the sender's clock synchronised (NTP)"
        case .noValidSignature:
            "no v1 signature in webhook-signature matches: sign '<webhook-id>.<webhook-timestamp>.<body>' with HMAC-SHA256, keyed with the base64-decoded part of the secret after 'whsec_', over the body's bytes exactly as sent, and send 'v1,<base64 of the result>'"
        }
    }
}
