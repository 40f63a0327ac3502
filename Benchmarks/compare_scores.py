#!/usr/bin/env python3
"""Compare two score files of the form {"measure": M, "scores": {id: value}} (as written
by `backchannel centrality --format json`, python_whole_process.py, or peers.py --scores).

    compare_scores.py A.json B.json [--rtol 1e-9] [--atol 1e-12]

Prints node counts, ids missing on either side, the largest absolute and relative
differences (with the node), and the checksums; exits 1 if any id is missing or any
difference exceeds atol + rtol * |b|. Use a loose --rtol for pagerank (NetworkX's
default stopping rule is sum|dx| < n * 1e-6) and do not expect agreement for
betweenness-sampled (different random sources).
"""

import argparse
import json
import math
import sys


def load(path):
    with open(path) as f:
        doc = json.load(f)
    return doc.get("measure"), {str(k): float(v) for k, v in doc["scores"].items()}


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("a")
    ap.add_argument("b")
    ap.add_argument("--rtol", type=float, default=1e-9)
    ap.add_argument("--atol", type=float, default=1e-12)
    x = ap.parse_args(argv)
    ma, a = load(x.a)
    mb, b = load(x.b)
    ok = True
    if ma != mb:
        print(f"measure differs: {ma!r} vs {mb!r}")
    only_a = sorted(set(a) - set(b))
    only_b = sorted(set(b) - set(a))
    if only_a or only_b:
        ok = False
        print(f"ids only in A: {len(only_a)} {only_a[:5]}; only in B: {len(only_b)} {only_b[:5]}")
    worst_abs = (0.0, None)
    worst_rel = (0.0, None)
    bad = 0
    for k in set(a) & set(b):
        d = abs(a[k] - b[k])
        if d > worst_abs[0]:
            worst_abs = (d, k)
        r = d / abs(b[k]) if b[k] else (0.0 if d == 0 else math.inf)
        if r > worst_rel[0]:
            worst_rel = (r, k)
        if d > x.atol + x.rtol * abs(b[k]):
            bad += 1
    print(f"{ma}: A {len(a)} ids, B {len(b)} ids; checksum A {math.fsum(a.values())!r} "
          f"B {math.fsum(b.values())!r}")
    print(f"max |A-B| = {worst_abs[0]:.3g} at {worst_abs[1]}; max rel = {worst_rel[0]:.3g} at {worst_rel[1]}; "
          f"{bad} beyond atol={x.atol:g} + rtol={x.rtol:g}*|B|")
    return 0 if ok and bad == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
