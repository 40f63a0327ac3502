#!/usr/bin/env python3
"""Print a Markdown table of peers.py results (JSON lines), one row per (nodes, measure),
one column group per peer.

    summarize.py results/*.jsonl

Later lines win when the same (peer, measure, nodes) appears twice.
"""

import json
import sys


def fmt(r):
    if r is None:
        return "—"
    if r.get("status") == "timeout":
        return f"> {r.get('timeout_seconds', '?')} s (timeout)"
    if r.get("status") != "ok":
        return r.get("status", "?")
    c = r["compute_seconds"]
    return f"{c:.4f}" if c < 10 else f"{c:.1f}"


def main(paths):
    recs = {}
    for p in paths:
        with open(p) as f:
            for line in f:
                line = line.strip()
                if line:
                    r = json.loads(line)
                    recs[(r["peer"], r["measure"], r["nodes"])] = r
    peers = sorted({k[0] for k in recs})
    order = ["load", "degree", "pagerank", "betweenness", "betweenness-sampled",
             "closeness", "harmonic", "sssp"]
    rows = sorted({(k[2], k[1]) for k in recs}, key=lambda x: (x[0], order.index(x[1]) if x[1] in order else 99))
    head = ["nodes", "edges", "measure"]
    for p in peers:
        head += [f"{p} load s", f"{p} compute s", f"{p} RSS MB"]
    head.append("checksum")
    print("| " + " | ".join(head) + " |")
    print("|" + "---|" * len(head))
    for n, m in rows:
        cells = [str(n), "", m]
        checks = []
        for p in peers:
            r = recs.get((p, m, n))
            if r and r.get("edges"):
                cells[1] = str(r["edges"])
            ok = r is not None and r.get("status") == "ok"
            cells += [f"{r['load_seconds']:.3f}" if ok else "—", fmt(r),
                      f"{r['peak_rss_mb']:.0f}" if ok else "—"]
            if ok and m != "load":
                checks.append(f"{p[:2]} {r['checksum']:.10g}")
        cells.append("; ".join(checks))
        print("| " + " | ".join(cells) + " |")


if __name__ == "__main__":
    main(sys.argv[1:])
