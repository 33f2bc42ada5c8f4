import DUO
import Foundation

extension DuoSeed {
    /// Reads the seed file at `path`, or fails with one line saying why.
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
