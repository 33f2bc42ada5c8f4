import Models
import ServiceKit

/// What enrolment takes from intake's events: the person's BSN from a completed intake, for
/// DUO's Inburgeringsaanbod meldingen alone (never in a log, an event or a provider's list).
enum IntakeEvents {
    static func subscription(store: EnrolmentStore) -> EventSubscription {
        EventSubscription(topic: "intake").on(IntakeAfgerond.self) { event, _, db in
            guard let bsn = event.bsn else { return }
            try store.recordPersoon(event.inburgeraarId, bsn: bsn, in: db)
        }
    }
}
