#!/usr/bin/env bash
# Runs every peer x measure on the generated networks and appends one JSON line per
# run to a results file (Benchmarks/results/, gitignored).
#
#   bash Benchmarks/run_peers.sh [SIZE ...]          (default sizes: 10000 100000)
#
# Environment (all optional):
#   PEERS="igraph networkit"   MEASURES="load degree pagerank betweenness betweenness-sampled closeness harmonic sssp"
#   TIMEOUT=180                seconds per run; a run past it is killed and logged with
#                              "status": "timeout" (its compute_seconds is then > TIMEOUT)
#   SEED=42                    generator seed (data/actors-N.csv is generated if missing)
#   THREADS=$(nproc)           passed to peers.py --threads
#   OUT=results/peers-<host>-<date>.jsonl
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$here"
py="$here/.venv/bin/python"
[ -x "$py" ] || { echo "run_peers: run setup_peers.sh first" >&2; exit 2; }

sizes=("$@"); [ ${#sizes[@]} -gt 0 ] || sizes=(10000 100000)
peers=(${PEERS:-igraph networkit})
measures=(${MEASURES:-load degree pagerank betweenness betweenness-sampled closeness harmonic sssp})
timeout_s="${TIMEOUT:-180}"
seed="${SEED:-42}"
threads="${THREADS:-$(nproc)}"
mkdir -p data results
out="${OUT:-results/peers-$(hostname)-$(date +%Y%m%d-%H%M%S).jsonl}"

for n in "${sizes[@]}"; do
  csv="data/actors-$n.csv"
  [ -f "$csv" ] || "$py" generate.py --nodes "$n" --seed "$seed" -o "$csv"
  for m in "${measures[@]}"; do
    for p in "${peers[@]}"; do
      echo "run_peers: $p $m $csv" >&2
      set +e
      line="$(timeout "$timeout_s" "$py" peers.py --edges "$csv" --peer "$p" --measure "$m" --threads "$threads")"
      rc=$?
      set -e
      if [ $rc -eq 0 ]; then
        echo "$line" | tee -a "$out"
      else
        status=$([ $rc -eq 124 ] && echo timeout || echo "error-$rc")
        printf '{"peer": "%s", "measure": "%s", "nodes": %s, "edges_file": "%s", "threads": %s, "status": "%s", "timeout_seconds": %s}\n' \
          "$p" "$m" "$n" "$(basename "$csv")" "$([ "$p" = networkit ] && echo "$threads" || echo 1)" "$status" "$timeout_s" | tee -a "$out"
      fi
    done
  done
done
echo "run_peers: wrote $out" >&2
