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
    /// Runs `descriptor`'s service with this process's arguments and environment: the HTTP
    /// server with the parts' routes, the relay of its outbox to its topic, a consumer for
    /// the parts' subscriptions (as consumer group `descriptor.name`), partners' webhooks
    /// (`POST /api/v1/webhooks/{partnerId}`, only when there are any), one runner for the
    /// durable jobs (the webhooks' and the parts'), and the parts' background services.
    /// `parts` is called once, after the database and the queue are open.
    public static func main(
        _ descriptor: ServiceDescriptor,
        parts: @escaping @Sendable (ServiceApplication.Dependencies) throws -> ServiceParts = { _ in ServiceParts() }
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
            try await run(descriptor, configuration: configuration, registry: registry, logger: logger, parts: parts)
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
        parts build: @Sendable (ServiceApplication.Dependencies) throws -> ServiceParts
    ) async throws {
        try PrivateDirectory.create(configuration.queueDirectory)
        let database = try ServiceDatabase.open(path: configuration.databasePath(for: descriptor), migrations: descriptor.migrations)
        let dependencies = try ServiceApplication.Dependencies(
            descriptor: descriptor, configuration: configuration, database: database, registry: registry, logger: logger)
        let parts = try build(dependencies)
        let receiver = parts.webhooks.isEmpty
            ? nil : WebhookReceiver(handlers: parts.webhooks, database: database, jobs: dependencies.jobs, logger: logger)
        let routes = parts.routes
        let allRoutes: ServiceApplication.RouteInstaller = { router, document, dependencies in
            try routes(router, &document, dependencies)
            receiver?.install(on: router, document: &document)
        }
        let application = try ServiceApplication.build(dependencies, routes: allRoutes) { port in
            logger.info("listening on http://\(configuration.httpHost):\(port)", metadata: ["http.port": "\(port)"])
        }
        var services: [any Service] = [application]
        services.append(OutboxRelay(database: database, outbox: dependencies.outbox, topic: try dependencies.queue.topic(descriptor.name), logger: logger,
            clock: dependencies.clock))
        if !parts.subscriptions.isEmpty {
            services.append(
                EventConsumer(
                    group: descriptor.name, subscriptions: parts.subscriptions, queue: dependencies.queue, database: database, logger: logger,
                    clock: dependencies.clock))
        }
        services += parts.background
        let jobHandlers = (receiver?.jobHandlers ?? JobHandlers())
            .merging(OutgoingWebhook.handlers(database: database, clock: dependencies.clock)).merging(parts.jobs)
        if !jobHandlers.kinds.isEmpty {
            services.append(JobRunner(handlers: jobHandlers, jobs: dependencies.jobs, database: database, logger: logger))
        }
        if receiver != nil { services.append(PartnerLogPruner(database: database, clock: dependencies.clock, logger: logger)) }
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
