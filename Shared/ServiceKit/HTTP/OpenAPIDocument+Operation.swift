public import Models

extension OpenAPIDocument {
    /// One operation: a method on a path.
    public struct Operation: Sendable, Encodable {
        public var operationId: String
        public var summary: String
        public var tags: [String]
        /// `nil` for a public route; otherwise the bearer scheme.
        public var security: [[String: [String]]]?
        public var parameters: [Parameter]
        public var requestBody: RequestBody?
        public var responses: [String: Response]

        /// An operation; `parameters` are its query and header parameters and any path
        /// parameter that is more than a string; `body` the schema of the body it reads, as
        /// `bodyMediaType` (JSON unless said otherwise).
        public init(
            operationId: String, summary: String, tag: String, authenticated: Bool, parameters: [Parameter] = [], body: JSONSchema? = nil,
            bodyMediaType: String = "application/json", responses: [String: Response]
        ) {
            self.operationId = operationId
            self.summary = summary
            self.tags = [tag]
            self.security = authenticated ? [["bearerAuth": []]] : nil
            self.parameters = parameters
            self.requestBody = body.map { RequestBody(content: [bodyMediaType: .init(schema: $0)]) }
            self.responses = responses
        }

        /// The answers every route of its kind may give, where the route did not describe them itself.
        mutating func addSharedResponses() {
            if security != nil {
                responses["401"] = responses["401"] ?? .reference("Unauthorized")
                responses["403"] = responses["403"] ?? .reference("Forbidden")
            }
            if requestBody != nil {
                responses["400"] = responses["400"] ?? .reference("InvalidBody")
                responses["413"] = responses["413"] ?? .reference("ContentTooLarge")
                responses["415"] = responses["415"] ?? .reference("UnsupportedMediaType")
            }
        }

        enum CodingKeys: String, CodingKey {
            case operationId, summary, tags, security, parameters, requestBody, responses
        }

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(operationId, forKey: .operationId)
            try container.encode(summary, forKey: .summary)
            try container.encode(tags, forKey: .tags)
            try container.encodeIfPresent(security, forKey: .security)
            if !parameters.isEmpty { try container.encode(parameters, forKey: .parameters) }
            try container.encodeIfPresent(requestBody, forKey: .requestBody)
            try container.encode(responses, forKey: .responses)
        }
    }

    /// A parameter in the path, the query or a header.
    public struct Parameter: Sendable, Encodable {
        public var name: String
        public var `in`: String
        public var required: Bool
        public var description: String?
        public var schema: JSONSchema

        /// A path parameter (always required).
        public static func path(_ name: String, _ schema: JSONSchema) -> Self {
            Self(name: name, in: "path", required: true, description: nil, schema: schema)
        }

        /// An optional query parameter.
        public static func query(_ name: String, _ schema: JSONSchema, _ description: String? = nil) -> Self {
            Self(name: name, in: "query", required: false, description: description, schema: schema)
        }

        /// A request header.
        public static func header(_ name: String, _ schema: JSONSchema, required: Bool = true, _ description: String? = nil) -> Self {
            Self(name: name, in: "header", required: required, description: description, schema: schema)
        }
    }

    /// The JSON body an operation reads.
    public struct RequestBody: Sendable, Encodable {
        public var required = true
        public var content: [String: MediaType]
    }

    /// A body's media type and schema.
    public struct MediaType: Sendable, Encodable {
        public var schema: JSONSchema?
    }

    /// One response of an operation: described in place, or a shared one by reference.
    public struct Response: Sendable, Encodable {
        public var description: String?
        public var headers: [String: Header]?
        public var content: [String: MediaType]?
        public var ref: String?

        /// A header of a response.
        public struct Header: Sendable, Encodable {
            public var schema: JSONSchema
        }

        /// A response with a body of `mediaType` (none when nil), of `schema` when given.
        public init(_ description: String, mediaType: String? = "application/json", schema: JSONSchema? = nil) {
            self.description = description
            let schema = schema ?? (mediaType == ProblemDetails.mediaType ? .ref("Problem") : nil)
            self.content = mediaType.map { [$0: MediaType(schema: schema)] }
        }

        private init(ref: String) {
            self.ref = ref
        }

        /// The problem+json error response.
        public static func problem(_ description: String, headers: [String: JSONSchema] = [:]) -> Self {
            var response = Self(description, mediaType: ProblemDetails.mediaType)
            response.headers = headers.isEmpty ? nil : headers.mapValues(Header.init(schema:))
            return response
        }

        /// The document's shared response `name`.
        public static func reference(_ name: String) -> Self {
            Self(ref: "#/components/responses/\(name)")
        }

        enum CodingKeys: String, CodingKey {
            case description, headers, content, ref = "$ref"
        }
    }
}
