#!/usr/bin/env bash
# Installs what is missing for building and testing (scripts/fuzz.sh adds clang), builds with all
# warnings as errors, runs every test through ctest,
# then builds again with AddressSanitizer + UndefinedBehaviorSanitizer and runs the tests again,
# then runs collab analyze under ThreadSanitizer, then each libFuzzer target for a few seconds,
# then replays the corpora the fuzzers grew through the release build under valgrind.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
root=$(collab_root)
cd "$root"
collab_install_test

echo "== release build (warnings are errors) =="
collab_build build Release -DCOLLAB_WERROR=ON -DCOLLAB_TESTS=ON
(cd build && ctest --output-on-failure -j "$(nproc)")

echo "== ASan + UBSan build =="
collab_build build-asan Debug -DCOLLAB_WERROR=ON -DCOLLAB_TESTS=ON -DCOLLAB_SANITIZE=address,undefined
# LeakSanitizer is on by default with ASan; fontconfig's caches are process-lifetime, not leaks
# (tests/lsan.supp).
(cd build-asan && ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 \
    LSAN_OPTIONS="suppressions=$root/tests/lsan.supp:print_suppressions=0" \
    UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 ctest --output-on-failure -j "$(nproc)")
echo "== ThreadSanitizer: file parts read on threads, collab analyze (background path sweep, two output writers) =="
collab_build build-tsan Debug -DCOLLAB_WERROR=ON -DCOLLAB_SANITIZE=thread -DCOLLAB_TESTS=ON
TSAN_OPTIONS="halt_on_error=1 suppressions=$root/tests/tsan.supp" build-tsan/tests/unit/test_load_parts
tsan_out=$(mktemp -d)
for data in datasets/thom_russo.csv datasets/tango/tango_credits.csv; do
    TSAN_OPTIONS="halt_on_error=1 suppressions=$root/tests/tsan.supp" \
        build-tsan/collab analyze "$data" -o "$tsan_out/out" --approx 100 --no-progress \
        2>"$tsan_out/stderr" ||
        { cat "$tsan_out/stderr"; echo "collab: ThreadSanitizer run on $data failed"; exit 1; }
done
rm -rf "$tsan_out"
echo "== fuzzing, briefly (scripts/fuzz.sh SECONDS for longer runs) =="
bash scripts/fuzz.sh "${COLLAB_FUZZ_SECONDS:-15}"
echo "== the grown fuzz corpora through the release build under valgrind (uninitialised reads) =="
for target in csv build render query discogs; do
    valgrind -q --error-exitcode=99 --leak-check=full --show-leak-kinds=definite \
        --errors-for-leak-kinds=definite --suppressions=tests/valgrind.supp \
        "build/tests/replay_$target" "output/fuzz/corpus-$target" ||
        { echo "collab: memcheck error replaying the $target corpus (output/fuzz/corpus-$target)"; exit 1; }
done
echo "collab: all tests passed (release, ASan/UBSan and TSan builds, fuzz targets, corpora under valgrind)"
