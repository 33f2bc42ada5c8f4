import Models
import ServiceKit

/// What pip takes from enrolment's events: the hours the providers reported, which its
/// afschalen rule reads instead of a number typed by hand.
enum EnrolmentEvents {
    static func subscription(store: PipStore) -> EventSubscription {
        EventSubscription(topic: "enrolment").on(UrenBijgewerkt.self) { event, _, db in try store.recordUren(event, in: db) }
    }
}
