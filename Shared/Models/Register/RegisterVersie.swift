public import Foundation

/// One version of a register entry (an aanbieder, perceel or contract): every change makes
/// the next, attributed to the token that made it with its reason; old versions stay.
public struct RegisterVersie<Inhoud: Codable & Sendable & Hashable>: Sendable, Hashable, Codable {
    /// 1 for the first.
    public var versie: Int
    /// The token id that made it (`tok_…`), or `duo` for a change from DUO's list.
    public var auteur: String
    public var reden: String
    public var vastgelegdOp: Date
    public var inhoud: Inhoud

    public init(versie: Int, auteur: String, reden: String, vastgelegdOp: Date, inhoud: Inhoud) {
        self.versie = versie
        self.auteur = auteur
        self.reden = reden
        self.vastgelegdOp = vastgelegdOp
        self.inhoud = inhoud
    }
}
