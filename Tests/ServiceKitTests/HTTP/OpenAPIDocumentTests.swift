import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import ServiceKit
import Testing

/// What the document adds to every route, and the 405 it makes possible.
@Suite struct OpenAPIDocumentTests {
    func json(_ document: OpenAPIDocument) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: JSONEncoder().encode(document)) as? [String: Any])
    }

    @Test func pathParametersAndSharedAnswersAreDeclaredOnce() throws {
        var document = OpenAPIDocument(title: "t", summary: "s")
        document.add("POST", "/api/v1/dingen/{id}/delen/{nummer}", .init(
            operationId: "x", summary: "x", tag: "x", authenticated: true, parameters: [.path("nummer", .integer(minimum: 1))],
            body: .object(["naam": .string()], required: ["naam"]), responses: ["201": .init("Made.")]))
        let paths = try #require(try json(document)["paths"] as? [String: [String: [String: Any]]])
        let operation = try #require(paths["/api/v1/dingen/{id}/delen/{nummer}"]?["post"])
        let parameters = try #require(operation["parameters"] as? [[String: Any]])
        #expect(parameters.map { $0["name"] as? String } == ["id", "nummer"])
        #expect(parameters.allSatisfy { $0["in"] as? String == "path" && $0["required"] as? Bool == true })
        #expect((parameters[1]["schema"] as? [String: Any])?["type"] as? String == "integer", "the route's own description wins")
        let responses = try #require(operation["responses"] as? [String: [String: Any]])
        #expect(Set(responses.keys) == ["201", "400", "401", "403", "413", "415"])
        #expect(responses["401"]?["$ref"] as? String == "#/components/responses/Unauthorized")
        let components = try #require(try json(document)["components"] as? [String: Any])
        #expect((components["schemas"] as? [String: Any])?["Problem"] != nil)
    }

    @Test func aPublicRouteWithoutABodyGetsNothingExtra() throws {
        var document = OpenAPIDocument(title: "t", summary: "s")
        document.add("GET", "/healthz", .init(operationId: "h", summary: "h", tag: "h", authenticated: false, responses: ["200": .init("Up.")]))
        let paths = try #require(try json(document)["paths"] as? [String: [String: [String: Any]]])
        #expect((paths["/healthz"]?["get"]?["responses"] as? [String: Any])?.keys.sorted() == ["200"])
        #expect(paths["/healthz"]?["get"]?["parameters"] == nil)
    }

    @Test func aKnownPathAskedWithAnotherMethodIs405WithAllow() async throws {
        let service = try TestService()
        try await service.test { client in
            let response = try await client.execute(uri: "/healthz", method: .init("TRACE")!)
            #expect(response.status == .methodNotAllowed)
            #expect(response.headers[.allow] == "GET")
            #expect(response.headers[.contentType] == "application/problem+json")
            let unknown = try await client.execute(uri: "/nergens", method: .init("TRACE")!)
            #expect(unknown.status == .notFound)
        }
    }
}
