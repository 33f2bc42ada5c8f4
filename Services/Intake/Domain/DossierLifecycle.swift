package import Models

/// The life of a file as a state machine: each step a case worker, COA or DUO takes is
/// applied to the current status and answers what the store must do. Pure: the store reads
/// the status, asks, and carries out the action in its transaction.
package struct DossierLifecycle: Sendable, Equatable {
    /// A step in the life of a file.
    package enum Step: Sendable, Equatable {
        /// The case worker invites the person to a conversation.
        case uitnodigen
        /// The person came to an invitation, or the case worker recorded a part of the brede intake.
        case intakeBegonnen
        /// The case worker completes the brede intake.
        case afronden
        /// COA withdrew the koppeling.
        case intrekken
        /// DUO says the person is not inburgeringsplichtig.
        case corrigeren
        /// Anything else that changes an open file (moving, extending the deadline, DUO's details).
        case wijzigen
    }

    /// What the store does for a step.
    package enum Action: Sendable, Equatable {
        /// The status stays.
        case stay
        /// The file moves to this status.
        case move(to: DossierStatus)
        /// The file moves to `in-intake`, and that the brede intake started is announced.
        case startIntake
        /// The file is closed: the step is only noted in its history.
        case noteOnly
    }

    package private(set) var status: DossierStatus

    package init(_ status: DossierStatus) {
        self.status = status
    }

    /// Applies `step`: the action to carry out, the status moved on. A step a closed file
    /// refuses throws a conflict; COA's withdrawal of a closed file is only noted.
    package mutating func apply(_ step: Step) throws(DomainError) -> Action {
        if status.isClosed {
            guard step == .intrekken else {
                throw DomainError.conflict("the file is closed (\(status.rawValue)) and changes no more")
            }
            return .noteOnly
        }
        let action: Action
        switch step {
        case .uitnodigen:
            action = status == .gekoppeld ? .move(to: .uitgenodigd) : .stay
        case .intakeBegonnen:
            action = status == .gekoppeld || status == .uitgenodigd ? .startIntake : .stay
        case .afronden:
            action = .move(to: .afgerond)
        case .intrekken:
            action = .move(to: .ingetrokken)
        case .corrigeren:
            action = .move(to: .gecorrigeerd)
        case .wijzigen:
            action = .stay
        }
        switch action {
        case .move(let next): status = next
        case .startIntake: status = .inIntake
        case .stay, .noteOnly: break
        }
        return action
    }
}
