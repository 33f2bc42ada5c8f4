import NIOCore
import Foundation
import HummingbirdTesting
import ServiceKit
import Testing

/// Checks that `response` is a complete RFC 9457 problem with `status`, and returns it.
@discardableResult
func expectProblem(_ response: TestResponse, status: Int, sourceLocation: SourceLocation = #_sourceLocation) throws -> ProblemDetails {
    #expect(response.status.code == status, sourceLocation: sourceLocation)
    #expect(response.headers[.contentType] == "application/problem+json", sourceLocation: sourceLocation)
    #expect(response.headers[.init("API-Version")!] == "1.0.0", sourceLocation: sourceLocation)
    let problem = try JSONDecoder().decode(ProblemDetails.self, from: Data(buffer: response.body))
    #expect(problem.statusCode == status, sourceLocation: sourceLocation)
    #expect(!problem.type.isEmpty && !problem.title.isEmpty && !problem.detail.isEmpty, sourceLocation: sourceLocation)
    #expect(problem.instance?.hasPrefix("/") == true, sourceLocation: sourceLocation)
    return problem
}

extension Data {
    init(buffer: ByteBuffer) { self.init(buffer.readableBytesView) }
}
