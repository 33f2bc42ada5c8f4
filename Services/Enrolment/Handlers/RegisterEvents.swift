import Models
import ServiceKit

/// What enrolment does with contract-monitor's events: it keeps its own copy of the
/// register (the newest version of each entry), and after each change tries the waiting
/// list again (a new contract, seats or a keurmerk may open a place).
enum RegisterEvents {
    static func subscription(store: EnrolmentStore) -> EventSubscription {
        EventSubscription(topic: "contract-monitor")
            .on(AanbiederVastgelegd.self) { event, _, db in
                try store.recordRegister("aanbieder", id: event.aanbieder.id, versie: event.versie, inhoud: event.aanbieder, in: db)
                try store.plaatsWachtenden(in: db)
            }
            .on(PerceelVastgelegd.self) { event, _, db in
                try store.recordRegister("perceel", id: event.perceel.id, versie: event.versie, inhoud: event.perceel, in: db)
                try store.plaatsWachtenden(in: db)
            }
            .on(ContractVastgelegd.self) { event, _, db in
                try store.recordRegister("contract", id: event.contract.id, versie: event.versie, inhoud: event.contract, in: db)
                try store.plaatsWachtenden(in: db)
            }
    }
}
