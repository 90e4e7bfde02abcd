// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "vorort",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "vorort", targets: ["vorort"]),
        .library(name: "VorortCore", targets: ["VorortCore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.0.0"),
        // The preview server (`vorort serve`): small, pure Swift, with no SwiftNIO to build.
        .package(url: "https://github.com/swhitty/FlyingFox", from: "0.27.0"),
    ],
    targets: [
        // cmark-gfm from Debian's libcmark-gfm-dev and libcmark-gfm-extensions-dev.
        .systemLibrary(
            name: "CCmarkGFM",
            pkgConfig: "libcmark-gfm",
            providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]
        ),
        // Linux system calls Swift's Glibc module does not expose (renameat2 for the atomic output swap).
        .target(name: "CVorortSystem"),
        .target(
            name: "VorortCore",
            dependencies: [
                "CCmarkGFM",
                "CVorortSystem",
                .product(name: "Yams", package: "Yams"),
                .product(name: "Mustache", package: "swift-mustache"),
            ],
            // The built-in wording rules are YAML (the source of truth), compiled into
            // Lint/BuiltInRules.generated.swift by scripts/generate-builtin-rules.py.
            exclude: ["Lint/Rules"]
        ),
        // `vorort serve`: the site from memory, rebuilt incrementally as files change, with live reload, findings
        // in the page and wording marks.
        .target(
            name: "VorortPreview",
            dependencies: ["VorortCore", .product(name: "FlyingFox", package: "FlyingFox")]
        ),
        .executableTarget(
            name: "vorort",
            dependencies: [
                "VorortCore",
                "VorortPreview",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Measures the pipeline in-process (`swift run -c release vorort-benchmark`); see scripts/benchmark.py.
        .executableTarget(
            name: "vorort-benchmark",
            dependencies: ["VorortCore"]
        ),
        .testTarget(
            name: "VorortCoreTests",
            dependencies: ["VorortCore", "VorortPreview", "vorort", .product(name: "Mustache", package: "swift-mustache"),
                           .product(name: "Yams", package: "Yams")],
            // Read from the source tree by the tests themselves.
            exclude: ["Fixtures"]
        ),
    ]
)
