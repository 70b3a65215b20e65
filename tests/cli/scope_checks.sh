#!/usr/bin/env bash
# Scope (issue 18): after --component largest every output says what was kept, with the share of
# the whole: stderr, summary (text, JSON), report (table, Markdown, JSON, HTML), the exports'
# graph metadata and the map's subtitle. The counts are python-igraph's: netscience's largest
# component has 379 of its 1589 nodes and 914 of its 2742 edges.
# Usage: scope_checks.sh COLLAB PYTHON NETSCIENCE.net
set -u
collab=$(realpath "$1")
python=$2
data=$(realpath "$3")
. "$(dirname "$(realpath "$0")")/checks_lib.sh"
cd "$work"
want=$("$python" - "$data" <<'PY'
import sys
import igraph as ig
g = ig.Graph.Read_Pajek(sys.argv[1])
g.simplify()
giant = g.connected_components().giant()
print(f"{giant.vcount()} of {g.vcount()} nodes ({100 * giant.vcount() / g.vcount():.1f}%)")
print(f"{giant.ecount()} of {g.ecount()} edges ({100 * giant.ecount() / g.ecount():.1f}%)")
PY
) || fail "python-igraph could not read $data"
nodes=$(sed -n 1p <<<"$want")
edges=$(sed -n 2p <<<"$want")
[ "$nodes" = "379 of 1589 nodes (23.9%)" ] || fail "python-igraph: $nodes"
kept="kept $nodes and $edges"
"$collab" summary "$data" --component largest -o summary.txt 2>stderr.txt || fail "summary exited $?"
expect stderr.txt "scope: the largest component; $kept"
expect summary.txt "scope:              the largest component; $kept"
"$collab" summary "$data" --component largest --format json -o summary.json 2>/dev/null
expect summary.json "$kept"
for format in table md json html; do
    "$collab" report "$data" --component largest --format "$format" -o "report.$format" 2>/dev/null ||
        fail "report --format $format exited $?"
    expect "report.$format" "$kept"
done
for ext in graphml gexf gml json; do
    "$collab" export "$data" --component largest --layout none -o "net.$ext" 2>/dev/null ||
        fail "export .$ext exited $?"
    expect "net.$ext" "$kept"
done
"$collab" map "$data" --component largest -o map.svg --scene scene.json 2>/dev/null ||
    fail "map exited $?"
expect scene.json "netscience.net · $nodes, $edges ·"
checks_done "scope outputs"
