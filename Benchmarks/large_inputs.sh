#!/usr/bin/env bash
# Speed on large inputs, measured here rather than asserted in unit tests (a loaded machine makes
# wall-time assertions flaky): 1 MB labels through every writer and reader, and large networks
# loaded from JSON (indented and on one line), GraphML and CSV sheets. Prints one line per step:
# seconds, input and output bytes. A step that takes longer than TIMEOUT seconds (default 300) is
# stopped and reported as such. Each step runs REPEAT times (default 3) through machine_load.py:
# the median with (min–max), and "loaded" where other processes used a core meanwhile.
#
#   bash Benchmarks/large_inputs.sh [NODES]      (default 10000; the large network has ~3 edges a node)
#
# Uses the release build of `backchannel` (built here), or BACKCHANNEL=path/to/backchannel.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$here")"
nodes="${1:-10000}"
limit="${TIMEOUT:-300}"
if [ -z "${BACKCHANNEL:-}" ]; then
  swift build --package-path "$root" -c release --product backchannel >&2
  BACKCHANNEL="$root/.build/release/backchannel"
fi
work="$(mktemp -d "${TMPDIR:-/tmp}/backchannel-large.XXXXXX")"
trap 'rm -rf "$work"' EXIT

python3 - "$work" "$nodes" <<'PY'
import json, random, sys
work, n = sys.argv[1], int(sys.argv[2])
# The unit tests' TestNetworks.huge(): labels and descriptions of about a megabyte each, full of
# characters every format must escape.
big = "Ø<&\"peace\" " * (1_048_576 // 12)
huge = {"directed": True, "multigraph": True, "graph": {"name": "huge"},
        "nodes": [{"id": "a", "label": big, "kind": "convener", "description": big}, {"id": "b", "kind": "dialogue"}],
        "edges": [{"source": "a", "target": "b", "relation": "convenes", "description": big}]}
json.dump(huge, open(f"{work}/huge.json", "w"), ensure_ascii=False, indent=2)
rng = random.Random(42)
kinds = ["convener", "participant", "official", "dialogue"]
nodes = [{"id": f"actor-{i}", "label": f"Actor number {i}", "kind": kinds[i % 4]} for i in range(n)]
edges = [{"source": f"actor-{rng.randrange(n)}", "target": f"actor-{rng.randrange(n)}", "relation": "partners_with"}
         for _ in range(3 * n)]
large = {"directed": True, "multigraph": True, "graph": {"name": "large"}, "nodes": nodes, "edges": edges}
json.dump(large, open(f"{work}/large.json", "w"), indent=2)
# The same network on one line, as NetworkX's json.dumps and most web tools write it.
json.dump(large, open(f"{work}/large-oneline.json", "w"), separators=(",", ":"))
PY

size() { stat -c %s "$1" 2>/dev/null || echo 0; }
repeat="${REPEAT:-3}"
step() {  # step LABEL INPUT OUTPUT COMMAND...: REPEAT runs through machine_load.py, median (min–max)
  local label="$1" input="$2" output="$3"; shift 3
  local record
  record="$(REPEAT="$repeat" python3 "$here/machine_load.py" run -- timeout "$limit" "$@" 2> /dev/null)"
  python3 - "$label" "$(size "$input")" "$(size "$output")" "$limit" "$record" <<'PY'
import json, sys
label, size_in, size_out, limit, record = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4], json.loads(sys.argv[5])
machine = record["machine"]
if record.get("status") == "failed":
    lo = mid = hi = record["seconds"]
    note = f"  STOPPED after {limit} s" if record.get("exit") == 124 else f"  FAILED (exit {record.get('exit')})"
else:
    lo, mid, hi = record["spread"]["whole_process_seconds"]
    note = ""
loaded = f"  loaded ({max(machine['foreign_cores']):.1f} other cores)" if machine["loaded_runs"] else ""
print(f"{label:<44} {mid:9.3f} s ({lo:.3f}–{hi:.3f})  in {size_in:10d} B  out {size_out:10d} B{note}{loaded}")
PY
}

bc_="$BACKCHANNEL"
w="$work"
echo "large inputs: $("$bc_" --version 2>/dev/null || echo backchannel), $nodes nodes, $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), $repeat runs a step"
python3 "$here/machine_load.py" check --seconds 1 --brief || true
step "1 MB labels: JSON -> GraphML"          "$w/huge.json"      "$w/huge.graphml"  "$bc_" convert "$w/huge.json" "$w/huge.graphml"
step "1 MB labels: JSON -> GEXF"             "$w/huge.json"      "$w/huge.gexf"     "$bc_" convert "$w/huge.json" "$w/huge.gexf"
step "1 MB labels: JSON -> CSV sheets"       "$w/huge.json"      "$w/huge-edges.csv" "$bc_" convert "$w/huge.json" "$w/huge-edges.csv"
step "1 MB labels: JSON -> DOT"              "$w/huge.json"      "$w/huge.dot"      "$bc_" convert "$w/huge.json" "$w/huge.dot"
step "1 MB labels: GraphML -> JSON"          "$w/huge.graphml"   "$w/huge-back.json" "$bc_" convert "$w/huge.graphml" "$w/huge-back.json"
step "1 MB labels: CSV sheets -> JSON"       "$w/huge-edges.csv" "$w/huge-csv.json" "$bc_" convert "$w/huge-edges.csv" "$w/huge-csv.json"
step "large: validate JSON (indented)"       "$w/large.json"     /dev/null          "$bc_" validate "$w/large.json"
step "large: validate JSON (one line)"       "$w/large-oneline.json" /dev/null      "$bc_" validate "$w/large-oneline.json"
step "large: JSON -> GraphML"                "$w/large.json"     "$w/large.graphml" "$bc_" convert "$w/large.json" "$w/large.graphml"
step "large: JSON -> CSV sheets"             "$w/large.json"     "$w/large-edges.csv" "$bc_" convert "$w/large.json" "$w/large-edges.csv"
step "large: GraphML -> JSON"                "$w/large.graphml"  "$w/large-g.json"  "$bc_" convert "$w/large.graphml" "$w/large-g.json"
step "large: CSV sheets -> JSON"             "$w/large-edges.csv" "$w/large-c.json" "$bc_" convert "$w/large-edges.csv" "$w/large-c.json"
step "large: info (GraphML)"                 "$w/large.graphml"  /dev/null          "$bc_" info "$w/large.graphml"
