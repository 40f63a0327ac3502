#!/usr/bin/env python3
"""The peers' equivalents of Backchannel's `channels`, `timeline` and `communities`, on the same graph.

    analyses_peers.py graph NETWORK.json [--degree BC_DEGREE.json]
    analyses_peers.py channels NETWORK.json --peer networkx|igraph [--every] [--check BC.json] [--limit-pairs K]
    analyses_peers.py timeline NETWORK.json --peer networkx|igraph --measure M [--check BC.json]
    analyses_peers.py communities EDGES.csv --peer networkx|igraph [--seed S] [--check BC.json]
    analyses_peers.py paax-parties PAAX.json -o OUT.json

Each analysis prints one JSON line: `peer`, `peer_version`, `analysis`, `network`, `nodes`, `edges`,
`load_seconds` (JSON or CSV → the peer's graph), `compute_seconds` (the analysis alone), the result's
size, and with `--check` whether it agrees with Backchannel's JSON output of the same analysis.

The graph is built exactly as Backchannel builds it (Sources/BackchannelAnalysis/CompactGraph+Network.swift,
TemporalGraph.swift, Sources/BackchannelJobs/ChannelsJob.swift), from the network's node-link JSON:
- nodes: every node, the first of a repeated id; edges: those that took place (no `status`, or
  `provided`), between kept nodes, self-loops dropped, parallel edges merged;
- channels: ties undirected; parties of a conflict are the sources of its `party_to` edges in edge
  order, each once, the first side given winning (on the edge, else on the party); a pair is opposed
  unless both sides are given and equal; intermediaries are every node but conflicts, events and
  legal decisions, and but agreements, kind `official` and track I unless --include-official.
  For each opposed pair (a, b): the graph without the non-intermediaries other than a and b and
  without the a–b edge; NetworkX `node_connectivity(H, a, b)` and, when it is above 0,
  `minimum_node_cut(H, a, b)`; igraph `vertex_connectivity(source, target)` on the induced subgraph
  (igraph has no s–t minimum vertex cut, so its figure is the count alone).
  `--every` does the same in each year's snapshot (TemporalGraph.snapshot: nodes whose years overlap
  the year or are undated; ties dated in the year or undated, between present nodes), pairs of
  present parties only, through present intermediaries.
- timeline: the directed snapshot of every year over all the network's nodes (absent nodes stay as
  isolated nodes, as in Backchannel, so normalisations use the same n), and the measure on each.
- communities: the CSV edge list read as an undirected simple graph (a reciprocated pair is one edge
  of weight 1); NetworkX `louvain_communities(G, seed=S)` + `modularity`, igraph
  `community_multilevel()` + `modularity`.
"""

import argparse
import json
import os
import sys
import time
from collections import defaultdict

MIN_YEAR, MAX_YEAR = -(2**63), 2**63 - 1


# ---------------------------------------------------------------- the network, as Backchannel reads it

def year_of(value):
    """The year of a date as Backchannel's JSON writes it: a whole year (an integer), or an ISO
    year-month or day ("2024-11", "2024-11-28", "-0044-03-15"); "present" is an open end. The peers
    work by year, as `--every year` and `timeline` do: a day range overlaps a year when its years do."""
    if value is None or isinstance(value, int):
        return value
    text = str(value)
    if text == "present":
        return MAX_YEAR
    sign = -1 if text.startswith("-") else 1
    return sign * int(text.lstrip("-+").split("-")[0])


def span(obj):
    """(start, end, dated) of a node or edge, in years: `year` stands for start and end together."""
    start, end = year_of(obj.get("start")), year_of(obj.get("end"))
    if "year" in obj and start is None and end is None:
        start = end = year_of(obj["year"])
    dated = start is not None or end is not None
    lo = start if start is not None else (end if end is not None else MIN_YEAR)
    hi = end if end is not None else MAX_YEAR
    return lo, hi, dated


def took_place(edge):
    status = edge.get("status", (edge.get("attributes") or {}).get("status"))
    return status is None or status == "provided"


class Network:
    """Nodes (first of each id) and kept edges as index pairs, in file order, with their years."""

    def __init__(self, path, include_official=False):
        self.include_official = include_official
        data = json.load(open(path, encoding="utf-8"))
        self.index, self.ids, self.nodes = {}, [], []
        for node in data["nodes"]:
            if node["id"] in self.index:
                continue
            self.index[node["id"]] = len(self.ids)
            self.ids.append(node["id"])
            self.nodes.append(node)
        self.node_years = [span(n)[:2] for n in self.nodes]
        self.edges = []  # (u, v, lo, hi, dated, edge)
        for edge in data["edges"]:
            if not took_place(edge):
                continue
            u, v = self.index.get(edge["source"]), self.index.get(edge["target"])
            if u is None or v is None:
                continue
            self.edges.append((u, v) + span(edge) + (edge,))
        self.raw = data

    @property
    def n(self):
        return len(self.ids)

    def may_intermediate(self, i):
        node = self.nodes[i]
        kind = node.get("kind", "participant")
        if kind in ("conflict", "legal", "event"):
            return False
        if kind in ("official", "agreement"):
            return self.include_official
        return self.include_official or node.get("track") != "I"

    def conflicts(self):
        """[(conflict id, [(party id, side)])] in first-appearance order of their party_to edges."""
        order, parties = [], {}
        nodes = {n["id"]: n for n in reversed(self.raw["nodes"])}  # first of each id wins
        for edge in self.raw["edges"]:
            if edge.get("relation") != "party_to" or not took_place(edge):
                continue
            s, t = edge["source"], edge["target"]
            if s not in self.index or t not in self.index:
                continue
            if t not in parties:
                order.append(t)
                parties[t] = []
            side = (edge.get("attributes") or {}).get("side")
            if side is None:
                side = (nodes[s].get("attributes") or {}).get("side")
            side = None if side is None else str(side)
            members = parties[t]
            for k, (p, ps) in enumerate(members):
                if p == s:
                    if ps is None:
                        members[k] = (p, side)
                    break
            else:
                members.append((s, side))
        return [(c, parties[c]) for c in order]

    def span(self):
        lo, hi = None, None
        for (_, _, a, b, dated, _) in self.edges:
            if not dated:
                continue
            for y in (a, b):
                if y not in (MIN_YEAR, MAX_YEAR):
                    lo = y if lo is None else min(lo, y)
                    hi = y if hi is None else max(hi, y)
        for a, b in self.node_years:
            for y in (a, b):
                if y not in (MIN_YEAR, MAX_YEAR):
                    lo = y if lo is None else min(lo, y)
                    hi = y if hi is None else max(hi, y)
        return (lo, hi) if lo is not None else None

    def prepare(self):
        """The NumPy arrays of the edges and years that snapshot() cuts from (part of the load)."""
        import numpy as np

        clip = lambda y: max(min(y, 2**62), -(2**62))
        self._arrays = (
            np.array([e[0] for e in self.edges], dtype=np.int64), np.array([e[1] for e in self.edges], dtype=np.int64),
            np.array([clip(e[2]) for e in self.edges], dtype=np.int64), np.array([clip(e[3]) for e in self.edges], dtype=np.int64),
            np.array([e[4] for e in self.edges], dtype=bool),
            np.array([clip(a) for a, _ in self.node_years], dtype=np.int64), np.array([clip(b) for _, b in self.node_years], dtype=np.int64))

    def snapshot(self, lo, hi):
        """(present flags, simple directed arc set) of the years lo..hi, as TemporalGraph.snapshot.

        Vectorised with NumPy (the arrays are built once), so that a peer's snapshot is not
        charged for a Python loop over the edges."""
        import numpy as np

        if not hasattr(self, "_arrays"):
            self.prepare()
        u, v, a, b, dated, na, nb = self._arrays
        present = (na <= hi) & (nb >= lo)
        keep = (~dated | ((a <= hi) & (b >= lo))) & present[u] & present[v] & (u != v)
        pairs = np.unique(np.stack([u[keep], v[keep]], axis=1), axis=0) if keep.any() else np.zeros((0, 2), dtype=np.int64)
        return present.tolist(), set(map(tuple, pairs.tolist()))

    def arcs(self):
        return {(u, v) for (u, v, *_rest) in self.edges if u != v}


def undirected(arcs):
    return {(min(u, v), max(u, v)) for u, v in arcs}


# ---------------------------------------------------------------- channels

def opposed_pairs(network, present=None):
    for conflict, members in network.conflicts():
        for i in range(len(members)):
            for j in range(i + 1, len(members)):
                (p, s), (q, t) = members[i], members[j]
                if s is not None and t is not None and s == t:
                    continue
                u, v = network.index[p], network.index[q]
                if present is not None and not (present[u] and present[v]):
                    continue
                yield conflict, u, v


class Deadline:
    """Stops a long peer run: after `seconds`, the solvers return the pairs done so far."""

    def __init__(self, seconds):
        self.at = time.perf_counter() + seconds if seconds else None
        self.hit = False

    def passed(self):
        if self.at is not None and time.perf_counter() > self.at:
            self.hit = True
        return self.hit


def channels_networkx(network, edges, mask, pairs, deadline):
    import networkx as nx

    adjacency = defaultdict(set)
    for u, v in edges:
        adjacency[u].add(v)
        adjacency[v].add(u)
    base = nx.Graph()
    base.add_nodes_from(i for i in range(network.n) if mask[i])
    base.add_edges_from((u, v) for u, v in edges if mask[u] and mask[v])
    out = []
    for conflict, a, b in pairs:
        if out and deadline.passed():
            break
        added = []
        for end in (a, b):
            if not mask[end]:
                base.add_node(end)
                added.append(end)
        for end in added:
            other = b if end == a else a
            base.add_edges_from((end, w) for w in adjacency[end] if (mask[w] or w == other) and w != end)
        direct = base.has_edge(a, b)
        if direct:
            base.remove_edge(a, b)
        k = nx.node_connectivity(base, a, b)
        cut = nx.minimum_node_cut(base, a, b) if k > 0 else set()
        if direct:
            base.add_edge(a, b)
        base.remove_nodes_from(added)
        out.append((conflict, a, b, k, len(cut)))
    return out


def channels_igraph(network, edges, mask, pairs, deadline):
    import igraph as ig

    g = ig.Graph(n=network.n, edges=sorted(edges), directed=False)
    base = [i for i in range(network.n) if mask[i]]
    out = []
    for conflict, a, b in pairs:
        if out and deadline.passed():
            break
        allowed = sorted(set(base) | {a, b})
        h = g.induced_subgraph(allowed, implementation="create_from_scratch")
        position = {v: k for k, v in enumerate(allowed)}
        ha, hb = position[a], position[b]
        e = h.get_eid(ha, hb, error=False)
        if e >= 0:
            h.delete_edges([e])
        k = h.vertex_connectivity(source=ha, target=hb, checks=False)
        out.append((conflict, a, b, int(k), None))
    return out


def run_channels(args):
    t0 = time.perf_counter()
    network = Network(args.network, args.include_official)
    mask = [network.may_intermediate(i) for i in range(network.n)]
    if args.every:
        network.prepare()
    load = time.perf_counter() - t0
    solver = channels_networkx if args.peer == "networkx" else channels_igraph
    # With a time limit, each snapshot gets its share of it (by its pairs), its pairs are taken in
    # a seeded random order, and the total is extrapolated snapshot by snapshot from the pairs done.
    import random

    t1 = time.perf_counter()
    if args.every:
        lo, hi = network.span()
        snapshots = []
        for year in range(lo, hi + 1):
            present, arcs = network.snapshot(year, year)
            snapshots.append((str(year), undirected(arcs), [mask[i] and present[i] for i in range(network.n)],
                              list(opposed_pairs(network, present))[: args.limit_pairs]))
    else:
        snapshots = [(None, undirected(network.arcs()), mask, list(opposed_pairs(network))[: args.limit_pairs])]
    all_pairs = sum(len(s[3]) for s in snapshots)
    edges = undirected(network.arcs())
    stopped, extrapolated, results = False, time.perf_counter() - t1, []
    for period, snap_edges, snap_mask, pairs in snapshots:
        if args.time_limit:
            pairs = pairs[:]
            random.Random(0).shuffle(pairs)
        deadline = Deadline(args.time_limit * len(pairs) / all_pairs if args.time_limit and all_pairs else None)
        s0 = time.perf_counter()
        done = solver(network, snap_edges, snap_mask, pairs, deadline)
        spent = time.perf_counter() - s0
        extrapolated += spent * len(pairs) / len(done) if done else 0.0
        stopped = stopped or deadline.hit
        results += [(period,) + r for r in done]
    compute = time.perf_counter() - t1
    record = base_record(args, "channels-every" if args.every else "channels", network.n, len(edges), load, compute)
    record.update({
        "intermediaries": sum(mask), "pairs": len(results), "channels_total": sum(r[4] for r in results),
        "pairs_without_channel": sum(r[4] == 0 for r in results),
        "method": ("node_connectivity(H, a, b) + minimum_node_cut(H, a, b) per pair" if args.peer == "networkx"
                   else "induced_subgraph + vertex_connectivity(source, target) per pair (count only)"),
    })
    record["include_official"] = args.include_official
    if args.limit_pairs is not None:
        record["limit_pairs"] = args.limit_pairs
    if stopped:
        # Stopped: the time for every pair, at the rate of a random sample of each snapshot's pairs.
        record["status"] = "stopped"
        record["pairs_all"] = all_pairs
        record["stopped_after_seconds"] = args.time_limit
        if results:
            record["extrapolated_compute_seconds"] = round(extrapolated, 3)
    if args.check:
        record.update(check_channels(args.check, network, results, stopped or args.limit_pairs is not None))
    print(json.dumps(record))


def check_channels(path, network, results, deadline_hit=False):
    bc = json.load(open(path, encoding="utf-8"))
    theirs = {}
    for c in bc["conflicts"]:
        for p in c["pairs"]:
            theirs[(c.get("period"), c["conflict"], p["a"], p["b"])] = (p["channels"], len(p["cut"]))
    mismatches = []
    for period, conflict, a, b, k, cut in results:
        key = (period, conflict, network.ids[a], network.ids[b])
        got = theirs.get(key)
        if got is None or got[0] != k or (cut is not None and got[1] != cut):
            mismatches.append({"pair": list(key), "peer": [k, cut], "backchannel": got})
    return {"check": "channels and cut sizes per pair against " + os.path.basename(path),
            "check_pairs_backchannel": len(theirs), "check_mismatches": len(mismatches),
            "check_examples": mismatches[:3], "check_pairs_compared": len(results),
            "agrees": not mismatches and (len(theirs) == len(results) or deadline_hit)}


# ---------------------------------------------------------------- timeline

def measure_networkx(nx, g, measure):
    if measure == "betweenness":
        return nx.betweenness_centrality(g)
    if measure == "pagerank":
        return nx.pagerank(g, alpha=0.85)
    if measure == "degree":
        return nx.degree_centrality(g)
    if measure == "closeness":
        return nx.closeness_centrality(g)
    if measure == "harmonic":
        return nx.harmonic_centrality(g)
    raise SystemExit(f"analyses_peers: no timeline measure {measure}")


def measure_igraph(g, measure):
    n = g.vcount()
    if measure == "betweenness":
        scale = 1 / ((n - 1) * (n - 2)) if n > 2 else 1
        return [x * scale for x in g.betweenness(directed=True)]
    if measure == "pagerank":
        return g.pagerank(damping=0.85, directed=True, implementation="prpack")
    if measure == "degree":
        return [d / (n - 1) for d in g.degree(mode="all")]
    if measure == "harmonic":
        return g.harmonic_centrality(mode="in", normalized=False)
    raise SystemExit(f"analyses_peers: no igraph timeline measure {measure}")


def run_timeline(args):
    t0 = time.perf_counter()
    network = Network(args.network)
    network.prepare()
    load = time.perf_counter() - t0
    lo, hi = network.span()
    years = list(range(lo, hi + 1))
    snapshot_seconds = measure_seconds = 0.0
    scores = []
    if args.peer == "networkx":
        import networkx as nx
    else:
        import igraph as ig
    for year in years:
        s0 = time.perf_counter()
        present, arcs = network.snapshot(year - args.window + 1, year)
        if args.peer == "networkx":
            g = nx.DiGraph()
            g.add_nodes_from(range(network.n))
            g.add_edges_from(arcs)
        else:
            g = ig.Graph(n=network.n, edges=sorted(arcs), directed=True)
        s1 = time.perf_counter()
        values = measure_networkx(nx, g, args.measure) if args.peer == "networkx" else measure_igraph(g, args.measure)
        if isinstance(values, dict):
            values = [values[i] for i in range(network.n)]
        s2 = time.perf_counter()
        snapshot_seconds += s1 - s0
        measure_seconds += s2 - s1
        scores.append([v if present[i] else None for i, v in enumerate(values)])
    record = base_record(args, "timeline", network.n, len(undirected(network.arcs())), load, snapshot_seconds + measure_seconds)
    record.update({"measure": args.measure, "periods": len(years), "snapshot_seconds": round(snapshot_seconds, 6),
                   "measure_seconds": round(measure_seconds, 6), "arcs": len(network.arcs())})
    if args.check:
        bc = json.load(open(args.check, encoding="utf-8"))
        worst, missing = 0.0, 0
        for i, node in enumerate(network.ids):
            theirs = bc["scores"].get(node)
            if theirs is None:
                missing += 1
                continue
            for p in range(len(years)):
                a, b = scores[p][i], theirs[p]
                if (a is None) != (b is None):
                    missing += 1
                elif a is not None:
                    worst = max(worst, abs(a - b))
        # PageRank: NetworkX stops at Σ|Δx| < n·1e-6 (as Backchannel's CLI does by default), so
        # the two agree to about 1e-3, igraph's PRPACK to about 1e-8.
        tolerance = 1e-9 if args.measure != "pagerank" else (1e-3 if args.peer == "networkx" else 1e-8)
        record.update({"check": f"every node's score in every period against {os.path.basename(args.check)}",
                       "check_periods_backchannel": len(bc["periods"]), "check_max_abs_difference": worst,
                       "check_presence_mismatches": missing,
                       "agrees": missing == 0 and worst <= tolerance and len(bc["periods"]) == len(years)})
    print(json.dumps(record))


# ---------------------------------------------------------------- communities

def run_communities(args):
    import numpy as np
    import pandas as pd

    t0 = time.perf_counter()
    frame = pd.read_csv(args.network, dtype={"source": str, "target": str})
    codes, names = pd.factorize(pd.concat([frame["source"], frame["target"]], ignore_index=True))
    m = len(frame)
    src, dst = codes[:m], codes[m:]
    keep = src != dst
    lo, hi = np.minimum(src[keep], dst[keep]), np.maximum(src[keep], dst[keep])
    pairs = np.unique(np.stack([lo, hi], axis=1), axis=0)
    n = len(names)
    if args.peer == "networkx":
        import networkx as nx
        from networkx.algorithms import community as nxc

        g = nx.Graph()
        g.add_nodes_from(range(n))
        g.add_edges_from(map(tuple, pairs.tolist()))
        load = time.perf_counter() - t0
        t1 = time.perf_counter()
        comms = nxc.louvain_communities(g, seed=args.seed)
        q = nxc.modularity(g, comms)
        compute = time.perf_counter() - t1
        count = len(comms)
        sizes = sorted((len(c) for c in comms), reverse=True)
        method = f"louvain_communities(G, seed={args.seed}) + modularity(G, communities)"
    else:
        import igraph as ig

        g = ig.Graph(n=n, edges=pairs, directed=False)
        load = time.perf_counter() - t0
        t1 = time.perf_counter()
        clustering = g.community_multilevel()
        q = g.modularity(clustering.membership)
        compute = time.perf_counter() - t1
        count = len(clustering)
        sizes = sorted(clustering.sizes(), reverse=True)
        method = "community_multilevel() + modularity(membership)"
    record = base_record(args, "communities", n, len(pairs), load, compute)
    record.update({"modularity": q, "communities": count, "largest": sizes[:3], "method": method})
    if args.check:
        bc = json.load(open(args.check, encoding="utf-8"))
        position = {name: k for k, name in enumerate(names)}
        membership = [0] * n
        covered = 0
        for c, members in enumerate(bc["communities"]):
            for node in members:
                node = node["id"] if isinstance(node, dict) else node
                membership[position[node]] = c
                covered += 1
        q_bc = modularity_of(n, pairs, membership)
        record.update({"check": "Backchannel's partition scored on this graph (NumPy, NetworkX's formula)",
                       "backchannel_modularity": bc["modularity"], "backchannel_communities": len(bc["communities"]),
                       "backchannel_modularity_here": q_bc, "check_nodes_covered": covered,
                       "modularity_vs_backchannel": q / bc["modularity"] if bc["modularity"] else None,
                       "agrees": covered == n and abs(q_bc - bc["modularity"]) < 1e-9})
    print(json.dumps(record))


def modularity_of(n, pairs, membership):
    """Newman's modularity of an unweighted simple graph: Σ_c [L_c/m − (d_c/2m)²]."""
    import numpy as np

    member = np.asarray(membership)
    m = len(pairs)
    degree = np.bincount(pairs.ravel(), minlength=n)
    inside = member[pairs[:, 0]] == member[pairs[:, 1]]
    internal = np.bincount(member[pairs[inside, 0]], minlength=member.max() + 1)
    total = np.bincount(member, weights=degree, minlength=member.max() + 1)
    return float(internal.sum() / m - ((total / (2 * m)) ** 2).sum())


# ---------------------------------------------------------------- the graph's counts and degrees

def run_graph(args):
    network = Network(args.network, args.include_official)
    arcs = network.arcs()
    edges = undirected(arcs)
    mask = [network.may_intermediate(i) for i in range(network.n)]
    pairs = list(opposed_pairs(network))
    record = {"network": os.path.basename(args.network), "nodes": network.n, "edges_kept": len(network.edges),
              "arcs": len(arcs), "undirected_edges": len(edges), "intermediaries": sum(mask),
              "conflicts_with_parties": len(network.conflicts()), "opposed_pairs": len(pairs)}
    if network.span():
        record["years"] = list(network.span())
    if args.degree:
        bc = json.load(open(args.degree, encoding="utf-8"))["scores"]
        degree = [0] * network.n
        for u, v in edges:
            degree[u] += 1
            degree[v] += 1
        scale = network.n - 1
        bad = [network.ids[i] for i in range(network.n) if abs(bc.get(network.ids[i], -1) * scale - degree[i]) > 1e-6]
        record.update({"check": f"undirected degree of every node against {os.path.basename(args.degree)}",
                       "backchannel_nodes": len(bc), "backchannel_edges": round(sum(bc.values()) * scale / 2),
                       "check_mismatches": len(bad), "check_examples": bad[:3],
                       "agrees": not bad and len(bc) == network.n})
    print(json.dumps(record))


# ---------------------------------------------------------------- PA-X with parties

def run_paax_parties(args):
    """PA-X with each `party` signatory made a party to the agreement's peace process.

    PA-X's derivations (derive_paax.py, recipes/paax.toml) have no `party_to` edges, so `channels`
    finds no parties there. This benchmark variant adds, for every `participates_in` edge (a party
    signature) actor → agreement and the agreement's `addresses` edge → process, one `party_to` edge
    actor → process per (actor, process), dated with the first such agreement's year. Nothing else
    changes; the processes are the conflicts.
    """
    data = json.load(open(args.network, encoding="utf-8"))
    process = {e["source"]: e["target"] for e in data["edges"] if e["relation"] == "addresses"}
    added = {}
    for e in data["edges"]:
        if e["relation"] == "participates_in" and e["target"] in process:
            key = (e["source"], process[e["target"]])
            if key not in added:
                added[key] = {"source": key[0], "target": key[1], "relation": "party_to", "sources": e.get("sources", [])}
                for k in ("year", "start", "end"):
                    if k in e:
                        added[key][k] = e[k]
    data["edges"] = data["edges"] + list(added.values())
    data.setdefault("graph", {})["name"] = "paax-parties"
    with open(args.output, "w", encoding="utf-8") as f:
        json.dump(data, f, ensure_ascii=False, indent=1)
        f.write("\n")
    print(f"analyses_peers: {args.output}: {len(data['nodes'])} nodes, {len(data['edges'])} edges "
          f"({len(added)} party_to added)", file=sys.stderr)


# ----------------------------------------------------------------

def base_record(args, analysis, nodes, edges, load, compute):
    if args.peer == "networkx":
        import networkx as lib
    else:
        import igraph as lib
    return {"peer": args.peer, "peer_version": lib.__version__, "analysis": analysis,
            "network": os.path.basename(args.network), "nodes": nodes, "edges": edges, "threads": 1,
            "load_seconds": round(load, 6), "compute_seconds": round(compute, 6), "status": "ok"}


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="what", required=True)
    g = sub.add_parser("graph")
    g.add_argument("network")
    g.add_argument("--degree")
    g.add_argument("--include-official", action="store_true")
    c = sub.add_parser("channels")
    c.add_argument("network")
    c.add_argument("--peer", choices=["networkx", "igraph"], required=True)
    c.add_argument("--every", action="store_true")
    c.add_argument("--check")
    c.add_argument("--limit-pairs", type=int)
    c.add_argument("--include-official", action="store_true")
    c.add_argument("--time-limit", type=float, help="stop after this many seconds and extrapolate from the pairs done")
    t = sub.add_parser("timeline")
    t.add_argument("network")
    t.add_argument("--peer", choices=["networkx", "igraph"], required=True)
    t.add_argument("--measure", required=True)
    t.add_argument("--window", type=int, default=1)
    t.add_argument("--check")
    m = sub.add_parser("communities")
    m.add_argument("network")
    m.add_argument("--peer", choices=["networkx", "igraph"], required=True)
    m.add_argument("--seed", type=int, default=0)
    m.add_argument("--check")
    p = sub.add_parser("paax-parties")
    p.add_argument("network")
    p.add_argument("-o", "--output", required=True)
    args = parser.parse_args()
    {"graph": run_graph, "channels": run_channels, "timeline": run_timeline, "communities": run_communities,
     "paax-parties": run_paax_parties}[args.what](args)


if __name__ == "__main__":
    main()
