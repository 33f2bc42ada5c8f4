import Foundation
import GRDB
import Hummingbird
import HummingbirdTesting
import Logging
import Models
import Prometheus
import ServiceKit
import TestSupport

/// A service built the way the real ones are, with one authenticated test route, on a
/// fresh database in a temporary directory.
struct TestService {
    let directory: TemporaryDirectory
    let dependencies: ServiceApplication.Dependencies

    static let descriptor = ServiceDescriptor(name: "test", summary: "A service for tests.", defaultPort: 0)

    /// The body the test route takes.
    struct Aanvraag: Codable {
        var gemeente: GemeenteCode
        var bsn: BSN
        var uren: Int
    }

    init(bodyLimit: Int = 1 << 20, logger: Logger = Logger(label: "test"), clock: any ServiceClock = SystemClock()) throws {
        directory = try TemporaryDirectory()
        let configuration = ServiceConfiguration(
            region: "test", httpHost: "127.0.0.1", httpPort: 0, stateDirectory: directory.path,
            queueDirectory: directory.path + "/queue", httpBodyLimit: bodyLimit)
        try FileManager.default.createDirectory(atPath: configuration.queueDirectory, withIntermediateDirectories: true)
        let database = try ServiceDatabase.open(path: configuration.databasePath(for: Self.descriptor), migrations: [])
        dependencies = try .init(
            descriptor: Self.descriptor, configuration: configuration, database: database, registry: PrometheusCollectorRegistry(),
            logger: logger, clock: clock)
    }

    /// A klantmanager route: `POST /api/v1/aanvragen` with an ``Aanvraag`` of the token's municipality.
    static let routes: ServiceApplication.RouteInstaller = { router, document, dependencies in
        router.group("/api/v1/aanvragen")
            .add(middleware: BearerAuthMiddleware(tokens: dependencies.tokens))
            .post { request, context -> Response in
                let principal = try context.requirePrincipal()
                let aanvraag = try await request.decodeJSON(as: Aanvraag.self, context: context)
                try principal.requireKlantmanager(of: aanvraag.gemeente)
                return Response(status: .created)
            }
        document.add("POST", "/api/v1/aanvragen", .init(
            operationId: "createAanvraag", summary: "A test route.", tag: "test", authenticated: true,
            responses: ["201": .init("Created.", mediaType: nil)]))
    }

    var router: Router<ServiceRequestContext> { try! ServiceApplication.buildRouter(dependencies, routes: Self.routes).router }
    var document: OpenAPIDocument { try! ServiceApplication.buildRouter(dependencies, routes: Self.routes).document }

    /// Runs `test` against the application in process.
    func test(_ test: @escaping @Sendable (any TestClientProtocol) async throws -> Void) async throws {
        try await Application(router: router).test(.router, test)
    }
}
