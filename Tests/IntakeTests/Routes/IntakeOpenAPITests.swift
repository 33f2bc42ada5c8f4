import Foundation
@testable import Intake
import ServiceKit
import TestSupport
import Testing

@Suite struct IntakeOpenAPITests {
    /// Every route intake serves, webhooks included, is in its OpenAPI document, and nothing else.
    @Test func theDocumentDescribesExactlyTheRoutes() throws {
        let built = try ServiceHarness(intakeService) { try IntakeApp($0).parts() }.routes()
        #expect(built.routes == built.document.routes)
        let json = String(decoding: try JSONEncoder().encode(built.document), as: UTF8.self)
        for type in ["coa.koppeling.aangemaakt", "coa.koppeling.gewijzigd", "coa.koppeling.ingetrokken"] {
            #expect(json.contains(type), "the document names the webhook type \(type)")
        }
        #expect(built.routes.isSuperset(of: [
            "GET /api/v1/inburgeraars", "GET /api/v1/inburgeraars/{id}", "GET /api/v1/audit", "POST /api/v1/webhooks/{partnerId}",
            "POST /duo/v1/notificaties", "GET /api/v1/duo/notificaties",
        ]))
    }
}
