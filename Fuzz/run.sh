#!/bin/sh
# Coverage-guided fuzzing of the readers with libFuzzer and AddressSanitizer.
#
#   Fuzz/run.sh TARGET [ITERATIONS]     TARGET: json, csv or graphml; ITERATIONS defaults to 2000
#
# Builds BackchannelModel and BackchannelFormats (without the bundled datasets) instrumented with
# `swiftc -sanitize=fuzzer,address`, then runs Fuzz/Targets/TARGET.swift for a fixed number of
# inputs (never a time), starting from the committed corpus Fuzz/Corpus/TARGET. New inputs libFuzzer
# finds go to .build/fuzz/found-TARGET, not into the committed corpus. A crash leaves a
# crash-… file in the current directory: commit it to Fuzz/Corpus/TARGET and add a regression test.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
target=${1:?usage: Fuzz/run.sh json|csv|graphml [ITERATIONS]}
runs=${2:-2000}
[ -f "$here/Targets/$target.swift" ] || { echo "no target $target (json, csv, graphml)" >&2; exit 64; }
build="$root/.build/fuzz"
mkdir -p "$build" "$build/found-$target"
flags="-sanitize=fuzzer,address -parse-as-library -enable-testing -Onone -g -swift-version 6"

stamp="$build/.sources"
# The recipe reader needs TOMLKit (a package dependency); it is not a fuzz target, so it stays out.
sources=$(cd "$root" && find Sources/BackchannelModel Sources/BackchannelFormats -name '*.swift' ! -name 'Network+Bundled.swift' ! -name 'Recipe*.swift' | sort)
if [ ! -f "$build/libBackchannelFormats.a" ] || [ -n "$(cd "$root" && find $sources -newer "$stamp" 2>/dev/null)" ]; then
    echo "building instrumented BackchannelModel and BackchannelFormats…" >&2
    (cd "$root" && swiftc $flags -module-name BackchannelModel -emit-module -emit-module-path "$build/BackchannelModel.swiftmodule" \
        -emit-library -static -o "$build/libBackchannelModel.a" $(echo "$sources" | grep '^Sources/BackchannelModel/'))
    (cd "$root" && swiftc $flags -module-name BackchannelFormats -I "$build" -emit-module -emit-module-path "$build/BackchannelFormats.swiftmodule" \
        -emit-library -static -o "$build/libBackchannelFormats.a" $(echo "$sources" | grep '^Sources/BackchannelFormats/'))
    touch "$stamp"
fi
swiftc $flags -I "$build" "$here/Targets/$target.swift" "$build/libBackchannelFormats.a" "$build/libBackchannelModel.a" -o "$build/fuzz-$target"
LSAN_OPTIONS="suppressions=$here/lsan.supp${LSAN_OPTIONS:+:$LSAN_OPTIONS}" \
    "$build/fuzz-$target" -runs="$runs" -max_len=65536 -rss_limit_mb=2048 -timeout=20 "$build/found-$target" "$here/Corpus/$target"
