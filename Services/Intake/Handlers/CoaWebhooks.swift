import Foundation
import IntakeDomain
import Models
import ServiceKit

/// COA's webhooks: a koppeling made, corrected or withdrawn (docs/intake.md).
enum CoaWebhooks {
    static func handlers(store: DossierStore, gemeenten: [GemeenteCode]) -> WebhookHandlers {
        let today: @Sendable () -> LocalDate = { store.clock.today() }
        return WebhookHandlers()
            .on("coa.koppeling.aangemaakt", as: CoaKoppeling.self, check: { $0.problem(gemeenten: gemeenten, today: today()) }) { koppeling, _, db in
                try store.open(koppeling, in: db)
            }
            .on("coa.koppeling.gewijzigd", as: CoaKoppeling.self, check: { $0.problem(gemeenten: gemeenten, today: today()) }) { koppeling, _, db in
                try store.correct(koppeling, in: db)
            }
            .on("coa.koppeling.ingetrokken", as: CoaIntrekking.self, check: { $0.problem() }) { intrekking, _, db in
                try store.withdraw(intrekking, in: db)
            }
    }
}
