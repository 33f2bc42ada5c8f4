import Foundation
import Logging
public import Hummingbird

/// Authenticates `Authorization: Bearer …` against the service's token store; answers
/// 401 (with `WWW-Authenticate`) when the header is missing, malformed or the token is
/// unknown or revoked. Apply it to the route groups that need a principal.
public struct BearerAuthMiddleware: RouterMiddleware {
    public typealias Context = ServiceRequestContext

    private let tokens: TokenStore

    public init(tokens: TokenStore) {
        self.tokens = tokens
    }

    public func handle(
        _ request: Request, context: ServiceRequestContext, next: (Request, ServiceRequestContext) async throws -> Response
    ) async throws -> Response {
        guard let header = request.headers[.authorization] else {
            throw Self.challenge("send a bearer token in the Authorization header; an operator makes one with 'inburgeringctl tokens create'")
        }
        let parts = header.split(separator: " ", maxSplits: 1)
        guard parts.count == 2, parts[0].lowercased() == "bearer" else {
            throw Self.challenge("the Authorization header must read 'Bearer <token>'")
        }
        guard let principal = try tokens.authenticate(secret: String(parts[1]).trimmingCharacters(in: .whitespaces)) else {
            throw Self.challenge("the bearer token is unknown or revoked; ask an operator for a new one")
        }
        var context = context
        context.principal = principal
        context.logger[metadataKey: "token"] = .string(principal.tokenId)
        return try await next(request, context)
    }

    private static func challenge(_ detail: String) -> UnauthorizedProblem {
        UnauthorizedProblem(problem: .unauthenticated(detail))
    }
}

/// A 401 problem that also carries the `WWW-Authenticate` challenge RFC 9110 requires.
struct UnauthorizedProblem: HTTPResponseError {
    let problem: ProblemDetails
    var status: HTTPResponse.Status { .unauthorized }

    func response(from request: Request, context: some RequestContext) throws -> Response {
        var response = try problem.response(from: request, context: context)
        response.headers[.wwwAuthenticate] = "Bearer"
        return response
    }
}
