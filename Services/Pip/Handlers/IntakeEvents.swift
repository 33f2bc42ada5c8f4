import Models
import ServiceKit

/// What pip does with intake's events: completed intakes open draft PIPs; intake's PIP
/// deadlines, DUO's term, moves and closed files keep the PIPs and their deadline schedule
/// up to date.
enum IntakeEvents {
    static func subscription(store: PipStore) -> EventSubscription {
        EventSubscription(topic: "intake")
            .on(IntakeAfgerond.self) { intake, _, db in try store.openDraft(for: intake, in: db) }
            .on(KoppelingOntvangen.self) { event, _, db in
                try store.recordDeadline(event.voorlopigePipDeadline, for: event.inburgeraarId, gemeente: event.gemeente, from: "koppeling", in: db)
            }
            .on(KoppelingGewijzigd.self) { event, _, db in
                try store.recordDeadline(event.voorlopigePipDeadline, for: event.inburgeraarId, gemeente: event.gemeente, from: "koppeling", in: db)
            }
            .on(PipTermijnGestart.self) { event, _, db in
                try store.recordDeadline(event.pipDeadline, for: event.inburgeraarId, gemeente: event.gemeente, from: "duo", in: db)
            }
            .on(InburgeringstermijnGemeld.self) { event, _, db in try store.recordDuoTerm(event, in: db) }
            .on(Verhuisd.self) { event, _, db in try store.move(event, in: db) }
            .on(KoppelingIngetrokken.self) { event, _, db in try store.closeFile(of: event.inburgeraarId, in: db) }
            .on(DossierGecorrigeerd.self) { event, _, db in try store.closeFile(of: event.inburgeraarId, in: db) }
    }
}
