import EnrolmentDomain
import Models
import TestSupport
import Testing

/// Re-placing a provider's people goes by the rules without it, one after the other, and
/// leaves nobody out: when the other providers are full, the rest wait.
@Suite struct HerplaatsingTests {
    let moment = RegisterSample.day.adding(days: 10)

    func vraag(_ day: Int) -> Plaatsingsvraag {
        Plaatsingsvraag(
            inburgeraarId: InburgeraarID(), pipId: "pip-\(day)", gemeente: RegisterSample.zwolle, doelgroep: .asielstatushouder, leerroute: .b1,
            dagtekening: RegisterSample.day.adding(days: -day))
    }

    @Test func eachPersonMovesToTheNextProviderUntilItIsFull() {
        var register = RegisterSample.register
        register.contracten[1].instroommomenten[0].plaatsen = 1
        let people = [("plt-b", vraag(3)), ("plt-a", vraag(9))]
        let held = people.map { _ in Bezet(perceelId: "b1-route", contractId: "b1-nltraining", aanbiederId: "nltraining", instroommoment: moment) }
        let plan = Herplaatsing.plan(people, weg: "nltraining", register: register, bezet: held, vandaag: RegisterSample.day)
        #expect(plan.map(\.plaatsingId) == ["plt-a", "plt-b"], "the longest waiting first")
        guard case .aanmelden(let first) = plan[0].besluit else { Issue.record("expected deltion for the first"); return }
        #expect(first.aanbiederId == "deltion")
        #expect(plan[1].besluit == .wachtlijst(perceelId: "b1-route", reden: plan[1].besluit.reden), "deltion's one seat is taken: the second waits")
    }
}
