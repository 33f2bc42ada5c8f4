/// A partner operation that cannot be done; the description is one line an operator can act on.
public struct PartnerRegistryError: Error, Equatable, CustomStringConvertible {
    /// What went wrong. A struct with static members rather than an enum, so that a new
    /// case is not a breaking change for callers.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        /// A stable, lowercase name.
        public let name: String

        private init(_ name: String) { self.name = name }

        public var description: String { name }

        /// No partner has this id.
        public static let unknownPartner = Code("unknown-partner")
        /// A partner with this id exists already.
        public static let duplicatePartner = Code("duplicate-partner")
        /// The id is not 1 to 64 lowercase letters, digits and dashes.
        public static let invalidId = Code("invalid-id")
        /// The name is empty.
        public static let invalidName = Code("invalid-name")
        /// No event types, or one that is not letters, digits, dots, dashes and underscores.
        public static let invalidEventType = Code("invalid-event-type")
        /// A delivery URL that is not https (or http to this host).
        public static let invalidURL = Code("invalid-url")
    }

    /// What went wrong, for code that reacts to it.
    public let code: Code
    /// One line an operator can act on.
    public let description: String

    init(_ code: Code, _ description: String) {
        self.code = code
        self.description = description
    }

    static func unknown(_ id: String) -> Self {
        Self(.unknownPartner, "no partner '\(id)': 'inburgeringctl partners list' shows this service's partners")
    }
}
