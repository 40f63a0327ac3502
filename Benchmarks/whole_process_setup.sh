# Sourced by per_core.sh and startup.sh, which set `here` (this folder) and `name` (for messages):
# the release CLI (`cli`), the peers' Python (`py`) and the seeded 10k-node network they time
# (`edges`, generated when missing), then the machine's load before the runs. Sets `root` too.
root="$(dirname "$here")"
cd "$here"
cli="$root/.build/release/backchannel"
py="$here/.venv/bin/python"
edges="data/actors-10000.csv"
[ -x "$cli" ] || { echo "$name: build first: swift build -c release --product backchannel" >&2; exit 1; }
[ -x "$py" ] || bash setup_peers.sh >&2
mkdir -p data
[ -f "$edges" ] || "$py" generate.py --nodes 10000 --seed 42 -o "$edges" >&2
python3 machine_load.py check >&2 || true
