public import Foundation
import GRDB

extension PartnerRegistry {
    /// Sets where the service sends the partner its own webhooks: an `https` URL, or `http`
    /// to this host (a partner's simulator in tests and the demo). Nil stops sending; what
    /// waits is kept and goes once a URL is set again.
    public func setDeliveryURL(_ url: String?, id: String) throws {
        if let url { try Self.validate(deliveryURL: url) }
        try database.write { db in
            try db.execute(sql: "UPDATE partners SET delivery_url = ? WHERE id = ?", arguments: [url, id])
            guard db.changesCount == 1 else { throw PartnerRegistryError.unknown(id) }
        }
    }

    static func validate(deliveryURL text: String) throws {
        guard let url = URL(string: text), let scheme = url.scheme?.lowercased(), let host = url.host, !host.isEmpty else {
            throw PartnerRegistryError(.invalidURL, "'\(text)' is not a URL such as https://aanbieder.example.nl/webhooks/inburgering")
        }
        let local = ["127.0.0.1", "localhost", "::1"].contains(host.lowercased())
        guard scheme == "https" || (scheme == "http" && local) else {
            throw PartnerRegistryError(.invalidURL, "a delivery URL must be https (http only to this host, for a simulator)")
        }
    }

    /// The shared migration that gives partners a delivery URL.
    static let deliveryURLMigration = Migration("add-partner-delivery-url") { db in
        try db.execute(sql: "ALTER TABLE partners ADD COLUMN delivery_url TEXT")
    }
}
