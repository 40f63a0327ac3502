// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "Backchannel",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "backchannel", targets: ["backchannel"]),
        .library(name: "BackchannelModel", targets: ["BackchannelModel"]),
        .library(name: "BackchannelAnalysis", targets: ["BackchannelAnalysis"]),
        .library(name: "BackchannelExport", targets: ["BackchannelExport"]),
        .library(name: "BackchannelRender", targets: ["BackchannelRender"]),
        .library(name: "BackchannelInterop", targets: ["BackchannelInterop"]),
        .library(name: "Backchannel", targets: ["Backchannel"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    ],
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
            exclude: ["README.md", "check_history.py", "derive_paax.py"],
            resources: [.copy("track2-history.json")]
        ),
        // The typed actor-network model, its JSON node-link codec and validation. Pure Swift.
        .target(name: "BackchannelModel", dependencies: ["BackchannelDatasets"]),
        // Measures over the model. Pure Swift.
        .target(name: "BackchannelAnalysis", dependencies: ["BackchannelModel"]),
        // DOT (and JSON) writers, styling, atomic file output. Pure Swift: DOT needs no C.
        .target(name: "BackchannelExport", dependencies: ["BackchannelModel", "BackchannelAnalysis"]),
        // Formats analysts already use: CSV sheets, GraphML, GEXF, plain node-link JSON. Pure Swift.
        .target(name: "BackchannelInterop", dependencies: ["BackchannelModel"]),
        // In-process Graphviz: the only importer of CGraphviz.
        .target(name: "BackchannelRender", dependencies: ["CGraphviz", "BackchannelModel", "BackchannelExport"]),
        // Jobs that compose the libraries (the main job, render-to-file): what the CLI calls.
        .target(
            name: "Backchannel",
            dependencies: ["BackchannelModel", "BackchannelAnalysis", "BackchannelExport", "BackchannelRender", "BackchannelInterop"]
        ),
        // The command-line tool: parses options, calls the libraries.
        .executableTarget(
            name: "backchannel",
            dependencies: [
                "Backchannel", "BackchannelModel", "BackchannelAnalysis", "BackchannelExport", "BackchannelRender", "BackchannelInterop",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Times the measures for Benchmarks/run.sh (release build), beside igraph and NetworKit.
        .executableTarget(
            name: "backchannel-bench",
            dependencies: ["BackchannelAnalysis"],
            path: "Benchmarks/Sources/backchannel-bench"
        ),
        // Fixtures and generators shared by the test targets.
        .target(name: "BackchannelTestSupport", dependencies: ["BackchannelModel", "BackchannelAnalysis"]),
        .testTarget(name: "BackchannelModelTests", dependencies: ["BackchannelModel", "BackchannelTestSupport"]),
        .testTarget(name: "BackchannelInteropTests", dependencies: ["BackchannelInterop", "BackchannelModel", "BackchannelAnalysis", "BackchannelTestSupport"]),
        .testTarget(
            name: "BackchannelFuzzTests",
            dependencies: ["Backchannel", "BackchannelModel", "BackchannelAnalysis", "BackchannelRender", "BackchannelInterop", "BackchannelTestSupport"]
        ),
        .testTarget(name: "BackchannelAnalysisTests", dependencies: ["BackchannelAnalysis", "BackchannelModel", "BackchannelTestSupport"]),
        .testTarget(
            name: "BackchannelExportTests",
            dependencies: ["BackchannelExport", "BackchannelRender", "BackchannelTestSupport"]
        ),
        .testTarget(name: "BackchannelRenderTests", dependencies: ["BackchannelRender", "BackchannelExport", "BackchannelTestSupport"]),
        .testTarget(
            name: "BackchannelCLITests",
            dependencies: ["backchannel", "Backchannel", "BackchannelModel", "BackchannelExport", "BackchannelTestSupport"]
        ),
    ]
)
