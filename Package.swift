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
        .library(name: "ReturnStore", targets: ["ReturnStore"]),
        .library(name: "GapReports", targets: ["GapReports"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CYAML",
            pkgConfig: "yaml-0.1",
            providers: [.apt(["libyaml-dev"]), .brew(["libyaml"])]
        ),
        .target(name: "FormEngine", dependencies: ["CYAML"], swiftSettings: swiftSettings),
        .target(
            name: "ReturnStore",
            dependencies: ["FormEngine", .product(name: "GRDB", package: "GRDB.swift")],
            swiftSettings: swiftSettings
        ),
        .target(name: "GapReports", dependencies: ["FormEngine", "ReturnStore"], swiftSettings: swiftSettings),
        .target(name: "SampleCounty", dependencies: ["FormEngine", "ReturnStore"], swiftSettings: swiftSettings),
        .executableTarget(
            name: "safeguard",
            dependencies: [
                "FormEngine", "ReturnStore", "GapReports", "SampleCounty",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "FormEngineTests", dependencies: ["FormEngine"], exclude: ["Fixtures"], swiftSettings: swiftSettings),
        .testTarget(
            name: "ReturnStoreTests",
            dependencies: ["ReturnStore", "FormEngine", .product(name: "GRDB", package: "GRDB.swift")],
            swiftSettings: swiftSettings),
        .testTarget(
            name: "GapReportsTests", dependencies: ["GapReports", "ReturnStore", "FormEngine", "SampleCounty"],
            exclude: ["Expected"], swiftSettings: swiftSettings),
        .testTarget(
            name: "CLITests",
            dependencies: ["FormEngine", "ReturnStore", "safeguard", .product(name: "GRDB", package: "GRDB.swift")],
            swiftSettings: swiftSettings),
    ]
)
