#!/usr/bin/env bash
# Draws docs/paax-communities.svg and docs/mend-communities.svg: PA-X's signatory network and MEND's
# mediation events, each collapsed to its Louvain communities (`render --communities`, seed 0).
# Run from the repository root. It derives both networks from the copies in
# ../shared/data/peace-processes/ into a temporary folder (the derived data stays uncommitted; see
# docs/README.md for the terms) and renders only the pictures.
#   BACKCHANNEL=path/to/backchannel docs/peace-process-pictures.sh
# BACKCHANNEL defaults to .build/release/backchannel (`swift build -c release`).
set -euo pipefail

say() { printf 'peace-process-pictures: %s\n' "$*" >&2; }

if [ ! -f Package.swift ] || [ ! -d docs ]; then
  say "run this from the repository root (docs/peace-process-pictures.sh)"
  exit 64
fi

shared=../shared/data/peace-processes
paax_csv=$shared/paax_signatories_links_table.csv
mend_csv=$shared/mend_mediation_events_2706.csv
for f in "$paax_csv" "$mend_csv"; do
  if [ ! -f "$f" ]; then
    say "$f is missing: the pictures need the PA-X and MEND copies in $shared (see its MANIFEST.md)"
    exit 66
  fi
done

bc=${BACKCHANNEL:-.build/release/backchannel}
if [ ! -x "$bc" ]; then
  say "$bc is not an executable: build it with 'swift build -c release' or set BACKCHANNEL"
  exit 69
fi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# PA-X: the derived network the README describes (2,887 nodes, 8,572 edges).
if ! python3 Datasets/derive_paax.py "$paax_csv" --output "$tmp/paax.json" >"$tmp/derive.log" 2>&1; then
  cat "$tmp/derive.log" >&2
  say "deriving PA-X failed (see above)"
  exit 65
fi
# MEND: the network of Datasets/recipes/mend.toml (3,638 nodes, 13,043 edges).
"$bc" convert "$mend_csv" "$tmp/mend.json" --recipe Datasets/recipes/mend.toml 2>"$tmp/convert.log" || {
  cat "$tmp/convert.log" >&2
  say "converting MEND failed (see above)"
  exit 65
}

# Engine: twopi, the smallest layout of the ones that give the same bytes on every run (dot, neato,
# sfdp, circo and twopi do; Graphviz 2.43's fdp does not, even with start=1), with the largest
# community in the middle. On PA-X's 33 communities twopi is 2,118 x 1,795 pt (neato 2,113 x 2,176,
# sfdp 2,595 x 2,435, dot 3,512 x 3,485, circo 4,242 x 4,094); on MEND's 13, 1,734 x 1,689 (circo
# 1,672 x 1,712, neato 1,841 x 2,475, sfdp 2,421 x 2,054, dot 3,078 x 1,636).
"$bc" render "$tmp/paax.json" --communities --engine twopi -o docs/paax-communities.svg
# --dated-only leaves out MEND's 193 event rows with no date, country or party (ids -1 to -193):
# they have no tie, and each would be a community of one (205 communities instead of 13).
"$bc" render "$tmp/mend.json" --communities --dated-only --engine twopi -o docs/mend-communities.svg

say "wrote docs/paax-communities.svg and docs/mend-communities.svg"
