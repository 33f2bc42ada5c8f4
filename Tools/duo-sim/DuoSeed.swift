import DUO
import Foundation

/// What the simulator knows of each person, by BSN: a JSON file
/// `{"personen": {"123456782": {"inburgeringsplicht": {…}, "doelgroep": {…},
/// "lbtResultaten": […], "inburgeringstermijn": {…}}}}` with DUO's field names.
struct DuoSeed: Decodable, Sendable {
    struct Persoon: Decodable, Sendable {
        var inburgeringsplicht: DuoInburgeringsplicht?
        var doelgroep: DuoDoelgroep?
        var lbtResultaten: [DuoLbtResultaat]?
        var inburgeringstermijn: DuoInburgeringstermijn?
    }

    var personen: [String: Persoon]

    static func load(_ path: String) throws -> DuoSeed {
        guard let data = FileManager.default.contents(atPath: path) else { throw SimFailure("cannot read the seed file \(path)") }
        do {
            return try JSONDecoder().decode(DuoSeed.self, from: data)
        } catch {
            throw SimFailure("the seed file \(path) is not as expected: \(error)")
        }
    }
}

/// A one-line failure of the simulator's command line.
struct SimFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
