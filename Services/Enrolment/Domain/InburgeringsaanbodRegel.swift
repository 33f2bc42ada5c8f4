package import Models

/// DUO's rules for an Inburgeringsaanbod melding (docs/duo-interface-notes.md §3), checked
/// before anything is sent: DUO takes one only for an asielstatushouder with a PIP, at an
/// institution with the Blik op Werk keurmerk (or the TST keurmerk for the onderwijsroute),
/// dated not before the PIP's dagtekening.
package enum InburgeringsaanbodRegel {
    /// Whether DUO takes an Inburgeringsaanbod for the person at all.
    package static func vanToepassing(_ doelgroep: Doelgroep) -> Bool { doelgroep == .asielstatushouder }

    /// The rules a melding of `aanbieder` for `vraag` from `datum` would break, in DUO's words.
    package static func problemen(_ vraag: Plaatsingsvraag, aanbieder: Aanbieder?, datum: LocalDate) -> [String] {
        var problemen: [String] = []
        if let aanbieder {
            if !aanbieder.magPlaatsen(vraag.leerroute, op: datum) {
                problemen.append("De instelling heeft geen keurmerk voor de leerroute van het PIP.")
            }
        } else {
            problemen.append("De instelling is niet bekend in het contractregister.")
        }
        if datum < vraag.dagtekening { problemen.append("De datum \(datum) ligt voor de dagtekening van het PIP (\(vraag.dagtekening)).") }
        return problemen
    }
}
