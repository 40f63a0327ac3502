#!/usr/bin/env python3
"""The "whole process" Python baseline: load an edge-list CSV into igraph, compute one
measure, and write the scores as JSON to stdout:

    python_whole_process.py --edges FILE.csv --measure M [--samples K --seed S] [--source a0]
    -> {"measure": M, "scores": {"a0": 0.0123, ...}}

Time it as a whole process against the Backchannel CLI, e.g.

    hyperfine -w 1 \\
      '.venv/bin/python python_whole_process.py --edges data/actors-10000.csv --measure pagerank >/dev/null' \\
      'backchannel centrality --edges data/actors-10000.csv --measure pagerank --format json >/dev/null'

or with `/usr/bin/time -v` (elapsed time and maximum resident set size).

The measures and their normalization are exactly those of peers.py (igraph peer), which
follow NetworkX (see README.md): the interpreter start-up, the imports (pandas, numpy,
igraph), the CSV read, the graph build, the computation and the JSON encoding all count.
Scores are written in node order of first appearance in the CSV; NaN becomes 0 (as
NetworkX reports a node that no other node reaches); for sssp only the reachable
targets are written, with integer hop counts (as nx.single_source_shortest_path_length).

Closeness note: igraph gives (r-1)/sum(d) but not r, so matching NetworkX's
Wasserman-Faust closeness takes a second igraph closeness call (normalized=False) to
recover r; the whole process pays for both. --igraph-closeness skips the second call
and writes igraph's own normalized closeness instead (not NetworkX's numbers).
"""

import argparse
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import peers  # noqa: E402  (same directory; its imports are lazy)


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--edges", required=True)
    ap.add_argument("--measure", required=True, choices=[m for m in peers.MEASURES if m != "load"])
    ap.add_argument("--samples", type=int, default=256)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--source", default="a0")
    ap.add_argument("--igraph-closeness", action="store_true",
                    help="closeness: write igraph's (r-1)/sum(d), skipping the Wasserman-Faust factor")
    a = ap.parse_args(argv)

    import numpy as np

    peer = peers.IGraphPeer(threads=1)
    n, _ = peer.load(a.edges)
    extra = {}
    if a.measure == "betweenness-sampled":
        extra["_sources"] = peers.sample_sources(n, a.samples, a.seed)
    if a.measure == "sssp":
        hits = np.flatnonzero(peer.names == a.source)
        if len(hits) != 1:
            sys.exit(f"python_whole_process.py: source node {a.source!r} not in {a.edges}")
        extra["source_index"] = int(hits[0])
    scores = peer.compute(a.measure, a, extra)
    if not (a.measure == "closeness" and a.igraph_closeness):
        scores = peer.finish(a.measure, scores, extra)
    out = {"measure": a.measure, "scores": peers.scores_dict(peer.names, np.asarray(scores), a.measure)}
    sys.stdout.write(json.dumps(out) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
