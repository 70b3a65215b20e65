#!/usr/bin/env bash
# Runs every CLI case under tests/cli/<case>/ (curl's tests/data style):
#   args             the arguments, shell-quoted, on one line ("summary in.csv")
#   stdin            optional: fed to standard input
#   expected.status  the exit status
#   expected.stdout  optional: standard output, exactly
#   expected.stderr  optional: standard error, exactly
#   repeat           optional: how many times to run the case (each run must match); for
#                    failures that came and went between runs, such as uninitialised reads
# Each case runs inside its own directory so file names in messages are stable.
# Usage: run_cases.sh COLLAB_BINARY CASES_DIR [CASE...]
set -u
collab=$(realpath "$1")
cases_dir=$(realpath "$2")
shift 2
failures=0
count=0
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
if [ $# -gt 0 ]; then names=("$@"); else names=($(ls "$cases_dir")); fi
for name in "${names[@]}"; do
    dir="$cases_dir/$name"
    [ -f "$dir/args" ] || continue
    count=$((count + 1))
    eval "set -- $(cat "$dir/args")"
    stdin_file=/dev/null
    [ -f "$dir/stdin" ] && stdin_file="$dir/stdin"
    runs=1
    [ -f "$dir/repeat" ] && runs=$(cat "$dir/repeat")
    # Under a wrapper (valgrind sees an uninitialised read on the first run) a few runs suffice.
    [ -n "${COLLAB_WRAPPER:-}" ] && [ "$runs" -gt 3 ] && runs=3
    ok=1
    for ((run = 1; run <= runs && ok == 1; run++)); do
        (cd "$dir" && ${COLLAB_WRAPPER:-} "$collab" "$@" <"$stdin_file" >"$work/stdout" 2>"$work/stderr")
        status=$?
        if [ "$status" != "$(cat "$dir/expected.status")" ]; then
            echo "FAIL $name (run $run of $runs): exit status $status, expected $(cat "$dir/expected.status")"
            ok=0
        fi
        for stream in stdout stderr; do
            if [ -f "$dir/expected.$stream" ] && ! diff -u "$dir/expected.$stream" "$work/$stream" >"$work/diff"; then
                echo "FAIL $name (run $run of $runs): $stream differs"
                cat "$work/diff"
                ok=0
            fi
        done
    done
    [ $ok = 1 ] || failures=$((failures + 1))
done
echo "$count CLI cases, $failures failed"
[ "$count" -gt 0 ] && [ "$failures" = 0 ]
