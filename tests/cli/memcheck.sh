#!/usr/bin/env bash
# Every command under valgrind memcheck on one dataset: summary, report, communities, map, ego,
# path, distance, roles, slices, export and analyze, with ego, path and distance also given
# misspelt, accent-variant, case-variant, first-name-only, blank, empty and unknown names. Any
# memcheck error (uninitialised reads, invalid reads or writes, bad frees, definite leaks) fails,
# whatever the command's own exit status; the exit status must still be the one expected (0 found,
# 2 not found).
# AddressSanitizer does not see reads of uninitialised memory; this is the test that does.
# Usage: memcheck.sh COLLAB DATASET PERSON OTHER SLICES [extra options for costly commands]
#   SLICES is slices' --by value (a wide window keeps a large file's run short).
# Set COLLAB_MEMCHECK_FLAGS=--track-origins=yes to see where an uninitialised value came from.
set -u
collab=$(realpath "$1")
data=$(realpath "$2")
person=$3
other=$4
slices_by=$5
shift 5
bounded=("$@")
valgrind=${COLLAB_VALGRIND:-valgrind}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failures=0
count=0

# The person's name with one letter doubled, in capitals, and with its first vowel accented.
misspelt=$(printf '%s' "$person" | sed -E 's/(.)(.)$/\1\1\2/')
upper=$(printf '%s' "$person" | tr '[:lower:]' '[:upper:]')
accented=$(printf '%s' "$person" | sed -E '0,/[aeiou]/s//&\xcc\x81/')

# check STATUS ARGS...: runs collab ARGS under memcheck and expects exit status STATUS.
check() {
    local expected=$1
    shift
    count=$((count + 1))
    "$valgrind" -q --error-exitcode=99 --leak-check=full --show-leak-kinds=definite \
        --errors-for-leak-kinds=definite ${COLLAB_MEMCHECK_FLAGS:-} \
        --suppressions="$(dirname "$(realpath "$0")")/../valgrind.supp" \
        "$collab" "$@" >"$work/stdout" 2>"$work/stderr"
    local status=$?
    if [ "$status" != "$expected" ]; then
        failures=$((failures + 1))
        echo "FAIL (exit $status, expected $expected): collab $*"
        head -n 60 "$work/stderr"
    elif [ "$expected" = 2 ] && ! grep -qE "^collab: (no one named '|the name to find is empty)" \
        "$work/stderr"; then
        failures=$((failures + 1))
        echo "FAIL (not the lookup error): collab $*"
        head -n 5 "$work/stderr"
    fi
}

check 0 summary "$data"
check 0 report "$data" --top 10 "${bounded[@]}"
check 0 report "$data" --all --format json -o "$work/report.json" "${bounded[@]}"
check 0 communities "$data" "${bounded[@]}"
check 0 map "$data" -o "$work/map.png" "${bounded[@]}"
check 0 map "$data" -o "$work/map.svg" --color-by role "${bounded[@]}"
check 0 roles "$data"
check 0 slices "$data" -o "$work/slices" --by "$slices_by" "${bounded[@]}"
check 0 export "$data" -o "$work/network.gexf" "${bounded[@]}"
check 0 analyze "$data" -o "$work/all" "${bounded[@]}"
for name in "$person" "$upper" "$accented"; do
    check 0 ego "$data" "$name"
    check 0 path "$data" "$name" "$other"
    check 0 distance "$data" "$name"
done
# The input paths of issue 17 and the scope of issue 18: compressed, UTF-16, lists in a cell, a
# wide sheet, the scope options.
gzip -c "$data" >"$work/data.csv.gz"
python3 -c 'import sys; d = open(sys.argv[1], encoding="utf-8").read(); open(sys.argv[2], "wb").write(b"\xff\xfe" + d.encode("utf-16-le"))' "$data" "$work/data16.csv"
check 0 summary "$work/data.csv.gz"
check 0 summary "$work/data16.csv"
check 0 summary "$data" --split-people ' / ' --component largest --min-degree 2
check 0 summary "$data" --wide --person-cols 1 --project-col 2 --min-credits 2 --min-component-size 3
check 0 names "$data"
check 0 ego "$data" "$person" --radius 2 -o "$work/ego.png"
check 0 path "$data" "$person" "$other" --all -o "$work/path.svg"
# The person's first name alone, which others share: on tango ('Aníbal') the five suggestions
# fill up, the branch where issue 15's unwritten slot was read (path_unknown_name never gets there).
given=${person%% *}
[ "$given" != "$person" ] || given=$misspelt
for name in "$misspelt" "$given" "" "   " "Nobody Anywhere Zzyzx" "$person$person$person$person"; do
    check 2 ego "$data" "$name"
    check 2 path "$data" "$name" "$other"
    check 2 path "$data" "$other" "$name"
    check 2 distance "$data" "$name"
done
echo "$count commands under memcheck on $(basename "$data"), $failures failed"
[ "$failures" = 0 ]
