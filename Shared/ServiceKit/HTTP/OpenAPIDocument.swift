/// The OpenAPI 3.1 document a service serves at `/api/v1/openapi.json`.
///
/// Each route a service adds is described here next to where it is added, and a test
/// compares the document with the router so the two cannot drift apart.
public struct OpenAPIDocument: Sendable, Encodable {
    /// One operation: a method on a path.
    public struct Operation: Sendable, Encodable {
        public var operationId: String
        public var summary: String
        public var tags: [String]
        /// `nil` for a public route; otherwise the bearer scheme.
        public var security: [[String: [String]]]?
        public var responses: [String: Response]

        public init(operationId: String, summary: String, tag: String, authenticated: Bool, responses: [String: Response]) {
            self.operationId = operationId
            self.summary = summary
            self.tags = [tag]
            self.security = authenticated ? [["bearerAuth": []]] : nil
            self.responses = responses
        }
    }

    /// One response of an operation, by media type.
    public struct Response: Sendable, Encodable {
        public var description: String
        public var content: [String: [String: String]]?

        /// A response with a body of `mediaType`.
        public init(_ description: String, mediaType: String? = "application/json") {
            self.description = description
            self.content = mediaType.map { [$0: [:]] }
        }

        /// The problem+json error response.
        public static func problem(_ description: String) -> Self { Self(description, mediaType: ProblemDetails.mediaType) }
    }

    public let openapi = "3.1.0"
    public var info: [String: String]
    /// Path → lowercase method → operation.
    public private(set) var paths: [String: [String: Operation]] = [:]
    public let components: [String: [String: [String: String]]] = [
        "securitySchemes": ["bearerAuth": ["type": "http", "scheme": "bearer"]]
    ]

    public init(title: String, summary: String) {
        self.info = ["title": title, "summary": summary, "version": ResponseHeadersMiddleware<ServiceRequestContext>.apiVersion]
    }

    /// Describes `method` on `path` (OpenAPI template form: `/api/v1/pips/{id}`).
    public mutating func add(_ method: String, _ path: String, _ operation: Operation) {
        paths[path, default: [:]][method.lowercased()] = operation
    }

    /// Every `METHOD path` the document describes, e.g. `GET /healthz`.
    public var routes: Set<String> {
        Set(paths.flatMap { path, operations in operations.keys.map { "\($0.uppercased()) \(path)" } })
    }
}
