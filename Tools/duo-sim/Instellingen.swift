import DUO
import Synchronization

/// The institutions the simulator lists at `GET /v1/instellingen`: the seed's, changed by
/// the simulator's own window (`PUT /_sim/instellingen/{instellingsnummer}`) as DUO's list
/// changes when a keurmerk is granted or withdrawn.
final class Instellingen: Sendable {
    private let list: Mutex<[DuoInstelling]>

    init(_ seed: [DuoInstelling]) { list = Mutex(seed) }

    /// The list, in the seed's order.
    var all: [DuoInstelling] { list.withLock { $0 } }

    /// Replaces the institution with the same number, or adds it at the end.
    func put(_ instelling: DuoInstelling) {
        list.withLock { list in
            if let index = list.firstIndex(where: { $0.instellingsnummer == instelling.instellingsnummer }) {
                list[index] = instelling
            } else {
                list.append(instelling)
            }
        }
    }
}
