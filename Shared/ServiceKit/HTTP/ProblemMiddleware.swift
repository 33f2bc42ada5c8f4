import Hummingbird
import Logging
import Models

/// Turns every error thrown below it into an RFC 9457 problem response, so a client never
/// sees another error shape, and logs unexpected errors by type and request id only.
struct ProblemMiddleware<Context: RequestContext>: RouterMiddleware {
    let bodyLimit: Int
    /// The methods of the routes, for `405` with `Allow`.
    let routes: RouteMethods

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let problem as ProblemDetails {
            return try problem.response(from: request, context: context)
        } catch let error as DomainError {
            return try ProblemDetails(error).response(from: request, context: context)
        } catch let problem as UnauthorizedProblem {
            return try problem.response(from: request, context: context)
        } catch let error as any HTTPResponseError {
            if error.status == .notFound, let allowed = routes.methods(for: request.uri.path), !allowed.contains(request.method.rawValue) {
                var response = try ProblemDetails(
                    status: .methodNotAllowed, detail: "this path answers \(allowed.joined(separator: ", ")); GET /api/v1/openapi.json lists the routes"
                ).response(from: request, context: context)
                response.headers[.allow] = allowed.joined(separator: ", ")
                return response
            }
            return try problem(for: error.status).response(from: request, context: context)
        } catch {
            context.logger.error("request failed", metadata: ["error.type": "\(type(of: error))"])
            return try ProblemDetails(
                status: .internalServerError, type: "urn:inburgering:problem:internal", title: "Internal error",
                detail: "the service could not complete the request; the operator can find it in the log by its request id \(context.id)"
            ).response(from: request, context: context)
        }
    }

    /// A problem for errors Hummingbird raises itself (no route, body too large, wrong method).
    private func problem(for status: HTTPResponse.Status) -> ProblemDetails {
        switch status {
        case .notFound:
            .notFound("there is nothing at this path; GET /api/v1/openapi.json lists the routes")
        case .contentTooLarge:
            ProblemDetails(
                status: .contentTooLarge, type: "urn:inburgering:problem:body-too-large", title: "Body too large",
                detail: "the request body is larger than the limit of \(bodyLimit) bytes")
        case .methodNotAllowed:
            ProblemDetails(status: .methodNotAllowed, detail: "this path does not accept that method; GET /api/v1/openapi.json lists the routes")
        default:
            ProblemDetails(status: status, detail: status.reasonPhrase)
        }
    }
}
