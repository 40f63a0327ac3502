#!/usr/bin/env bash
# Installs what Backchannel needs on a Debian/Ubuntu machine with Swift 6 already present:
# Graphviz's C libraries and headers (libgraphviz-dev, with the graphviz plugins for SVG/PNG/PDF),
# xmllint (libxml2-utils) for schema checks of written GraphML and GEXF, and NetworkX for the
# reference scripts. Safe to run again: it installs only what is missing.
set -euo pipefail

say() { printf 'setup: %s\n' "$*" >&2; }

if ! command -v swift >/dev/null 2>&1; then
  say "Swift 6 is required (https://www.swift.org/install/); it is not on PATH."
  exit 1
fi

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; elif command -v sudo >/dev/null 2>&1; then sudo "$@"; else
    say "need root to run: $*"; exit 1
  fi
}

missing=()
pkg-config --exists libgvc 2>/dev/null || missing+=(libgraphviz-dev)
command -v dot >/dev/null 2>&1 || missing+=(graphviz)
command -v pkg-config >/dev/null 2>&1 || missing+=(pkg-config)
command -v xmllint >/dev/null 2>&1 || missing+=(libxml2-utils)
if [ ${#missing[@]} -gt 0 ]; then
  say "installing ${missing[*]}"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi

if ! python3 -c 'import networkx' >/dev/null 2>&1; then
  say "installing networkx (for Datasets/check_history.py and the reference scripts)"
  python3 -m pip install --quiet networkx || as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-networkx >/dev/null
fi

say "Graphviz $(pkg-config --modversion libgvc), $(swift --version 2>/dev/null | head -n 1)"
