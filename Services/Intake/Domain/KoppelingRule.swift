package import Models

/// What COA's koppelingen do to the region's files: one open file per person, and the
/// municipality COA names counts only until the municipality has taken the file up.
package enum KoppelingRule {
    /// What a koppeling that COA announces comes to.
    package enum Besluit: Sendable, Equatable {
        /// A new file is opened.
        case openFile
        /// The person has an open file already: the second koppeling is noted on it.
        case noteOn(InburgeraarID)
        /// This koppeling was received before: nothing happens.
        case known
    }

    /// The decision for a koppeling, given whether its id is known and the person's open file.
    package static func besluit(koppelingKnown: Bool, openFile: InburgeraarID?) -> Besluit {
        if koppelingKnown { return .known }
        if let openFile { return .noteOn(openFile) }
        return .openFile
    }

    /// The municipality after COA's correction: COA may still name another while the file
    /// waits for its first contact (`gekoppeld`) and was never moved; after that the
    /// municipality decides and keeps it.
    package static func gemeente(
        afterCorrectionTo coa: GemeenteCode, current: GemeenteCode, status: DossierStatus, moved: Bool
    ) -> GemeenteCode {
        status == .gekoppeld && !moved ? coa : current
    }
}
