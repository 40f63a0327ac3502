#!/usr/bin/env python3
"""Round trips through NetworkX: reads what Backchannel writes, writes files Backchannel reads back.

Usage: networkx_roundtrip.py IN_DIR OUT_DIR

IN_DIR holds net.json (canonical node-link JSON), net.graphml and net.gexf, all written by
`backchannel convert` from one network. The script reads each with NetworkX (node_link_graph,
read_graphml, read_gexf), prints one JSON line per file with its node and edge counts, and writes
into OUT_DIR what NetworkX writes from each:
  nx-links.json  node_link_data with edges under "links" (what NetworkX wrote before 3.4)
  nx-edges.json  node_link_data with edges under "edges" (NetworkX 3.4 and later)
  nx.graphml     write_graphml of the graph read from net.graphml
  nx.gexf        write_gexf of the graph read from net.gexf
Run by Tests/BackchannelCLITests/ForeignFormatsCLITests.swift where python3 and networkx exist.
"""
import json
import os
import sys

import networkx as nx


def counts(name, g):
    print(json.dumps({"file": name, "nodes": g.number_of_nodes(), "edges": g.number_of_edges(),
                      "directed": g.is_directed(), "multigraph": g.is_multigraph()}, sort_keys=True))


def node_link(g, edges_key):
    try:
        return nx.node_link_data(g, edges=edges_key)
    except TypeError:  # NetworkX before 3.4 knows only "link"
        return nx.node_link_data(g, link=edges_key)


def main(src, out):
    with open(os.path.join(src, "net.json"), encoding="utf-8") as f:
        data = json.load(f)
    try:
        gj = nx.node_link_graph(data, edges="edges")
    except TypeError:
        gj = nx.node_link_graph(data, link="edges")
    counts("net.json", gj)
    gm = nx.read_graphml(os.path.join(src, "net.graphml"))
    counts("net.graphml", gm)
    gx = nx.read_gexf(os.path.join(src, "net.gexf"))
    counts("net.gexf", gx)

    os.makedirs(out, exist_ok=True)
    for key in ("links", "edges"):
        with open(os.path.join(out, "nx-%s.json" % key), "w", encoding="utf-8") as f:
            json.dump(node_link(gj, key), f, ensure_ascii=False, indent=1, sort_keys=True)
    nx.write_graphml(gm, os.path.join(out, "nx.graphml"))
    nx.write_gexf(gx, os.path.join(out, "nx.gexf"))


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2])
