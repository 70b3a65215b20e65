#!/usr/bin/env bash
# Golden-file tests (igraph tests/unit/*.out style): runs every case of tests/golden/cases.txt
# and compares what it writes, byte for byte, with the expected file under tests/golden/. Any
# difference fails and is shown as `diff -u expected actual`; so does a non-zero exit status,
# anything on standard error, a file written that has no golden, and a golden no case writes.
#
# Usage: check.sh COLLAB_BINARY            compare
#        check.sh --update COLLAB_BINARY   rewrite the goldens from COLLAB_BINARY (what
#                                          scripts/update-golden.sh calls; review the diff)
#
# Commands run from the repository root with relative input paths, so the input names echoed in
# the outputs are the same on every machine, with SOURCE_DATE_EPOCH, TZ and the locale fixed.
set -u
update=0
if [ "${1:-}" = "--update" ]; then
    update=1
    shift
fi
if [ $# -ne 1 ]; then
    echo "usage: check.sh [--update] COLLAB_BINARY" >&2
    exit 2
fi
collab=$(realpath "$1")
golden=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$golden/../.." && pwd)
cd "$root" || exit 1
export SOURCE_DATE_EPOCH=1700000000 TZ=UTC LC_ALL=C

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failures=0
cases=0
declare -A produced=()

fail() {
    echo "FAIL $*"
    failures=$((failures + 1))
}

# compare GOLDEN ACTUAL: diff (check) or copy (update) one output.
compare() {
    local expected=$golden/$1 actual=$2
    produced[$1]=1
    if [ $update = 1 ]; then
        mkdir -p "$(dirname "$expected")"
        cmp -s "$actual" "$expected" 2>/dev/null || cp "$actual" "$expected"
    elif [ ! -f "$expected" ]; then
        fail "$1: no golden file (run scripts/update-golden.sh)"
    elif ! diff -u "$expected" "$actual" >"$work/diff"; then
        fail "$1 differs:"
        # diff names the actual side by its temporary path: relabel it.
        sed -e "2s|^+++ [^	]*|+++ actual|" "$work/diff"
    fi
}

while IFS= read -r line || [ -n "$line" ]; do
    case "$line" in '' | '#'*) continue ;; esac
    name=${line%%[[:space:]]*}
    eval "set -- ${line#"$name"}"
    cases=$((cases + 1))
    produced[$name]=1 # named by a case, even if the run fails below
    out_dir=$work/case$cases
    mkdir "$out_dir"
    writes_file=0
    args=()
    for a in "$@"; do
        if [ "$a" = "@OUT@" ]; then
            a=$out_dir/$(basename "$name")
            writes_file=1
        fi
        args+=("$a")
    done
    "$collab" "${args[@]}" <"/dev/null" >"$work/stdout" 2>"$work/stderr"
    status=$?
    if [ $status != 0 ]; then
        fail "$name: 'collab ${args[*]}' exited $status"
        cat "$work/stderr"
        continue
    fi
    if [ -s "$work/stderr" ]; then
        fail "$name: 'collab ${args[*]}' wrote to standard error:"
        cat "$work/stderr"
    fi
    if [ $writes_file = 0 ]; then
        compare "$name" "$work/stdout"
        continue
    fi
    if [ -s "$work/stdout" ]; then
        fail "$name: 'collab ${args[*]}' wrote to standard output:"
        head -c 2000 "$work/stdout"
    fi
    [ -f "$out_dir/$(basename "$name")" ] || fail "$name: 'collab ${args[*]}' wrote no file"
    for f in "$out_dir"/*; do
        [ -f "$f" ] && compare "$(dirname "$name")/$(basename "$f")" "$f"
    done
done <"$golden/cases.txt"

# Goldens that no case wrote: stale (update removes them) or a case lost.
while IFS= read -r f; do
    rel=${f#"$golden"/}
    [ -n "${produced[$rel]:-}" ] && continue
    if [ $update = 1 ] && [ $failures = 0 ]; then
        rm -- "$f"
        echo "removed $rel: no case writes it"
    elif [ $update = 0 ]; then
        fail "$rel: no case writes this golden file"
    fi
done < <(find "$golden" -mindepth 2 -type f | sort)

if [ $update = 1 ]; then
    echo "$cases golden cases, ${#produced[@]} golden files written, $failures failed"
else
    echo "$cases golden cases, ${#produced[@]} golden files compared, $failures failed"
fi
[ $cases -gt 0 ] && [ $failures = 0 ]
