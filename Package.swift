// swift-tools-version: 6.0
import PackageDescription

// Release builds of the matching libraries skip the runtime exclusivity checks (each checked
// access to a class property or global cost a runtime call in the per-note loops); debug builds,
// which the tests run, keep them, so an overlapping access is still caught.
// The tests scan the whole corpus many times; unoptimised, those scans were most of the suite's
// ten minutes. Debug builds of the libraries they exercise are optimised but keep the checks.
let optimisedDebug: SwiftSetting = .unsafeFlags(["-O"], .when(configuration: .debug))
let hotPath: [SwiftSetting] = [.unsafeFlags(["-enforce-exclusivity=unchecked"], .when(configuration: .release)), optimisedDebug]

let package = Package(
    name: "telescan",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "telescan", targets: ["telescan"]),
        .library(name: "TelescanCore", targets: ["TelescanCore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "5.0.1"),
    ],
    targets: [
        // PCRE2 from Debian's libpcre2-dev; only TelescanPCRE2 imports it.
        .systemLibrary(
            name: "CPCRE2",
            pkgConfig: "libpcre2-8",
            providers: [.apt(["libpcre2-dev"])]
        ),
        .target(name: "TelescanPCRE2", dependencies: ["CPCRE2"], swiftSettings: hotPath),
        // The bundled rule data: the top-level Lexicons/ folder is a resource target.
        .target(
            name: "TelescanLexicons",
            path: "Lexicons",
            exclude: ["README.md"],
            sources: ["LexiconsBundle.swift"],
            resources: [.copy("rules"), .copy("context"), .copy("lists"), .copy("text"), .copy("profiles")]
        ),
        .target(
            name: "TelescanCore",
            dependencies: ["TelescanPCRE2", .product(name: "Yams", package: "Yams")],
            swiftSettings: hotPath
        ),
        .target(name: "TelescanReport", dependencies: ["TelescanCore"], swiftSettings: [optimisedDebug]),
        .executableTarget(
            name: "telescan",
            dependencies: [
                "TelescanCore", "TelescanReport", "TelescanLexicons",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .target(name: "TelescanTestSupport", dependencies: ["TelescanCore"], path: "Tests/TelescanTestSupport"),
        .testTarget(name: "TelescanPCRE2Tests", dependencies: ["TelescanPCRE2"]),
        .testTarget(
            name: "TelescanCoreTests",
            dependencies: ["TelescanCore", "TelescanReport", "TelescanTestSupport", .product(name: "Yams", package: "Yams")],
            exclude: ["Fixtures"]
        ),
        .testTarget(name: "TelescanReportTests", dependencies: ["TelescanCore", "TelescanReport", "TelescanTestSupport"]),
        .testTarget(name: "telescanTests", dependencies: ["telescan", "TelescanCore", "TelescanReport"]),
    ],
    swiftLanguageModes: [.v6]
)
