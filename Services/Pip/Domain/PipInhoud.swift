package import Models

/// The contents of a plan as a version (or the draft) has them: route, level and hours with
/// their split, components, preconditions, guidance, ontzorgen and the voortgangsgesprekken.
package struct PipInhoud: Codable, Sendable, Equatable {
    package var leerroute: Leerroute
    package var niveau: Taalniveau
    /// The route's hours; unknown for a B1-route draft without them.
    package var uren: Int?
    /// Of the hours, those for language (Z-route half, onderwijsroute two thirds).
    package var urenTaal: Int?
    /// Of the hours, those for participation (Z-route) or other subjects (onderwijsroute).
    package var urenParticipatie: Int?
    /// PVT always; MAP in the B1- and Z-route; KNM in the B1-route.
    package var onderdelen: [PipOnderdeel]
    package var voorwaarden: [String]
    package var begeleiding: String?
    package var ontzorgen: Ontzorgen?
    /// The last day ontzorgen applies.
    package var ontzorgenTotEnMet: LocalDate?
    /// Months between voortgangsgesprekken (region policy).
    package var voortgangsgesprekElkeMaanden: Int
    /// The planned voortgangsgesprekken, once the PIP is fixed.
    package var voortgangsgesprekken: [LocalDate]

    package init(keuze: PipKeuze?, advies: Leerroute, versie: PipVersie?, dagtekening: LocalDate?, termijnEinde: LocalDate?, voortgangsgesprekMaanden: Int) {
        let route = versie?.leerroute ?? keuze?.leerroute ?? advies
        leerroute = route
        niveau = versie?.niveau ?? keuze?.niveau ?? (route == .z ? .a2 : .b1)
        uren = versie?.uren ?? keuze?.uren ?? PipTermijn.defaultHours(route)
        (urenTaal, urenParticipatie) = Self.split(uren, route)
        onderdelen = route.onderdelen.sorted { $0.rawValue > $1.rawValue }
        voorwaarden = keuze?.voorwaarden ?? []
        begeleiding = keuze?.begeleiding
        ontzorgen = keuze?.ontzorgen
        ontzorgenTotEnMet = keuze?.ontzorgen?.laatsteDag
        voortgangsgesprekElkeMaanden = voortgangsgesprekMaanden
        if let dagtekening, let termijnEinde {
            voortgangsgesprekken = PipSchedule.voortgangsgesprekken(dagtekening: dagtekening, termijnEinde: termijnEinde, maanden: voortgangsgesprekMaanden)
        } else {
            voortgangsgesprekken = []
        }
    }

    /// Z-route: 800 language + 800 participation of 1,600; onderwijsroute: about 1,000 + 500
    /// of 1,500; the same shares of other totals. The B1-route's hours are language.
    package static func split(_ uren: Int?, _ route: Leerroute) -> (taal: Int?, participatie: Int?) {
        guard let uren else { return (nil, nil) }
        switch route {
        case .z: return (uren / 2, uren - uren / 2)
        case .onderwijs: return (uren * 2 / 3, uren - uren * 2 / 3)
        case .b1: return (uren, nil)
        }
    }
}
