#!/usr/bin/env python3
"""Regenerate Tests/References/community-references.json from NetworkX.

Usage (from the package root):

    python3 Tests/References/generate_community_references.py

For each graph: its edges (undirected, weighted where the graph is), NetworkX's
`community.modularity` of a few fixed partitions (exact values to compare to 1e-12), and the
modularity of `louvain_communities(G, seed=s)` for seeds 0..9 (Backchannel's Louvain draws its own
node order, so tests compare its modularity with these, not the partition). For planted-partition
graphs the planted blocks are recorded: the unambiguous answer. Requires networkx (3.6.1 was used).
"""

import json
import os
import random

import networkx as nx
from networkx.algorithms import community as nxc

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "community-references.json")


def graphs():
    yield "karate", nx.karate_club_graph(), True, None  # karate carries weights in NetworkX >= 3.0
    yield "florentine", nx.florentine_families_graph(), False, None
    yield "davis", nx.davis_southern_women_graph(), False, None
    yield "les_miserables", nx.les_miserables_graph(), True, None
    g = nx.planted_partition_graph(4, 12, 0.9, 0.01, seed=7)
    yield "planted_4x12", g, False, [sorted(b) for b in g.graph["partition"]]
    ring = nx.ring_of_cliques(6, 5)
    yield "ring_of_cliques_6x5", ring, False, [list(range(i * 5, i * 5 + 5)) for i in range(6)]


def main():
    out = {"generated_by": "Tests/References/generate_community_references.py", "networkx_version": nx.__version__, "graphs": []}
    for name, g, weighted, planted in graphs():
        ids = sorted((str(v) for v in g.nodes()))
        key = {v: str(v) for v in g.nodes()}
        weight = "weight" if weighted else None
        edges = sorted([key[u], key[v], float(d.get("weight", 1)) if weighted else 1.0] for u, v, d in g.edges(data=True) if u != v)
        rng = random.Random(len(name))
        partitions = []
        for k in (1, 2, 3, 5):
            labels = {v: rng.randrange(k) for v in g.nodes()}
            blocks = [sorted(key[v] for v in g.nodes() if labels[v] == c) for c in range(k)]
            blocks = [b for b in blocks if b]
            for gamma in (1.0, 0.5, 2.0):
                q = nxc.modularity(g, [set(v for v in g.nodes() if key[v] in b) for b in blocks], weight=weight, resolution=gamma)
                partitions.append({"communities": blocks, "resolution": gamma, "modularity": q})
        louvain = []
        for seed in range(10):
            comms = nxc.louvain_communities(g, weight=weight, seed=seed)
            louvain.append(nxc.modularity(g, comms, weight=weight))
        entry = {"name": name, "weighted": weighted, "nodes": ids, "edges": edges, "partitions": partitions, "louvain_modularity": louvain}
        if planted is not None:
            entry["planted"] = sorted(sorted(key[v] for v in b) for b in planted)
        out["graphs"].append(entry)
    with open(OUT, "w") as f:
        json.dump(out, f, indent=1, sort_keys=True)
        f.write("\n")


if __name__ == "__main__":
    main()
