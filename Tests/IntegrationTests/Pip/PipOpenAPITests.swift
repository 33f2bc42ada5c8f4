import Foundation
import Logging
@testable import Pip
import Prometheus
import ServiceKit
import Testing

@Suite struct PipOpenAPITests {
    /// Every route pip serves is in its OpenAPI document, and nothing else.
    @Test func theDocumentDescribesExactlyTheRoutes() throws {
        let directory = try TemporaryDirectory()
        let configuration = ServiceConfiguration(
            region: "test", httpHost: "127.0.0.1", httpPort: 0, stateDirectory: directory.path, queueDirectory: directory.path + "/queue")
        let database = try ServiceDatabase.open(path: configuration.databasePath(for: pipService), migrations: pipService.migrations)
        let dependencies = try ServiceApplication.Dependencies(
            descriptor: pipService, configuration: configuration, database: database, registry: PrometheusCollectorRegistry(),
            logger: Logger(label: "test"))
        let built = try ServiceApplication.buildRouter(dependencies, routes: PipApp.routes)
        let routes = Set(built.router.routes.map { "\($0.method.rawValue) \($0.path.description)" })
        #expect(routes == built.document.routes)
        #expect(routes.isSuperset(of: [
            "GET /api/v1/pips", "GET /api/v1/pips/{id}", "PUT /api/v1/pips/{id}", "POST /api/v1/pips/{id}/vaststellen",
            "POST /api/v1/pips/{id}/wijzigingen", "GET /api/v1/pips/{id}/beschikking",
        ]))
    }
}
