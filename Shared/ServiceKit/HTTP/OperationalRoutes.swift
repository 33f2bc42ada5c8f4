import Foundation
import GRDB
import Hummingbird
import Prometheus

/// The routes every service has: liveness, readiness, metrics and its OpenAPI document.
struct OperationalRoutes {
    let database: DatabasePool
    let queueDirectory: String
    let registry: PrometheusCollectorRegistry

    func add(to router: Router<ServiceRequestContext>, document: inout OpenAPIDocument) {
        router.get("/healthz") { _, _ in
            Response(status: .ok, headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(string: #"{"status":"ok"}"#)))
        }
        document.add("GET", "/healthz", .init(
            operationId: "getHealth", summary: "The process is up.", tag: "operations", authenticated: false,
            responses: ["200": .init("The process answers.", schema: .object(["status": .oneOf(["ok"])], required: ["status"]))]))

        router.get("/readyz") { _, _ in try await readiness() }
        document.add("GET", "/readyz", .init(
            operationId: "getReadiness", summary: "The database and the queue directory are usable.", tag: "operations",
            authenticated: false,
            responses: ["200": .init("Ready to work."), "503": .problem("A dependency is not usable; the detail names it.")]))

        router.get("/metrics") { _, _ in
            Response(
                status: .ok, headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"],
                body: .init(byteBuffer: ByteBuffer(bytes: registry.emitToBuffer())))
        }
        document.add("GET", "/metrics", .init(
            operationId: "getMetrics", summary: "Prometheus metrics.", tag: "operations", authenticated: false,
            responses: ["200": .init("Prometheus text format.", mediaType: "text/plain")]))

        document.add("GET", "/api/v1/openapi.json", .init(
            operationId: "getOpenAPIDocument", summary: "This document.", tag: "operations", authenticated: false,
            responses: ["200": .init("The OpenAPI 3.1 document.")]))
        let body = ByteBuffer(bytes: (try? JSONEncoder.sorted.encode(document)) ?? Data())
        router.get("/api/v1/openapi.json") { _, _ in
            Response(status: .ok, headers: [.contentType: "application/json"], body: .init(byteBuffer: body))
        }
    }

    private func readiness() async throws -> Response {
        var failures: [String] = []
        do {
            _ = try await database.read { try Int.fetchOne($0, sql: "SELECT 1") }
        } catch {
            failures.append("the database cannot be read")
        }
        var isDirectory: ObjCBool = false
        if !FileManager.default.fileExists(atPath: queueDirectory, isDirectory: &isDirectory) || !isDirectory.boolValue
            || access(queueDirectory, W_OK) != 0
        {
            failures.append("the queue directory \(queueDirectory) is missing or not writable")
        }
        guard failures.isEmpty else {
            throw ProblemDetails(
                status: .serviceUnavailable, type: "urn:inburgering:problem:not-ready", title: "Not ready",
                detail: failures.joined(separator: "; "))
        }
        return Response(status: .ok, headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(string: #"{"status":"ready"}"#)))
    }
}

extension JSONEncoder {
    /// Sorted keys and unescaped slashes, for stable documents.
    static var sorted: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }
}
