import Foundation
import TestSupport
import Testing
@testable import ContractMonitor

@Suite struct ContractMonitorOpenAPITests {
    /// Every route contract-monitor serves is in its OpenAPI document, and nothing else.
    @Test func theDocumentDescribesExactlyTheRoutes() throws {
        let built = try ContractMonitorFixture().harness.routes()
        #expect(built.routes == built.document.routes)
        #expect(built.routes.isSuperset(of: [
            "GET /api/v1/aanbieders", "POST /api/v1/percelen", "PUT /api/v1/contracten/{id}", "GET /api/v1/contracten/{id}/versies",
            "POST /api/v1/contracten/{id}/beeindiging", "GET /api/v1/register", "PUT /api/v1/register", "POST /api/v1/instellingen/synchronisaties",
        ]))
    }
}
