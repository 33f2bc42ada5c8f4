public import Foundation
public import Hummingbird
import Logging
import Prometheus
public import ServiceKit

/// A service as its launcher builds it, in-process on a fresh database in a temporary
/// directory, on a manual clock: for route tests (`router`, with HummingbirdTesting) and for
/// comparing the routes with the OpenAPI document.
public struct ServiceHarness: Sendable {
    public let directory: TemporaryDirectory
    public let dependencies: ServiceApplication.Dependencies
    public let clock: ManualClock
    public let parts: ServiceParts

    /// Builds `descriptor`'s service with `parts` for the demo region's municipalities, its
    /// own settings as in `settings` (by key), the clock at `start` (2027-01-01 by default).
    public init(
        _ descriptor: ServiceDescriptor, settings: [String: String] = [:], start: Date = Date(timeIntervalSince1970: 1_798_761_600),
        parts build: (ServiceApplication.Dependencies) throws -> ServiceParts
    ) throws {
        directory = try TemporaryDirectory()
        let configuration = ServiceConfiguration(
            region: "test", httpHost: "127.0.0.1", httpPort: 0, stateDirectory: directory.path, queueDirectory: directory.path + "/queue",
            settings: settings)
        let database = try ServiceDatabase.open(path: configuration.databasePath(for: descriptor), migrations: descriptor.migrations)
        clock = ManualClock(start)
        dependencies = try ServiceApplication.Dependencies(
            descriptor: descriptor, configuration: configuration, database: database, registry: PrometheusCollectorRegistry(),
            logger: Logger(label: "test"), clock: clock)
        parts = try build(dependencies)
    }

    /// The router and document as the launcher builds them: the parts' routes and, when the
    /// service takes partners' webhooks, the webhook route.
    public func build() throws -> (router: Router<ServiceRequestContext>, document: OpenAPIDocument) {
        let receiver = parts.webhooks.isEmpty
            ? nil : WebhookReceiver(handlers: parts.webhooks, database: dependencies.database, jobs: dependencies.jobs, logger: dependencies.logger)
        let routes = parts.routes
        return try ServiceApplication.buildRouter(dependencies) { router, document, dependencies in
            try routes(router, &document, dependencies)
            receiver?.install(on: router, document: &document)
        }
    }

    /// The served routes as `METHOD /path`, and the document, to compare.
    public func routes() throws -> (routes: Set<String>, document: OpenAPIDocument) {
        let built = try build()
        return (Set(built.router.routes.map { "\($0.method.rawValue) \($0.path.description)" }), built.document)
    }

    /// A bearer token with `role`, for requests.
    public func token(_ role: Role) throws -> String {
        try dependencies.tokens.create(role: role, label: "test", now: clock.now()).secret
    }
}
