import Foundation
import HummingbirdTesting
import ServiceKit
import Testing

@Suite struct OperationalRoutesTests {
    let service: TestService

    init() throws { service = try TestService() }

    @Test func healthAndReadinessAnswer() async throws {
        try await service.test { client in
            let health = try await client.execute(uri: "/healthz", method: .get)
            let readiness = try await client.execute(uri: "/readyz", method: .get)
            #expect(health.status == .ok)
            #expect(readiness.status == .ok)
        }
    }

    @Test func readinessFailsWhenTheQueueDirectoryIsGone() async throws {
        try FileManager.default.removeItem(atPath: service.dependencies.configuration.queueDirectory)
        try await service.test { client in
            let problem = try expectProblem(try await client.execute(uri: "/readyz", method: .get), status: 503)
            #expect(problem.detail.contains("queue directory"))
        }
    }

    @Test func metricsCountRequestsByRouteAndStatus() async throws {
        try await service.test { client in
            _ = try await client.execute(uri: "/healthz", method: .get)
            _ = try await client.execute(uri: "/healthz", method: .get)
            _ = try await client.execute(uri: "/nergens/111222333", method: .get)
            let response = try await client.execute(uri: "/metrics", method: .get)
            #expect(response.status == .ok)
            #expect(response.headers[.contentType]?.hasPrefix("text/plain") == true)
            let text = String(buffer: response.body)
            #expect(text.contains(#"http_requests_total{method="GET",route="/healthz",status="200"} 2"#))
            #expect(text.contains(#"status="404""#))
            #expect(text.contains("http_request_duration_seconds_bucket"))
            #expect(!text.contains("111222333"), "a concrete path must never become a label")
        }
    }

    @Test func theOpenAPIDocumentDescribesExactlyTheRoutes() async throws {
        let routes = Set(service.router.routes.map { "\($0.method.rawValue) \($0.path.description)" })
        #expect(routes == service.document.routes)
        #expect(routes.contains("POST /api/v1/aanvragen"))
        try await service.test { client in
            let response = try await client.execute(uri: "/api/v1/openapi.json", method: .get)
            let document = try #require(try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any])
            #expect(document["openapi"] as? String == "3.1.0")
            let paths = try #require(document["paths"] as? [String: [String: Any]])
            let served = Set(paths.flatMap { path, operations in operations.keys.map { "\($0.uppercased()) \(path)" } })
            #expect(served == routes)
        }
    }
}
