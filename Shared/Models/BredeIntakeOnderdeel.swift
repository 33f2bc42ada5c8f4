/// A part of the brede intake; each is recorded separately by the klantmanager.
public enum BredeIntakeOnderdeel: String, Sendable, Hashable, Codable, CaseIterable {
    case leerbaarheidstoets
    case opleiding
    case werkervaring
    case taalniveau
    /// Physical and mental health: special-category personal data (AVG art. 9).
    case gezondheid
    case motivatie
    case zelfredzaamheid
    case digitaleVaardigheden
    case hoofddoel
    case persoonlijkeOmstandigheden
    case notities

    /// Parts the law requires as a minimum in every brede intake.
    public static let verplicht: Set<Self> = [.leerbaarheidstoets, .opleiding, .werkervaring, .persoonlijkeOmstandigheden, .gezondheid]

    /// Whether the part holds special-category data that is encrypted at rest and never
    /// leaves the intake service.
    public var isBijzonderPersoonsgegeven: Bool { self == .gezondheid }
}
