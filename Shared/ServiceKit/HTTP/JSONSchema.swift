public import Models

/// A JSON Schema (2020-12, as OpenAPI 3.1 has it) for the OpenAPI document: the shape of a
/// body, a parameter or an answer, so that clients and schemathesis know what is accepted.
public struct JSONSchema: Sendable, Encodable, Equatable {
    /// The schema as JSON.
    public let value: JSONValue

    public init(_ value: JSONValue) {
        self.value = value
    }

    public func encode(to encoder: any Encoder) throws {
        try value.encode(to: encoder)
    }

    /// Any JSON value.
    public static let any = JSONSchema(.object([:]))
    public static let boolean = JSONSchema(.object(["type": .string("boolean")]))
    /// A calendar date, `yyyy-MM-dd`.
    public static let date = string(format: "date")
    /// A date-time in UTC or with an offset (RFC 3339).
    public static let dateTime = string(format: "date-time")
    /// A UUID.
    public static let uuid = string(format: "uuid")
    /// A BSN: nine digits (the server also checks the elfproef).
    public static let bsn = string(pattern: "^[0-9]{9}$")

    /// A string, with the constraints given.
    public static func string(format: String? = nil, pattern: String? = nil, minLength: Int? = nil, maxLength: Int? = nil) -> JSONSchema {
        var object: [String: JSONValue] = ["type": .string("string")]
        if let format { object["format"] = .string(format) }
        if let pattern { object["pattern"] = .string(pattern) }
        if let minLength { object["minLength"] = .integer(Int64(minLength)) }
        if let maxLength { object["maxLength"] = .integer(Int64(maxLength)) }
        return JSONSchema(.object(object))
    }

    /// One of `values`.
    public static func oneOf(_ values: [String]) -> JSONSchema {
        JSONSchema(.object(["type": .string("string"), "enum": .array(values.map(JSONValue.string))]))
    }

    /// One of a string enum's cases.
    public static func cases<Value: CaseIterable & RawRepresentable>(of _: Value.Type) -> JSONSchema where Value.RawValue == String {
        oneOf(Value.allCases.map(\.rawValue))
    }

    /// A whole number from `minimum` to `maximum`; the services read 64-bit numbers.
    public static func integer(minimum: Int = Int(Int64.min), maximum: Int = Int(Int64.max)) -> JSONSchema {
        JSONSchema(.object([
            "type": .string("integer"), "format": .string("int64"), "minimum": .integer(Int64(minimum)), "maximum": .integer(Int64(maximum)),
        ]))
    }

    /// An array of `items`, at most `maxItems`.
    public static func array(of items: JSONSchema, maxItems: Int? = nil) -> JSONSchema {
        var object: [String: JSONValue] = ["type": .string("array"), "items": items.value]
        if let maxItems { object["maxItems"] = .integer(Int64(maxItems)) }
        return JSONSchema(.object(object))
    }

    /// An object with `properties`, of which `required` must be present; the others may also
    /// be `null`, which the services read as absent. Other members are allowed (and ignored
    /// by the services), as JSON decoding does.
    public static func object(_ properties: [String: JSONSchema], required: [String] = []) -> JSONSchema {
        let members = properties.mapValues { $0.value }.map { name, schema in
            (name, required.contains(name) ? schema : JSONValue.object(["anyOf": .array([schema, .object(["type": .string("null")])])]))
        }
        var object: [String: JSONValue] = ["type": .string("object"), "properties": .object(Dictionary(uniqueKeysWithValues: members))]
        if !required.isEmpty { object["required"] = .array(required.sorted().map(JSONValue.string)) }
        return JSONSchema(.object(object))
    }

    /// A JSON object of any shape.
    public static let anyObject = JSONSchema(.object(["type": .string("object")]))

    /// The document's component schema `name`.
    public static func ref(_ name: String) -> JSONSchema {
        JSONSchema(.object(["$ref": .string("#/components/schemas/\(name)")]))
    }
}
