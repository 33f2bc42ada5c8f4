import Models
import ServiceKit

/// What enrolment takes from intake's events: from a completed intake the person's BSN (for
/// DUO and to match reports), name and language level (for the provider that places them),
/// held sealed, never in a log, an event or a list.
enum IntakeEvents {
    static func subscription(store: EnrolmentStore) -> EventSubscription {
        EventSubscription(topic: "intake").on(IntakeAfgerond.self) { event, _, db in
            guard let bsn = event.bsn else { return }
            try store.recordPersoon(event.inburgeraarId, bsn: bsn, naam: event.naam, taalniveau: event.samenvatting.taalniveau, in: db)
        }
    }
}
