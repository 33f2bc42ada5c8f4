import Foundation
@testable import Pip
import TestSupport
import Testing

@Suite struct PipOpenAPITests {
    /// Every route pip serves is in its OpenAPI document, and nothing else.
    @Test func theDocumentDescribesExactlyTheRoutes() throws {
        let built = try ServiceHarness(pipService) { try PipApp($0).parts() }.routes()
        #expect(built.routes == built.document.routes)
        #expect(built.routes.isSuperset(of: [
            "GET /api/v1/pips", "GET /api/v1/pips/{id}", "PUT /api/v1/pips/{id}", "POST /api/v1/pips/{id}/vaststellen",
            "POST /api/v1/pips/{id}/wijzigingen", "POST /api/v1/pips/{id}/bezwaren", "GET /api/v1/pips/{id}/beschikking",
        ]))
    }
}
