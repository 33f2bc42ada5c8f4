/// A region: municipalities that buy and monitor together and share one set of services.
public struct Regio: Sendable, Hashable, Codable {
    /// A short lowercase id used in paths, unit names and event sources, e.g. `zwolle`.
    public var id: String
    /// The name as users know it, e.g. `Regio Zwolle`.
    public var naam: String
    /// The municipalities that belong to the region.
    public var gemeenten: [Gemeente]

    public init(id: String, naam: String, gemeenten: [Gemeente]) {
        self.id = id
        self.naam = naam
        self.gemeenten = gemeenten
    }

    /// Whether `code` is one of the region's municipalities.
    public func contains(_ code: GemeenteCode) -> Bool {
        gemeenten.contains { $0.code == code }
    }

    /// Whether `id` may name a region: lowercase letters, digits and dashes, 1–32 long,
    /// starting with a letter (it becomes part of paths and systemd unit names).
    public static func isValidID(_ id: String) -> Bool {
        guard let first = id.utf8.first, (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(first), id.utf8.count <= 32 else {
            return false
        }
        return id.utf8.allSatisfy {
            (UInt8(ascii: "a")...UInt8(ascii: "z")).contains($0) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0)
                || $0 == UInt8(ascii: "-")
        }
    }
}
