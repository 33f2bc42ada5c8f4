public import HTTPTypes
public import Hummingbird
import Foundation
import Models

extension Response {
    /// A JSON response in the chain's JSON conventions (camelCase, ISO 8601 dates in UTC).
    public static func json(_ value: some Encodable, status: HTTPResponse.Status = .ok) throws -> Response {
        Response(status: status, headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(bytes: try ChainJSON.encoder().encode(value))))
    }
}
