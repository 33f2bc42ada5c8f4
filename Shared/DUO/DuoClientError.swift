/// A question DUO did not answer. Names the path (with the BSN left out) and the status.
public struct DuoClientError: Error, CustomStringConvertible, Equatable {
    public enum Code: Sendable, Equatable {
        /// DUO knows no such person or result (404).
        case notFound
        /// DUO refused (403): the person is not this municipality's, or the certificate is not accepted.
        case refused
        /// DUO answered 5xx or could not be reached, every attempt.
        case unavailable
        /// DUO's answer was not what its API describes.
        case unexpected
        /// The certificate, key or CA file cannot be used.
        case configuration
    }

    public let code: Code
    public let description: String

    init(_ code: Code, _ description: String) {
        self.code = code
        self.description = description
    }
}
