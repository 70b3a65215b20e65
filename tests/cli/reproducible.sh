#!/usr/bin/env bash
# Same input, same options, same seed: the same numbers, whatever the thread count and however
# the threads are scheduled. Runs on the tango graph (22 MB), large enough to be read in parts on
# several threads, for igraph's PageRank to use several OpenMP threads (whose reductions once
# changed the last digits from run to run) and for the path sweep to use every worker. --threads
# sets the readers, the projection, the sweep and the layout at once. Usage: reproducible.sh COLLAB_BINARY DATASETS_DIR
set -u
collab=$(realpath "$1")
datasets=$(realpath "$2")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
tango=$datasets/tango/tango_credits.csv

report() {   # report OUT ARGS...: the full JSON report of every node
    local out=$1
    shift
    "$collab" report "$tango" --all --format json --no-progress "$@" -o "$work/$out" 2>>"$work/stderr" ||
        fail "collab report $* exited with $?"
}
for args in "" "--approx 300" "--path-weights inverse --approx 300"; do
    # shellcheck disable=SC2086  # args is a list of options
    report a.json $args
    report b.json $args
    report c.json --threads 1 $args
    report d.json --threads 3 $args
    for other in b c d; do
        cmp -s "$work/a.json" "$work/$other.json" ||
            fail "options '$args': run $other differs from run a: $(cmp "$work/a.json" "$work/$other.json")"
    done
    grep -q '"pagerank"' "$work/a.json" || fail "options '$args': no PageRank in the report"
    echo "ok: options '${args:-(default)}': 4 runs (2 default, --threads 1, --threads 3) byte-identical"
done

# The map: the layout and everything drawn, with one thread and with several.
for level in communities nodes; do
    for threads in 1 3; do
        "$collab" map "$tango" --level $level --threads $threads --no-progress \
            -o "$work/map_$threads.svg" 2>>"$work/stderr" ||
            fail "collab map --level $level --threads $threads exited with $?"
    done
    "$collab" map "$tango" --level $level --no-progress -o "$work/map_default.svg" 2>>"$work/stderr" ||
        fail "collab map --level $level exited with $?"
    for threads in 1 3; do
        cmp -s "$work/map_default.svg" "$work/map_$threads.svg" ||
            fail "map --level $level: --threads $threads differs from the default"
    done
    echo "ok: map --level $level: default, --threads 1 and --threads 3 byte-identical"
done
