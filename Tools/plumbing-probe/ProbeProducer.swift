import Foundation
import GRDB
import ServiceKit
import ServiceLifecycle

/// Makes numbered state changes, each in one transaction with its event in the outbox,
/// continuing after the last one made (so a restarted probe picks up where it stopped),
/// then idles until shutdown.
struct ProbeProducer: Service {
    let database: DatabasePool
    let outbox: Outbox
    let count: Int

    func run() async throws {
        var next = try await database.read { db in try Int.fetchOne(db, sql: "SELECT MAX(number) + 1 FROM probe_change") ?? 0 }
        while next < count && !Task.isShuttingDownGracefully {
            let number = next
            try await database.write { db in
                try db.execute(sql: "INSERT INTO probe_change (number, made_at) VALUES (?, ?)", arguments: [number, Date()])
                try outbox.add(ProbeChanged(change: number), in: db)
            }
            next += 1
        }
        try? await gracefulShutdown()
    }
}
