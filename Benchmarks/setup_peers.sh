#!/usr/bin/env bash
# Creates Benchmarks/.venv with the peer libraries (igraph, NetworKit) that the
# benchmark compares Backchannel against. Idempotent: re-running it only
# installs what is missing or at a different version.
#
# Usage: bash Benchmarks/setup_peers.sh            (from anywhere)
#        PYTHON=python3.12 bash Benchmarks/setup_peers.sh
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
venv="$here/.venv"
python="${PYTHON:-python3}"

# Pinned: the versions verified to install and import on Linux x86_64, CPython 3.11.
pins=(
  "igraph==1.0.0"
  "networkit==11.3"
  "numpy==2.4.6"
  "pandas==3.1.1"
  # NetworkX is the reference definition the measures are normalized to; it is
  # a peer only for checking scores on small graphs (it is pure Python).
  "networkx==3.6.1"
  "scipy==1.17.1"
)

if [ ! -x "$venv/bin/python" ]; then
  echo "setup_peers: creating $venv" >&2
  "$python" -m venv "$venv"
fi

"$venv/bin/python" -m pip install --quiet --disable-pip-version-check "${pins[@]}"

"$venv/bin/python" - <<'PY'
import igraph, networkit, networkx, numpy, pandas, scipy
print(f"setup_peers: igraph {igraph.__version__}, networkit {networkit.__version__}, "
      f"networkx {networkx.__version__}, numpy {numpy.__version__}, "
      f"pandas {pandas.__version__}, scipy {scipy.__version__}")
PY
