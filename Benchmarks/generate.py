#!/usr/bin/env python3
"""Write a seeded synthetic "actor network" edge list for the benchmarks.

    generate.py --nodes N --seed S -o FILE.csv [--avg-degree 8] [--exponent 2.3]

Output: CSV with header ``source,target,weight``; one directed edge per row.

Model (directed Chung-Lu / "expected degree" graph, sampled with numpy):

* every node gets an expected out-weight and an expected in-weight drawn from the
  same power-law sequence w_i ~ (i + i0)^(-1/(exponent-1)), so the degree
  distribution has a tail P(k) ~ k^-exponent; the out-weights are assigned in
  descending order (internal node 0 is the biggest "out-hub") and the in-weights
  are an independent random permutation of the same sequence;
* round(N * avg_degree / 2) edges are drawn: source with probability proportional
  to the out-weight, target proportional to the in-weight; self-loops and
  duplicate (source, target) pairs are thrown away and redrawn until the edge
  count is reached (so the result is a simple digraph, total degree ~ avg_degree);
* a node left with no edge at all gets one out-edge to a target drawn by in-weight,
  so all N nodes appear in the edge list (an edge list cannot carry an isolated
  node); this adds a few edges above the target count;
* weights are uniform integers 1..9.

Determinism: the file is a function of (N, seed, avg-degree, exponent) only, byte
for byte (numpy.random.default_rng(seed); numpy >= 2 is assumed). Rows are sorted
by (source, target) in internal numbering, and node ids are then assigned in order
of first appearance reading the file row by row, source before target. So the
node with id ``a{k}`` is the k-th distinct id a reader meets: any loader that
numbers nodes by first appearance (pandas.unique / factorize, igraph's
Graph.DataFrame, a streaming CSV reader) numbers ``a{k}`` as k. Row 1's source
is ``a0``, the biggest out-hub, which the ``sssp`` benchmark starts from.
"""

from __future__ import annotations

import argparse
import sys
import time

import numpy as np


def powerlaw_weights(n: int, exponent: float, mean: float) -> np.ndarray:
    """Expected degrees with a power-law tail, scaled to the given mean."""
    i0 = 1.0  # offset so node 0 is not infinitely heavier than node 1
    w = (np.arange(n, dtype=np.float64) + i0) ** (-1.0 / (exponent - 1.0))
    return w * (mean * n / w.sum())


def sample(cdf: np.ndarray, count: int, rng: np.random.Generator) -> np.ndarray:
    """Draw `count` indices with probabilities given by the cumulative sums `cdf`."""
    u = rng.random(count) * cdf[-1]
    idx = np.searchsorted(cdf, u, side="right")
    return np.minimum(idx, len(cdf) - 1)


def sorted_unique(a: np.ndarray) -> np.ndarray:
    """np.unique by sorting (numpy 2's hash-based unique is slower on int64 keys)."""
    a = np.sort(a, kind="stable")
    keep = np.ones(len(a), dtype=bool)
    keep[1:] = a[1:] != a[:-1]
    return a[keep]


def first_occurrences(a: np.ndarray) -> np.ndarray:
    """The distinct values of `a` in order of first occurrence."""
    order = np.argsort(a, kind="stable")
    srt = a[order]
    keep = np.ones(len(a), dtype=bool)
    keep[1:] = srt[1:] != srt[:-1]
    return a[np.sort(order[keep])]


def generate(n: int, seed: int, avg_degree: float = 8.0, exponent: float = 2.3):
    if n < 3:
        raise ValueError("need at least 3 nodes")
    rng = np.random.default_rng(seed)
    m_target = int(round(n * avg_degree / 2.0))
    m_target = min(m_target, n * (n - 1))

    w_out = powerlaw_weights(n, exponent, avg_degree / 2.0)
    w_in = rng.permutation(w_out)
    cdf_out = np.cumsum(w_out)
    cdf_in = np.cumsum(w_in)

    keys = np.empty(0, dtype=np.int64)  # unique s * n + t, kept sorted
    for _ in range(64):
        missing = m_target - len(keys)
        if missing <= 0:
            break
        draw = int(missing * 1.1) + 16
        s = sample(cdf_out, draw, rng)
        t = sample(cdf_in, draw, rng)
        ok = s != t
        new = s[ok].astype(np.int64) * n + t[ok]
        # keep first occurrences in draw order, so truncation is deterministic
        new_u = first_occurrences(new)
        new_u = new_u[~np.isin(new_u, keys, assume_unique=True)]
        new_u = new_u[:missing]
        keys = sorted_unique(np.concatenate([keys, new_u]))
    else:
        raise RuntimeError("could not reach the edge count (graph too dense?)")

    s = keys // n
    t = keys % n

    # give every isolated node one out-edge, so that all N nodes appear in the CSV
    deg = np.bincount(s, minlength=n) + np.bincount(t, minlength=n)
    isolated = np.flatnonzero(deg == 0)
    if len(isolated):
        tgt = sample(cdf_in, len(isolated), rng)
        clash = tgt == isolated
        while clash.any():
            tgt[clash] = sample(cdf_in, int(clash.sum()), rng)
            clash = tgt == isolated
        # isolated nodes had no edges, so these pairs cannot duplicate existing ones
        keys = sorted_unique(np.concatenate([keys, isolated.astype(np.int64) * n + tgt]))
        s = keys // n
        t = keys % n

    weight = rng.integers(1, 10, size=len(keys))

    # relabel: ids by order of first appearance, row by row, source before target
    flat = np.empty(2 * len(keys), dtype=np.int64)
    flat[0::2] = s
    flat[1::2] = t
    order = first_occurrences(flat)
    assert len(order) == n, (len(order), n)
    label = np.empty(n, dtype=np.int64)
    label[order] = np.arange(n, dtype=np.int64)
    return label[s], label[t], weight


def write_csv(path: str, s: np.ndarray, t: np.ndarray, w: np.ndarray) -> None:
    n = int(max(s.max(), t.max())) + 1
    names = np.array([f"a{i}" for i in range(n)], dtype=object)
    chunk = 1 << 20
    with open(path, "w", encoding="ascii", newline="\n") as f:
        f.write("source,target,weight\n")
        for lo in range(0, len(s), chunk):
            hi = min(lo + chunk, len(s))
            ws = w[lo:hi].astype(str).astype(object)
            rows = names[s[lo:hi]] + "," + names[t[lo:hi]] + "," + ws + "\n"
            f.write("".join(rows.tolist()))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--nodes", "-n", type=int, required=True)
    ap.add_argument("--seed", "-s", type=int, default=1)
    ap.add_argument("--avg-degree", type=float, default=8.0,
                    help="average total (in + out) degree (default 8: ~4N edges)")
    ap.add_argument("--exponent", type=float, default=2.3,
                    help="power-law exponent of the expected degrees (default 2.3)")
    ap.add_argument("-o", "--output", required=True)
    a = ap.parse_args(argv)

    t0 = time.perf_counter()
    s, t, w = generate(a.nodes, a.seed, a.avg_degree, a.exponent)
    t1 = time.perf_counter()
    write_csv(a.output, s, t, w)
    t2 = time.perf_counter()
    deg = np.bincount(s, minlength=a.nodes) + np.bincount(t, minlength=a.nodes)
    print(f"generate: {a.output}: {a.nodes} nodes, {len(s)} edges, "
          f"max total degree {deg.max()}, mean {deg.mean():.2f}; "
          f"generated in {t1 - t0:.2f}s, written in {t2 - t1:.2f}s", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
