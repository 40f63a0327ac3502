#!/usr/bin/env bash
# The benchmark: Backchannel beside igraph and NetworKit on the same seeded actor networks,
# printing the ratio backchannel/peer for every measure. Release build; 2 cores here.
#
#   bash Benchmarks/run.sh [SIZE ...]        (default: 1000 10000 100000 1000000)
#
# Per size it runs, for Backchannel (backchannel-bench, the nested package Benchmarks/Package.swift,
# in-process timing) and each peer
# (peers.py): load, degree, pagerank, sssp and betweenness-sampled (256 sources) everywhere
# but 1M (load and pagerank only), and exact betweenness, closeness and harmonic up to 10k.
# At 10k it also times whole processes: `backchannel centrality --edges F --measure M
# --format json` against python_whole_process.py (igraph). Results: Benchmarks/results/.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$here")"
cd "$here"

sizes=("$@"); [ ${#sizes[@]} -gt 0 ] || sizes=(1000 10000 100000 1000000)
bash setup_peers.sh >&2
# backchannel-bench is the nested package here (Benchmarks/Package.swift); the CLI is the main package's.
swift build --package-path "$here" -c release --product backchannel-bench >&2
swift build --package-path "$root" -c release --product backchannel >&2
bench="$here/.build/release/backchannel-bench"
cli="$root/.build/release/backchannel"
py="$here/.venv/bin/python"
mkdir -p data results
out="results/run-$(date +%Y%m%d-%H%M%S).jsonl"
seed=42

measures_for() {
  case "$1" in
    1000|10000) echo "load degree pagerank sssp betweenness-sampled betweenness closeness harmonic" ;;
    1000000) echo "load pagerank" ;;
    *) echo "load degree pagerank sssp betweenness-sampled" ;;
  esac
}

for n in "${sizes[@]}"; do
  csv="data/actors-$n.csv"
  [ -f "$csv" ] || "$py" generate.py --nodes "$n" --seed "$seed" -o "$csv" >&2
  for m in $(measures_for "$n"); do
    echo "bench: $n $m" >&2
    "$bench" --edges "$csv" --measure "$m" --samples 256 --seed 1 | tee -a "$out"
    for p in igraph networkit; do
      timeout 600 "$py" peers.py --edges "$csv" --peer "$p" --measure "$m" --threads "$(nproc)" --samples 256 --seed 1 | tee -a "$out" || true
    done
  done
done

# Whole processes at 10k: the CLI against a Python script that loads the CSV into igraph.
if printf '%s\n' "${sizes[@]}" | grep -qx 10000; then
  csv="data/actors-10000.csv"
  for m in pagerank closeness harmonic betweenness; do
    for tool in backchannel python-igraph; do
      start=$(date +%s.%N)
      if [ "$tool" = backchannel ]; then
        "$cli" centrality --edges "$csv" --measure "$m" --format json > /dev/null
      else
        "$py" python_whole_process.py --edges "$csv" --measure "$m" > /dev/null
      fi
      end=$(date +%s.%N)
      printf '{"peer": "%s", "measure": "%s", "nodes": 10000, "whole_process_seconds": %.6f}\n' "$tool" "$m" "$(echo "$end - $start" | bc)" | tee -a "$out"
    done
  done
fi

"$py" report.py "$out"
