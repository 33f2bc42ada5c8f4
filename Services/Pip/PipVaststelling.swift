import Foundation
import Models
import ServiceKit

/// What a case worker sets in a draft before fixing it.
struct PipKeuze: Codable, Sendable, Equatable {
    /// The chosen route; the advice when left out.
    var leerroute: Leerroute?
    /// A2 or B1 (DUO's levels); B1 when left out for the B1- and onderwijsroute.
    var niveau: Taalniveau?
    /// The route's hours; required for the B1-route.
    var uren: Int?
    /// Why the chosen route differs from the advice; required when it does.
    var afwijkingsreden: String?

    /// DUO's rules for a PIP (its PIP API's validation), checked before fixing so that a PIP
    /// DUO would refuse is never fixed; and the chain's own: a reason for deviating, hours.
    func problems(advice: Leerroute, firstPip: Bool) -> [ProblemDetails.InvalidParam] {
        let route = leerroute ?? advice
        var problems: [ProblemDetails.InvalidParam] = []
        if route != advice && (afwijkingsreden?.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty ?? true) {
            problems.append(.init(name: "afwijkingsreden", reason: "is required: the route differs from the advice (\(advice.rawValue))"))
        }
        if let niveau, ![.a2, .b1].contains(niveau) { problems.append(.init(name: "niveau", reason: "must be A2 or B1")) }
        if niveau == .a2 && route == .onderwijs { problems.append(.init(name: "niveau", reason: "DUO: A2 is not allowed with the onderwijsroute")) }
        if niveau == .b1 && route == .z { problems.append(.init(name: "niveau", reason: "DUO: B1 is not allowed with the Z-route")) }
        if niveau == .a2 && route == .b1 && firstPip { problems.append(.init(name: "niveau", reason: "DUO: a first PIP in the B1-route is not at A2")) }
        if route == .b1 && uren == nil { problems.append(.init(name: "uren", reason: "is required for the B1-route")) }
        if let uren, !(1...9999).contains(uren) { problems.append(.init(name: "uren", reason: "must be 1 to 9999")) }
        return problems
    }
}
