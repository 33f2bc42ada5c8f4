import HTTPTypes
import NIOCore
import Foundation
import HummingbirdTesting
import Models
import ServiceKit
import Testing

@Suite struct ProblemResponseTests {
    let service: TestService
    let secret: String

    init() throws {
        service = try TestService(bodyLimit: 4096)
        secret = try service.dependencies.tokens.create(role: .klantmanager(try GemeenteCode("GM0193")), label: "test").secret
    }

    var auth: HTTPFields { [.authorization: "Bearer \(secret)", .contentType: "application/json"] }

    @Test func acceptedRequestGetsItsStatus() async throws {
        try await service.test { client in
            let response = try await client.execute(
                uri: "/api/v1/aanvragen", method: .post, headers: auth,
                body: ByteBuffer(string: #"{"gemeente":"GM0193","bsn":"111222333","uren":10}"#))
            #expect(response.status == .created)
            #expect(response.headers[.init("API-Version")!] == "1.0.0")
        }
    }

    @Test func invalidFieldIs400NamingTheFieldWithoutItsValue() async throws {
        try await service.test { client in
            let response = try await client.execute(
                uri: "/api/v1/aanvragen", method: .post, headers: auth,
                body: ByteBuffer(string: #"{"gemeente":"GM0193","bsn":"123456789","uren":10}"#))
            let problem = try expectProblem(response, status: 400)
            #expect(problem.invalidParams?.first?.name == "bsn")
            #expect(problem.detail.contains("elfproef"))
            #expect(!String(buffer: response.body).contains("123456789"))
        }
    }

    @Test(arguments: [
        (#"{"gemeente":"GM0193","bsn":"111222333"}"#, "uren", "is required"),
        (#"{"gemeente":"GM0193","bsn":"111222333","uren":"tien"}"#, "uren", "must be a whole number"),
        (#"{"gemeente":"Zwolle","bsn":"111222333","uren":1}"#, "gemeente", "GM"),
        (#"{"gemeente":"GM0193","#, "", "not valid JSON"),
    ])
    func eachBadBodyNamesWhatIsWrong(_ body: String, _ field: String, _ reason: String) async throws {
        try await service.test { client in
            let response = try await client.execute(uri: "/api/v1/aanvragen", method: .post, headers: auth, body: ByteBuffer(string: body))
            let problem = try expectProblem(response, status: 400)
            let param = try #require(problem.invalidParams?.first)
            #expect(param.name == field)
            #expect(param.reason.contains(reason))
        }
    }

    @Test func missingOrUnknownTokenIs401WithAChallenge() async throws {
        try await service.test { client in
            for headers: HTTPFields in [[:], [.authorization: "Bearer ibt_unknown"], [.authorization: "Basic abc"]] {
                let response = try await client.execute(uri: "/api/v1/aanvragen", method: .post, headers: headers, body: ByteBuffer(string: "{}"))
                try expectProblem(response, status: 401)
                #expect(response.headers[.wwwAuthenticate] == "Bearer")
            }
        }
    }

    @Test func anotherMunicipalityIs403() async throws {
        try await service.test { client in
            let response = try await client.execute(
                uri: "/api/v1/aanvragen", method: .post, headers: auth,
                body: ByteBuffer(string: #"{"gemeente":"GM0166","bsn":"111222333","uren":10}"#))
            let problem = try expectProblem(response, status: 403)
            #expect(problem.detail.contains("klantmanager:GM0166"))
        }
    }

    @Test func unknownPathIs404() async throws {
        try await service.test { client in
            try expectProblem(try await client.execute(uri: "/api/v1/bestaat-niet", method: .get), status: 404)
        }
    }

    @Test func bodyOverTheLimitIs413() async throws {
        try await service.test { client in
            let big = #"{"gemeente":"GM0193","bsn":"111222333","uren":10,"x":""# + String(repeating: "a", count: 5000) + #""}"#
            let response = try await client.execute(uri: "/api/v1/aanvragen", method: .post, headers: auth, body: ByteBuffer(string: big))
            let problem = try expectProblem(response, status: 413)
            #expect(problem.detail.contains("4096"))
        }
    }

    @Test func nonJSONBodyIs415() async throws {
        try await service.test { client in
            var headers = auth
            headers[.contentType] = "text/plain"
            let response = try await client.execute(uri: "/api/v1/aanvragen", method: .post, headers: headers, body: ByteBuffer(string: "hallo"))
            try expectProblem(response, status: 415)
        }
    }

    @Test func everyResponseCarriesTheSecurityHeaders() async throws {
        try await service.test { client in
            for uri in ["/healthz", "/bestaat-niet"] {
                let response = try await client.execute(uri: uri, method: .get)
                #expect(response.headers[.init("X-Content-Type-Options")!] == "nosniff")
                #expect(response.headers[.init("X-Frame-Options")!] == "DENY")
                #expect(response.headers[.init("Content-Security-Policy")!]?.contains("default-src 'none'") == true)
                #expect(response.headers[.cacheControl] == "no-store")
            }
        }
    }
}
