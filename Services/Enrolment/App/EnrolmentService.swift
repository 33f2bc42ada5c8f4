import ServiceKit

/// The enrolment service of the chain.
let enrolmentService = ServiceDescriptor(
    name: "enrolment",
    summary: "Places inburgeraars with contracted providers, tells DUO of each Inburgeringsaanbod, and takes in the providers' answers.",
    defaultPort: 8083,
    migrations: EnrolmentSchema.migrations,
    settings: EnrolmentSettings.all
)
