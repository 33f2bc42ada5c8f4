import Foundation
import Models
import PipDomain
import Testing

/// The route advice at and around the region's thresholds (defaults: score 50, age 28).
@Suite struct RouteAdviceTests {
    static func samenvatting(score: Int?, leeftijd: Int = 24, doel: Hoofddoel = .onderwijs, opleiding: String = "vo") -> IntakeAfgerond.Samenvatting {
        .init(opleidingsniveau: opleiding, werkervaringJaren: 2, taalniveau: .a1, leerbaarheidsscore: score, hoofddoel: doel,
              leeftijd: leeftijd, huishoudenGrootte: 1)
    }

    @Test(arguments: [
        (samenvatting(score: 49), Leerroute.z),
        (samenvatting(score: 50), .onderwijs),
        (samenvatting(score: 50, leeftijd: 28), .onderwijs),
        (samenvatting(score: 50, leeftijd: 29), .b1),
        (samenvatting(score: 80, opleiding: "basis"), .b1),
        (samenvatting(score: 80, doel: .werk), .b1),
        (samenvatting(score: nil), .b1),
        (samenvatting(score: 0, doel: .werk), .z),
    ])
    func theAdvisedRoute(_ samenvatting: IntakeAfgerond.Samenvatting, _ route: Leerroute) {
        let advice = RouteAdvice.advise(samenvatting, policy: .init())
        #expect(advice.route == route)
        #expect(!advice.redenen.isEmpty && advice.redenen.allSatisfy { $0.hasSuffix(".") }, "whole sentences to paste into the beschikking")
    }

    @Test func theReasonsNameTheFiguresAndThresholds() {
        let z = RouteAdvice.advise(Self.samenvatting(score: 31), policy: .init(minimumScoreB1: 40, maximumLeeftijdOnderwijs: 30))
        #expect(z.redenen.first == "De score op de leerbaarheidstoets (31) ligt onder de drempel van de regio voor de B1-route (40).")
        let old = RouteAdvice.advise(Self.samenvatting(score: 60, leeftijd: 31), policy: .init(minimumScoreB1: 40, maximumLeeftijdOnderwijs: 30))
        #expect(old.route == .b1)
        #expect(old.redenen.contains { $0.contains("31 jaar") && $0.contains("30 jaar") })
    }
}
