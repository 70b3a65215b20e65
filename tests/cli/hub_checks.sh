#!/usr/bin/env bash
# Hub projects (issue 18): a 600-person compilation and a 150-person crowd scene are left out of
# the person-person network by default, and every output says so: stderr, summary (text, JSON),
# report (text, Markdown, JSON, HTML) and every network export's graph metadata.
# Usage: hub_checks.sh COLLAB DATA_FILE
set -u
collab=$(realpath "$1")
data=$(realpath "$2")
. "$(dirname "$(realpath "$0")")/checks_lib.sh"
cd "$work"
"$collab" summary "$data" -o summary.txt 2>stderr.txt || fail "summary exited $?"
expect stderr.txt "2 projects with more than 100 people left out of the person-person network"
expect stderr.txt "'Various Artists Box Set', 600 people; 'Big Crowd Scene', 150 people"
expect stderr.txt "--max-participants 0 keeps them"
expect summary.txt "left out:         Various Artists Box Set (600 people)"
"$collab" summary "$data" --format json -o summary.json 2>/dev/null
expect summary.json '"project": "Various Artists Box Set"'
for format in md json html; do
    "$collab" report "$data" --format "$format" -o "report.$format" 2>/dev/null ||
        fail "report --format $format exited $?"
done
"$collab" report "$data" -o report.txt 2>/dev/null
for file in report.txt report.md report.html; do
    expect "$file" "2 projects with more than 100 people left out"
done
expect report.json '"projects_left_out": 2'
expect report.json '"project": "Various Artists Box Set"'
for ext in graphml gexf gml json vos.json csv; do
    "$collab" export "$data" -o "net.$ext" --layout none 2>/dev/null || fail "export .$ext exited $?"
done
for file in net.graphml net.gexf net.gml net.json; do
    expect "$file" "projects_left_out"
done
# Kept with --max-participants 0: the compilation's 600 people are one clique (179,700 ties).
"$collab" summary "$data" --max-participants 0 -o kept.txt 2>kept.err
expect kept.txt "edges:              179700"
[ -s kept.err ] && fail "--max-participants 0 still warns: $(cat kept.err)"
checks_done "hub projects"
