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
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2")
    ],
    targets: [
        .systemLibrary(
            name: "CYAML",
            pkgConfig: "yaml-0.1",
            providers: [.apt(["libyaml-dev"]), .brew(["libyaml"])]
        ),
        .target(name: "FormEngine", dependencies: ["CYAML"], swiftSettings: swiftSettings),
        .executableTarget(
            name: "safeguard",
            dependencies: ["FormEngine", .product(name: "ArgumentParser", package: "swift-argument-parser")],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "FormEngineTests", dependencies: ["FormEngine"], exclude: ["Fixtures"], swiftSettings: swiftSettings),
        .testTarget(name: "CLITests", dependencies: ["FormEngine", "safeguard"], swiftSettings: swiftSettings),
    ]
)
