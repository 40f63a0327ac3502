// swift-tools-version:6.0
import PackageDescription

/// Invariant checks inside the analysis layer (`CompactGraph` structure, scratch sizes), as
/// swift-collections' `COLLECTIONS_INTERNAL_CHECKS`: on in debug builds (and so in `swift test`),
/// off in release builds unless `BACKCHANNEL_INTERNAL_CHECKS=1` is set when building.
let analysisChecks: [SwiftSetting] =
    [
        .define("BACKCHANNEL_INTERNAL_CHECKS", .when(configuration: .debug))
    ] + (Context.environment["BACKCHANNEL_INTERNAL_CHECKS"] == "1" ? [.define("BACKCHANNEL_INTERNAL_CHECKS")] : [])

let package = Package(
    name: "Backchannel",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "backchannel", targets: ["backchannel"]),
        .library(name: "BackchannelModel", targets: ["BackchannelModel"]),
        .library(name: "BackchannelFormats", targets: ["BackchannelFormats"]),
        .library(name: "BackchannelAnalysis", targets: ["BackchannelAnalysis"]),
        .library(name: "BackchannelPresentation", targets: ["BackchannelPresentation"]),
        .library(name: "BackchannelRender", targets: ["BackchannelRender"]),
        .library(name: "BackchannelJobs", targets: ["BackchannelJobs"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-collections", from: "1.6.0"),
        // `swift package generate-documentation` (the DocC catalog in Sources/BackchannelJobs); a plugin,
        // never linked into the products.
        .package(url: "https://github.com/swiftlang/swift-docc-plugin", from: "1.5.0"),
        // Import recipes (Datasets/README.md): TOML, read by toml++ through TOMLKit.
        .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
        // Redaction's keyed pseudonyms (HMAC-SHA256); Jobs only, so the model stays free of crypto.
        .package(url: "https://github.com/apple/swift-crypto", "3.12.3"..<"5.0.0"),
    ],
    // Data flows one way: Model → Formats → Analysis → Presentation → Render → Jobs → CLI.
    // Each target depends only on targets to its left.
    targets: [
        // Graphviz's C libraries (libgvc, libcgraph, libcdt) as installed by Debian's libgraphviz-dev.
        .systemLibrary(
            name: "CGraphviz",
            pkgConfig: "libgvc",
            providers: [.apt(["libgraphviz-dev"]), .brew(["graphviz"])]
        ),
        // The bundled datasets: the canonical JSON files live in Datasets/ and ship as resources.
        .target(
            name: "BackchannelDatasets",
            path: "Datasets",
            exclude: ["README.md", "check_history.py", "derive_paax.py", "recipes"],
            resources: [.copy("track2-history.json")]
        ),
        // The typed actor-network model and its validation. Pure Swift, no I/O.
        .target(name: "BackchannelModel"),
        // Every reader and writer: JSON, CSV (sheets, mappings, plain edge lists), GraphML, GEXF,
        // DOT text, the DOT reader protocol, atomic file output, the bundled datasets. Pure Swift.
        .target(
            name: "BackchannelFormats",
            dependencies: ["BackchannelModel", "BackchannelDatasets", .product(name: "TOMLKit", package: "TOMLKit")]
        ),
        // The compact graph and the measures over it. Pure Swift; never opens a file.
        .target(
            name: "BackchannelAnalysis",
            dependencies: ["BackchannelModel", .product(name: "HeapModule", package: "swift-collections")],
            swiftSettings: analysisChecks
        ),
        // What people read: diagrams (DOT with styling), reports as tables, JSON and CSV, summaries.
        .target(name: "BackchannelPresentation", dependencies: ["BackchannelModel", "BackchannelFormats", "BackchannelAnalysis"]),
        // In-process Graphviz: the only importer of CGraphviz, a leaf over C.
        .target(name: "BackchannelRender", dependencies: ["CGraphviz", "BackchannelModel", "BackchannelFormats"]),
        // Jobs that compose the layers (the main job, render-to-file, convert): what the CLI calls.
        .target(
            name: "BackchannelJobs",
            dependencies: [
                "BackchannelModel", "BackchannelFormats", "BackchannelAnalysis", "BackchannelPresentation", "BackchannelRender",
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        // The command-line tool: parses options, calls the jobs and libraries.
        .executableTarget(
            name: "backchannel",
            dependencies: [
                "BackchannelJobs", "BackchannelModel", "BackchannelFormats", "BackchannelAnalysis", "BackchannelPresentation",
                "BackchannelRender",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // backchannel-bench (Benchmarks/run.sh) is a package of its own, Benchmarks/Package.swift, so that
        // building and testing this package never compiles it.
        // Fixtures and generators shared by the test targets.
        .target(name: "BackchannelTestSupport", dependencies: ["BackchannelModel", "BackchannelFormats", "BackchannelAnalysis"]),
        .testTarget(name: "BackchannelModelTests", dependencies: ["BackchannelModel", "BackchannelFormats", "BackchannelTestSupport"]),
        .testTarget(
            name: "BackchannelFormatsTests",
            dependencies: ["BackchannelFormats", "BackchannelModel", "BackchannelAnalysis", "BackchannelTestSupport"]),
        .testTarget(
            name: "BackchannelFuzzTests",
            dependencies: [
                "BackchannelJobs", "BackchannelModel", "BackchannelFormats", "BackchannelAnalysis", "BackchannelRender",
                "BackchannelTestSupport",
            ]
        ),
        .testTarget(
            name: "BackchannelAnalysisTests",
            dependencies: ["BackchannelAnalysis", "BackchannelModel", "BackchannelFormats", "BackchannelTestSupport"],
            swiftSettings: analysisChecks),
        .testTarget(
            name: "BackchannelPresentationTests",
            dependencies: [
                "BackchannelPresentation", "BackchannelFormats", "BackchannelAnalysis", "BackchannelRender", "BackchannelJobs",
                "BackchannelTestSupport",
            ]
        ),
        .testTarget(
            name: "BackchannelRenderTests",
            dependencies: [
                "BackchannelRender", "BackchannelFormats", "BackchannelPresentation", "BackchannelJobs", "BackchannelTestSupport",
            ]),
        .testTarget(
            name: "BackchannelCLITests",
            dependencies: [
                "backchannel", "BackchannelJobs", "BackchannelModel", "BackchannelFormats", "BackchannelPresentation",
                "BackchannelTestSupport",
            ]
        ),
    ]
)
