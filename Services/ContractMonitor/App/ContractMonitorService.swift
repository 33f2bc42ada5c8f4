import ServiceKit

/// The contract-monitor service of the chain.
let contractMonitorService = ServiceDescriptor(
    name: "contract-monitor",
    summary: "Monitors the region's contracts with providers: capacity, keurmerk, results.",
    defaultPort: 8084
)
