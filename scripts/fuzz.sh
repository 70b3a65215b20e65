#!/usr/bin/env bash
# Builds the libFuzzer targets with clang (ASan + UBSan) into build-fuzz/ and runs each for
# SECONDS (default 60) on a copy of its seed corpus in tests/fuzz/corpus/<target>/, grown by the
# run and kept in output/fuzz/corpus-<target>/ (scripts/test.sh replays it under valgrind).
# A crash stops with the reproducer saved under output/fuzz/; add it to the corpus and to a
# regression test once fixed. Usage: scripts/fuzz.sh [SECONDS] [TARGET...]
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
root=$(collab_root)
cd "$root"
seconds=${1:-60}
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(csv build render query discogs)
collab_install_fuzz
CC=clang CXX=clang++ collab_build build-fuzz Debug -DCOLLAB_FUZZ=ON -DCOLLAB_TESTS=OFF \
    -DCOLLAB_WERROR=ON -DCOLLAB_SANITIZE=address,undefined >/dev/null
mkdir -p output/fuzz
for target in "${targets[@]}"; do
    work="output/fuzz/corpus-$target"
    rm -rf "$work"
    mkdir -p "$work"
    cp -r "tests/fuzz/corpus/$target/." "$work/"
    echo "fuzz: $target for ${seconds}s"
    if ! ASAN_OPTIONS=detect_leaks=1 \
        LSAN_OPTIONS="suppressions=$root/tests/lsan.supp:print_suppressions=0" \
        "build-fuzz/tests/fuzz/fuzz_$target" -max_total_time="$seconds" -timeout=10 \
        -rss_limit_mb=2048 -max_len=4096 -artifact_prefix="output/fuzz/${target}-" \
        -print_final_stats=1 "$work" >"output/fuzz/$target.log" 2>&1; then
        tail -n 40 "output/fuzz/$target.log"
        echo "fuzz: $target found a failure (reproducer in output/fuzz/)" >&2
        exit 1
    fi
    grep -E "stat::number_of_executed_units|stat::new_units_added" "output/fuzz/$target.log" | \
        sed "s/^/fuzz: $target: /"
done
echo "fuzz: no failures"
