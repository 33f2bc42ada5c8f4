import ContractMonitorDomain
import Models
import ServiceKit

/// Who may do what with the register: every role reads it (an aanbieder only what is its
/// own); contractmanagers change it; operators and contractmanagers import and export it.
enum RegisterAccess {
    /// Passes for any role; an aanbieder's tokens see only `item`s that are its own (403).
    static func requireReadable<T: RegisterItem>(_ item: T, by principal: Principal) throws {
        guard case .aanbieder(let own) = principal.role else { return }
        guard item.aanbiederIds.contains(own) else {
            throw DomainError.forbidden("this \(T.soort.rawValue) is not of provider \(own); an aanbieder's token reads only its own")
        }
    }

    /// Whether `principal` may see `item` in a list.
    static func isReadable<T: RegisterItem>(_ item: T, by principal: Principal) -> Bool {
        guard case .aanbieder(let own) = principal.role else { return true }
        return item.aanbiederIds.contains(own)
    }

    /// Passes for a contractmanager: the one role that changes the register.
    static func requireContractmanager(_ principal: Principal) throws {
        guard principal.role == .contractmanager else {
            throw DomainError.forbidden("only a contractmanager changes the contract register; this token is a \(principal.role.name)")
        }
    }

    /// Passes for an operator or a contractmanager: they import and export the whole register.
    static func requireBeheer(_ principal: Principal) throws {
        guard principal.role == .contractmanager || principal.role == .operator else {
            throw DomainError.forbidden("the whole register is for operators and contractmanagers; this token is a \(principal.role.name)")
        }
    }
}
