import Foundation
@testable import Intake
import Logging
import Prometheus
import ServiceKit
import Testing

@Suite struct IntakeOpenAPITests {
    /// Every route intake serves, webhooks included, is in its OpenAPI document, and nothing else.
    @Test func theDocumentDescribesExactlyTheRoutes() throws {
        let directory = try TemporaryDirectory()
        let configuration = ServiceConfiguration(
            region: "test", httpHost: "127.0.0.1", httpPort: 0, stateDirectory: directory.path, queueDirectory: directory.path + "/queue")
        let database = try ServiceDatabase.open(path: configuration.databasePath(for: intakeService), migrations: intakeService.migrations)
        let dependencies = try ServiceApplication.Dependencies(
            descriptor: intakeService, configuration: configuration, database: database, registry: PrometheusCollectorRegistry(),
            logger: Logger(label: "test"))
        let receiver = WebhookReceiver(handlers: try IntakeApp.webhooks(dependencies), database: database, logger: Logger(label: "test"))
        let built = try ServiceApplication.buildRouter(dependencies) { router, document, dependencies in
            try IntakeApp.routes(router, &document, dependencies)
            receiver.install(on: router, document: &document)
        }
        let routes = Set(built.router.routes.map { "\($0.method.rawValue) \($0.path.description)" })
        #expect(routes == built.document.routes)
        let json = String(decoding: try JSONEncoder().encode(built.document), as: UTF8.self)
        for type in ["coa.koppeling.aangemaakt", "coa.koppeling.gewijzigd", "coa.koppeling.ingetrokken"] {
            #expect(json.contains(type), "the document names the webhook type \(type)")
        }
        #expect(routes.isSuperset(of: ["GET /api/v1/inburgeraars", "GET /api/v1/inburgeraars/{id}", "GET /api/v1/audit", "POST /api/v1/webhooks/{partnerId}"]))
    }
}
