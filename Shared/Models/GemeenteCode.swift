/// A municipality's CBS code, `GM` followed by four digits (`GM0193` is Zwolle).
public struct GemeenteCode: Sendable, Hashable, Codable, Comparable, CustomStringConvertible {
    /// The code as CBS writes it, e.g. `GM0193`.
    public let rawValue: String

    /// Validates the form `GM` + four digits; lowercase `gm` is accepted and normalised.
    public init(_ string: String) throws(Invalid) {
        let upper = string.uppercased()
        guard upper.utf8.count == 6, upper.hasPrefix("GM"),
            upper.utf8.dropFirst(2).allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) })
        else { throw Invalid() }
        self.rawValue = upper
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        do {
            self = try GemeenteCode(try container.decode(String.self))
        } catch let error as Invalid {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: error.description)
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }

    public var description: String { rawValue }
    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }

    /// The value is not of the form `GM` + four digits.
    public struct Invalid: Error, CustomStringConvertible {
        public var description: String { "a municipality code is GM followed by four digits, e.g. GM0193" }
    }
}
