import Foundation
import Hummingbird
import Logging
import Prometheus
import ServiceKit

/// A service's router and OpenAPI document as its launcher builds them, on a fresh database
/// in `directory`: the routes as `METHOD /path` and the document, to compare.
func serviceRoutes(
    _ descriptor: ServiceDescriptor, in directory: String,
    routes: (ServiceApplication.Dependencies) throws -> ServiceApplication.RouteInstaller
) throws -> (routes: Set<String>, document: OpenAPIDocument) {
    let configuration = ServiceConfiguration(
        region: "test", httpHost: "127.0.0.1", httpPort: 0, stateDirectory: directory, queueDirectory: directory + "/queue")
    let database = try ServiceDatabase.open(path: configuration.databasePath(for: descriptor), migrations: descriptor.migrations)
    let dependencies = try ServiceApplication.Dependencies(
        descriptor: descriptor, configuration: configuration, database: database, registry: PrometheusCollectorRegistry(),
        logger: Logger(label: "test"))
    let built = try ServiceApplication.buildRouter(dependencies, routes: try routes(dependencies))
    return (Set(built.router.routes.map { "\($0.method.rawValue) \($0.path.description)" }), built.document)
}
