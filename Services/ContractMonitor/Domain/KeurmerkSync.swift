package import Models

/// What DUO's list of institutions changes in a provider's keurmerk. DUO says only yes or
/// no (`indicatieBowKeurmerk`, `indicatieTstKeurmerk`), so the register follows DUO only
/// when DUO's answer *changes*: a suspension the region recorded stands while DUO keeps
/// saying yes. A keurmerk that DUO withdraws while the register holds it as `geldig`
/// becomes `ingetrokken`; one DUO grants after a no (or that the register did not hold)
/// becomes `geldig`. Both name DUO as their source.
package enum KeurmerkSync {
    /// The keurmerk the register should now hold, or nil for no change.
    /// - Parameters:
    ///   - huidig: what the register holds.
    ///   - vorige: DUO's indicator at the previous sync; nil at the first.
    ///   - indicatie: DUO's indicator now; nil when DUO's list does not say.
    package static func wijziging(
        _ soort: Keurmerk.Soort, huidig: Keurmerk?, vorige: Bool?, indicatie: Bool?, vandaag: LocalDate
    ) -> Keurmerk? {
        guard let indicatie, indicatie != vorige else { return nil }
        let veld = soort == .bow ? "indicatieBowKeurmerk" : "indicatieTstKeurmerk"
        if indicatie {
            guard huidig == nil || (vorige == false && huidig?.status != .geldig) else { return nil }
            return Keurmerk(status: .geldig, ingangsdatum: vandaag, bron: .duo, toelichting: "DUO's \(veld) is true")
        }
        guard huidig?.status == .geldig else { return nil }
        return Keurmerk(status: .ingetrokken, ingangsdatum: vandaag, bron: .duo, toelichting: "DUO's \(veld) is false")
    }
}
