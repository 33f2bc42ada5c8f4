/// The three kinds of entry the contract register holds, each versioned on its own.
package enum RegisterSoort: String, Sendable, CaseIterable {
    case aanbieder
    case perceel
    case contract

    /// The plural, as in paths and the register document (`aanbieders`).
    package var meervoud: String {
        switch self {
        case .aanbieder: "aanbieders"
        case .perceel: "percelen"
        case .contract: "contracten"
        }
    }
}
