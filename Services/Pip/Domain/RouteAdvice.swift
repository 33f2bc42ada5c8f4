package import Models

/// The advised leerroute for an intake summary, with the reasons in Dutch sentences a case
/// worker can paste into the beschikking. Pure: the region's thresholds come in as ``Policy``.
package struct RouteAdvice: Codable, Sendable, Equatable {
    /// The region's thresholds (configuration, see docs/pip.md).
    package struct Policy: Sendable, Equatable {
        /// The lowest leerbaarheidstoets score for which the B1-route (and the onderwijsroute)
        /// is advised, in the unit the intake records the score in.
        package var minimumScoreB1: Int = 50
        /// The highest age at which the onderwijsroute is advised.
        package var maximumLeeftijdOnderwijs: Int = 28

        package init(minimumScoreB1: Int = 50, maximumLeeftijdOnderwijs: Int = 28) {
            self.minimumScoreB1 = minimumScoreB1
            self.maximumLeeftijdOnderwijs = maximumLeeftijdOnderwijs
        }
    }

    package var route: Leerroute
    package var redenen: [String]

    /// The education levels from which an onderwijsroute leads on (to mbo, hbo or wo).
    package static let onderwijsNiveaus: Set<String> = ["vo", "mbo", "hbo", "wo"]

    package static func advise(_ samenvatting: IntakeAfgerond.Samenvatting, policy: Policy) -> RouteAdvice {
        guard let score = samenvatting.leerbaarheidsscore else {
            return RouteAdvice(route: .b1, redenen: [
                "De uitslag van de leerbaarheidstoets is nog niet bekend.",
                "De B1-route is het uitgangspunt van de wet; herzie dit advies zodra de uitslag bekend is.",
            ])
        }
        guard score >= policy.minimumScoreB1 else {
            return RouteAdvice(route: .z, redenen: [
                "De score op de leerbaarheidstoets (\(score)) ligt onder de drempel van de regio voor de B1-route (\(policy.minimumScoreB1)).",
                "De zelfredzaamheidsroute (Z-route) sluit daarom beter aan: 1.600 uur, gericht op taal en participatie.",
            ])
        }
        let scoreReden = "De score op de leerbaarheidstoets (\(score)) haalt de drempel van de regio voor de B1-route (\(policy.minimumScoreB1))."
        if samenvatting.hoofddoel == .onderwijs, samenvatting.leeftijd <= policy.maximumLeeftijdOnderwijs,
            onderwijsNiveaus.contains(samenvatting.opleidingsniveau)
        {
            return RouteAdvice(route: .onderwijs, redenen: [
                scoreReden,
                "Het hoofddoel is onderwijs, en met \(samenvatting.leeftijd) jaar valt de inburgeraar binnen de leeftijd tot en met \(policy.maximumLeeftijdOnderwijs) jaar die de regio voor de onderwijsroute hanteert.",
                "De vooropleiding (\(samenvatting.opleidingsniveau)) biedt een basis om via een taalschakeltraject door te stromen naar mbo, hbo of wo.",
            ])
        }
        var redenen = [scoreReden]
        if samenvatting.hoofddoel == .onderwijs {
            redenen.append(samenvatting.leeftijd > policy.maximumLeeftijdOnderwijs
                ? "Het hoofddoel is onderwijs, maar met \(samenvatting.leeftijd) jaar valt de inburgeraar buiten de leeftijd tot en met \(policy.maximumLeeftijdOnderwijs) jaar voor de onderwijsroute."
                : "Het hoofddoel is onderwijs, maar de vooropleiding (\(samenvatting.opleidingsniveau)) biedt nog geen basis voor de onderwijsroute.")
        } else {
            redenen.append("Het hoofddoel is \(samenvatting.hoofddoel.rawValue); de B1-route met KNM en MAP sluit daarop aan.")
        }
        return RouteAdvice(route: .b1, redenen: redenen)
    }
}
