/// A burgerservicenummer: nine digits that pass the elfproef.
///
/// The number is personal data. `description` and `debugDescription` never show it, so a
/// BSN interpolated into a log line or an error message prints as `BSN(redacted)`.
/// Code that must send the number to a partner reads ``digits`` on purpose.
public struct BSN: Sendable, Hashable, Codable, CustomStringConvertible, CustomDebugStringConvertible {
    /// The nine digits, for the few places that must hand the number to a partner.
    public let digits: String

    /// Validates `string` as a BSN: exactly nine ASCII digits, not all zero, elfproef.
    public init(_ string: String) throws(Invalid) {
        guard string.utf8.count == 9 else { throw .wrongLength(string.utf8.count) }
        var weighted = 0
        for (index, byte) in string.utf8.enumerated() {
            guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) else { throw .notDigits }
            let digit = Int(byte - UInt8(ascii: "0"))
            weighted += index == 8 ? -digit : digit * (9 - index)
        }
        guard string != "000000000" else { throw .allZeros }
        guard weighted % 11 == 0 else { throw .elfproefFailed }
        self.digits = string
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let string = try container.decode(String.self)
        do {
            self = try BSN(string)
        } catch {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: error.description)
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(digits)
    }

    public var description: String { "BSN(redacted)" }
    public var debugDescription: String { description }

    /// Why a string is not a BSN. The messages never repeat the input.
    public enum Invalid: Error, Equatable, CustomStringConvertible {
        case wrongLength(Int)
        case notDigits
        case allZeros
        case elfproefFailed

        public var description: String {
            switch self {
            case .wrongLength(let count): "a BSN has 9 digits, this value has \(count) characters"
            case .notDigits: "a BSN consists of digits only"
            case .allZeros: "000000000 is not a BSN"
            case .elfproefFailed: "this number fails the elfproef, so it is not a valid BSN (check for a typing error)"
            }
        }
    }
}
