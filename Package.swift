// swift-tools-version: 6.1
import PackageDescription

/// Upcoming features every target opts into: a small public surface, explicit existentials.
let swiftSettings: [SwiftSetting] = [
    .enableUpcomingFeature("InternalImportsByDefault"),
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
]

let package = Package(
    name: "inburgering",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "inburgering-intake", targets: ["Intake"]),
        .executable(name: "inburgering-pip", targets: ["Pip"]),
        .executable(name: "inburgering-enrolment", targets: ["Enrolment"]),
        .executable(name: "inburgering-contract-monitor", targets: ["ContractMonitor"]),
        .executable(name: "inburgering-notifier", targets: ["Notifier"]),
        .executable(name: "inburgeringctl", targets: ["Ctl"]),
        .executable(name: "inburgering-queue-load", targets: ["QueueLoad"]),
        .executable(name: "inburgering-plumbing-probe", targets: ["PlumbingProbe"]),
        .executable(name: "inburgering-duo-sim", targets: ["DuoSim"]),
        .executable(name: "inburgering-demo", targets: ["Demo"]),
        .executable(name: "inburgering-provider-sim", targets: ["ProviderSim"]),
    ],
    dependencies: [
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.1"),
        .package(url: "https://github.com/groue/GRDB.swift.git", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-metrics.git", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus.git", from: "2.4.1"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-http-types.git", from: "1.8.0"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.2"),
        .package(
            url: "https://github.com/apple/swift-configuration.git", from: "1.4.0",
            traits: [.defaults, "CommandLineArguments"]
        ),
        .package(url: "https://github.com/apple/swift-crypto.git", "3.12.3"..<"5.0.0"),
        .package(url: "https://github.com/x-sheep/swift-property-based.git", from: "2.0.1"),
        .package(url: "https://github.com/HdrHistogram/hdrhistogram-swift.git", from: "0.2.0"),
        .package(url: "https://github.com/swift-server/async-http-client.git", from: "1.37.0"),
        .package(url: "https://github.com/apple/swift-nio-ssl.git", from: "2.37.6"),
        .package(url: "https://github.com/jpsim/Yams.git", from: "6.2.2"),
    ],
    targets: [
        .target(name: "Models", path: "Shared/Models", swiftSettings: swiftSettings),
        .target(name: "QueueSystem", path: "Shared/QueueSystem"),
        .target(
            name: "Queue",
            dependencies: ["QueueSystem", .product(name: "Metrics", package: "swift-metrics")],
            path: "Shared/Queue",
            swiftSettings: swiftSettings
        ),
        .target(
            name: "ServiceKit",
            dependencies: [
                "Models",
                "Queue",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Configuration", package: "swift-configuration"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ],
            path: "Shared/ServiceKit",
            swiftSettings: swiftSettings
        ),
        .target(
            name: "DUO",
            dependencies: [
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
            ],
            path: "Shared/DUO",
            swiftSettings: swiftSettings
        ),
        .target(
            name: "DUOConnection",
            dependencies: ["DUO", "ServiceKit", .product(name: "ServiceLifecycle", package: "swift-service-lifecycle")],
            path: "Shared/DUOConnection",
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "DuoSim",
            dependencies: [
                "DUO",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "HummingbirdTLS", package: "hummingbird"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
            ],
            path: "Tools/duo-sim",
            swiftSettings: swiftSettings
        ),
        .target(name: "IntakeDomain", dependencies: ["Models"], path: "Services/Intake/Domain", swiftSettings: swiftSettings),
        .executableTarget(
            name: "Intake",
            dependencies: [
                "IntakeDomain",
                "ServiceKit",
                "Models",
                "DUO",
                "DUOConnection",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            path: "Services/Intake",
            exclude: ["Domain"],
            swiftSettings: swiftSettings
        ),
        .target(name: "PipDomain", dependencies: ["Models"], path: "Services/Pip/Domain", swiftSettings: swiftSettings),
        .executableTarget(
            name: "Pip",
            dependencies: [
                "PipDomain",
                "ServiceKit",
                "Models",
                "DUO",
                "DUOConnection",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            path: "Services/Pip",
            exclude: ["Domain"],
            swiftSettings: swiftSettings
        ),
        .target(name: "EnrolmentDomain", dependencies: ["Models"], path: "Services/Enrolment/Domain", swiftSettings: swiftSettings),
        .executableTarget(
            name: "Enrolment",
            dependencies: [
                "EnrolmentDomain",
                "ServiceKit",
                "Models",
                "DUO",
                "DUOConnection",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            path: "Services/Enrolment",
            exclude: ["Domain"],
            swiftSettings: swiftSettings
        ),
        .target(name: "ContractMonitorDomain", dependencies: ["Models"], path: "Services/ContractMonitor/Domain", swiftSettings: swiftSettings),
        .executableTarget(
            name: "ContractMonitor",
            dependencies: [
                "ContractMonitorDomain",
                "ServiceKit",
                "Models",
                "DUO",
                "DUOConnection",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Logging", package: "swift-log"),
            ],
            path: "Services/ContractMonitor",
            exclude: ["Domain"],
            swiftSettings: swiftSettings
        ),
        .executableTarget(name: "Notifier", dependencies: ["ServiceKit"], path: "Services/Notifier", swiftSettings: swiftSettings),
        .executableTarget(
            name: "Ctl",
            dependencies: [
                "ServiceKit",
                "Queue",
                "Models",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "Yams", package: "Yams"),
            ],
            path: "Tools/ctl",
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "QueueLoad",
            dependencies: [
                "Queue",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Histogram", package: "hdrhistogram-swift"),
            ],
            path: "Tools/queue-load",
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "Demo",
            dependencies: [
                "DUO",
                "Models",
                "ServiceKit",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "GRDB", package: "GRDB.swift"),
            ],
            path: "Tools/demo",
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "ProviderSim",
            dependencies: [
                "ServiceKit",
                "Models",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ],
            path: "Tools/provider-sim",
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "PlumbingProbe",
            dependencies: [
                "ServiceKit",
                "Models",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            path: "Tools/plumbing-probe",
            swiftSettings: swiftSettings
        ),
        .target(
            name: "TestSupport",
            dependencies: [
                "ServiceKit",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Prometheus", package: "swift-prometheus"),
            ],
            path: "Tests/TestSupport",
            swiftSettings: swiftSettings
        ),
        .testTarget(name: "ModelsTests", dependencies: ["Models"], path: "Tests/ModelsTests"),
        .testTarget(name: "IntakeDomainTests", dependencies: ["IntakeDomain", "Models"], path: "Tests/IntakeDomainTests"),
        .testTarget(name: "PipDomainTests", dependencies: ["PipDomain", "Models"], path: "Tests/PipDomainTests"),
        .testTarget(
            name: "ContractMonitorDomainTests", dependencies: ["ContractMonitorDomain", "Models", "TestSupport"], path: "Tests/ContractMonitorDomainTests"),
        .testTarget(name: "ArchitectureTests", path: "Tests/ArchitectureTests"),
        .testTarget(
            name: "QueueTests",
            dependencies: ["Queue", .product(name: "PropertyBased", package: "swift-property-based")],
            path: "Tests/QueueTests"
        ),
        .testTarget(
            name: "ServiceKitTests",
            dependencies: [
                "ServiceKit",
                "Models",
                "Queue",
                "TestSupport",
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "NIOCore", package: "swift-nio"),
            ],
            path: "Tests/ServiceKitTests"
        ),
        .testTarget(
            name: "IntakeTests",
            dependencies: [
                "Intake", "IntakeDomain", "Models", "ServiceKit", "TestSupport",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
            ],
            path: "Tests/IntakeTests"
        ),
        .testTarget(
            name: "PipTests",
            dependencies: [
                "Pip", "PipDomain", "Models", "ServiceKit", "TestSupport",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
            ],
            path: "Tests/PipTests"
        ),
        .testTarget(name: "EnrolmentDomainTests", dependencies: ["EnrolmentDomain", "Models", "TestSupport"], path: "Tests/EnrolmentDomainTests"),
        .testTarget(
            name: "EnrolmentTests",
            dependencies: [
                "Enrolment", "EnrolmentDomain", "Models", "ServiceKit", "TestSupport",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
            ],
            path: "Tests/EnrolmentTests"
        ),
        .testTarget(
            name: "ContractMonitorTests",
            dependencies: [
                "ContractMonitor", "ContractMonitorDomain", "Models", "ServiceKit", "TestSupport", "DUO",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
            ],
            path: "Tests/ContractMonitorTests"
        ),
        .testTarget(
            name: "IntegrationTests",
            dependencies: [
                "Models", "Queue", "ServiceKit", "TestSupport", "Intake", "IntakeDomain", "Pip", "PipDomain", "Enrolment", "ContractMonitor",
                "Notifier", "Ctl", "QueueLoad", "PlumbingProbe", "DuoSim", "Demo", "ProviderSim", "DUO", .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Logging", package: "swift-log"), .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            path: "Tests/IntegrationTests"
        ),
    ]
)
