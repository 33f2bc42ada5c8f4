import Foundation
public import Hummingbird

/// An RFC 9457 problem: every error a service answers is one of these, as
/// `application/problem+json`, with a `detail` a person can act on and no personal data.
public struct ProblemDetails: Error, Sendable, Equatable, Codable, HTTPResponseError {
    /// One field of the request that was not acceptable, and why.
    public struct InvalidParam: Sendable, Equatable, Codable {
        /// The field, as a JSON path (`persoon.bsn`) or a header or query name.
        public var name: String
        public var reason: String

        public init(name: String, reason: String) {
            self.name = name
            self.reason = reason
        }
    }

    /// A URI naming the kind of problem, stable across releases.
    public var type: String
    /// A short, fixed summary of the kind of problem.
    public var title: String
    public var statusCode: Int
    /// What went wrong in this case and what to do about it.
    public var detail: String
    /// The request path the problem occurred on.
    public var instance: String?
    /// The fields that failed validation, for 400 answers.
    public var invalidParams: [InvalidParam]?

    public init(
        status: HTTPResponse.Status, type: String? = nil, title: String? = nil, detail: String,
        invalidParams: [InvalidParam]? = nil
    ) {
        self.statusCode = status.code
        self.type = type ?? "about:blank"
        self.title = title ?? status.reasonPhrase
        self.detail = detail
        self.invalidParams = invalidParams
    }

    public var status: HTTPResponse.Status { HTTPResponse.Status(code: statusCode) }

    /// The media type of a problem document.
    public static let mediaType = "application/problem+json"

    public func response(from request: Request, context: some RequestContext) throws -> Response {
        var problem = self
        problem.instance = problem.instance ?? request.uri.path
        let body = try Self.encoder.encode(problem)
        return Response(
            status: status,
            headers: [.contentType: Self.mediaType],
            body: .init(byteBuffer: ByteBuffer(bytes: body))
        )
    }

    enum CodingKeys: String, CodingKey {
        case type, title, statusCode = "status", detail, instance, invalidParams
    }

    private static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }()
}

extension ProblemDetails {
    /// 400: the request's fields were not acceptable.
    public static func invalidInput(_ detail: String, _ invalidParams: [InvalidParam] = []) -> Self {
        Self(status: .badRequest, type: "urn:inburgering:problem:invalid-input", title: "Invalid input", detail: detail,
             invalidParams: invalidParams.isEmpty ? nil : invalidParams)
    }

    /// 401: no valid credentials.
    public static func unauthenticated(_ detail: String) -> Self {
        Self(status: .unauthorized, type: "urn:inburgering:problem:unauthenticated", title: "Not authenticated", detail: detail)
    }

    /// 403: valid credentials that do not reach this resource.
    public static func forbidden(_ detail: String) -> Self {
        Self(status: .forbidden, type: "urn:inburgering:problem:forbidden", title: "Not allowed", detail: detail)
    }

    /// 404: nothing at this path or with this id.
    public static func notFound(_ detail: String) -> Self {
        Self(status: .notFound, type: "urn:inburgering:problem:not-found", title: "Not found", detail: detail)
    }

    /// 409: the request conflicts with the resource's current state.
    public static func conflict(_ detail: String) -> Self {
        Self(status: .conflict, type: "urn:inburgering:problem:conflict", title: "Conflict", detail: detail)
    }
}
