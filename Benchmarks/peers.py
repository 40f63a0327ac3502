#!/usr/bin/env python3
"""Time one centrality measure in a peer library (igraph, NetworKit, or NetworkX)
on an edge-list CSV, and print one JSON line.

    peers.py --edges FILE.csv --peer igraph|networkit|networkx --measure M
             [--threads T] [--samples K] [--seed S] [--repeat R]
             [--scores OUT.json] [--source ID]

Measures (all directed, all unweighted; normalized as NetworkX 3.x does):

  load                 only load the CSV (compute_seconds = 0, checksum = 0)
  degree               total (in + out) degree / (n - 1)   (nx.degree_centrality)
  pagerank             damping 0.85, dangling mass spread uniformly (nx.pagerank, weight=None)
  betweenness          exact, / ((n-1)(n-2))                (nx.betweenness_centrality)
  betweenness-sampled  K source samples (default 256), scaled n/K / ((n-1)(n-2))
                       (nx.betweenness_centrality(k=K)); estimates, checksums differ by sample
  closeness            incoming distances, Wasserman-Faust   (nx.closeness_centrality,
                       wf_improved=True)
  harmonic             sum of 1/d(v, u) over v != u, unnormalized (nx.harmonic_centrality)
  sssp                 BFS hop distances from --source (default a0) to every reachable node;
                       checksum = sum of the finite distances

The JSON line has: peer, peer_version, measure, nodes, edges, threads, load_seconds,
prep_seconds, compute_seconds, peak_rss_mb, checksum, status ("ok" or "unsupported"),
edges_file, load_method, method, and measure-specific extras. A driver joins on
(measure, nodes) (and edges_file). See README.md for what each peer does per measure.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import resource
import sys
import time

MEASURES = ["load", "degree", "pagerank", "betweenness", "betweenness-sampled",
            "closeness", "harmonic", "sssp"]
PEERS = ["igraph", "networkit", "networkx"]


def peak_rss_mb() -> float:
    # Linux reports ru_maxrss in KiB
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0


def read_edges(path: str):
    """Read the CSV and number the node ids by first appearance (row by row, source
    before target), as pandas.unique / igraph's Graph.DataFrame do.
    Returns (sources, targets, weights, names) with int64 codes."""
    import numpy as np
    import pandas as pd

    df = pd.read_csv(path, dtype={"source": str, "target": str, "weight": np.float64},
                     engine="c")
    codes, names = pd.factorize(df[["source", "target"]].to_numpy().ravel())
    codes = codes.astype(np.int64, copy=False)
    weights = (df["weight"].to_numpy() if "weight" in df.columns
               else np.ones(len(df), dtype=np.float64))
    return codes[0::2], codes[1::2], weights, np.asarray(names, dtype=object)


def wf_scale(n: int):
    """Normalizers shared by every peer."""
    return {
        "degree": 1.0 / (n - 1) if n > 1 else 0.0,
        "betweenness": 1.0 / ((n - 1) * (n - 2)) if n > 2 else 0.0,
    }


def sample_sources(n: int, k: int, seed: int):
    import numpy as np

    rng = np.random.default_rng(seed)
    return np.sort(rng.choice(n, size=min(k, n), replace=False))


# --------------------------------------------------------------------------- igraph

class IGraphPeer:
    name = "igraph"

    def __init__(self, threads: int):
        import igraph

        self.ig = igraph
        self.version = igraph.__version__
        self.threads = 1  # igraph's centrality routines are single-threaded
        self.skip_wf = False
        self.load_method = ("pandas.read_csv + pandas.factorize + "
                            "Graph(n, directed=True).add_edges(int64 array); "
                            "vs['name'], es['weight'] set")

    def load(self, path):
        s, t, w, names = read_edges(path)
        import numpy as np

        g = self.ig.Graph(n=len(names), directed=True)
        g.add_edges(np.column_stack([s, t]))
        g.vs["name"] = names.tolist()
        g.es["weight"] = w.tolist()
        self.g, self.names = g, names
        return len(names), g.ecount()

    def prep(self, measure, args):
        return None

    def compute(self, measure, args, extra):
        import numpy as np

        g, n = self.g, self.g.vcount()
        sc = wf_scale(n)
        if measure == "degree":
            extra["method"] = "Graph.degree(mode='all', loops=True) / (n-1)"
            return np.asarray(g.degree(mode="all", loops=True), dtype=np.float64) * sc["degree"]
        if measure == "pagerank":
            extra["method"] = ("Graph.pagerank(damping=0.85, directed=True, weights=None, "
                               "implementation='prpack') (solved to PRPACK's precision, ~1e-10)")
            return np.asarray(g.pagerank(damping=0.85, directed=True, weights=None,
                                         implementation="prpack"))
        if measure == "betweenness":
            extra["method"] = "Graph.betweenness(directed=True, cutoff=None, weights=None) / ((n-1)(n-2))"
            return np.asarray(g.betweenness(directed=True, cutoff=None, weights=None)) * sc["betweenness"]
        if measure == "betweenness-sampled":
            src = extra.pop("_sources")
            k = len(src)
            extra["method"] = (f"Graph.betweenness(directed=True, sources=<{k} seeded sources>, "
                               f"targets=None) * n/{k} / ((n-1)(n-2))")
            raw = g.betweenness(directed=True, cutoff=None, weights=None, sources=src.tolist())
            return np.asarray(raw) * (n / k) * sc["betweenness"]
        if measure == "closeness":
            extra["method"] = ("Graph.closeness(mode='in', normalized=True) = (r-1)/sum(d) over the r-1 "
                               "nodes that reach u (NaN if none); Wasserman-Faust factor (r-1)/(n-1) "
                               "applied after timing, r-1 from an untimed normalized=False call")
            c = np.asarray(g.closeness(mode="in", cutoff=None, weights=None, normalized=True),
                           dtype=np.float64)
            extra["_closeness_fixup"] = c
            return c
        if measure == "harmonic":
            extra["method"] = "Graph.harmonic_centrality(mode='in', normalized=False)"
            return np.asarray(g.harmonic_centrality(mode="in", cutoff=None, weights=None,
                                                    normalized=False))
        if measure == "sssp":
            src = extra["source_index"]
            extra["method"] = "Graph.distances(source=[s], mode='out', weights=None) (BFS)"
            d = np.asarray(g.distances(source=[src], target=None, weights=None, mode="out")[0],
                           dtype=np.float64)
            return d
        raise ValueError(measure)

    def finish(self, measure, scores, extra):
        import numpy as np

        if measure == "closeness":
            c = extra.pop("_closeness_fixup")
            if self.skip_wf:
                extra["checksum_kind"] = "igraph normalized=True, (r-1)/sum(d): NOT Wasserman-Faust"
                extra["method"] = "Graph.closeness(mode='in', normalized=True) (no Wasserman-Faust factor)"
                return np.nan_to_num(c)
            raw = np.asarray(self.g.closeness(mode="in", normalized=False), dtype=np.float64)
            with np.errstate(invalid="ignore", divide="ignore"):
                reached = np.where(raw > 0, c / raw, 0.0)  # r - 1
            reached = np.rint(np.nan_to_num(reached))
            n = self.g.vcount()
            return np.nan_to_num(c) * reached / (n - 1)
        return scores


# --------------------------------------------------------------------------- NetworKit

class NetworKitPeer:
    name = "networkit"

    def __init__(self, threads: int):
        import networkit

        self.nk = networkit
        self.version = networkit.__version__
        networkit.setNumberOfThreads(threads)
        self.threads = networkit.getMaxNumberOfThreads()
        self.load_method = ("pandas.read_csv + pandas.factorize + "
                            "networkit.GraphFromCoo((src, dst), n, directed=True, weighted=False)")

    def load(self, path):
        import numpy as np

        s, t, w, names = read_edges(path)
        # Unweighted on purpose: NetworKit's BFS-based algorithms switch to Dijkstra on a
        # weighted graph, and every measure here is unweighted. The weights are read.
        g = self.nk.GraphFromCoo((s.astype(np.uint64), t.astype(np.uint64)), n=len(names),
                                 weighted=False, directed=True)
        self.g, self.names = g, names
        return g.numberOfNodes(), g.numberOfEdges()

    def prep(self, measure, args):
        if measure in ("closeness", "harmonic"):
            # NetworKit's closeness/harmonic use outgoing distances; NetworkX's use incoming.
            self.gt = self.nk.graphtools.transpose(self.g)
            return "networkit.graphtools.transpose(G) (incoming distances = outgoing on the transpose)"
        return None

    def compute(self, measure, args, extra):
        import numpy as np

        nk, g, n = self.nk, self.g, self.g.numberOfNodes()
        sc = wf_scale(n)
        if measure == "degree":
            extra["method"] = ("DegreeCentrality(G, outDeg=True) + DegreeCentrality(G, outDeg=False), "
                               "unnormalized, / (n-1)")
            out = nk.centrality.DegreeCentrality(g, normalized=False, outDeg=True).run().scores()
            inn = nk.centrality.DegreeCentrality(g, normalized=False, outDeg=False).run().scores()
            return (np.asarray(out) + np.asarray(inn)) * sc["degree"]
        if measure == "pagerank":
            pr = nk.centrality.PageRank(g, damp=0.85, tol=1e-8,
                                        distributeSinks=nk.centrality.SinkHandling.DistributeSinks)
            pr.run()
            extra["method"] = ("PageRank(G, damp=0.85, tol=1e-8 (L2 norm of the change), "
                               "distributeSinks=DistributeSinks)")
            extra["iterations"] = pr.numberOfIterations()
            return np.asarray(pr.scores())
        if measure == "betweenness":
            extra["method"] = "Betweenness(G, normalized=False) / ((n-1)(n-2))"
            return np.asarray(nk.centrality.Betweenness(g, normalized=False).run().scores()) * sc["betweenness"]
        if measure == "betweenness-sampled":
            extra.pop("_sources")  # NetworKit draws its own sources
            k = args.samples
            extra["method"] = (f"EstimateBetweenness(G, nSamples={k}, normalized=False, parallel=True) "
                               "/ ((n-1)(n-2)) (Geisberger-Sanders-Schultes linear scaling; "
                               "own random sources, already scaled by n/K)")
            est = nk.centrality.EstimateBetweenness(g, k, False, True).run().scores()
            return np.asarray(est) * sc["betweenness"]
        if measure == "closeness":
            extra["method"] = ("Closeness(transpose(G), normalized=True, "
                               "variant=ClosenessVariant.GENERALIZED)  (= Wasserman-Faust)")
            return np.asarray(nk.centrality.Closeness(
                self.gt, True, nk.centrality.ClosenessVariant.GENERALIZED).run().scores())
        if measure == "harmonic":
            extra["method"] = "HarmonicCloseness(transpose(G), normalized=False)"
            return np.asarray(nk.centrality.HarmonicCloseness(self.gt, normalized=False).run().scores())
        if measure == "sssp":
            src = extra["source_index"]
            extra["method"] = "distance.BFS(G, s, storePaths=False).getDistances()"
            d = np.asarray(nk.distance.BFS(g, src, storePaths=False).run().getDistances(),
                           dtype=np.float64)
            d[d > 1e300] = np.inf
            return d
        raise ValueError(measure)

    def finish(self, measure, scores, extra):
        return scores


# --------------------------------------------------------------------------- NetworkX (reference)

class NetworkXPeer:
    name = "networkx"

    def __init__(self, threads: int):
        import networkx

        self.nx = networkx
        self.version = networkx.__version__
        self.threads = 1
        self.load_method = ("pandas.read_csv + networkx.from_pandas_edgelist("
                            "edge_attr='weight', create_using=DiGraph)")

    def load(self, path):
        import numpy as np
        import pandas as pd

        df = pd.read_csv(path, dtype={"source": str, "target": str, "weight": np.float64})
        g = self.nx.from_pandas_edgelist(df, "source", "target", edge_attr="weight",
                                         create_using=self.nx.DiGraph)
        self.g = g
        self.names = np.asarray(list(g.nodes), dtype=object)
        return g.number_of_nodes(), g.number_of_edges()

    def prep(self, measure, args):
        return None

    def compute(self, measure, args, extra):
        import numpy as np

        nx, g = self.nx, self.g
        if measure == "degree":
            extra["method"] = "nx.degree_centrality(G)"
            d = nx.degree_centrality(g)
        elif measure == "pagerank":
            extra["method"] = "nx.pagerank(G, alpha=0.85, weight=None)  (tol=1e-6: sum|dx| < n*tol)"
            d = nx.pagerank(g, alpha=0.85, weight=None)
        elif measure == "betweenness":
            extra["method"] = "nx.betweenness_centrality(G, normalized=True)"
            d = nx.betweenness_centrality(g, normalized=True)
        elif measure == "betweenness-sampled":
            extra.pop("_sources")
            extra["method"] = f"nx.betweenness_centrality(G, k={args.samples}, seed={args.seed})"
            d = nx.betweenness_centrality(g, k=min(args.samples, len(g)), seed=args.seed)
        elif measure == "closeness":
            extra["method"] = "nx.closeness_centrality(G)  (incoming, wf_improved=True)"
            d = nx.closeness_centrality(g)
        elif measure == "harmonic":
            extra["method"] = "nx.harmonic_centrality(G)"
            d = nx.harmonic_centrality(g)
        elif measure == "sssp":
            extra["method"] = "nx.single_source_shortest_path_length(G, s)"
            d = nx.single_source_shortest_path_length(g, self.names[extra["source_index"]])
            return np.asarray([d.get(x, math.inf) for x in self.names], dtype=np.float64)
        else:
            raise ValueError(measure)
        return np.asarray([d[x] for x in self.names], dtype=np.float64)

    def finish(self, measure, scores, extra):
        return scores


PEER_CLASSES = {"igraph": IGraphPeer, "networkit": NetworKitPeer, "networkx": NetworkXPeer}


def scores_dict(names, scores, measure):
    """id -> score, as the whole-process output: NaN -> 0, unreachable sssp targets left out."""
    import numpy as np

    out = {}
    for name, v in zip(names.tolist(), scores.tolist()):
        if measure == "sssp":
            if math.isfinite(v):
                out[name] = int(v)
        else:
            out[name] = 0.0 if (v != v) else float(v)
    return out


def run(args) -> dict:
    import numpy as np

    peer = PEER_CLASSES[args.peer](args.threads)
    if args.igraph_closeness_no_wf and args.peer == "igraph":
        peer.skip_wf = True
    rec = {
        "peer": peer.name,
        "peer_version": peer.version,
        "measure": args.measure,
        "edges_file": os.path.basename(args.edges),
        "threads": peer.threads,
        "load_method": peer.load_method,
    }

    t0 = time.perf_counter()
    n, m = peer.load(args.edges)
    load_s = time.perf_counter() - t0
    rec.update(nodes=n, edges=m, load_seconds=round(load_s, 6))

    extra: dict = {}
    if args.measure == "betweenness-sampled":
        extra["_sources"] = sample_sources(n, args.samples, args.seed)
        rec.update(samples=min(args.samples, n), seed=args.seed)
    if args.measure == "sssp":
        hits = np.flatnonzero(peer.names == args.source)
        if len(hits) != 1:
            raise SystemExit(f"peers.py: source node {args.source!r} not in {args.edges}")
        extra["source_index"] = int(hits[0])
        rec["source"] = args.source

    if args.measure == "load":
        rec.update(prep_seconds=0.0, compute_seconds=0.0, checksum=0.0, status="ok")
        rec["peak_rss_mb"] = round(peak_rss_mb(), 1)
        return rec

    t0 = time.perf_counter()
    prep_note = peer.prep(args.measure, args)
    rec["prep_seconds"] = round(time.perf_counter() - t0, 6)
    if prep_note:
        rec["prep"] = prep_note

    times = []
    scores = None
    for _ in range(max(1, args.repeat)):
        ex = dict(extra)
        t0 = time.perf_counter()
        scores = peer.compute(args.measure, args, ex)
        times.append(time.perf_counter() - t0)
    extra = ex
    rec["compute_seconds"] = round(min(times), 6)
    if len(times) > 1:
        rec["compute_seconds_all"] = [round(x, 6) for x in times]
    rec["peak_rss_mb"] = round(peak_rss_mb(), 1)  # before any untimed fix-up work

    scores = np.asarray(peer.finish(args.measure, scores, extra), dtype=np.float64)
    finite = scores[np.isfinite(scores)]
    rec["checksum"] = float(math.fsum(finite.tolist()))
    if args.measure == "sssp":
        rec["reached"] = int(len(finite))
        rec["max_distance"] = float(finite.max()) if len(finite) else 0.0
    rec["status"] = "ok"
    rec.update({k: v for k, v in extra.items() if not k.startswith("_") and k != "source_index"})

    if args.scores:
        with open(args.scores, "w") as f:
            json.dump({"measure": args.measure, "scores": scores_dict(peer.names, scores, args.measure)}, f)
    return rec


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter,
                                 epilog=__doc__.split("\n\n", 2)[2])
    ap.add_argument("--edges", required=True, help="CSV with header source,target,weight")
    ap.add_argument("--peer", required=True, choices=PEERS)
    ap.add_argument("--measure", required=True, choices=MEASURES)
    ap.add_argument("--threads", type=int, default=os.cpu_count() or 1,
                    help="threads for peers that use them (NetworKit); default: all cores")
    ap.add_argument("--samples", type=int, default=256, help="sources for betweenness-sampled")
    ap.add_argument("--seed", type=int, default=1, help="seed for the sampled sources")
    ap.add_argument("--source", default="a0", help="source node id for sssp (default a0)")
    ap.add_argument("--repeat", type=int, default=1,
                    help="run the measure R times and report the fastest (default 1)")
    ap.add_argument("--scores", metavar="OUT.json",
                    help='also write {"measure": M, "scores": {id: value}} to this file')
    ap.add_argument("--igraph-closeness-no-wf", action="store_true",
                    help="igraph closeness: skip the untimed second call that recovers r for the "
                         "Wasserman-Faust factor (halves the run; the checksum is then igraph's "
                         "(r-1)/sum(d), marked by checksum_kind). compute_seconds is unchanged")
    args = ap.parse_args(argv)
    rec = run(args)
    print(json.dumps(rec), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
