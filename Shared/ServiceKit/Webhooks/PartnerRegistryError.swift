/// A partner operation that cannot be done; the description is one line an operator can act on.
public struct PartnerRegistryError: Error, Equatable, CustomStringConvertible {
    /// What went wrong.
    public enum Code: Sendable, Equatable {
        /// No partner has this id.
        case unknownPartner
        /// A partner with this id exists already.
        case duplicatePartner
        /// The id is not 1 to 64 lowercase letters, digits and dashes.
        case invalidId
        /// The name is empty.
        case invalidName
        /// No event types, or one that is not letters, digits, dots, dashes and underscores.
        case invalidEventType
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
