import Foundation
public import Hummingbird
import Models

extension Request {
    /// Reads the body as JSON of type `T`, enforcing the service's rules: the media type
    /// must be JSON (415), the body within the limit (413), and every field valid (400
    /// naming the field; the value itself is never repeated, it may be personal data).
    public func decodeJSON<T: Decodable>(as type: T.Type, context: ServiceRequestContext) async throws -> T {
        try requireJSONMediaType()
        let buffer = try await body.collect(upTo: context.maxUploadSize)
        do {
            return try ChainJSON.decoder().decode(T.self, from: Data(buffer.readableBytesView))
        } catch let error as DecodingError {
            throw ProblemDetails.invalidInput(error.problemSummary, [error.invalidParam])
        }
    }
}

extension Request {
    /// Throws 415 unless the body is declared as JSON (`application/json` or `…+json`).
    func requireJSONMediaType() throws {
        let mediaType = headers[.contentType].flatMap(MediaType.init(from:))
        guard let mediaType, mediaType.type == .application, mediaType.subType == "json" || mediaType.subType.hasSuffix("+json") else {
            throw ProblemDetails(
                status: .unsupportedMediaType, type: "urn:inburgering:problem:unsupported-media-type",
                title: "Unsupported media type", detail: "send the body as JSON with Content-Type: application/json")
        }
    }
}

extension DecodingError {
    /// The field the error concerns, as a dotted JSON path, with a reason a person can act on.
    var invalidParam: ProblemDetails.InvalidParam {
        switch self {
        case .keyNotFound(let key, let context):
            .init(name: Self.path(context.codingPath + [key]), reason: "is required")
        case .typeMismatch(let type, let context):
            .init(name: Self.path(context.codingPath), reason: "must be \(Self.describe(type))")
        case .valueNotFound(let type, let context):
            .init(name: Self.path(context.codingPath), reason: "must be \(Self.describe(type)), not null")
        case .dataCorrupted(let context):
            .init(name: Self.path(context.codingPath), reason: context.codingPath.isEmpty ? "the body is not valid JSON" : context.debugDescription)
        @unknown default:
            .init(name: "", reason: "is not acceptable")
        }
    }

    var problemSummary: String {
        let param = invalidParam
        return param.name.isEmpty ? "the request body is not acceptable: \(param.reason)" : "field '\(param.name)' \(param.reason)"
    }

    private static func path(_ codingPath: [any CodingKey]) -> String {
        codingPath.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined().trimmingPrefix(".").description
    }

    private static func describe(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: "a string"
        case is Int.Type, is Int64.Type, is Int32.Type: "a whole number"
        case is Double.Type, is Float.Type: "a number"
        case is Bool.Type: "true or false"
        case is [Any].Type: "an array"
        default: type == [String: Any].self ? "an object" : "of the documented type"
        }
    }
}
