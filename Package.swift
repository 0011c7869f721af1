// swift-tools-version:6.1
import PackageDescription

// Each subject keeps its templates beside its routes; `.process` puts them all in one
// folder of the bundle, so template names stay unique and partials need no paths.
let webTemplates = [
    "Accounts/Templates",
    "Collaboration/Templates",
    "Concern/Templates",
    "Consent/Templates",
    "Directory/Templates",
    "Forums/Templates",
    "LogReview/Templates",
    "Meetings/Templates",
    "Organisation/Templates",
    "Programmes/Templates",
    "Registry/Templates",
    "SIP/Templates",
    "Site/Templates",
    "Statistics/Templates",
    "StudentHealth/Templates",
    "Views/Templates",
    "WorkList/Templates",
]

let package = Package(
    name: "samverka",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "samverka", targets: ["samverka"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.6.0"),
        .package(url: "https://github.com/apple/swift-metrics.git", from: "2.5.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus.git", from: "2.0.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.5.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth.git", from: "2.0.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache.git", from: "2.0.0"),
        .package(url: "https://github.com/vapor/sql-kit.git", from: "3.30.0"),
        .package(url: "https://github.com/vapor/sqlite-kit.git", from: "4.5.0"),
        .package(url: "https://github.com/vapor/postgres-kit.git", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-http-types.git", from: "1.0.0"),
        .package(url: "https://github.com/apple/swift-crypto.git", "3.0.0"..<"5.0.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.0.0"),
    ],
    targets: [
        // The domain: pure Swift, no I/O.
        .target(name: "SamverkaCore"),
        // Schema, migrations and queries over SQLKit, for SQLite and PostgreSQL.
        .target(
            name: "SamverkaStore",
            dependencies: [
                "SamverkaCore",
                .product(name: "SQLKit", package: "sql-kit"),
                // SQLiteKit for the dialect and its value coding; the store calls the SQLite
                // that SQLiteNIO builds in (its VaporCSQLite module) directly (Database/SQLite).
                .product(name: "SQLiteKit", package: "sqlite-kit"),
                .product(name: "PostgresKit", package: "postgres-kit"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        // HTTP: routes, views, templates, sessions, CSRF.
        .target(
            name: "SamverkaWeb",
            dependencies: [
                "SamverkaCore",
                "SamverkaStore",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdAuth", package: "hummingbird-auth"),
                .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            resources: [.copy("Public"), .copy("Fonts")] + webTemplates.map { .process($0) }
        ),
        .executableTarget(
            name: "samverka",
            dependencies: [
                "SamverkaCore",
                "SamverkaStore",
                "SamverkaWeb",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .testTarget(name: "SamverkaCoreTests", dependencies: ["SamverkaCore"]),
        .testTarget(name: "SamverkaStoreTests", dependencies: ["SamverkaStore", "SamverkaCore"]),
        .testTarget(
            name: "SamverkaWebTests",
            dependencies: [
                "SamverkaWeb", "SamverkaStore", "SamverkaCore",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
            ]
        ),
    ],
    swiftLanguageModes: [.v6]
)
