public import Hummingbird

/// The request context of every service: Hummingbird's core, the authenticated principal
/// and the configured body limit.
public struct ServiceRequestContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    /// Who made the request, once the bearer-token middleware has run.
    public var principal: Principal?
    /// Largest body a route will read, in bytes (413 beyond).
    public var maxUploadSize: Int

    public init(source: ApplicationRequestContextSource) {
        self.coreContext = .init(source: source)
        self.principal = nil
        self.maxUploadSize = 1 << 20
    }

    /// The principal, or a 401 problem when the route was reached without one.
    public func requirePrincipal() throws -> Principal {
        guard let principal else { throw ProblemDetails.unauthenticated("this route needs a bearer token") }
        return principal
    }
}
