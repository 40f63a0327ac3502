#!/usr/bin/env python3
"""Print the results of Benchmarks/analyses.sh: Backchannel beside NetworkX and igraph, with ratios.

    analyses_report.py results/analyses-*.jsonl

Backchannel's figure is the wall time of the whole `backchannel` process (load, analysis, JSON
output); the peers' is their compute time alone (the graph already built), so a ratio below 1 means
the whole Backchannel process took less time than the peer's analysis. Each figure is the median of
the runs, with (min–max); `~` marks a peer run stopped at PEER_TIME_LIMIT and extrapolated from a
random sample of its pairs. `agrees` says whether the peer's result equals Backchannel's on the
pairs, scores or partition it computed (see analyses_peers.py).
"""

import json
import sys
from collections import defaultdict

from load_summary import describe_load, spread_text

rows = [json.loads(line) for line in open(sys.argv[1]) if line.strip().startswith("{")]

print(describe_load(rows))
print()

graphs = [r for r in rows if r.get("kind") == "graph"]
for r in [r for r in rows if r.get("kind") == "skipped"]:
    print(f"SKIPPED {r['name']}: {r['reason']}")
if graphs:
    print("Graphs (each peer builds this graph from the same JSON; checked node by node against Backchannel's degrees):")
    for g in graphs:
        years = "–".join(map(str, g.get("years", []))) or "undated"
        print(f"  {g['name']:<6} {g['nodes']:>6} nodes  {g['arcs']:>6} arcs  {g['undirected_edges']:>6} undirected edges  "
              f"{g['intermediaries']:>5} intermediaries  {g['conflicts_with_parties']:>3} conflicts with parties  "
              f"{g['opposed_pairs']:>6} opposed pairs  {years}   backchannel: {g.get('backchannel_nodes')} nodes, "
              f"{g.get('backchannel_edges')} edges  agrees: {'yes' if g.get('agrees') else 'NO'}")
    print()

by = defaultdict(dict)
for r in rows:
    if r.get("kind") in ("graph", "skipped"):
        continue
    tool = r.get("tool") or r.get("peer")
    key = (r.get("network"), r.get("analysis"), r.get("measure", ""))
    by[key][tool] = r


def figure(r, peer):
    """(text, median) of a record: Backchannel's whole process, a peer's compute time."""
    if r is None:
        return "-", None
    if r.get("status") == "refused":
        return "REFUSED", None
    if r.get("status") == "failed":
        return "FAILED", None
    if not peer:
        s = r["spread"]["whole_process_seconds"]
        return spread_text(s), s[1]
    if r.get("status") == "stopped":
        s = (r.get("spread") or {}).get("extrapolated_compute_seconds")
        x = s[1] if s else r.get("extrapolated_compute_seconds")
        if not x:
            return "stopped", None
        lo_hi = f" ({s[0]:.0f}–{s[2]:.0f})" if s else ""
        return f"~{x:.1f}{lo_hi}, {r['pairs']}/{r['pairs_all']} pairs in {r['stopped_after_seconds']:.0f} s", x
    s = r["spread"].get("compute_seconds", [r["compute_seconds"]] * 3)
    return spread_text(s), s[1]


def ratio(a, b, approx=False):
    return f"{'~' if approx else ''}{a / b:.3g}x" if a and b else "n/a"


def agrees(r):
    if r is None or "agrees" not in r:
        return "-"
    return "yes" if r["agrees"] else "NO"


shown = [k for k in sorted(by, key=lambda k: (str(k[0]), str(k[1]), str(k[2]))) if k[1] not in ("load-once", "centrality-at-each-period")]
if shown:
    print(f"{'network':<14} {'analysis':<24} {'backchannel s (whole)':<26} {'networkx s (compute)':<44} {'igraph s (compute)':<34} "
          f"{'bc/nx':>8} {'bc/igraph':>9}  agrees nx/ig")
for key in shown:
    t = by[key]
    bc, nx_, ig = t.get("backchannel"), t.get("networkx"), t.get("igraph")
    name = key[1] + (f" {key[2]}" if key[2] else "")
    bt, bv = figure(bc, False)
    nt, nv = figure(nx_, True)
    it, iv = figure(ig, True)
    print(f"{str(key[0]):<14} {name:<24} {bt:<26} {nt:<44} {it:<34} "
          f"{ratio(bv, nv, nx_ is not None and nx_.get('status') == 'stopped'):>8} "
          f"{ratio(bv, iv, ig is not None and ig.get('status') == 'stopped'):>9}  {agrees(nx_)}/{agrees(ig)}")
    extra = []
    for label, r in (("networkx", nx_), ("igraph", ig)):
        if r and r.get("analysis", "").startswith("channels"):
            extra.append(f"{label}: {r['pairs']} pairs, {r['channels_total']} channels")
        if r and r.get("analysis") == "communities":
            extra.append(f"{label}: modularity {r['modularity']:.4f}, {r['communities']} communities")
        if r and r.get("analysis") == "timeline":
            extra.append(f"{label}: snapshots {r['snapshot_seconds']:.3f} s + measure {r['measure_seconds']:.3f} s over {r['periods']} periods")
    if key[1] == "communities" and (ig or nx_):
        r = ig or nx_
        extra.insert(0, f"backchannel: modularity {r['backchannel_modularity']:.4f}, {r['backchannel_communities']} communities")
        if ig:
            extra.append(f"backchannel/igraph modularity {r['backchannel_modularity'] / ig['modularity']:.4f}")
    if extra:
        print(f"{'':<14} {'':<24} " + "; ".join(extra))
    if bc and bc.get("machine", {}).get("cpu_seconds"):
        cpu = sorted(bc["machine"]["cpu_seconds"])
        wall = sorted(bc["machine"]["seconds"])
        print(f"{'':<14} {'':<24} backchannel CPU (user + system) {cpu[(len(cpu) - 1) // 2]:.3f} s ({cpu[0]:.3f}–{cpu[-1]:.3f}) "
              f"in {wall[(len(wall) - 1) // 2]:.3f} s of wall time; other processes used "
              f"{min(bc['machine']['foreign_cores']):.2f}–{max(bc['machine']['foreign_cores']):.2f} cores meanwhile")
    if bc and (nx_ or ig):
        whole = []
        for label, r in (("networkx", nx_), ("igraph", ig)):
            if r and r.get("status") == "ok" and "spread" in r:
                w = r["spread"]["whole_process_seconds"][1]
                text = f"{label} whole process {w:.3f} s (bc/{label} {ratio(bv, w)})"
                c, bc_cpu = r.get("machine", {}).get("cpu_seconds"), bc.get("machine", {}).get("cpu_seconds")
                if c and bc_cpu:
                    c, bc_cpu = sorted(c)[(len(c) - 1) // 2], sorted(bc_cpu)[(len(bc_cpu) - 1) // 2]
                    text += f", CPU {c:.3f} s (bc/{label} CPU {ratio(bc_cpu, c)})"
                whole.append(text)
        if whole:
            print(f"{'':<14} {'':<24} " + "; ".join(whole))

# The timeline split: snapshot building against measure compute.
splits = sorted({(k[0], k[2]) for k in by if k[1] == "timeline" and k[2] and k[2] != "degree"}, key=str)
if splits:
    print("\nTimeline: snapshot building against measure compute (whole processes, medians; differences of"
          " medians, so small ones are noise and may come out negative):")
for net, m in splits:
    tl = by[(net, "timeline", m)].get("backchannel")
    floor = by.get((net, "timeline", "degree"), {}).get("backchannel")
    once = by.get((net, "load-once", ""), {}).get("backchannel")
    each = by.get((net, "centrality-at-each-period", m), {}).get("backchannel")
    each_floor = by.get((net, "centrality-at-each-period", "degree"), {}).get("backchannel")
    parts = (tl, floor, once, each, each_floor)
    if not all(parts) or any(r.get("status") in ("refused", "failed") for r in parts):
        print(f"  {net} {m}: incomplete")
        continue
    p = int(each["periods"])
    print(f"  {net}, {m}, {p} periods:")
    print(f"    timeline --measure {m:<14} {spread_text(tl['spread']['whole_process_seconds'])}")
    print(f"    timeline --measure degree        {spread_text(floor['spread']['whole_process_seconds'])}   (the load, {p} snapshots, an O(n) measure)")
    print(f"    centrality --measure degree      {spread_text(once['spread']['whole_process_seconds'])}   (one load, no snapshot)")
    print(f"    {p} x centrality --at Y --measure {m:<11} {spread_text(each['spread']['whole_process_seconds'])}")
    print(f"    {p} x centrality --at Y --measure degree      {spread_text(each_floor['spread']['whole_process_seconds'])}")
    wall = lambda r: r["spread"]["whole_process_seconds"][1]
    cpu = lambda r: sorted(r["machine"]["cpu_seconds"])[(len(r["machine"]["cpu_seconds"]) - 1) // 2] if r["machine"].get("cpu_seconds") else None
    for label, f in (("wall", wall), ("CPU (user + system)", cpu)):
        values = [f(r) for r in parts]
        if None in values:
            continue
        t_tl, t_floor, t_once, t_each, t_each_floor = values
        snapshots = t_floor - t_once
        compute = t_tl - t_floor
        singles = t_each - t_each_floor
        budget = t_once + singles
        print(f"    by {label}: snapshot building ≈ {snapshots:.3f} s (timeline degree − one load); measure compute in the "
              f"timeline ≈ {compute:.3f} s (timeline {m} − timeline degree); {p} single computations ≈ {singles:.3f} s "
              f"({p} --at runs of {m} − of degree); those plus one shared load ≈ {budget:.3f} s: timeline / that = {ratio(t_tl, budget)}")
