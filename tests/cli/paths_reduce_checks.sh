#!/usr/bin/env bash
# The exact reductions of the path sweep (issue 21: degree-one vertices folded into their
# neighbour, twins counted once; engine/src/paths_reduce.c) on generated credit files (10,000
# rows, three seeds) and the tango credits: the reduced sweep against the plain one of every
# source to 1e-12 relative (test_paths_reduce), and collab report --exact against python-igraph
# to 1e-9 (check_paths_igraph.py).
# Usage: paths_reduce_checks.sh COLLAB PYTHON TEST_PATHS_REDUCE SOURCE_DIR
set -u
collab=$(realpath "$1")
python=$2
unit=$(realpath "$3")
src=$(realpath "$4")
. "$(dirname "$(realpath "$0")")/checks_lib.sh"
files=()
for seed in 1 2 3; do
    "$python" "$src/scripts/gen_credits" --rows 10000 --seed "$seed" >"$work/gen$seed.csv" ||
        fail "gen_credits --seed $seed exited $?"
    files+=("$work/gen$seed.csv")
done
"$unit" "${files[@]}" "$src/datasets/tango/tango_credits.csv" >"$work/unit.out" 2>&1 ||
    { cat "$work/unit.out"; fail "reduced and plain sweeps differ"; }
"$python" "$src/tests/oracle/check_paths_igraph.py" "$collab" "${files[@]}" \
    "$src/datasets/thom_russo.csv" "$src/datasets/tango/tango_credits.csv" || fail "collab and igraph differ"
checks_done paths_reduce
