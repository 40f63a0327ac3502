#!/usr/bin/env python3
"""Regenerate Tests/References/connectivity-references.json from NetworkX.

Usage (from the package root):

    python3 Tests/References/generate_connectivity_references.py

For each graph and each chosen pair (a, b) with a set of excluded nodes, it records NetworkX's
local vertex connectivity and the size of its minimum node cut, computed on the undirected graph with
the excluded nodes and the direct a-b edge removed: what Backchannel's `VertexConnectivity.channels`
counts (a direct tie is reported on its own, not as a channel). Deterministic: fixed seeds, sorted
output. Requires networkx (3.6.1 was used).
"""

import json
import os
import random

import networkx as nx
from networkx.algorithms.connectivity import local_node_connectivity, minimum_st_node_cut

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "connectivity-references.json")


def graphs():
    yield "karate", nx.karate_club_graph(), False
    yield "florentine", nx.florentine_families_graph(), False
    yield "davis", nx.davis_southern_women_graph(), False
    for i, (n, p) in enumerate([(12, 0.3), (20, 0.2), (30, 0.12), (25, 0.35)]):
        yield f"gnp_{i}", nx.gnp_random_graph(n, p, seed=100 + i), False
    for i, (n, p) in enumerate([(15, 0.2), (24, 0.15)]):
        # Directed: ties count in both directions, so NetworkX sees the undirected version.
        yield f"directed_gnp_{i}", nx.gnp_random_graph(n, p, seed=200 + i, directed=True), True


def main():
    out = {"generated_by": "Tests/References/generate_connectivity_references.py", "networkx_version": nx.__version__, "graphs": []}
    for name, g, directed in graphs():
        rng = random.Random(sum(map(ord, name)))
        nodes = sorted(g.nodes(), key=str)
        ids = [str(v) for v in nodes]
        edges = sorted({(str(u), str(v)) for u, v in g.edges() if u != v})
        undirected = nx.Graph()
        undirected.add_nodes_from(ids)
        undirected.add_edges_from(edges)
        pairs = [(a, b) for i, a in enumerate(ids) for b in ids[i + 1:]]
        rng.shuffle(pairs)
        cases = []
        for a, b in pairs[:40]:
            others = [v for v in ids if v not in (a, b)]
            excluded = sorted(rng.sample(others, k=rng.randint(0, max(0, len(others) // 5))))
            h = undirected.copy()
            h.remove_nodes_from(excluded)
            direct = h.has_edge(a, b)
            if direct:
                h.remove_edge(a, b)
            k = local_node_connectivity(h, a, b)
            cut = minimum_st_node_cut(h, a, b) if k > 0 else set()
            assert len(cut) == k, (name, a, b, k, cut)
            cases.append({"a": a, "b": b, "excluded": excluded, "direct_tie": direct, "connectivity": k, "cut_size": len(cut)})
        out["graphs"].append({"name": name, "directed": directed, "nodes": ids, "edges": [list(e) for e in edges], "cases": cases})
    with open(OUT, "w") as f:
        json.dump(out, f, indent=1, sort_keys=True)
        f.write("\n")


if __name__ == "__main__":
    main()
