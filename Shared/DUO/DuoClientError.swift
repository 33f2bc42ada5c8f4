/// A question DUO did not answer. Names the path (with the BSN left out) and the status.
public struct DuoClientError: Error, CustomStringConvertible, Equatable {
    /// What went wrong. A struct with static members rather than an enum, so that a new
    /// case is not a breaking change for callers.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        /// A stable, lowercase name.
        public let name: String

        private init(_ name: String) { self.name = name }

        public var description: String { name }

        /// DUO found the request malformed (400).
        public static let badRequest = Code("bad-request")
        /// DUO knows no such person or result (404).
        public static let notFound = Code("not-found")
        /// DUO refused (403): the person is not this municipality's, or the certificate is not accepted.
        public static let refused = Code("refused")
        /// DUO answered 5xx or could not be reached, every attempt.
        public static let unavailable = Code("unavailable")
        /// DUO's answer was not what its API describes.
        public static let unexpected = Code("unexpected")
        /// The certificate, key or CA file cannot be used.
        public static let configuration = Code("configuration")
    }

    public let code: Code
    public let description: String
    /// DUO's own words (`fouttekst`), when its answer carried them.
    public let fouttekst: String?
    /// DUO's HTTP status, when it answered.
    public let status: Int?

    init(_ code: Code, _ description: String, fouttekst: String? = nil, status: Int? = nil) {
        self.code = code
        self.description = description
        self.fouttekst = fouttekst
        self.status = status
    }
}
