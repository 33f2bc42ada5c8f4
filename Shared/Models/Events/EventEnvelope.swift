public import Foundation

/// A CloudEvents 1.0 envelope in its JSON form, as it travels on the queue.
///
/// The `data` stays raw JSON until a consumer asks for it as a type it knows, so any
/// consumer can read any envelope and skip types it does not handle.
public struct EventEnvelope: Sendable, Equatable {
    /// The CloudEvents version this envelope follows; always `1.0`.
    public static let specversion = "1.0"

    /// Unique per event; consumers de-duplicate on it.
    public let id: String
    /// The publishing service and region, e.g. `/inburgering/zwolle/pip`.
    public let source: String
    /// The event type string; not necessarily one this program knows.
    public let type: String
    /// The id of what the event is about (an inburgeraar's internal id, a provider id).
    public let subject: String?
    /// When the change happened.
    public let time: Date
    /// The media type of `data`; always `application/json` in this chain.
    public let datacontenttype: String
    /// The event data, as JSON bytes.
    public let data: Data

    /// Wraps `event` in a new envelope.
    public init<Event: DomainEvent>(_ event: Event, id: UUID = UUID(), source: String, time: Date) throws {
        self.id = id.uuidString.lowercased()
        self.source = source
        self.type = Event.eventType.rawValue
        self.subject = event.subject
        self.time = time
        self.datacontenttype = "application/json"
        self.data = try ChainJSON.encoder().encode(event)
    }

    /// Reads an envelope from its JSON form. Throws when the JSON is not a CloudEvents 1.0
    /// envelope with JSON data; an unknown `type` is not an error.
    public init(json: Data) throws {
        let wire = try ChainJSON.decoder().decode(Wire.self, from: json)
        guard wire.specversion == Self.specversion else {
            throw DecodingError.dataCorrupted(.init(codingPath: [], debugDescription: "unsupported CloudEvents specversion \(wire.specversion)"))
        }
        guard wire.datacontenttype == "application/json" else {
            throw DecodingError.dataCorrupted(.init(codingPath: [], debugDescription: "event data must be application/json"))
        }
        self.id = wire.id
        self.source = wire.source
        self.type = wire.type
        self.subject = wire.subject
        self.time = wire.time
        self.datacontenttype = wire.datacontenttype
        self.data = try ChainJSON.encoder().encode(wire.data)
    }

    /// The envelope as JSON bytes.
    public func json() throws -> Data {
        let data = try ChainJSON.decoder().decode(JSONValue.self, from: data)
        let wire = Wire(
            specversion: Self.specversion, id: id, source: source, type: type, subject: subject, time: time,
            datacontenttype: datacontenttype, data: data)
        return try ChainJSON.encoder().encode(wire)
    }

    /// The data as `Event`, or `nil` when the envelope carries another type.
    public func decode<Event: DomainEvent>(as _: Event.Type) throws -> Event? {
        guard type == Event.eventType.rawValue else { return nil }
        return try ChainJSON.decoder().decode(Event.self, from: data)
    }

    private struct Wire: Codable {
        var specversion: String
        var id: String
        var source: String
        var type: String
        var subject: String?
        var time: Date
        var datacontenttype: String
        var data: JSONValue
    }
}
