import ServiceKit

/// The notifier service of the chain.
let notifierService = ServiceDescriptor(
    name: "notifier",
    summary: "Notifies case workers, providers and inburgeraars before deadlines, by e-mail and webhook.",
    defaultPort: 8085
)
