#!/usr/bin/env python3
"""Print the ratio backchannel/peer per (size, measure) from a results file of Benchmarks/run.sh.

    report.py results/run-*.jsonl

A ratio below 1 means Backchannel is faster (or uses less memory). Compute time is the measure
alone; load time is reading the CSV into the library's graph. Each figure is the median of the
runs (machine_load.py); the `spread` line beneath gives (min–max) of each and the range of the
ratio (Backchannel's min over the peer's max, to its max over the peer's min). The first lines say
what load the machine was under. Results from before machine_load.py (one run, no spread) print
as before.
"""
import json
import sys
from collections import defaultdict

from load_summary import describe_load

rows = [json.loads(line) for line in open(sys.argv[1]) if line.strip().startswith("{")]
by = defaultdict(dict)
whole = defaultdict(dict)
refused = []
for r in rows:
    if r.get("status") in ("refused", "failed"):
        refused.append(r)
    elif "whole_process_seconds" in r and "load_seconds" not in r and r.get("peer") in ("backchannel", "python-igraph"):
        whole[r["measure"]][r["peer"]] = r
    elif r.get("status", "ok") == "ok":
        by[(r["nodes"], r["measure"])][r["peer"]] = r


def ratio(a, b):
    return f"{a / b:6.2f}x" if a and b else "   n/a"


def span(r, key):
    s = (r.get("spread") or {}).get(key) if r else None
    return s if s else None


print(describe_load(rows))
for r in refused:
    print(f"{r.get('status', '').upper()}: {r.get('peer') or r.get('tool')} {r.get('measure')} at {r.get('nodes')}: {r.get('reason', 'exit status')}")
print()
print(f"{'nodes':>8} {'measure':<20} {'backchannel s':>13} {'igraph s':>10} {'networkit s':>11}  {'bc/igraph':>9} {'bc/nk':>7}  {'RSS bc/igraph':>13}")
for (n, m), peers in sorted(by.items()):
    bc, ig, nk = peers.get("backchannel"), peers.get("igraph"), peers.get("networkit")
    key = "load_seconds" if m == "load" else "compute_seconds"
    t = lambda r: r[key] if r else None
    fmt = lambda x: f"{x:.4f}" if x is not None else "-"
    rss = ratio(bc["peak_rss_mb"], ig["peak_rss_mb"]) if bc and ig else "   n/a"
    print(f"{n:>8} {m:<20} {fmt(t(bc)):>13} {fmt(t(ig)):>10} {fmt(t(nk)):>11}  {ratio(t(bc), t(ig)):>9} {ratio(t(bc), t(nk)):>7}  {rss:>13}")
    sb, si, sn = span(bc, key), span(ig, key), span(nk, key)
    if sb or si or sn:
        rng = lambda s: f"{s[0]:.4f}–{s[2]:.4f}" if s else "-"
        rr = lambda a, b: f"{a[0] / b[2]:.2f}–{a[2] / b[0]:.2f}x" if a and b and b[0] and b[2] else "n/a"
        print(f"{'':>8} {'  (spread)':<20} {rng(sb):>13} {rng(si):>10} {rng(sn):>11}  {rr(sb, si):>9} {rr(sb, sn):>7}")
    if m != "load" and bc and ig:
        print(f"{'':>8} {'  (load)':<20} {bc['load_seconds']:>13.4f} {ig['load_seconds']:>10.4f} {nk['load_seconds'] if nk else 0:>11.4f}  {ratio(bc['load_seconds'], ig['load_seconds']):>9}")
if whole:
    print("\nWhole process at 10k nodes (CLI with JSON output vs Python + igraph; median, (min–max)):")
    for m, t in sorted(whole.items()):
        b, p = t.get("backchannel"), t.get("python-igraph")
        v = lambda r: r["whole_process_seconds"] if r else 0
        s = lambda r: f" ({r['spread']['whole_process_seconds'][0]:.3f}–{r['spread']['whole_process_seconds'][2]:.3f})" if r and "spread" in r else ""
        print(f"  {m:<12} backchannel {v(b):.3f} s{s(b)}   python-igraph {v(p):.3f} s{s(p)}   ratio {ratio(v(b), v(p))}")
