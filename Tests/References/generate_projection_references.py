#!/usr/bin/env python3
"""Regenerate Tests/References/projection-references.json from NetworkX.

Usage (from the package root):

    python3 Tests/References/generate_projection_references.py

Davis's Southern Women (women x events) projected onto each side with NetworkX's
`bipartite.weighted_projected_graph` (count), `collaboration_weighted_projected_graph` (newman) and
`overlap_weighted_projected_graph(jaccard=True)` (jaccard): the values Backchannel's
`BipartiteProjection` must give. Requires networkx (3.6.1 was used).
"""

import json
import os

import networkx as nx
from networkx.algorithms import bipartite

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "projection-references.json")


def main():
    g = nx.davis_southern_women_graph()
    women, events = g.graph["top"], g.graph["bottom"]
    out = {"generated_by": "Tests/References/generate_projection_references.py", "networkx_version": nx.__version__,
           "nodes": sorted(g.nodes()), "edges": sorted([u, v] for u, v in g.edges()), "women": sorted(women), "projections": []}
    for side, nodes in (("women", women), ("events", events)):
        for name, project in (
            ("count", lambda: bipartite.weighted_projected_graph(g, nodes)),
            ("newman", lambda: bipartite.collaboration_weighted_projected_graph(g, nodes)),
            ("jaccard", lambda: bipartite.overlap_weighted_projected_graph(g, nodes, jaccard=True)),
        ):
            p = project()
            ties = sorted([min(u, v), max(u, v), float(d["weight"])] for u, v, d in p.edges(data=True))
            out["projections"].append({"onto": side, "weighting": name, "ties": ties})
    with open(OUT, "w") as f:
        json.dump(out, f, indent=1, sort_keys=True)
        f.write("\n")


if __name__ == "__main__":
    main()
