package import Models

/// A fixed version of a PIP: `vaststelling` (the first), then `schakelen`, `afschalen`,
/// `verhuizing`. Each is a beschikking of its own, with its reason and author.
package struct PipVersie: Codable, Sendable, Equatable {
    package var versie: Int
    package var dagtekening: LocalDate
    package var soort: String
    package var leerroute: Leerroute
    package var niveau: Taalniveau
    package var uren: Int
    package var reden: String
    /// The token id of the case worker, or `intake` for a move.
    package var auteur: String

    package init(
        versie: Int, dagtekening: LocalDate, soort: String, leerroute: Leerroute, niveau: Taalniveau, uren: Int, reden: String, auteur: String
    ) {
        self.versie = versie
        self.dagtekening = dagtekening
        self.soort = soort
        self.leerroute = leerroute
        self.niveau = niveau
        self.uren = uren
        self.reden = reden
        self.auteur = auteur
    }
}
