import Foundation

/// Locates the datasets bundled with Backchannel (the JSON files beside this file).
public enum BundledDatasets {
    /// The URL of `NAME.json` in the resource bundle.
    public static func url(named name: String) -> URL {
        Bundle.module.url(forResource: name, withExtension: "json")
            ?? Bundle.module.bundleURL.appendingPathComponent(name + ".json")
    }
}
