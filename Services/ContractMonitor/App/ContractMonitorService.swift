import ServiceKit

/// The contract-monitor service of the chain: the region's contract register.
let contractMonitorService = ServiceDescriptor(
    name: "contract-monitor",
    summary: "Holds the region's contract register (aanbieders, keurmerken, percelen, contracts with norms) and monitors the contracts.",
    defaultPort: 8084,
    migrations: ContractMonitorSchema.migrations,
    settings: ContractMonitorSettings.all
)
