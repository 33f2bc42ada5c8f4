import Models
import ServiceKit

/// What enrolment does with contract-monitor's events: it keeps its own copy of the
/// register (the newest version of each entry), and after each change tries the waiting
/// list again (a new contract, seats or a keurmerk may open a place). A keurmerk that no
/// longer admits new cursisten, or a contract that ended, while the provider holds
/// placements, is signalled to the contractmanager for re-placing.
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
                if let beeindiging = event.contract.beeindiging {
                    try store.signaleerHerplaatsing(
                        event.contract.aanbiederId, aanleiding: "contract \(event.contract.id) eindigt op \(beeindiging.datum)", in: db)
                }
                try store.plaatsWachtenden(in: db)
            }
            .on(KeurmerkGewijzigd.self) { event, _, db in
                guard event.keurmerk?.status != .geldig else { return }
                let status = event.keurmerk?.status.rawValue ?? "uit het register"
                try store.signaleerHerplaatsing(event.aanbiederId, aanleiding: "\(event.soort.rawValue)-keurmerk \(status)", in: db)
            }
    }
}
