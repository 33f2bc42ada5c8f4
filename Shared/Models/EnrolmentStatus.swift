/// Where an inburgeraar's placement with a provider stands.
public enum EnrolmentStatus: String, Sendable, Hashable, Codable, CaseIterable {
    /// No seat yet: waiting for one on the perceel of the person's route.
    case wachtlijst
    /// Referred to a provider, not yet accepted.
    case aangemeld
    /// Accepted, waiting for an instroommoment.
    case geplaatst
    /// Following the course.
    case gestart
    /// Paused (illness, birth, work).
    case onderbroken
    /// Finished the route at this provider.
    case afgerond
    /// Dropped out (uitval).
    case uitgevallen
    /// Moved to another provider, e.g. after a lost keurmerk.
    case overgeplaatst

    /// Whether the placement has ended and no further change is expected.
    public var isBeeindigd: Bool { [.afgerond, .uitgevallen, .overgeplaatst].contains(self) }

    /// Whether the placement holds a seat at its provider: referred, accepted or following.
    public var houdtPlaats: Bool { [.aangemeld, .geplaatst, .gestart, .onderbroken].contains(self) }
}
