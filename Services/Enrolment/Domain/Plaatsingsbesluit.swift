package import Models

/// What the placement rules decided for one person, with the reason a klantmanager reads.
package enum Plaatsingsbesluit: Sendable, Hashable {
    /// Refer the person to a provider for an instroommoment.
    case aanmelden(Aanmelding)
    /// No seat now: wait on the perceel (nil when the region bought none for the route there).
    case wachtlijst(perceelId: String?, reden: String)

    /// The referral the rules chose.
    package struct Aanmelding: Sendable, Hashable {
        package var perceelId: String
        package var contractId: String
        package var aanbiederId: String
        package var instroommoment: LocalDate
        package var reden: String
    }

    package var reden: String {
        switch self {
        case .aanmelden(let aanmelding): aanmelding.reden
        case .wachtlijst(_, let reden): reden
        }
    }
}

/// A klantmanager's choice of provider, which overrides the perceel's shares: with a
/// written reason, and only for a provider that may take the person.
package struct Aanbiederkeuze: Sendable, Hashable, Codable {
    package var aanbiederId: String
    package var reden: String

    package init(aanbiederId: String, reden: String) {
        self.aanbiederId = aanbiederId
        self.reden = reden
    }
}
