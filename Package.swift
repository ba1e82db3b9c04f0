// swift-tools-version: 6.2
import PackageDescription

/// Settings every target shares: Swift 6 language mode is the tools-version default.
let swiftSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
]

let package = Package(
    name: "Safeguard",
    products: [
        .executable(name: "safeguard", targets: ["safeguard"]),
        .library(name: "FormEngine", targets: ["FormEngine"]),
        .library(name: "Records", targets: ["Records"]),
        .library(name: "SQLiteStore", targets: ["SQLiteStore"]),
        .library(name: "PostgreSQLStore", targets: ["PostgreSQLStore"]),
        .library(name: "GapReports", targets: ["GapReports"]),
        .library(name: "UseCases", targets: ["UseCases"]),
        .library(name: "WebPortal", targets: ["WebPortal"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-nio-extras", from: "1.35.2"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.4.1"),
    ],
    targets: [
        .systemLibrary(
            name: "CYAML",
            pkgConfig: "yaml-0.1",
            providers: [.apt(["libyaml-dev"]), .brew(["libyaml"])]
        ),
        .systemLibrary(
            name: "CSQLiteSettings",
            pkgConfig: "sqlite3",
            providers: [.apt(["libsqlite3-dev"]), .brew(["sqlite"])]
        ),
        .target(name: "FormEngine", dependencies: ["CYAML"], swiftSettings: swiftSettings),
        .target(name: "Records", dependencies: ["FormEngine"], swiftSettings: swiftSettings),
        .target(
            name: "SQLiteStore",
            dependencies: [
                "FormEngine", "Records", .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "GRDBSQLite", package: "GRDB.swift"), "CSQLiteSettings",
            ],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "PostgreSQLStore",
            dependencies: [
                "FormEngine", "Records", .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        .target(name: "GapReports", dependencies: ["FormEngine", "Records"], swiftSettings: swiftSettings),
        .target(name: "SampleCounty", dependencies: ["FormEngine"], swiftSettings: swiftSettings),
        .target(
            name: "UseCases", dependencies: ["FormEngine", "Records", "GapReports", "SampleCounty"],
            swiftSettings: swiftSettings),
        .target(
            name: "WebPortal",
            dependencies: [
                "FormEngine", "Records", "UseCases", "GapReports",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTPTypes", package: "swift-nio-extras"),
                .product(name: "Prometheus", package: "swift-prometheus"),
            ],
            resources: [.copy("Resources/openapi.yaml")],
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "safeguard",
            dependencies: [
                "FormEngine", "Records", "SQLiteStore", "PostgreSQLStore", "UseCases", "GapReports", "SampleCounty",
                "WebPortal",
                .product(name: "Logging", package: "swift-log"), .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "NIOCore", package: "swift-nio"), .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "StoreKinds", dependencies: ["Records", "SQLiteStore", "PostgreSQLStore"], path: "Tests/StoreKinds",
            swiftSettings: swiftSettings),
        .target(
            name: "TestSupport", dependencies: ["FormEngine", "Records"], path: "Tests/TestSupport",
            swiftSettings: swiftSettings),
        .testTarget(
            name: "FormEngineTests", dependencies: ["FormEngine", "TestSupport"], exclude: ["Fixtures"],
            swiftSettings: swiftSettings),
        .testTarget(
            name: "ReturnStoreTests",
            dependencies: [
                "TestSupport",
                "SQLiteStore", "Records", "UseCases", "FormEngine", "StoreKinds", "PostgreSQLStore",
                .product(name: "GRDB", package: "GRDB.swift"), .product(name: "PostgresNIO", package: "postgres-nio"),
            ],
            swiftSettings: swiftSettings),
        .testTarget(
            name: "GapReportsTests",
            dependencies: [
                "TestSupport", "GapReports", "Records", "SQLiteStore", "UseCases", "FormEngine", "SampleCounty",
            ],
            exclude: ["Expected"], swiftSettings: swiftSettings),
        .testTarget(
            name: "UseCasesTests",
            dependencies: [
                "TestSupport",
                "UseCases", "Records", "SQLiteStore", "FormEngine", "SampleCounty", "GapReports", "StoreKinds",
            ],
            swiftSettings: swiftSettings),
        .testTarget(
            name: "WebPortalTests",
            dependencies: [
                "TestSupport",
                "WebPortal", "UseCases", "Records", "SQLiteStore", "FormEngine", "SampleCounty", "GapReports",
                "StoreKinds",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
            ],
            swiftSettings: swiftSettings),
        .testTarget(
            name: "CLITests",
            dependencies: [
                "TestSupport",
                "FormEngine", "Records", "SQLiteStore", "UseCases", "WebPortal", "safeguard", "StoreKinds",
                .product(name: "GRDB", package: "GRDB.swift"), .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
            ],
            swiftSettings: swiftSettings),
    ]
)
