#!/usr/bin/env bash
# The new analyses beside their peers: `channels`, `channels --every year`, `warnings` and
# `timeline` on MEND and PA-X, and `communities` on the 100k generated network, each as a whole
# process of the release `backchannel`, beside NetworkX's equivalents and igraph's where it has
# one (analyses_peers.py, on the same graph, checked against Backchannel's output), printing
# ratios (analyses_report.py). Every run goes through machine_load.py: REPEAT runs (default 3),
# the machine's load recorded, the spread (min, median, max) reported.
#
#   bash Benchmarks/analyses.sh [WHAT ...]      WHAT: mend paax communities (default: all three)
#
# Environment: REPEAT (3), LOAD_POLICY (spread | refuse), QUIET_MAX (0.15 cores),
# PEER_TIME_LIMIT (seconds a NetworkX or igraph channels run may take before it stops and
# extrapolates from the pairs done; default 60), TIMELINE_MEASURES ("betweenness pagerank"),
# NODES (the generated network for communities; 100000), SKIP_BUILD=1 (use the built binary).
# MEND and PA-X are derived from ../shared/data/peace-processes, which a clone does not have:
# without it they are skipped with a message.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$here")"
cd "$here"

what=("$@"); [ ${#what[@]} -gt 0 ] || what=(mend paax communities)
repeat="${REPEAT:-3}"
limit="${PEER_TIME_LIMIT:-60}"
measures="${TIMELINE_MEASURES:-betweenness pagerank}"
nodes="${NODES:-100000}"
bash setup_peers.sh >&2
if [ -z "${SKIP_BUILD:-}" ]; then
  swift build --package-path "$root" -c release --product backchannel >&2
fi
cli="$root/.build/release/backchannel"
py="$here/.venv/bin/python"
shared="$root/../shared/data/peace-processes"
mkdir -p data results
stamp="$(date +%Y%m%d-%H%M%S)"
out="results/analyses-$stamp.jsonl"
keep="results/analyses-$stamp"
mkdir -p "$keep"
echo "analyses: results in $out, outputs in $keep/" >&2

ml() { REPEAT="$repeat" "$py" machine_load.py run "$@" | tee -a "$out"; }

# One typed network: its counts checked against Backchannel's (degree of every node), then each
# analysis for Backchannel and the peers.
typed() {  # typed NAME FILE [--include-official]
  local name="$1" net="$2" official="${3:-}"
  local opt=()
  [ -n "$official" ] && opt=(--include-official)
  echo "analyses: $name ($net ${opt[*]:-})" >&2
  "$cli" centrality "$net" --measure degree --undirected --format json > "$keep/$name-degree.json"
  "$py" analyses_peers.py graph "$net" --degree "$keep/$name-degree.json" ${opt[@]+"${opt[@]}"} \
    | "$py" -c 'import json,sys; r=json.loads(sys.stdin.read()); r["kind"]="graph"; r["name"]=sys.argv[1]; print(json.dumps(r))' "$name" | tee -a "$out"

  for every in "" "--every year"; do
    local a=channels; [ -n "$every" ] && a=channels-every
    # shellcheck disable=SC2086
    ml --field tool=backchannel --field analysis=$a --field network="$name" --stdout "$keep/$name-$a.json" \
      -- "$cli" channels "$net" $every ${opt[@]+"${opt[@]}"} --format json
    for peer in networkx igraph; do
      # shellcheck disable=SC2086
      ml --child-json --field network="$name" -- "$py" analyses_peers.py channels "$net" --peer $peer ${every:+--every} \
        ${opt[@]+"${opt[@]}"} --check "$keep/$name-$a.json" --time-limit "$limit" > /dev/null
    done
  done

  ml --field tool=backchannel --field analysis=warnings --field network="$name" --stdout "$keep/$name-warnings.json" \
    -- "$cli" warnings "$net" --format json

  # timeline: the whole run, its floor (degree: the load and P snapshots with an O(n) measure), one
  # load (centrality --measure degree on the whole network), and P single `centrality --at YEAR` runs.
  local years
  years="$("$py" -c 'import json,sys; from analyses_peers import Network; lo,hi=Network(sys.argv[1]).span(); print(" ".join(map(str, range(lo, hi+1))))' "$net")"
  ml --field tool=backchannel --field analysis=load-once --field network="$name" \
    -- "$cli" centrality "$net" --measure degree --format json
  for m in degree $measures; do
    ml --field tool=backchannel --field analysis=timeline --field measure="$m" --field network="$name" --stdout "$keep/$name-timeline-$m.json" \
      -- "$cli" timeline "$net" --measure "$m" --format json
    ml --field tool=backchannel --field analysis=centrality-at-each-period --field measure="$m" --field network="$name" \
      --field periods="$(wc -w <<< "$years")" \
      -- bash -c 'cli="$1" net="$2" m="$3"; shift 3; for y in "$@"; do "$cli" centrality "$net" --measure "$m" --at "$y" --format json > /dev/null; done' \
      _ "$cli" "$net" "$m" $years
    [ "$m" = degree ] && continue
    for peer in networkx igraph; do
      [ "$peer" = igraph ] && [ "$m" = closeness ] && continue
      ml --child-json --field network="$name" -- "$py" analyses_peers.py timeline "$net" --peer $peer --measure "$m" --check "$keep/$name-timeline-$m.json" > /dev/null
    done
  done
}

for w in "${what[@]}"; do
  case "$w" in
    mend)
      if [ ! -f "$shared/mend_mediation_events_2706.csv" ]; then
        echo "analyses: SKIPPED mend: $shared/mend_mediation_events_2706.csv is absent (../shared is not in a clone)" >&2
        echo '{"kind": "skipped", "name": "mend", "reason": "../shared/data/peace-processes is absent"}' >> "$out"
        continue
      fi
      # convert refuses to overwrite an input but writes over its own earlier output.
      "$cli" convert "$shared/mend_mediation_events_2706.csv" data/mend.json --recipe "$root/Datasets/recipes/mend.toml" 2> "$keep/mend-convert.log"
      typed mend data/mend.json
      ;;
    paax)
      if [ ! -f "$shared/paax_signatories_links_table.csv" ]; then
        echo "analyses: SKIPPED paax: $shared/paax_signatories_links_table.csv is absent (../shared is not in a clone)" >&2
        echo '{"kind": "skipped", "name": "paax", "reason": "../shared/data/peace-processes is absent"}' >> "$out"
        continue
      fi
      python3 "$root/Datasets/derive_paax.py" "$shared/paax_signatories_links_table.csv" --output data/paax-signatories.json > "$keep/paax-derive.log"
      # PA-X's derivation has no party_to edges (channels finds no parties there); the benchmark
      # variant makes each party signatory a party to the agreement's process. Agreements only join
      # parties as intermediaries with --include-official (every tie runs actor - agreement).
      "$py" analyses_peers.py paax-parties data/paax-signatories.json -o data/paax-parties.json
      typed paax data/paax-parties.json --include-official
      ;;
    communities)
      csv="data/actors-$nodes.csv"
      [ -f "$csv" ] || "$py" generate.py --nodes "$nodes" --seed 42 -o "$csv" >&2
      ml --field tool=backchannel --field analysis=communities --field network="actors-$nodes" --stdout "$keep/communities-$nodes.json" \
        -- "$cli" communities --edges "$csv" --format json
      for peer in igraph networkx; do
        ml --child-json --field network="actors-$nodes" -- "$py" analyses_peers.py communities "$csv" --peer $peer --check "$keep/communities-$nodes.json" > /dev/null
      done
      ;;
    *) echo "analyses: unknown WHAT $w (mend, paax, communities)" >&2; exit 64 ;;
  esac
done

"$py" analyses_report.py "$out"
