#!/usr/bin/env bash
# The benchmark: Backchannel beside igraph and NetworKit on the same seeded actor networks,
# printing the ratio backchannel/peer for every measure. Release build; 2 cores here.
#
#   bash Benchmarks/run.sh [SIZE ...]        (default: 1000 10000 100000 1000000)
#   SIZES=10000 MEASURES=betweenness,pagerank bash Benchmarks/run.sh     (a subset: a short quiet-window run)
#
# Per size it runs, for Backchannel (backchannel-bench, the nested package Benchmarks/Package.swift,
# in-process timing) and each peer
# (peers.py): load, degree, pagerank, sssp and betweenness-sampled (256 sources) everywhere
# but 1M (load and pagerank only), exact betweenness up to 10k, and exact closeness and harmonic
# up to 100k (at 100k beside EXACT_100K_PEERS only, default networkit: igraph takes many minutes).
# At 10k it also times whole processes: `backchannel centrality --edges F --measure M
# --format json` against python_whole_process.py (igraph). Results: Benchmarks/results/.
#
# Every figure goes through machine_load.py: REPEAT runs (default 3), the machine's load recorded
# (/proc/loadavg, each core's busy share from /proc/stat before and during each run, and the CPU
# other processes used meanwhile), and the spread (min, median, max) reported. LOAD_POLICY=refuse
# takes a loaded run again (up to RETRIES more) and reports the figure as REFUSED when too few
# runs were quiet; QUIET_MAX (default 0.15 cores) is the limit. SIZES and MEASURES (comma- or
# space-separated) choose a subset; MEASURES applies to every size (whole processes at 10k
# included) and is intersected with what each size runs; WHOLE=0 skips the whole processes;
# PEERS (default "igraph networkit") chooses the peers.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$here")"
cd "$here"

sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || read -r -a sizes <<< "${SIZES:-1000 10000 100000 1000000}"
sizes=(${sizes[@]//,/ })
only="${MEASURES:-}"; only="${only//,/ }"
peers="${PEERS:-igraph networkit}"; peers="${peers//,/ }"
repeat="${REPEAT:-3}"
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
  local all
  case "$1" in
    1000|10000) all="load degree pagerank sssp betweenness-sampled betweenness closeness harmonic" ;;
    100000) all="load degree pagerank sssp betweenness-sampled closeness harmonic" ;;
    1000000) all="load pagerank" ;;
    *) all="load degree pagerank sssp betweenness-sampled" ;;
  esac
  if [ -z "$only" ]; then echo "$all"; return; fi
  for m in $all; do
    for o in $only; do [ "$m" = "$o" ] && echo "$m"; done
  done
}
selected() {  # selected MEASURE: whether MEASURES (if given) names it
  [ -z "$only" ] && return 0
  for o in $only; do [ "$1" = "$o" ] && return 0; done
  return 1
}
ml() { REPEAT="$repeat" "$py" machine_load.py run "$@" | tee -a "$out"; }
echo "run: results in $out; $("$py" machine_load.py check --seconds 1 --brief || true)" >&2

for n in "${sizes[@]}"; do
  csv="data/actors-$n.csv"
  [ -f "$csv" ] || "$py" generate.py --nodes "$n" --seed "$seed" -o "$csv" >&2
  for m in $(measures_for "$n"); do
    echo "bench: $n $m" >&2
    metric=compute_seconds; [ "$m" = load ] && metric=load_seconds
    ml --child-json --metric "$metric" -- "$bench" --edges "$csv" --measure "$m" --samples 256 --seed 1
    for p in $peers; do
      # Exact closeness and harmonic at 100k take igraph many minutes: only EXACT_100K_PEERS
      # (default networkit) run them.
      if [ "$n" = 100000 ] && { [ "$m" = closeness ] || [ "$m" = harmonic ]; }; then
        case " ${EXACT_100K_PEERS:-networkit} " in *" $p "*) ;; *) continue ;; esac
      fi
      ml --child-json --metric "$metric" -- timeout 600 "$py" peers.py --edges "$csv" --peer "$p" --measure "$m" --threads "$(nproc)" --samples 256 --seed 1
    done
  done
done

# Whole processes at 10k: the CLI against a Python script that loads the CSV into igraph.
if [ "${WHOLE:-1}" != 0 ] && printf '%s\n' "${sizes[@]}" | grep -qx 10000; then
  csv="data/actors-10000.csv"
  for m in pagerank closeness harmonic betweenness; do
    selected "$m" || continue
    ml --field peer=backchannel --field measure="$m" --field nodes=10000 \
      -- "$cli" centrality --edges "$csv" --measure "$m" --format json
    ml --field peer=python-igraph --field measure="$m" --field nodes=10000 \
      -- "$py" python_whole_process.py --edges "$csv" --measure "$m"
  done
fi

"$py" report.py "$out"
