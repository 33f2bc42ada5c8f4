/// A CloudEvents `type` of the chain: `nl.inburgering.<service>.<event>.v<version>`.
///
/// The version is part of the name: a breaking change to an event's data is a new type,
/// published next to the old one while consumers move.
///
/// **One prefix per service, equal to its topic**: `<service>` is the publishing service's
/// name exactly as its topic and its ``ServiceDescriptor`` name it (`intake`, `pip`,
/// `enrolment`, `contract-monitor`, `notifier`), so a consumer knows from the type alone
/// which topic carries it. The event types live in `Shared/Models/Events/<Service>/`.
public struct EventType: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The full type string, e.g. `nl.inburgering.pip.vastgesteld.v1`.
    public let rawValue: String
    /// The publishing service's name, which is also its topic, e.g. `pip`.
    public let service: String
    /// The event's name, e.g. `vastgesteld`.
    public let name: String
    /// The version number after `v`.
    public let version: Int

    /// Builds a type from its parts; the parts must be lowercase words joined by dashes.
    public init(service: String, name: String, version: Int) {
        precondition(Self.isWord(service) && Self.isWord(name) && version > 0, "malformed event type part")
        self.service = service
        self.name = name
        self.version = version
        self.rawValue = "\(Self.prefix)\(service).\(name).v\(version)"
    }

    /// Parses a type string; `nil` when it is not of the chain's form.
    public init?(_ string: String) {
        guard string.hasPrefix(Self.prefix) else { return nil }
        let parts = string.dropFirst(Self.prefix.count).split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3, Self.isWord(parts[0]), Self.isWord(parts[1]), parts[2].first == "v",
            let version = Int(parts[2].dropFirst()), version > 0, "v\(version)" == parts[2]
        else { return nil }
        self.init(service: String(parts[0]), name: String(parts[1]), version: version)
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let string = try container.decode(String.self)
        guard let type = EventType(string) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "not an event type of the form nl.inburgering.<service>.<event>.v<n>")
        }
        self = type
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }

    public var description: String { rawValue }

    private static let prefix = "nl.inburgering."

    private static func isWord(_ part: some StringProtocol) -> Bool {
        guard let first = part.utf8.first, first != UInt8(ascii: "-"), part.last != "-" else { return false }
        return part.utf8.allSatisfy { (UInt8(ascii: "a")...UInt8(ascii: "z")).contains($0) || $0 == UInt8(ascii: "-") }
    }
}
