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

# 2. Interrupted runs, at several moments of a run that takes about half a second (more on a
# loaded machine). The reference is the same run uninterrupted (the estimates are seeded).
"$collab" report "$datasets/tango/tango_credits.csv" --all --format csv --approx 400 \
    --no-progress -o complete.csv 2>/dev/null || fail "uninterrupted reference run"
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
            cmp -s out.csv complete.csv || fail "$sig after $delay s: incomplete output"
        elif ! cmp -s out.csv before.csv; then
            # The signal came between the rename and the exit: the output is then the new one,
            # whole; anything else (a part, a mixture) is the bug this test is for.
            cmp -s out.csv complete.csv ||
                fail "$sig after $delay s (status $status): output neither previous nor complete"
        fi
        cp before.csv out.csv
        leftovers=$(ls -A | grep -v -e '^out.csv$' -e '^before.csv$' -e '^err.txt$' \
            -e '^complete.csv$')
        [ -z "$leftovers" ] || fail "$sig after $delay s (status $status): left behind: $leftovers"
    done
done

# 3. Interrupted `analyze`, which writes two outputs at a time from two threads: the signal is
# sent when two temporary files exist at once (polled), and then neither may be left behind.
caught=0
for attempt in 1 2 3 4 5; do
    rm -rf analyze_out
    "$collab" analyze "$datasets/tango/tango_credits.csv" -o analyze_out --no-progress \
        2>/dev/null &
    pid=$!
    while kill -0 "$pid" 2>/dev/null; do
        if [ "$(ls -A analyze_out 2>/dev/null | grep -c -e '\.tmp-')" -ge 2 ]; then
            kill -s TERM "$pid" 2>/dev/null
            caught=$((caught + 1))
            break
        fi
    done
    wait "$pid"
    status=$?
    leftovers=$(ls -A analyze_out 2>/dev/null | grep -e '\.tmp-' || true)
    [ -z "$leftovers" ] || fail "analyze, attempt $attempt (status $status): left behind: $leftovers"
done
rm -rf analyze_out
[ "$caught" -gt 0 ] || fail "analyze: never saw two outputs being written at once in 5 runs"

# 3b. Two of analyze's outputs cannot be written (a directory stands where each goes): the run
# fails with the error of the first failed output in its list's order, whichever writer met it
# first, so the message is the same from run to run; nothing is left half-written.
for threads in 1 2; do
    # one writer takes the reports first; two take the heaviest first (the GEXF before report.json)
    if [ "$threads" = 1 ]; then want=report.json; else want=network.gexf; fi
    for attempt in 1 2 3; do
        rm -rf blocked
        mkdir -p blocked/report.json blocked/network.gexf
        "$collab" analyze "$datasets/thom_russo.csv" -o blocked --threads "$threads" \
            --no-progress 2> err.txt
        status=$?
        [ "$status" = 1 ] || fail "blocked analyze --threads $threads: exit status $status"
        grep -q "^collab: cannot write '[^']*blocked/$want': Is a directory$" err.txt ||
            fail "blocked analyze --threads $threads, run $attempt: $(cat err.txt)"
        [ "$(wc -l < err.txt)" = 1 ] || fail "blocked analyze: more than one error: $(cat err.txt)"
        leftovers=$(ls -A blocked | grep -e '\.tmp-' || true)
        [ -z "$leftovers" ] || fail "blocked analyze --threads $threads: left behind: $leftovers"
    done
done
rm -rf blocked

# 4. A successful run replaces the file whole.
"$collab" report "$datasets/karate.csv" --format csv -o out.csv --no-progress || fail "karate run"
head -n 1 out.csv | grep -q '^rank,name,degree' || fail "replacement output"
echo "ok: atomic outputs (file-size limit, SIGINT, SIGTERM, interrupted analyze, blocked analyze," \
    "replacement)"
