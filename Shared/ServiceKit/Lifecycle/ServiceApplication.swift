public import GRDB
public import Hummingbird
public import Logging
public import Prometheus
public import Queue

/// Builds a service's HTTP application: the shared middleware stack and routes, then the
/// service's own. `main` does nothing but load configuration and run what this builds.
public enum ServiceApplication {
    /// What a service's own routes are given to work with.
    public struct Dependencies: Sendable {
        public let descriptor: ServiceDescriptor
        public let configuration: ServiceConfiguration
        public let database: DatabasePool
        public let tokens: TokenStore
        public let registry: PrometheusCollectorRegistry
        public let logger: Logger
        /// The region's durable queue.
        public let queue: DurableQueue
        /// Where the service records the events it announces, in the transaction of the change.
        public let outbox: Outbox
        /// Where the service records durable jobs, in the transaction of the change.
        public let jobs: JobQueue
        /// The one clock of the process: stores, jobs, webhooks and schedulers read it.
        public let clock: any ServiceClock

        /// Opens the region's queue (creating its directory) around the other parts.
        public init(
            descriptor: ServiceDescriptor, configuration: ServiceConfiguration, database: DatabasePool,
            registry: PrometheusCollectorRegistry, logger: Logger, clock: any ServiceClock = SystemClock()
        ) throws(QueueError) {
            self.descriptor = descriptor
            self.configuration = configuration
            self.database = database
            self.tokens = TokenStore(database: database)
            self.registry = registry
            self.logger = logger
            self.queue = try DurableQueue(directory: configuration.queueDirectory)
            self.outbox = Outbox(source: "/inburgering/\(configuration.region)/\(descriptor.name)")
            self.jobs = JobQueue(clock: clock)
            self.clock = clock
        }
    }

    /// Adds a service's routes to `router` and describes each in `document`. May throw when
    /// something the routes need cannot be had (a key file): the service then does not start.
    public typealias RouteInstaller = @Sendable (Router<ServiceRequestContext>, inout OpenAPIDocument, Dependencies) throws -> Void

    /// The router with the shared middleware, the operational routes and `routes`.
    public static func buildRouter(
        _ dependencies: Dependencies, routes: RouteInstaller = { _, _, _ in }
    ) throws -> (router: Router<ServiceRequestContext>, document: OpenAPIDocument) {
        let router = Router(context: ServiceRequestContext.self)
        router.add(middleware: RequestMetricsMiddleware(registry: dependencies.registry))
        router.add(middleware: ResponseHeadersMiddleware())
        let methods = RouteMethods()
        router.add(middleware: ProblemMiddleware(bodyLimit: dependencies.configuration.httpBodyLimit, routes: methods))
        router.add(middleware: BodyLimitMiddleware(limit: dependencies.configuration.httpBodyLimit))
        var document = OpenAPIDocument(title: dependencies.descriptor.executableName, summary: dependencies.descriptor.summary)
        try routes(router, &document, dependencies)
        OperationalRoutes(
            database: dependencies.database, queueDirectory: dependencies.configuration.queueDirectory,
            registry: dependencies.registry
        ).add(to: router, document: &document)
        methods.record(document)
        return (router, document)
    }

    /// The application for `dependencies`, listening where the configuration says.
    public static func build(
        _ dependencies: Dependencies, routes: @escaping RouteInstaller = { _, _, _ in },
        onServerRunning: @escaping @Sendable (Int) async -> Void = { _ in }
    ) throws -> some ApplicationProtocol {
        let configuration = dependencies.configuration
        return Application(
            router: try buildRouter(dependencies, routes: routes).router,
            configuration: .init(
                address: .hostname(configuration.httpHost, port: configuration.httpPort),
                serverName: dependencies.descriptor.executableName),
            onServerRunning: { channel in await onServerRunning(channel.localAddress?.port ?? configuration.httpPort) },
            logger: dependencies.logger
        )
    }
}

/// Sets each request's body limit from the configuration.
struct BodyLimitMiddleware: RouterMiddleware {
    typealias Context = ServiceRequestContext
    let limit: Int

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var context = context
        context.maxUploadSize = limit
        return try await next(request, context)
    }
}
