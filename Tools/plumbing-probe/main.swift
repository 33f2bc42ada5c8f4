import Foundation
import ServiceKit

// inburgering-plumbing-probe: a service built only for the tests of the outbox, the inbox
// and the consumer loop (not installed). It runs on ServiceKit exactly as the real
// services do, configured by the usual keys plus:
//   PROBE_NAME          its service name: database file, topic and consumer group (default probe)
//   PROBE_PRODUCE       make this many state changes, each announcing itself through the outbox
//   PROBE_CONSUME_FROM  handle the probe events of this topic, recording one effect each
let environment = ProcessInfo.processInfo.environment
let name = environment["PROBE_NAME"] ?? "probe"
let produce = Int(environment["PROBE_PRODUCE"] ?? "") ?? 0

let descriptor = ServiceDescriptor(
    name: name, summary: "A service for the plumbing tests: state changes upstream, effects downstream.", defaultPort: 0,
    migrations: [ProbeSchema.migration])
let subscriptions = environment["PROBE_CONSUME_FROM"].map { topic in
    [EventSubscription(topic: topic).on(ProbeChanged.self) { event, _, db in try ProbeSchema.recordEffect(of: event, in: db) }]
} ?? []

await ServiceLauncher.main(descriptor) { dependencies in
    ServiceParts(
        subscriptions: subscriptions,
        background: produce > 0 ? [ProbeProducer(database: dependencies.database, outbox: dependencies.outbox, count: produce)] : [])
}
