import ContractMonitorDomain
import Models
import ServiceKit

/// Who may read what of the register: every role reads it, an aanbieder only what is its own.
/// (Contractmanagers change it and, with operators, import and export it: `Principal.require`.)
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
}
