import Foundation
public import Models

/// The OpenAPI 3.1 document a service serves at `/api/v1/openapi.json`.
///
/// Each route a service adds is described next to where it is added, and a test compares
/// the document with the router so the two cannot drift apart. What every route shares is
/// added here once: the path parameters its template names, `401` and `403` for an
/// authenticated route, `400`, `413` and `415` for one that reads a JSON body, all as shared
/// components; the problem+json schema for every error.
public struct OpenAPIDocument: Sendable, Encodable {
    public let openapi = "3.1.0"
    public var info: [String: String]
    /// Path → lowercase method → operation.
    public private(set) var paths: [String: [String: Operation]] = [:]
    public let components = Components()

    public init(title: String, summary: String) {
        self.info = ["title": title, "summary": summary, "version": ResponseHeadersMiddleware<ServiceRequestContext>.apiVersion]
    }

    /// Describes `method` on `path` (OpenAPI template form: `/api/v1/pips/{id}`). Each `{name}`
    /// becomes a required path parameter (a string, unless `operation` describes it).
    public mutating func add(_ method: String, _ path: String, _ operation: Operation) {
        var operation = operation
        for name in Self.templateNames(path) where !operation.parameters.contains(where: { $0.in == "path" && $0.name == name }) {
            operation.parameters.append(.path(name, .string(minLength: 1)))
        }
        operation.parameters.sort { ($0.in, $0.name) < ($1.in, $1.name) }
        operation.addSharedResponses()
        paths[path, default: [:]][method.lowercased()] = operation
    }

    /// Every `METHOD path` the document describes, e.g. `GET /healthz`.
    public var routes: Set<String> {
        Set(paths.flatMap { path, operations in operations.keys.map { "\($0.uppercased()) \(path)" } })
    }

    /// The names in a path template, in order: `["id", "nummer"]` for `/x/{id}/y/{nummer}`.
    static func templateNames(_ path: String) -> [String] {
        path.split(separator: "/").filter { $0.hasPrefix("{") && $0.hasSuffix("}") }.map { String($0.dropFirst().dropLast()) }
    }

    /// What every operation refers to.
    public struct Components: Sendable, Encodable {
        let securitySchemes = ["bearerAuth": ["type": "http", "scheme": "bearer"]]
        let schemas: [String: JSONSchema] = [
            "Problem": .object(
                [
                    "type": .string(), "title": .string(), "status": .integer(), "detail": .string(), "instance": .string(),
                    "invalidParams": .array(of: .object(["name": .string(), "reason": .string()], required: ["name", "reason"])),
                ],
                required: ["type", "title", "status", "detail"]),
        ]
        let responses: [String: Response] = [
            "Unauthorized": .problem("No bearer token, or one that is malformed, unknown or revoked.", headers: ["WWW-Authenticate": .string()]),
            "Forbidden": .problem("The token's role may not do this, or the thing belongs to another municipality or party."),
            "InvalidBody": .problem("The body is not as described: the fields are named in invalidParams."),
            "ContentTooLarge": .problem("The body is larger than the service's limit."),
            "UnsupportedMediaType": .problem("The body is not declared as JSON (Content-Type: application/json)."),
        ]
    }
}
