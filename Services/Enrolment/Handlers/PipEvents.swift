import EnrolmentDomain
import Models
import ServiceKit

/// What enrolment does with pip's events: a fixed PIP asks for a seat in its leerroute; a
/// new version in another route ends the placement (overgeplaatst) and asks anew.
enum PipEvents {
    static func subscription(store: EnrolmentStore) -> EventSubscription {
        EventSubscription(topic: "pip")
            .on(PipVastgesteld.self) { event, _, db in
                try store.vraag(
                    Plaatsingsvraag(
                        inburgeraarId: event.inburgeraarId, pipId: event.pipId, gemeente: event.gemeente, doelgroep: event.doelgroep,
                        leerroute: event.leerroute, dagtekening: event.dagtekening, uren: event.uren),
                    in: db)
            }
            .on(PipGewijzigd.self) { event, _, db in
                try store.vraag(
                    Plaatsingsvraag(
                        inburgeraarId: event.inburgeraarId, pipId: event.pipId, gemeente: event.gemeente, doelgroep: event.doelgroep,
                        leerroute: event.leerroute, dagtekening: event.dagtekening, uren: event.uren),
                    in: db)
            }
    }
}
