#!/usr/bin/env bash
# What a whole process costs before it computes anything, beside igraph's PageRank compute alone on
# the seeded 10k-node network (the comparison issue 12 states for PageRank): /bin/true, a Swift
# program that prints one line (linked against the Swift runtime dynamically and statically), the
# same with Foundation, `backchannel --version` and `backchannel centrality --measure pagerank` on
# the 10k network. RUNS runs each (default 30), min and median, each as a ratio to igraph's compute.
#
#   bash Benchmarks/startup.sh              (after bash Benchmarks/setup_peers.sh and a release build)
#   STATIC=1 bash Benchmarks/startup.sh     also builds backchannel with --static-swift-stdlib
#                                           (into .build/static, about 2.5 minutes) and times it
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
name=startup
# shellcheck source=whole_process_setup.sh
. "$here/whole_process_setup.sh"

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
echo 'print("hello")' > "$tmp/print.swift"
printf 'import Foundation\nprint(URL(fileURLWithPath: "/tmp").path)\n' > "$tmp/foundation.swift"
for p in print foundation; do
  swiftc -O "$tmp/$p.swift" -o "$tmp/$p-dynamic"
  swiftc -O -static-stdlib "$tmp/$p.swift" -o "$tmp/$p-static" > "$tmp/$p-static.log" 2>&1 ||
    { cat "$tmp/$p-static.log" >&2; exit 1; }
done
static=()
if [ "${STATIC:-0}" = 1 ]; then
  swift build --package-path "$root" -c release --static-swift-stdlib --product backchannel \
    --scratch-path "$root/.build/static" > "$tmp/static-build.log" 2>&1 ||
    { cat "$tmp/static-build.log" >&2; exit 1; }
  static=("$root/.build/static/release/backchannel")
fi

igraph=""
for _ in 1 2 3 4 5; do
  s="$("$py" peers.py --edges "$edges" --peer igraph --measure pagerank | tail -1 |
    python3 -c "import json,sys; print(json.loads(sys.stdin.read())['compute_seconds'])")" ||
    { echo "startup: peers.py --peer igraph --measure pagerank failed" >&2; exit 1; }
  igraph="$igraph $s"
done

python3 - "${RUNS:-30}" "$tmp" "$cli" "$edges" "$igraph" "${static[@]}" <<'PY'
import statistics, subprocess, sys, time
runs, tmp, cli, edges, igraph = int(sys.argv[1]), sys.argv[2], sys.argv[3], sys.argv[4], sys.argv[5]
static = sys.argv[6:]
ig = statistics.median(float(x) for x in igraph.split())
pagerank = ["centrality", "--edges", edges, "--measure", "pagerank", "--format", "json"]
rows = [
    ("/bin/true", ["/bin/true"]),
    ("Swift print, runtime linked dynamically", [f"{tmp}/print-dynamic"]),
    ("Swift print, runtime linked statically", [f"{tmp}/print-static"]),
    ("Swift + Foundation, dynamically", [f"{tmp}/foundation-dynamic"]),
    ("Swift + Foundation, statically", [f"{tmp}/foundation-static"]),
    ("backchannel --version", [cli, "--version"]),
    ("backchannel centrality pagerank, 10k", [cli] + pagerank),
]
for s in static:
    rows += [("backchannel --version, static runtime", [s, "--version"]),
             ("backchannel centrality pagerank, 10k, static runtime", [s] + pagerank)]
print(f"igraph PageRank compute alone, 10k (median of 5): {ig * 1000:.2f} ms")
for name, cmd in rows:
    subprocess.run(cmd, stdout=subprocess.DEVNULL, check=True)  # warm the page cache
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        subprocess.run(cmd, stdout=subprocess.DEVNULL, check=True)
        times.append(time.perf_counter() - t)
    lo, med = min(times), statistics.median(times)
    print(f"{name:56s} min {lo * 1000:7.2f} ms  median {med * 1000:7.2f} ms  {med / ig:6.2f}x igraph's compute")
PY
