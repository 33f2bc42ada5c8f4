public import Foundation

/// The JSON conventions of the chain: camelCase keys (the Swift property names), instants
/// in ISO 8601 UTC with `Z`, keys sorted so that equal values encode to equal bytes.
public enum ChainJSON {
    /// An encoder with the chain's conventions.
    public static func encoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .custom { date, encoder in
            var container = encoder.singleValueContainer()
            try container.encode(Self.format(date))
        }
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }

    /// A decoder with the chain's conventions; instants may carry fractional seconds.
    public static func decoder() -> JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .custom { decoder in
            let container = try decoder.singleValueContainer()
            let string = try container.decode(String.self)
            guard let date = Self.parse(string) else {
                throw DecodingError.dataCorruptedError(in: container, debugDescription: "expected an ISO 8601 date-time in UTC, e.g. 2026-11-24T09:30:00Z")
            }
            return date
        }
        return decoder
    }

    /// `value` as JSON text with the chain's conventions, e.g. for a database column.
    public static func string(_ value: some Encodable) throws -> String {
        String(decoding: try encoder().encode(value), as: UTF8.self)
    }

    /// Formats an instant as `2026-11-24T09:30:00.123Z` (milliseconds kept, UTC).
    public static func format(_ date: Date) -> String {
        date.formatted(Date.ISO8601FormatStyle(includingFractionalSeconds: true, timeZone: .gmt))
    }

    /// Parses an ISO 8601 instant with or without fractional seconds; it must carry a zone.
    public static func parse(_ string: String) -> Date? {
        (try? Date.ISO8601FormatStyle(includingFractionalSeconds: true).parse(string))
            ?? (try? Date.ISO8601FormatStyle().parse(string))
    }
}
