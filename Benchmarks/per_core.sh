#!/usr/bin/env bash
# Per core and on both cores, as whole processes: the release `backchannel centrality` with
# --threads 1 and --threads 2 against igraph's and NetworKit's compute alone (peers.py) on the
# seeded 10k-node network, REPEAT runs each (default 3), every run printed; the median and the
# ratios are printed at the end. Issue 12's per-core targets are stated this way.
#
#   bash Benchmarks/per_core.sh                 (after bash Benchmarks/setup_peers.sh and a release build)
#   MEASURES="betweenness pagerank" REPEAT=5 bash Benchmarks/per_core.sh
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
name=per_core
# shellcheck source=whole_process_setup.sh
. "$here/whole_process_setup.sh"
out="$(mktemp)"
trap 'rm -f "$out"' EXIT
for m in ${MEASURES:-betweenness closeness harmonic pagerank}; do
  for _ in $(seq "${REPEAT:-3}"); do
    for t in 1 2; do
      s=$( { /usr/bin/time -f "%e" "$cli" centrality --edges "$edges" --measure "$m" --format json --threads "$t" >/dev/null; } 2>&1 | tail -1)
      echo "backchannel $m threads=$t $s" | tee -a "$out"
    done
    for p in igraph networkit; do
      s=$("$py" peers.py --edges "$edges" --peer "$p" --measure "$m" 2>/dev/null | tail -1 |
        python3 -c "import json,sys; print(json.loads(sys.stdin.read())['compute_seconds'])")
      echo "$p $m compute $s" | tee -a "$out"
    done
  done
done
python3 - "$out" <<'PY'
import statistics, sys
runs = {}
for line in open(sys.argv[1]):
    who, measure, what, seconds = line.split()
    runs.setdefault((measure, who, what), []).append(float(seconds))
for m in dict.fromkeys(k[0] for k in runs):
    ig = statistics.median(runs[(m, "igraph", "compute")])
    nk = statistics.median(runs[(m, "networkit", "compute")])
    for t in ("threads=1", "threads=2"):
        v = runs[(m, "backchannel", t)]
        med = statistics.median(v)
        print(f"{m:12s} backchannel {t}: {med:.3f} s (min {min(v):.3f}, max {max(v):.3f})"
              f"  igraph {ig:.4f} s: {med / ig:.2f}x  networkit {nk:.4f} s: {med / nk:.2f}x")
PY
