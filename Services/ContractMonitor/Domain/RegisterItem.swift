package import Models

/// An entry of the contract register (aanbieder, perceel or contract): it has an id, belongs
/// to some providers, and announces each new version of itself with events.
package protocol RegisterItem: Codable, Sendable, Hashable {
    static var soort: RegisterSoort { get }
    var id: String { get }
    /// The providers whose `aanbieder(…)` tokens may read it.
    var aanbiederIds: [String] { get }
    /// The events that announce version `versie` of this entry, which replaces `vorige`
    /// (nil for the first): its whole content, and what changed that others act on.
    func aankondigingen(versie: Int, reden: String, vorige: Self?) -> [any DomainEvent]
    /// What keeps this entry, as `path`, from joining `register` (which holds the entry's
    /// current version, if any): its own fields and its references.
    func problemen(in register: Register, validatie: RegisterValidatie, at path: String) -> [DomainError.FieldProblem]
}

extension Aanbieder: RegisterItem {
    package static let soort = RegisterSoort.aanbieder
    package var aanbiederIds: [String] { [id] }

    package func aankondigingen(versie: Int, reden: String, vorige: Aanbieder?) -> [any DomainEvent] {
        var events: [any DomainEvent] = [AanbiederVastgelegd(versie: versie, reden: reden, aanbieder: self)]
        for soort in Keurmerk.Soort.allCases where vorige?.keurmerk(soort)?.status != keurmerk(soort)?.status {
            events.append(KeurmerkGewijzigd(aanbiederId: id, soort: soort, vorigeStatus: vorige?.keurmerk(soort)?.status, keurmerk: keurmerk(soort)))
        }
        return events
    }
}

extension Aanbieder {
    package func problemen(in register: Register, validatie: RegisterValidatie, at path: String) -> [DomainError.FieldProblem] {
        var problemen = validatie.problemen(self, at: path)
        if let other = register.aanbieders.first(where: { $0.instellingsnummer == instellingsnummer && $0.id != id }) {
            problemen.append(.init(name: path + ".instellingsnummer", reason: "is that of provider \(other.id) already"))
        }
        return problemen
    }
}

extension Perceel: RegisterItem {
    package static let soort = RegisterSoort.perceel
    package var aanbiederIds: [String] { aandelen.map(\.aanbiederId) }

    package func aankondigingen(versie: Int, reden: String, vorige: Perceel?) -> [any DomainEvent] {
        [PerceelVastgelegd(versie: versie, reden: reden, perceel: self)]
    }
}

extension Perceel {
    package func problemen(in register: Register, validatie: RegisterValidatie, at path: String) -> [DomainError.FieldProblem] {
        var problemen = validatie.problemen(self, at: path, aanbieders: Set(register.aanbieders.map(\.id)))
        for contract in register.contracten where contract.perceelId == id && !aandelen.contains(where: { $0.aanbiederId == contract.aanbiederId }) {
            problemen.append(.init(name: path + ".aandelen", reason: "must keep a share for \(contract.aanbiederId), which holds contract \(contract.id) on this perceel"))
        }
        return problemen
    }
}

extension Contract: RegisterItem {
    package static let soort = RegisterSoort.contract
    package var aanbiederIds: [String] { [aanbiederId] }

    package func aankondigingen(versie: Int, reden: String, vorige: Contract?) -> [any DomainEvent] {
        var events: [any DomainEvent] = [ContractVastgelegd(versie: versie, reden: reden, contract: self)]
        if vorige?.capaciteit != capaciteit || vorige?.instroommomenten != instroommomenten {
            events.append(
                CapaciteitGewijzigd(
                    contractId: id, perceelId: perceelId, aanbiederId: aanbiederId, capaciteit: capaciteit, instroommomenten: instroommomenten))
        }
        return events
    }
}

extension Contract {
    package func problemen(in register: Register, validatie: RegisterValidatie, at path: String) -> [DomainError.FieldProblem] {
        validatie.problemen(
            self, at: path, percelen: Dictionary(register.percelen.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first }),
            aanbieders: Set(register.aanbieders.map(\.id)))
    }
}
