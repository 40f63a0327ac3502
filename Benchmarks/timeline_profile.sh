#!/usr/bin/env bash
# The timeline split in instruction counts, which a loaded machine does not move: `backchannel
# timeline NET --measure M` under `valgrind --tool=callgrind`, and the inclusive instructions of
# each phase: reading the JSON, the CLI's node lookup, the whole-network compact graph the input
# builds, the temporal graph (built once), the P snapshots, the measure on them, and the output.
#
#   bash Benchmarks/timeline_profile.sh NET.json [MEASURE]      (default betweenness)
#
# Needs valgrind and the release build (built here, or BACKCHANNEL=path). Valgrind cannot read
# the release binary's debug information, so a copy with its debug sections stripped (its symbol
# table kept) is profiled. Worker threads' work is counted by the function it runs (the measure's
# closures), so the measure's figure adds the closures named after it.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$here")"
net="${1:?usage: timeline_profile.sh NET.json [MEASURE]}"
measure="${2:-betweenness}"
if [ -z "${BACKCHANNEL:-}" ]; then
  swift build --package-path "$root" -c release --product backchannel >&2
  BACKCHANNEL="$root/.build/release/backchannel"
fi
work="$(mktemp -d "${TMPDIR:-/tmp}/timeline-profile.XXXXXX")"
trap 'rm -rf "$work"' EXIT
strip --strip-debug -o "$work/backchannel" "$BACKCHANNEL"
valgrind --tool=callgrind --callgrind-out-file="$work/callgrind.out" \
  "$work/backchannel" timeline "$net" --measure "$measure" --format json -o "$work/timeline.json" 2> "$work/valgrind.log"
periods="$(python3 -c 'import json,sys; print(len(json.load(open(sys.argv[1]))["periods"]))' "$work/timeline.json")"
callgrind_annotate --inclusive=yes --threshold=100 "$work/callgrind.out" 2> /dev/null | swift demangle --simplified > "$work/annotated.txt"
python3 - "$work/annotated.txt" "$net" "$measure" "$periods" <<'PY'
import re, sys
path, net, measure, periods = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
rows = []
for line in open(path, encoding="utf-8", errors="replace"):
    m = re.match(r"\s*([\d,]+) \(\s*[\d.]+%\)\s+(.*)", line)
    if m:
        rows.append((int(m.group(1).replace(",", "")), m.group(2)))
total = next(n for n, name in rows if "PROGRAM TOTALS" in name)
def first(pattern):
    """The largest inclusive count of a function whose name matches (its outermost entry)."""
    found = [n for n, name in rows if re.search(pattern, name)]
    return max(found) if found else 0
name = {"betweenness": "BetweennessCentrality", "pagerank": "PageRank", "closeness": "ClosenessCentrality",
        "harmonic": "HarmonicCentrality", "degree": "DegreeCentrality"}.get(measure, measure)
# Worker-thread closures are not under Measure.compute's inclusive cost: add the outermost one.
closures = [n for n, nm in rows if nm.startswith("???:partial apply for closure") and name in nm]
phases = [
    ("read the JSON (Network.read)", first(r"static Network\.read\(json:")),
    ("node lookup (NodeLookup.init)", first(r"NodeLookup\.init\(_:where:\)")),
    ("whole-network compact graph (CompactGraph.init(_:filter:directed:))", first(r"\bCompactGraph\.init\(_:filter:directed:\)")),
    ("temporal graph, once (TemporalGraph.init)", first(r"TemporalGraph\.init\(_:filter:directed:\)")),
    (f"{periods} snapshots (TemporalGraph.snapshot)", first(r"TemporalGraph\.snapshot\(")),
    (f"the measure on {periods} snapshots (Measure.compute + worker closures)", first(r"Measure\.compute\(") + (max(closures) if closures else 0)),
    ("output (TimelineReport.render)", first(r"TimelineReport\.render\(")),
]
print(f"timeline {net} --measure {measure}: {periods} periods, {total:,} instructions in all (callgrind)")
for label, n in phases:
    print(f"  {label:<72} {n:>14,}  {100 * n / total:5.1f} %")
PY
