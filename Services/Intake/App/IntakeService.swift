import ServiceKit

/// The intake service of the chain.
let intakeService = ServiceDescriptor(
    name: "intake",
    summary: "Receives COA's koppelingen and DUO's notifications and runs the brede intake.",
    defaultPort: 8081,
    migrations: IntakeSchema.migrations,
    settings: IntakeSettings.all
)
