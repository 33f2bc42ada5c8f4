package import Models

/// A seat a placement holds or held on a contract: what capacity, instroommomenten and the
/// perceel's shares are counted against.
package struct Bezet: Sendable, Hashable {
    package var perceelId: String
    package var contractId: String
    package var aanbiederId: String
    package var instroommoment: LocalDate

    package init(perceelId: String, contractId: String, aanbiederId: String, instroommoment: LocalDate) {
        self.perceelId = perceelId
        self.contractId = contractId
        self.aanbiederId = aanbiederId
        self.instroommoment = instroommoment
    }
}
