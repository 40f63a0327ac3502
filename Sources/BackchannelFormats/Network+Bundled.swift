import BackchannelDatasets
import BackchannelModel
import Foundation

extension Network {
    /// The datasets that ship inside the library, usable from any directory.
    public enum Bundled: String, CaseIterable, Sendable {
        /// The history of Track II diplomacy, 1960 to the present (Alliance for Peacebuilding brief, enriched).
        case track2History = "track2-history"

        /// Where the JSON file sits in the installed resource bundle.
        public var url: URL { BundledDatasets.url(named: rawValue) }
    }

    /// Loads a bundled dataset. A failure here is a packaging bug, reported as such.
    public static func bundled(_ dataset: Bundled = .track2History) throws(ModelError) -> Network {
        try Network(contentsOf: dataset.url)
    }
}
