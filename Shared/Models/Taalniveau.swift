/// A language level of the Common European Framework, as the chain uses them.
public enum Taalniveau: String, Sendable, Hashable, Codable, CaseIterable, Comparable {
    case a0 = "A0"
    case a1 = "A1"
    case a2 = "A2"
    case b1 = "B1"
    case b2 = "B2"

    public static func < (lhs: Self, rhs: Self) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
