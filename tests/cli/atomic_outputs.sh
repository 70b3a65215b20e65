#!/usr/bin/env bash
# Outputs are atomic: a run that fails while writing (file size limit, standing in for a full
# disk) or is interrupted (SIGINT, SIGTERM) leaves the previous output byte-identical and no
# temporary file behind. Usage: atomic_outputs.sh COLLAB_BINARY DATASETS_DIR
set -u
collab=$(realpath "$1")
datasets=$(realpath "$2")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"
fail() { echo "FAIL: $*"; exit 1; }

printf 'previous output\n' > out.csv
cp out.csv before.csv

# 1. The write fails: a 4 KiB file size limit, and a report far larger than that.
(ulimit -f 4; "$collab" report "$datasets/tango/tango_credits.csv" --all --format csv --approx 50 \
    --no-progress -o out.csv 2> err.txt)
status=$?
[ "$status" = 1 ] || fail "file-size limit: exit status $status, expected 1"
grep -q "^collab: cannot write 'out.csv'" err.txt || fail "file-size limit: message: $(cat err.txt)"
cmp -s out.csv before.csv || fail "file-size limit: previous output changed"
[ -z "$(ls -A | grep -v -e '^out.csv$' -e '^before.csv$' -e '^err.txt$')" ] ||
    fail "file-size limit: left behind: $(ls -A)"

# 2. Interrupted runs, at several moments of a run that takes a few seconds.
for sig in INT TERM; do
    for delay in 0.2 0.6 1.0 1.5; do
        "$collab" report "$datasets/tango/tango_credits.csv" --all --format csv --approx 400 \
            --no-progress -o out.csv 2>/dev/null &
        pid=$!
        sleep "$delay"
        kill -s "$sig" "$pid" 2>/dev/null
        wait "$pid"
        status=$?
        if [ "$status" = 0 ]; then
            # Finished before the signal: then the new output must be complete.
            head -n 1 out.csv | grep -q '^rank,name,' || fail "$sig after $delay s: bad output"
            cp before.csv out.csv
        else
            cmp -s out.csv before.csv || fail "$sig after $delay s: previous output changed"
        fi
        leftovers=$(ls -A | grep -v -e '^out.csv$' -e '^before.csv$' -e '^err.txt$')
        [ -z "$leftovers" ] || fail "$sig after $delay s (status $status): left behind: $leftovers"
    done
done

# 3. A successful run replaces the file whole.
"$collab" report "$datasets/karate.csv" --format csv -o out.csv --no-progress || fail "karate run"
head -n 1 out.csv | grep -q '^rank,name,degree' || fail "replacement output"
echo "ok: atomic outputs (file-size limit, SIGINT, SIGTERM, replacement)"
