public import HTTPTypes
import Hummingbird

/// Adds `API-Version` and the security headers to every response, errors included. A route
/// that serves a partner's API of its own version (DUO's) sets `API-Version` itself.
struct ResponseHeadersMiddleware<Context: RequestContext>: RouterMiddleware {
    /// The version of the HTTP API, reported in `API-Version` and the OpenAPI document.
    static var apiVersion: String { "1.0.0" }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var response = try await next(request, context)
        if response.headers[.apiVersion] == nil { response.headers[.apiVersion] = Self.apiVersion }
        response.headers[.xContentTypeOptions] = "nosniff"
        response.headers[.xFrameOptions] = "DENY"
        response.headers[.contentSecurityPolicy] = "default-src 'none'; frame-ancestors 'none'"
        response.headers[.referrerPolicy] = "no-referrer"
        if response.headers[.cacheControl] == nil {
            response.headers[.cacheControl] = "no-store"
        }
        return response
    }
}

extension HTTPField.Name {
    /// The version of the API that answered (Dutch API strategy, and DUO's APIs).
    public static var apiVersion: Self { Self("API-Version")! }
    static var xFrameOptions: Self { Self("X-Frame-Options")! }
    static var referrerPolicy: Self { Self("Referrer-Policy")! }
}
