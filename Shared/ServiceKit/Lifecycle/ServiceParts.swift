public import ServiceLifecycle

/// What makes one service itself, built once from its ``ServiceApplication/Dependencies``:
/// its routes, the events it consumes, the partners' webhooks it takes, its durable jobs and
/// its other long-running work. Everything else is the same for every service.
public struct ServiceParts: Sendable {
    /// Adds the service's own routes and describes them.
    public var routes: ServiceApplication.RouteInstaller
    /// The topics and event types the service consumes, as consumer group of its name.
    public var subscriptions: [EventSubscription]
    /// The partners' webhook event types it takes at `POST /api/v1/webhooks/{partnerId}`.
    public var webhooks: WebhookHandlers
    /// Its kinds of durable job.
    public var jobs: JobHandlers
    /// Its other long-running services (schedulers, generators).
    public var background: [any Service]

    public init(
        routes: @escaping ServiceApplication.RouteInstaller = { _, _, _ in }, subscriptions: [EventSubscription] = [],
        webhooks: WebhookHandlers = WebhookHandlers(), jobs: JobHandlers = JobHandlers(), background: [any Service] = []
    ) {
        self.routes = routes
        self.subscriptions = subscriptions
        self.webhooks = webhooks
        self.jobs = jobs
        self.background = background
    }
}
