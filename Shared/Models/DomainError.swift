/// What a domain rule or a store refused, below HTTP: the services' one error for "this
/// cannot be done", with a ``Code`` that says which kind of refusal and the fields it is
/// about. ServiceKit turns it into problem+json in one place (400, 403, 404 or 409), a
/// durable job into a final failure; an event handler's is retried like any error and then
/// dead-lettered with it (docs/queue.md).
///
/// The ``detail`` is written for the person who asked and never holds personal data (ids,
/// field names and dates only), so it may be shown, logged and stored.
public struct DomainError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The kind of refusal. A struct with static members rather than an enum, so that a new
    /// kind is not a breaking change for code that switches over the known ones.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        /// A stable, lowercase name, e.g. `conflict`.
        public let name: String

        private init(_ name: String) { self.name = name }

        /// The input's fields are not acceptable (HTTP 400).
        public static let invalidInput = Code("invalid-input")
        /// The caller may not do this (HTTP 403).
        public static let forbidden = Code("forbidden")
        /// There is no such thing (HTTP 404).
        public static let notFound = Code("not-found")
        /// The thing's current state does not allow it (HTTP 409).
        public static let conflict = Code("conflict")

        public var description: String { name }
    }

    /// One field of the input that was not acceptable, and why.
    public struct FieldProblem: Sendable, Equatable, Codable {
        /// The field, as a JSON path (`persoon.bsn`), or a header or query name.
        public var name: String
        /// Why, as the end of a sentence that starts with the field's name.
        public var reason: String

        public init(name: String, reason: String) {
            self.name = name
            self.reason = reason
        }
    }

    /// Which kind of refusal.
    public var code: Code
    /// What was refused and what to do about it, for a person.
    public var detail: String
    /// The fields the refusal is about; empty when it is about the thing's state.
    public var fields: [FieldProblem]

    public init(_ code: Code, _ detail: String, fields: [FieldProblem] = []) {
        self.code = code
        self.detail = detail
        self.fields = fields
    }

    public var description: String { "\(code): \(detail)" }
}

extension DomainError {
    /// One field is not acceptable: `detail` reads "field 'name' reason".
    public static func invalid(_ field: FieldProblem) -> Self {
        Self(.invalidInput, "field '\(field.name)' \(field.reason)", fields: [field])
    }

    /// One field is not acceptable.
    public static func invalid(_ name: String, _ reason: String) -> Self {
        invalid(FieldProblem(name: name, reason: reason))
    }

    /// The state refuses what was asked, for the reasons given by field: `detail` starts
    /// with `what` and lists them.
    public static func refused(_ what: String, _ fields: [FieldProblem]) -> Self {
        Self(.conflict, what + ": " + fields.map { "\($0.name) \($0.reason)" }.joined(separator: "; "), fields: fields)
    }

    /// The thing's current state does not allow it.
    public static func conflict(_ detail: String) -> Self { Self(.conflict, detail) }

    /// There is no such thing.
    public static func notFound(_ detail: String) -> Self { Self(.notFound, detail) }

    /// The caller may not do this.
    public static func forbidden(_ detail: String) -> Self { Self(.forbidden, detail) }
}
