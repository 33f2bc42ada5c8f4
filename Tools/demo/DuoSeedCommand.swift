import ArgumentParser
import DUO
import Foundation
import Models
import ServiceKit

/// `inburgering-demo duo-seed`: prints the DUO simulator's seed for the generated people.
struct DuoSeedCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "duo-seed", abstract: "Print the DUO simulator's seed file (JSON) for the generated people and the demo register's providers.")

    @Option(help: "How many people (1 to 500).") var count = 36

    func validate() throws {
        guard (1...500).contains(count) else { throw ValidationError("--count must be 1 to 500") }
    }

    func run() throws {
        let people = DemoPerson.generate(count: count, gemeenten: ServiceConfiguration.demoGemeenten, today: LocalDate(Date()))
        var personen: [String: DuoSeed.Persoon] = [:]
        for person in people {
            personen[person.bsn] = DuoSeed.Persoon(
                inburgeringsplicht: .init(indicatorInburgeringsplicht: true, begindatum: person.koppeldatum.description),
                doelgroep: .init(indeling: "Asielstatushouder", gedetailleerdeDoelgroep: "Asielstatushouder"),
                lbtResultaten: person.lbtScore.map { score in
                    [.init(resultaat: score >= 50 ? "B1-route haalbaar" : "B1-route niet haalbaar", behaaldeScore: "\(score),00",
                           benodigdeScore: "50,00", datumAfname: min(person.koppeldatum.adding(days: 3), LocalDate(Date())).description)]
                })
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        print(String(decoding: try encoder.encode(DuoSeed(personen: personen, instellingen: DemoInstellingen.all)), as: UTF8.self))
    }
}
