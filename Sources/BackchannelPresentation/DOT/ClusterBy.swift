import BackchannelFormats
import Foundation

/// How a diagram groups its nodes into boxes.
public enum ClusterBy: String, CaseIterable, Sendable {
    /// One box per conflict, holding the nodes nearest to it (see ``ConflictAssignment``).
    case conflict
    /// One box per track; nodes without a track stay outside.
    case track
    /// One box per Louvain community of the whole network (the `communities` command's defaults:
    /// seed 0, resolution 1, unweighted), labelled by its three most connected members; a community of
    /// one node gets no box. The partition is computed in the job layer and passed in as clusters.
    case community
    /// No boxes.
    case none
}
