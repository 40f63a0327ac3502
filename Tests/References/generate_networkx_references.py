#!/usr/bin/env python3
"""Regenerate Tests/References/networkx-references.json from NetworkX.

Usage (from the package root):

    python3 Tests/References/generate_networkx_references.py

Requires python3 with networkx (3.6.1 was used), numpy and scipy. The output is
deterministic: fixed seeds, PYTHONHASHSEED pinned to 0 (the script re-executes
itself if it is not), sorted keys and repr-precision floats. See README.md in
this directory for the layout and the exact NetworkX call behind every key.
"""

import os
import sys

if os.environ.get("PYTHONHASHSEED") != "0":
    # Some NetworkX code iterates Python sets; pin string hashing so that the
    # summation order (and therefore every bit of every float) is reproducible.
    os.execve(
        sys.executable,
        [sys.executable] + sys.argv,
        dict(os.environ, PYTHONHASHSEED="0"),
    )

import itertools
import json
import math
import random
import warnings
from fractions import Fraction

import networkx as nx
import numpy as np
import scipy.sparse.linalg
from networkx.algorithms.centrality import betweenness as nxb
from networkx.algorithms.link_analysis import hits_alg

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "networkx-references.json")
GENERATED_BY = "Tests/References/generate_networkx_references.py"

ALPHA = 0.85
PR_TOL = 1e-13
PR_MAX_ITER = 100000
HITS_TOL = 1e-13
HITS_MAX_ITER = 100000
KATZ_ALPHA = 0.1
SAMPLE_K = 5
SAMPLE_SEED = 42
PAIR_SEED = 7
PAIR_COUNT = 8
K_PATHS = 5

ROLES = ["coordinator", "itinerant", "representative", "gatekeeper", "liaison"]

DIAGNOSTICS = []  # printed to stderr, not written to the JSON

ARPACK_SEED = 0


def _pin_arpack_rng(fn):
    """SciPy >= 1.16 seeds ARPACK's random start vector from OS entropy when no
    rng is given, so nx.eigenvector_centrality_numpy (eigs) and nx.hits (svds)
    differ in the last bits from run to run. NetworkX looks these functions up
    as `sp.sparse.linalg.eigs/svds` at call time, so wrapping them here gives
    every call a fresh np.random.default_rng(0) start vector. The maths (and the
    converged vector) is unchanged; only the bits become reproducible."""

    def wrapped(*args, **kwargs):
        if kwargs.get("rng") is None and kwargs.get("random_state") is None:
            kwargs.pop("random_state", None)
            kwargs["rng"] = np.random.default_rng(ARPACK_SEED)
        return fn(*args, **kwargs)

    wrapped.__wrapped__ = fn
    return wrapped


scipy.sparse.linalg.eigs = _pin_arpack_rng(scipy.sparse.linalg.eigs)
scipy.sparse.linalg.svds = _pin_arpack_rng(scipy.sparse.linalg.svds)


def diag(msg):
    DIAGNOSTICS.append(msg)


# --------------------------------------------------------------------------
# Graph construction
# --------------------------------------------------------------------------


def weight_of(d):
    return d.get("weight", 1)


def add_random_weights(G, seed):
    """w = random.Random(seed).randint(1, 9), one draw per edge in sorted edge order."""
    rng = random.Random(seed)
    if G.is_directed():
        edges = sorted(G.edges())
    else:
        edges = sorted(tuple(sorted(e)) for e in G.edges())
    for u, v in edges:
        G[u][v]["weight"] = rng.randint(1, 9)


def random_directed(seed):
    G = nx.gnp_random_graph(40, 0.08, seed=seed, directed=True)
    add_random_weights(G, seed)
    for i in range(3):
        G.add_node(f"iso{i}")
    G.add_edge("c0", "c1", weight=2)
    G.add_edge("c1", "c2", weight=3)
    G.add_edge("c2", "c0", weight=4)
    for n in G:
        G.nodes[n]["group"] = str(n % 3) if isinstance(n, int) else "x"
    return G


def random_undirected(seed):
    G = nx.gnp_random_graph(40, 0.1, seed=seed)
    add_random_weights(G, seed)
    for i in range(2):
        G.add_node(f"iso{i}")
    for n in G:
        G.nodes[n]["group"] = str(n % 3) if isinstance(n, int) else "x"
    return G


def build_graphs():
    """name -> (G, partition node attribute name or None)."""
    graphs = {
        "path6": (nx.path_graph(6), None),
        "star6": (nx.star_graph(5), None),
        "cycle7": (nx.cycle_graph(7), None),
        "complete6": (nx.complete_graph(6), None),
        "dipath5": (nx.path_graph(5, create_using=nx.DiGraph), None),
        "dicycle6": (nx.cycle_graph(6, create_using=nx.DiGraph), None),
        "karate": (nx.karate_club_graph(), "club"),
        "florentine": (nx.florentine_families_graph(), None),
        "davis": (nx.davis_southern_women_graph(), "bipartite"),
        "random_directed_1": (random_directed(1), "group"),
        "random_directed_2": (random_directed(2), "group"),
        "random_directed_3": (random_directed(3), "group"),
        "random_undirected_1": (random_undirected(11), "group"),
    }
    for G, _ in graphs.values():
        for u, v, d in G.edges(data=True):
            d["inv"] = 1.0 / weight_of(d)
    return graphs


def unweighted_copy(G):
    H = G.__class__()
    H.add_nodes_from(G)
    H.add_edges_from(G.edges())
    return H


# --------------------------------------------------------------------------
# JSON helpers
# --------------------------------------------------------------------------


def fnum(x):
    """Python float (repr precision in JSON); NaN/inf -> None."""
    if x is None:
        return None
    x = float(x)
    if math.isnan(x) or math.isinf(x):
        return None
    return x


def node_map(G, values):
    return {str(n): fnum(values[n]) for n in G}


def err_text(exc):
    return f"{type(exc).__name__}: {exc}"


# --------------------------------------------------------------------------
# Measures
# --------------------------------------------------------------------------


def edge_list(G, values):
    rows = []
    for (u, v), x in values.items():
        a, b = str(u), str(v)
        if not G.is_directed() and b < a:
            a, b = b, a
        rows.append([a, b, fnum(x)])
    rows.sort(key=lambda r: (r[0], r[1]))
    return rows


def sampled_betweenness(G, normalized):
    """nx.betweenness_centrality(G, k=5, seed=42) plus the exact sources it used."""
    values = nx.betweenness_centrality(
        G, k=SAMPLE_K, normalized=normalized, seed=SAMPLE_SEED
    )
    record = {"k": SAMPLE_K, "values": node_map(G, values)}
    if SAMPLE_K == len(G):
        # betweenness.py: `if k == len(G): k = None` -> exact, no sampling.
        sources = list(G)
        record["note"] = (
            "k == len(G): NetworkX sets k = None and computes exact betweenness "
            "over all sources (no sampling, no sampled rescaling)"
        )
        sampled = None
    else:
        # betweenness.py: nodes = seed.sample(list(G.nodes()), k) where
        # seed = random.Random(42) (py_random_state / create_py_random_state).
        sources = random.Random(SAMPLE_SEED).sample(list(G.nodes()), SAMPLE_K)
        sampled = sources
    record["sources"] = [str(s) for s in sources]

    # Verify: recompute from the recorded source list with NetworkX's helpers.
    b = dict.fromkeys(G, 0.0)
    for s in sources:
        S, P, sigma, _ = nxb._single_source_shortest_path_basic(G, s)
        b, _ = nxb._accumulate_basic(b, S, P, sigma, s)
    b = nxb._rescale(
        b,
        len(G),
        normalized=normalized,
        directed=G.is_directed(),
        endpoints=False,
        sampled_nodes=sampled,
    )
    for n in G:
        x, y = b[n], values[n]
        if not (x == y or (math.isnan(x) and math.isnan(y))):
            raise AssertionError(f"sampled betweenness mismatch at {n}: {x} != {y}")
    return record


def spectral_radius(G, weight):
    A = nx.to_numpy_array(G, nodelist=list(G), weight=weight)
    return float(max(abs(np.linalg.eigvals(A))))


def hits_checked(G, name, measures, errors, notes, suffix):
    """nx.hits with a uniqueness check of the top singular value.

    nx.hits reads the edge attribute 'weight' unconditionally (it calls
    nx.adjacency_matrix(G, ...) whose default weight is 'weight'), so the
    unweighted variant is computed on a copy without edge attributes.
    """
    hub_key, auth_key = "hits_hub" + suffix, "hits_authority" + suffix
    A = nx.to_numpy_array(G, nodelist=list(G), weight="weight")
    sv = np.linalg.svd(A, compute_uv=False)
    if len(sv) > 1 and sv[0] - sv[1] <= 1e-9 * max(sv[0], 1.0):
        msg = (
            "top singular value of A is not simple (sigma1 == sigma2), so the "
            "HITS vectors are not unique and nx.hits (ARPACK svds) returns an "
            "arbitrary, possibly negative, vector; see *_power for the "
            "uniform-start power iteration limit"
        )
        measures[hub_key] = None
        measures[auth_key] = None
        errors[hub_key] = msg
        errors[auth_key] = msg
    else:
        try:
            h, a = nx.hits(G, max_iter=HITS_MAX_ITER, tol=HITS_TOL, normalized=True)
            measures[hub_key] = node_map(G, h)
            measures[auth_key] = node_map(G, a)
        except Exception as exc:  # noqa: BLE001
            measures[hub_key] = None
            measures[auth_key] = None
            errors[hub_key] = errors[auth_key] = err_text(exc)
    # Power iteration from the uniform vector (NetworkX's reference python
    # implementation); well defined even when sigma1 is repeated.
    h, a = hits_alg._hits_python(G, max_iter=HITS_MAX_ITER, tol=HITS_TOL, normalized=True)
    measures[hub_key + "_power"] = node_map(G, h)
    measures[auth_key + "_power"] = node_map(G, a)


def compute_measures(name, G):
    directed = G.is_directed()
    measures = {}
    errors = {}
    notes = {}
    extra = {}

    def put(key, fn):
        try:
            measures[key] = node_map(G, fn())
        except Exception as exc:  # noqa: BLE001
            measures[key] = None
            errors[key] = err_text(exc)

    # degree ---------------------------------------------------------------
    put("degree", lambda: nx.degree_centrality(G))
    if directed:
        put("in_degree", lambda: nx.in_degree_centrality(G))
        put("out_degree", lambda: nx.out_degree_centrality(G))
    put("strength", lambda: dict(G.degree(weight="weight")))

    # betweenness ----------------------------------------------------------
    put("betweenness", lambda: nx.betweenness_centrality(G))
    put("betweenness_raw", lambda: nx.betweenness_centrality(G, normalized=False))
    put("betweenness_endpoints", lambda: nx.betweenness_centrality(G, endpoints=True))
    put("betweenness_distance", lambda: nx.betweenness_centrality(G, weight="weight"))
    put("betweenness_strength", lambda: nx.betweenness_centrality(G, weight="inv"))
    put(
        "betweenness_raw_distance",
        lambda: nx.betweenness_centrality(G, weight="weight", normalized=False),
    )
    # Exactness check for the float lengths 1/w: recompute with exact rationals.
    exact = nx.betweenness_centrality(
        G, weight=lambda u, v, d: Fraction(1, weight_of(d))
    )
    measures["betweenness_strength_exact"] = node_map(G, exact)
    flt = nx.betweenness_centrality(G, weight="inv")
    worst = max(abs(float(exact[n]) - flt[n]) for n in G)
    if worst > 1e-9:
        notes["betweenness_strength"] = (
            "float lengths 1/w break shortest-path ties that are exact in rational "
            "arithmetic (path sums of 1/w that are equal as fractions differ in the "
            "last bit as doubles, and NetworkX compares them with ==); "
            "betweenness_strength_exact uses Fraction(1, w) lengths "
            f"(max abs diff {worst:.6g})"
        )
    diag(f"{name}: betweenness_strength float-vs-exact max diff {worst:.3g}")

    extra["betweenness_sampled"] = sampled_betweenness(G, normalized=True)
    extra["betweenness_sampled_raw"] = sampled_betweenness(G, normalized=False)

    extra["edge_betweenness"] = edge_list(G, nx.edge_betweenness_centrality(G))
    extra["edge_betweenness_raw"] = edge_list(
        G, nx.edge_betweenness_centrality(G, normalized=False)
    )
    extra["edge_betweenness_distance"] = edge_list(
        G, nx.edge_betweenness_centrality(G, weight="weight")
    )

    # closeness / harmonic ---------------------------------------------------
    put("closeness", lambda: nx.closeness_centrality(G))
    put("closeness_distance", lambda: nx.closeness_centrality(G, distance="weight"))
    put("closeness_strength", lambda: nx.closeness_centrality(G, distance="inv"))
    put("closeness_no_wf", lambda: nx.closeness_centrality(G, wf_improved=False))
    put("harmonic", lambda: nx.harmonic_centrality(G))
    put("harmonic_distance", lambda: nx.harmonic_centrality(G, distance="weight"))

    # spectral ---------------------------------------------------------------
    put("eigenvector", lambda: nx.eigenvector_centrality_numpy(G))
    put("eigenvector_strength", lambda: nx.eigenvector_centrality_numpy(G, weight="weight"))

    put(
        "katz",
        lambda: nx.katz_centrality_numpy(G, alpha=KATZ_ALPHA, beta=1.0, normalized=True),
    )
    put(
        "katz_strength",
        lambda: nx.katz_centrality_numpy(
            G, alpha=KATZ_ALPHA, beta=1.0, normalized=True, weight="weight"
        ),
    )
    for key, w in (("katz", None), ("katz_strength", "weight")):
        lam = spectral_radius(G, w)
        if KATZ_ALPHA * lam >= 1.0:
            notes[key] = (
                f"alpha = {KATZ_ALPHA} >= 1/lambda_max (lambda_max = {lam:.6f}): the "
                "Katz series diverges; the value is just the linear solve "
                "(I - alpha A^T) x = beta, normalized by sign(sum(x)) * ||x||_2"
            )

    nodes = list(G)
    put(
        "pagerank",
        lambda: nx.pagerank(G, alpha=ALPHA, tol=PR_TOL, max_iter=PR_MAX_ITER, weight=None),
    )
    put(
        "pagerank_strength",
        lambda: nx.pagerank(
            G, alpha=ALPHA, tol=PR_TOL, max_iter=PR_MAX_ITER, weight="weight"
        ),
    )
    put(
        "pagerank_personalized",
        lambda: nx.pagerank(
            G,
            alpha=ALPHA,
            tol=PR_TOL,
            max_iter=PR_MAX_ITER,
            weight=None,
            personalization={nodes[0]: 1.0, nodes[1]: 1.0},
        ),
    )
    if directed:
        put(
            "pagerank_dangling",
            lambda: nx.pagerank(
                G,
                alpha=ALPHA,
                tol=PR_TOL,
                max_iter=PR_MAX_ITER,
                weight=None,
                dangling={nodes[-1]: 1.0},
            ),
        )

    hits_checked(unweighted_copy(G), name, measures, errors, notes, "")
    hits_checked(G, name, measures, errors, notes, "_strength")

    # structural holes -------------------------------------------------------
    with warnings.catch_warnings(), np.errstate(all="ignore"):
        warnings.simplefilter("ignore", RuntimeWarning)
        put("constraint", lambda: nx.constraint(G))
        put("constraint_weighted", lambda: nx.constraint(G, weight="weight"))
        put("effective_size", lambda: nx.effective_size(G))
        put("effective_size_weighted", lambda: nx.effective_size(G, weight="weight"))
        # Per-node path (nodes given): the documented formula, and Borgatti's
        # shortcut for undirected unweighted graphs. The all-nodes sparse path
        # above normalizes m_vw by the wrong axis (networkx PR #8906), so it
        # differs on weighted and directed graphs.
        put("effective_size_nodes", lambda: nx.effective_size(G, nodes=nodes))
        put(
            "effective_size_weighted_nodes",
            lambda: nx.effective_size(G, nodes=nodes, weight="weight"),
        )
        for key in ("effective_size", "effective_size_weighted"):
            a, b = measures[key], measures[key + "_nodes"]
            d = max(
                (abs(a[n] - b[n]) for n in a if a[n] is not None and b[n] is not None),
                default=0.0,
            )
            if d > 1e-9:
                notes[key] = (
                    "nx.effective_size(G) (all nodes, sparse-matrix path) divides "
                    "mutual weights by the column max instead of the row max "
                    "(`mutual_weights2 /= mutual_weights2.max(axis=1).toarray()`), "
                    f"so it disagrees with {key}_nodes (max abs diff {d:.6g}); "
                    f"{key}_nodes is the documented formula"
                )

        # Diagnostics: nodes=None takes the sparse-matrix path; nodes=list(G)
        # takes the per-node path (Borgatti's shortcut when undirected and
        # unweighted). Report how far apart they are.
        for key, fn_all, fn_nodes in (
            ("constraint", lambda: nx.constraint(G), lambda: nx.constraint(G, nodes=nodes)),
            (
                "constraint_weighted",
                lambda: nx.constraint(G, weight="weight"),
                lambda: nx.constraint(G, nodes=nodes, weight="weight"),
            ),
            (
                "effective_size",
                lambda: nx.effective_size(G),
                lambda: nx.effective_size(G, nodes=nodes),
            ),
            (
                "effective_size_weighted",
                lambda: nx.effective_size(G, weight="weight"),
                lambda: nx.effective_size(G, nodes=nodes, weight="weight"),
            ),
        ):
            a, b = fn_all(), fn_nodes()
            both = [n for n in G if not (math.isnan(a[n]) or math.isnan(b[n]))]
            nan_mismatch = [n for n in G if math.isnan(a[n]) != math.isnan(b[n])]
            d = max((abs(a[n] - b[n]) for n in both), default=0.0)
            diag(
                f"{name}: {key} matrix-path vs per-node-path max diff {d:.3g}"
                f" NaN-mismatch {nan_mismatch}"
            )

    for key, value in measures.items():
        if value is not None and any(x is None for x in value.values()):
            if key.startswith(("constraint", "effective_size")):
                nulls = sorted(n for n, x in value.items() if x is None)
                if key.endswith("_nodes"):
                    why = (
                        "per-node path: NaN when G[v] has no node other than v; on a "
                        "directed graph G[v] is the successors only, so sinks "
                        "(out-degree 0) are NaN even when they have in-edges"
                    )
                else:
                    why = "all-nodes path: NaN for nodes with no in- or out-neighbours"
                notes.setdefault(key, f"NaN written as null for {nulls} ({why})")
    return measures, errors, notes, extra


# --------------------------------------------------------------------------
# Brokerage (Gould & Fernandez), brute force
# --------------------------------------------------------------------------


def brokerage(G, group):
    succ = {n: set(G.successors(n)) if G.is_directed() else set(G[n]) for n in G}
    pred = {n: set(G.predecessors(n)) if G.is_directed() else set(G[n]) for n in G}
    counts = {r: {str(n): 0 for n in G} for r in ROLES}
    for v in G:
        gv = group[v]
        for a in pred[v]:
            if a == v:
                continue
            for b in succ[v]:
                if b == v or b == a or b in succ[a]:
                    continue
                ga, gb = group[a], group[b]
                if ga == gv and gb == gv:
                    role = "coordinator"
                elif ga == gb:
                    role = "itinerant"
                elif ga == gv:
                    role = "representative"
                elif gb == gv:
                    role = "gatekeeper"
                else:
                    role = "liaison"
                counts[role][str(v)] += 1

    N = len(G)
    sizes = {}
    for n in G:
        sizes[group[n]] = sizes.get(group[n], 0) + 1
    D = (N - 1) * (N - 2)
    expected = {r: {} for r in ROLES}
    normalized = {r: {} for r in ROLES}
    for v in G:
        g = group[v]
        ng = sizes[g]
        T = sum(counts[r][str(v)] for r in ROLES)
        nums = {
            "coordinator": (ng - 1) * (ng - 2),
            "itinerant": sum(nh * (nh - 1) for h, nh in sizes.items() if h != g),
            "representative": (ng - 1) * (N - ng),
            "gatekeeper": (N - ng) * (ng - 1),
            "liaison": sum(nh * (N - ng - nh) for h, nh in sizes.items() if h != g),
        }
        for r in ROLES:
            e = T * nums[r] / D
            expected[r][str(v)] = float(e)
            raw = counts[r][str(v)]
            normalized[r][str(v)] = None if e == 0 else raw / e
    return counts, expected, normalized


# --------------------------------------------------------------------------
# Paths
# --------------------------------------------------------------------------


def path_length(G, path, weighted):
    if not weighted:
        return len(path) - 1
    return sum(weight_of(G[u][v]) for u, v in zip(path, path[1:]))


def k_shortest(G, s, t, weighted):
    gen = nx.shortest_simple_paths(G, s, t, weight="weight" if weighted else None)
    try:
        first = list(itertools.islice(gen, K_PATHS + 1))
    except nx.NetworkXNoPath:
        first = []
    rows = [
        {"nodes": [str(n) for n in p], "length": path_length(G, p, weighted)}
        for p in first[:K_PATHS]
    ]
    nxt = path_length(G, first[K_PATHS], weighted) if len(first) > K_PATHS else None
    return rows, nxt


def choose_pairs(name, G):
    by_id = {str(n): n for n in G}
    pairs = sorted(itertools.permutations(sorted(by_id), 2))
    rng = random.Random(PAIR_SEED)
    chosen = rng.sample(pairs, min(PAIR_COUNT, len(pairs)))
    if name.startswith("random_"):
        unreachable = [p for p in pairs if not nx.has_path(G, by_id[p[0]], by_id[p[1]])]
        if unreachable and not any(p in set(unreachable) for p in chosen):
            chosen[-1] = rng.choice(unreachable)
    return [(by_id[a], by_id[b]) for a, b in chosen]


def path_records(name, G):
    records = []
    for s, t in choose_pairs(name, G):
        reachable = nx.has_path(G, s, t)
        rec = {"source": str(s), "target": str(t)}
        if reachable:
            rec["bfs_length"] = nx.shortest_path_length(G, s, t)
            rec["all_shortest"] = sorted(
                [str(n) for n in p] for p in nx.all_shortest_paths(G, s, t)
            )
            rec["dijkstra_length"] = nx.shortest_path_length(G, s, t, weight="weight")
            rec["all_shortest_distance"] = sorted(
                [str(n) for n in p] for p in nx.all_shortest_paths(G, s, t, weight="weight")
            )
        else:
            rec["bfs_length"] = None
            rec["all_shortest"] = []
            rec["dijkstra_length"] = None
            rec["all_shortest_distance"] = []
        rec["k_shortest"], rec["k_shortest_next_length"] = k_shortest(G, s, t, True)
        (
            rec["k_shortest_unweighted"],
            rec["k_shortest_unweighted_next_length"],
        ) = k_shortest(G, s, t, False)
        records.append(rec)
    return records


# --------------------------------------------------------------------------
# Backchannel's own sampling (SplitMix64 + Swift's Int.random(in:)), so that
# sampled betweenness through Measure(samples: k, seed:) can be checked with
# the very sources Backchannel draws.
# --------------------------------------------------------------------------

BC_SAMPLE_K = 7
BC_SAMPLE_SEED = 42
MASK64 = (1 << 64) - 1


class SplitMix64:
    """Sources/BackchannelAnalysis/SeededRandom.swift."""

    def __init__(self, seed):
        self.state = seed & MASK64

    def next(self):
        self.state = (self.state + 0x9E3779B97F4A7C15) & MASK64
        z = self.state
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK64
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK64
        return z ^ (z >> 31)

    def below(self, bound):
        """Swift's RandomNumberGenerator.next(upperBound:) (Lemire's multiply-shift)."""
        r = self.next()
        m = r * bound
        low = m & MASK64
        if low < bound:
            t = ((1 << 64) - bound) % bound
            while low < t:
                r = self.next()
                m = r * bound
                low = m & MASK64
        return m >> 64

    def sample(self, k, n):
        """SeededRandom.sample(k, from: n): partial Fisher-Yates."""
        pool = list(range(n))
        for i in range(min(k, n)):
            j = i + self.below(n - i)
            pool[i], pool[j] = pool[j], pool[i]
        return pool[: min(k, n)]


def backchannel_sampled_betweenness(G):
    """Betweenness from the sources Backchannel's sampler draws (k=7, seed 42), via NetworkX's helpers."""
    nodes = list(G)
    if BC_SAMPLE_K >= len(nodes):
        return None
    sources = [nodes[i] for i in SplitMix64(BC_SAMPLE_SEED).sample(BC_SAMPLE_K, len(nodes))]
    record = {"k": BC_SAMPLE_K, "seed": BC_SAMPLE_SEED, "sources": [str(x) for x in sources]}
    for key, normalized in (("values", True), ("values_raw", False)):
        b = dict.fromkeys(G, 0.0)
        for s in sources:
            S, P, sigma, _ = nxb._single_source_shortest_path_basic(G, s)
            b, _ = nxb._accumulate_basic(b, S, P, sigma, s)
        b = nxb._rescale(b, len(G), normalized=normalized, directed=G.is_directed(), endpoints=False, sampled_nodes=sources)
        record[key] = node_map(G, b)
    return record


def networkx_defaults(G):
    """Power iterations with NetworkX's default stopping rule, to show a tolerance reproduces it.

    (nx.hits has no iteration to reproduce: it takes the SVD from ARPACK.)
    """
    out = {}
    calls = {
        "pagerank": lambda: nx.pagerank(G, weight=None),
        "eigenvector": lambda: nx.eigenvector_centrality(G),
        "katz": lambda: nx.katz_centrality(G, alpha=KATZ_ALPHA),
    }
    for key, fn in calls.items():
        try:
            out[key] = node_map(G, fn())
        except Exception as exc:  # noqa: BLE001
            out[key] = None
            out[key + "_error"] = err_text(exc)
    return out


# --------------------------------------------------------------------------
# Influence of conveners on the bundled history (ConvenerInfluence), computed
# independently: NetworkX betweenness and PageRank, brute-force brokerage and
# breadth-first reach.
# --------------------------------------------------------------------------

HISTORY = os.path.join(HERE, "..", "..", "Datasets", "track2-history.json")


def influence_record():
    with open(HISTORY, encoding="utf-8") as fh:
        data = json.load(fh)
    G = nx.Graph()
    kind = {}
    track = {}
    for node in data["nodes"]:
        if node["id"] in kind:
            continue
        G.add_node(node["id"])
        kind[node["id"]] = node["kind"]
        track[node["id"]] = node.get("track") or ""
    for edge in data["edges"]:
        a, b = edge["source"], edge["target"]
        # Only engagements that took place are ties: an edge whose status is intended or refused is not.
        if edge.get("attributes", {}).get("status", "provided") != "provided":
            continue
        if a in kind and b in kind and a != b:
            G.add_edge(a, b)
    # Brokerage across tracks: two-paths a - v - b, a != b, a and b not tied, not all in one group.
    crossing = {}
    for v in G:
        count = 0
        for a in G[v]:
            for b in G[v]:
                if a == b or G.has_edge(a, b):
                    continue
                if not (track[a] == track[v] == track[b]):
                    count += 1
        crossing[v] = count
    betweenness = nx.betweenness_centrality(G)
    pagerank = nx.pagerank(G, alpha=ALPHA, tol=1e-15, max_iter=100000)
    targets = [n for n in G if kind[n] in ("conflict", "participant")]
    conveners = [n for n in G if kind[n] == "convener"]
    raw = {}
    for v in conveners:
        near = nx.single_source_shortest_path_length(G, v, cutoff=2)
        reached = sum(1 for n in near if n != v and kind[n] in ("conflict", "participant"))
        raw[v] = {
            "brokerage": float(crossing[v]),
            "betweenness": betweenness[v],
            "reach": reached / max(1, len(targets)),
            "pagerank": pagerank[v],
        }
    names = ["brokerage", "betweenness", "reach", "pagerank"]
    maxima = {c: max(raw[v][c] for v in conveners) for c in names}
    entries = []
    for v in conveners:
        scaled = {c: (raw[v][c] / maxima[c] if maxima[c] > 0 else 0.0) for c in names}
        entries.append({"id": v, "score": sum(scaled.values()) / 4, "raw": raw[v], "scaled": scaled})
    order = {n: i for i, n in enumerate(G)}
    entries.sort(key=lambda e: (-e["score"], order[e["id"]]))
    return {"dataset": "Datasets/track2-history.json", "conveners": entries}


# --------------------------------------------------------------------------
# Main
# --------------------------------------------------------------------------


def graph_record(name, G, part_attr):
    rec = {
        "directed": G.is_directed(),
        "nodes": [str(n) for n in G],
        "edges": [[str(u), str(v), weight_of(d)] for u, v, d in G.edges(data=True)],
    }
    if part_attr is None:
        # No natural partition: position parity, so that brokerage is checked on every graph.
        for i, n in enumerate(G):
            G.nodes[n]["position_parity"] = "even" if i % 2 == 0 else "odd"
        part_attr = "position_parity"
    group = {n: str(G.nodes[n][part_attr]) for n in G}
    rec["partition"] = {str(n): group[n] for n in G}
    rec["partition_attribute"] = part_attr
    measures, errors, notes, extra = compute_measures(name, G)
    rec["measures"] = measures
    rec["errors"] = errors
    rec["notes"] = notes
    rec.update(extra)
    if group is not None:
        counts, expected, normalized = brokerage(G, group)
        rec["brokerage"] = counts
        rec["brokerage_expected"] = expected
        rec["brokerage_normalized"] = normalized
    rec["paths"] = path_records(name, G)
    sampled = backchannel_sampled_betweenness(G)
    if sampled is not None:
        rec["betweenness_sampled_backchannel"] = sampled
    rec["networkx_defaults"] = networkx_defaults(G)
    return rec


def main():
    graphs = build_graphs()
    out = {
        "networkx_version": nx.__version__,
        "generated_by": GENERATED_BY,
        "graphs": {},
    }
    for name, (G, part_attr) in graphs.items():
        out["graphs"][name] = graph_record(name, G, part_attr)
    out["influence"] = influence_record()
    with open(OUT, "w", encoding="utf-8") as fh:
        json.dump(out, fh, indent=1, sort_keys=True, allow_nan=False)
        fh.write("\n")
    for line in DIAGNOSTICS:
        print(line, file=sys.stderr)
    print(f"wrote {OUT} ({os.path.getsize(OUT)} bytes)", file=sys.stderr)


if __name__ == "__main__":
    main()
