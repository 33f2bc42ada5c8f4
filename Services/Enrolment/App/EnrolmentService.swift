import ServiceKit

/// The enrolment service of the chain.
let enrolmentService = ServiceDescriptor(
    name: "enrolment",
    summary: "Places inburgeraars with contracted providers and takes in their reports.",
    defaultPort: 8083,
    migrations: EnrolmentSchema.migrations
)
