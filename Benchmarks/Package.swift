// swift-tools-version:6.0
// The benchmarks, as a package of their own (as swift-collections' Benchmarks/), so that `swift build`
// and `swift test` of Backchannel itself never compile them. `bash Benchmarks/run.sh` builds this
// package in release mode; it uses Backchannel's libraries through the path dependency on `..`.
import PackageDescription

let package = Package(
    name: "BackchannelBenchmarks",
    platforms: [.macOS(.v13)],
    dependencies: [
        .package(name: "Backchannel", path: "..")
    ],
    targets: [
        // Times the measures in-process on an edge-list CSV and prints one JSON line, as peers.py does.
        .executableTarget(
            name: "backchannel-bench",
            dependencies: [
                .product(name: "BackchannelAnalysis", package: "Backchannel"),
                .product(name: "BackchannelFormats", package: "Backchannel"),
            ],
            path: "Sources/backchannel-bench"
        )
    ]
)
