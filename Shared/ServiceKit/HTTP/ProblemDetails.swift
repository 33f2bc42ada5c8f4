import Foundation
public import Hummingbird
public import Models

/// An RFC 9457 problem: every error a service answers is one of these, as
/// `application/problem+json`, with a `detail` a person can act on and no personal data.
public struct ProblemDetails: Error, Sendable, Equatable, Codable, HTTPResponseError {
    /// One field of the request that was not acceptable, and why: the domain's own
    /// ``DomainError/FieldProblem``, so a refusal below HTTP reaches the client unchanged.
    public typealias InvalidParam = DomainError.FieldProblem

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

extension ProblemDetails {
    /// The problem that answers a domain refusal: 400 with the fields, 403, 404 or 409; a
    /// code this version does not know is a 409 (the state refused).
    public init(_ error: DomainError) {
        switch error.code {
        case .invalidInput: self = .invalidInput(error.detail, error.fields)
        case .forbidden: self = .forbidden(error.detail)
        case .notFound: self = .notFound(error.detail)
        default:
            self = .conflict(error.detail)
            invalidParams = error.fields.isEmpty ? nil : error.fields
        }
    }
}
