#!/usr/bin/env python3
"""Print the ratio backchannel/peer per (size, measure) from a results file of Benchmarks/run.sh.

    report.py results/run-*.jsonl

A ratio below 1 means Backchannel is faster (or uses less memory). Compute time is the measure
alone; load time is reading the CSV into the library's graph.
"""
import json
import sys
from collections import defaultdict

rows = [json.loads(line) for line in open(sys.argv[1]) if line.strip().startswith("{")]
by = defaultdict(dict)
whole = defaultdict(dict)
for r in rows:
    if "whole_process_seconds" in r:
        whole[r["measure"]][r["peer"]] = r["whole_process_seconds"]
    elif r.get("status", "ok") == "ok":
        by[(r["nodes"], r["measure"])][r["peer"]] = r

def ratio(a, b):
    return f"{a / b:6.2f}x" if a and b else "   n/a"

print(f"{'nodes':>8} {'measure':<20} {'backchannel s':>13} {'igraph s':>10} {'networkit s':>11}  {'bc/igraph':>9} {'bc/nk':>7}  {'RSS bc/igraph':>13}")
for (n, m), peers in sorted(by.items()):
    bc, ig, nk = peers.get("backchannel"), peers.get("igraph"), peers.get("networkit")
    key = "load_seconds" if m == "load" else "compute_seconds"
    t = lambda r: r[key] if r else None
    fmt = lambda x: f"{x:.4f}" if x is not None else "-"
    rss = ratio(bc["peak_rss_mb"], ig["peak_rss_mb"]) if bc and ig else "   n/a"
    print(f"{n:>8} {m:<20} {fmt(t(bc)):>13} {fmt(t(ig)):>10} {fmt(t(nk)):>11}  {ratio(t(bc), t(ig)):>9} {ratio(t(bc), t(nk)):>7}  {rss:>13}")
    if m != "load" and bc and ig:
        print(f"{'':>8} {'  (load)':<20} {bc['load_seconds']:>13.4f} {ig['load_seconds']:>10.4f} {nk['load_seconds'] if nk else 0:>11.4f}  {ratio(bc['load_seconds'], ig['load_seconds']):>9}")
if whole:
    print("\nWhole process at 10k nodes (CLI with JSON output vs Python + igraph):")
    for m, t in sorted(whole.items()):
        print(f"  {m:<12} backchannel {t.get('backchannel', 0):.3f} s   python-igraph {t.get('python-igraph', 0):.3f} s   ratio {ratio(t.get('backchannel'), t.get('python-igraph'))}")
