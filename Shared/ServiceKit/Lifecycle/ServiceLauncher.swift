import Foundation
import Hummingbird
import Logging
import Metrics
import Prometheus
import Queue
public import ServiceLifecycle
import UnixSignals

/// Runs a service process: configuration, logging, database, HTTP server and shutdown.
///
/// Exit codes: 0 after a clean shutdown, 2 for bad configuration (one line on standard
/// error), 1 when the service cannot start or fails.
public enum ServiceLauncher {
    /// Services a service adds to its process's group (schedulers, generators), given the
    /// same parts its routes get.
    public typealias BackgroundServices = @Sendable (ServiceApplication.Dependencies) throws -> [any Service]

    /// Runs `descriptor`'s service with this process's arguments and environment: its HTTP
    /// routes, the relay of its outbox to its topic, a consumer for `subscriptions` (as
    /// consumer group `descriptor.name`), partners' webhooks for the types in `webhooks`
    /// (`POST /api/v1/webhooks/{partnerId}`, only when there are any), and `background`.
    public static func main(
        _ descriptor: ServiceDescriptor, routes: @escaping ServiceApplication.RouteInstaller = { _, _, _ in },
        subscriptions: @escaping @Sendable (ServiceApplication.Dependencies) throws -> [EventSubscription] = { _ in [] },
        webhooks: @escaping @Sendable (ServiceApplication.Dependencies) throws -> WebhookHandlers = { _ in WebhookHandlers() },
        background: @escaping BackgroundServices = { _ in [] }
    ) async -> Never {
        let arguments = CommandLine.arguments
        if ServiceConfiguration.wantsHelp(arguments) {
            print(ConfigurationHelp.text(for: descriptor))
            exit(0)
        }
        let configuration: ServiceConfiguration
        do {
            configuration = try ServiceConfiguration.load(for: descriptor, arguments: arguments, environment: ProcessInfo.processInfo.environment)
        } catch {
            fail("\(descriptor.executableName): \(error.description)", code: 2)
        }
        umask(0o077)
        let level = configuration.logLevel
        LoggingSystem.bootstrap { label in RedactingLogHandler(label: label, level: level) }
        var logger = Logger(label: descriptor.executableName)
        logger[metadataKey: "region"] = .string(configuration.region)
        let registry = PrometheusCollectorRegistry()
        MetricsSystem.bootstrap(PrometheusMetricsFactory(registry: registry))
        do {
            try await run(
                descriptor, configuration: configuration, registry: registry, logger: logger, routes: routes,
                subscriptions: subscriptions, webhooks: webhooks, background: background)
        } catch let error as DatabaseOpenError {
            fail("\(descriptor.executableName): \(error.description)", code: 1)
        } catch let error as QueueError {
            fail("\(descriptor.executableName): \(error.description)", code: 1)
        } catch let error as ConfigurationError {
            fail("\(descriptor.executableName): \(error.description)", code: 2)
        } catch {
            logger.critical("service stopped with an error", metadata: ["error.type": "\(type(of: error))"])
            exit(1)
        }
        logger.info("stopped")
        exit(0)
    }

    private static func run(
        _ descriptor: ServiceDescriptor, configuration: ServiceConfiguration, registry: PrometheusCollectorRegistry, logger: Logger,
        routes: @escaping ServiceApplication.RouteInstaller,
        subscriptions: @Sendable (ServiceApplication.Dependencies) throws -> [EventSubscription],
        webhooks: @Sendable (ServiceApplication.Dependencies) throws -> WebhookHandlers,
        background: BackgroundServices
    ) async throws {
        try PrivateDirectory.create(configuration.queueDirectory)
        let database = try ServiceDatabase.open(path: configuration.databasePath(for: descriptor), migrations: descriptor.migrations)
        let dependencies = try ServiceApplication.Dependencies(
            descriptor: descriptor, configuration: configuration, database: database, registry: registry, logger: logger)
        let handlers = try webhooks(dependencies)
        let receiver = handlers.isEmpty ? nil : WebhookReceiver(handlers: handlers, database: database, logger: logger)
        let allRoutes: ServiceApplication.RouteInstaller = { router, document, dependencies in
            try routes(router, &document, dependencies)
            receiver?.install(on: router, document: &document)
        }
        let application = try ServiceApplication.build(dependencies, routes: allRoutes) { port in
            logger.info("listening on http://\(configuration.httpHost):\(port)", metadata: ["http.port": "\(port)"])
        }
        var services: [any Service] = [application]
        services.append(OutboxRelay(database: database, outbox: dependencies.outbox, topic: try dependencies.queue.topic(descriptor.name), logger: logger))
        let subscribed = try subscriptions(dependencies)
        if !subscribed.isEmpty {
            services.append(EventConsumer(group: descriptor.name, subscriptions: subscribed, queue: dependencies.queue, database: database, logger: logger))
        }
        if let receiver { services.append(receiver.processor) }
        services += try background(dependencies)
        var groupConfiguration = ServiceGroupConfiguration(
            services: services.map { .init(service: $0) }, gracefulShutdownSignals: [.sigterm, .sigint], logger: logger)
        groupConfiguration.maximumGracefulShutdownDuration = configuration.shutdownTimeout
        groupConfiguration.maximumCancellationDuration = .seconds(5)
        try await ServiceGroup(configuration: groupConfiguration).run()
    }

    private static func fail(_ line: String, code: Int32) -> Never {
        FileHandle.standardError.write(Data((line + "\n").utf8))
        exit(code)
    }
}
