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

# The writers that format blocks of rows, nodes and edges on several threads and write them in
# order: the CSV report and every export (with a layout, so that the nodes carry colours) give
# the bytes of one thread.
# --verbose times each file written (scripts/bench.sh reads these lines).
for threads in 1 3; do
    "$collab" report "$tango" --all --format csv --threads $threads --no-progress --verbose \
        -o "$work/report_$threads.csv" 2>"$work/verbose" ||
        fail "collab report --format csv --threads $threads exited with $?"
    grep -Eq "^collab:   report_$threads\.csv +[0-9]+\.[0-9]{3} s$" "$work/verbose" ||
        fail "report --verbose: no time of report_$threads.csv"
    for ext in gexf graphml gml json vos.json csv; do
        "$collab" export "$tango" --layout circle --threads $threads --no-progress --verbose \
            -o "$work/export_$threads.$ext" 2>"$work/verbose" ||
            fail "collab export $ext --threads $threads exited with $?"
        for written in "export_$threads.$ext" $([[ $ext != csv ]] || echo "export_$threads.edges.csv"); do
            grep -Eq "^collab:   ${written//./\\.} +[0-9]+\.[0-9]{3} s$" "$work/verbose" ||
                fail "export --verbose: no time of $written"
        done
    done
done
for f in report_%s.csv export_%s.gexf export_%s.graphml export_%s.gml export_%s.json \
    export_%s.vos.json export_%s.csv export_%s.edges.csv; do
    # shellcheck disable=SC2059  # f is the format
    one=$(printf "$f" 1) three=$(printf "$f" 3)
    [[ $(wc -c <"$work/$one") -gt 100000 ]] || fail "$one: too small to span several blocks"
    cmp -s "$work/$one" "$work/$three" || fail "$three differs from $one: $(cmp "$work/$one" "$work/$three")"
done
echo "ok: report.csv and the six exports: --threads 1 and --threads 3 byte-identical"

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

# Paired figures: a map coloured by year with --layout-from the first map's scene puts every node
# on the same point as the first (compared by name; the JSON rounds to 0.001 points), even with
# another seed, which would move every node of a fresh layout.
"$collab" map "$tango" --level nodes --no-progress -o "$work/pair_a.svg" \
    --scene "$work/pair_a.json" 2>>"$work/stderr" || fail "collab map --scene exited with $?"
"$collab" map "$tango" --level nodes --no-progress --color-by year --seed 7 \
    --layout-from "$work/pair_a.json" -o "$work/pair_b.svg" --scene "$work/pair_b.json" \
    2>"$work/pair.stderr" || fail "collab map --layout-from exited with $?"
python3 - "$work/pair_a.json" "$work/pair_b.json" <<'PY' || fail "map --layout-from: positions differ"
import json, sys
a, b = (json.load(open(p)) for p in sys.argv[1:3])
pa = {n["name"]: (n["x"], n["y"]) for n in a["nodes"]}
pb = {n["name"]: (n["x"], n["y"]) for n in b["nodes"]}
assert len(pa) == len(pb) == len(a["nodes"]) > 1000, (len(pa), len(pb))
moved = [k for k in pa if pa[k] != pb.get(k)]
assert not moved, f"{len(moved)} nodes moved, e.g. {moved[0]}: {pa[moved[0]]} -> {pb.get(moved[0])}"
assert a["nodes"][0]["color"] != b["nodes"][0]["color"] or a["legend"] != b["legend"]
PY
n=$(python3 -c 'import json,sys; print(len(json.load(open(sys.argv[1]))["nodes"]))' "$work/pair_a.json")
grep -q ": $n of $n nodes placed as there" "$work/pair.stderr" ||
    fail "map --layout-from: stderr does not say $n of $n matched: $(cat "$work/pair.stderr")"
echo "ok: map --color-by year --layout-from: all $n nodes at the first map's positions"
