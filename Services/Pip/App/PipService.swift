import ServiceKit

/// The PIP service of the chain.
let pipService = ServiceDescriptor(
    name: "pip",
    summary: "Advises the leerroute and fixes the personal plan (PIP) as a versioned beschikking.",
    defaultPort: 8082,
    migrations: PipSchema.migrations,
    settings: PipSettings.all
)
