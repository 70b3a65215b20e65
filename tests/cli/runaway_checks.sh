#!/usr/bin/env bash
# The runaway guard (issue 18): on a dense generated graph whose exact shortest-path sweep would
# take about half a minute (12,000 people, 550,000 ties: 6.7e9 steps, above the 6e9 limit), report
# switches to estimates by itself and says so, with the option that forces the exact sweep; with
# --exact it sweeps exactly and says nothing of estimates. Progress goes to terminals only, with the
# time left, and not with --no-progress. The times are printed, not asserted: speed is measured in
# scripts/bench.sh.
# Usage: runaway_checks.sh COLLAB PYTHON
set -u
collab=$(realpath "$1")
python=$2
. "$(dirname "$(realpath "$0")")/checks_lib.sh"
cd "$work"
"$python" - <<'PY'
import random
r = random.Random(7)
n = 12000
with open("dense.csv", "w") as f:
    f.write("source,target\n")
    for u in range(n):
        for _ in range(46):
            v = r.randrange(n)
            if v != u:
                f.write(f"p{u},p{v}\n")
PY
start=$(date +%s%N)
"$collab" report dense.csv --format json -o auto.json 2>auto.err || fail "report exited $?"
auto_ms=$((($(date +%s%N) - start) / 1000000))
expect auto.err "estimated (seed 42): betweenness from"
expect auto.err "(use --exact for exact values)"
expect auto.json '"sampled": true'
expect auto.json '"betweenness_low"'
# Not a terminal: no progress lines, only the result's notes.
grep -q "shortest paths:" auto.err && fail "progress written to a file: $(head -c 300 auto.err)"
# On a terminal (script(1) gives one) the exact sweep, many seconds long, shows its progress with
# the time left; --no-progress keeps a terminal quiet.
on_tty() { # on_tty LOG COMMAND...: runs COMMAND on a pseudo-terminal, its output in LOG
    local log=$1
    shift
    script -qec "$(printf '%q ' "$@")" "$log" >/dev/null
}
start=$(date +%s%N)
if command -v script >/dev/null; then
    on_tty exact.err "$collab" report dense.csv --exact --format json -o exact.json ||
        fail "report --exact exited $?"
    expect exact.err "shortest paths: "
    grep -aqE "of 12000 sources, about [0-9]+ s left" exact.err ||
        fail "the exact sweep's progress gives no time left: $(tail -c 300 exact.err)"
else
    echo "script(1) not found: the terminal progress is not checked"
    "$collab" report dense.csv --exact --format json -o exact.json 2>exact.err ||
        fail "report --exact exited $?"
fi
exact_ms=$((($(date +%s%N) - start) / 1000000))
if command -v script >/dev/null; then
    on_tty quiet.log "$collab" report dense.csv --no-progress --format json -o quiet.json ||
        fail "report --no-progress exited $?"
    grep -aq "shortest paths:\|sampled paths" quiet.log &&
        fail "--no-progress on a terminal shows progress"
fi
expect exact.json '"sampled": false'
grep -q "estimated" exact.err && fail "--exact still estimates: $(cat exact.err)"
grep -q '"betweenness_low"' exact.json && fail "--exact report has intervals"
echo "runaway guard: default ${auto_ms} ms (estimated), --exact ${exact_ms} ms"
checks_done "runaway guard"
