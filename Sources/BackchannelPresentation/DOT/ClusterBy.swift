import BackchannelFormats
import Foundation

/// How a diagram groups its nodes into boxes.
public enum ClusterBy: String, CaseIterable, Sendable {
    /// One box per conflict, holding the nodes nearest to it (see ``ConflictAssignment``).
    case conflict
    /// One box per track; nodes without a track stay outside.
    case track
    /// No boxes.
    case none
}
