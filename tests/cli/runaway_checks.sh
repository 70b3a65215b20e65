#!/usr/bin/env bash
# The runaway guard (issue 18): on a dense generated graph whose exact shortest-path sweep would
# take about half a minute (12,000 people, 550,000 ties: 6.7e9 steps, above the 6e9 limit), report
# switches to estimates by itself and says so, with the option that forces the exact sweep; with
# --exact it sweeps exactly and says nothing of estimates. The times are printed, not asserted:
# speed is measured in scripts/bench.sh.
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
start=$(date +%s%N)
"$collab" report dense.csv --exact --format json -o exact.json 2>exact.err || fail "report --exact exited $?"
exact_ms=$((($(date +%s%N) - start) / 1000000))
expect exact.json '"sampled": false'
grep -q "estimated" exact.err && fail "--exact still estimates: $(cat exact.err)"
grep -q '"betweenness_low"' exact.json && fail "--exact report has intervals"
echo "runaway guard: default ${auto_ms} ms (estimated), --exact ${exact_ms} ms"
checks_done "runaway guard"
