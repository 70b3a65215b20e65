#!/usr/bin/env bash
# Placeholder people and --drop-people (issue 18). 'Various Artists', '[Unknown]' and 'N/A' are
# planted on many projects of the shipped dataset; by default they are left out before the
# projection, and the network is then exactly the one built from the file without their rows
# (report CSV compared byte for byte). Every output names them. --keep-placeholders keeps them;
# --drop-people (a list, any case or accents, or @FILE for names with commas) leaves out the
# named people exactly as deleting their rows would; a name that matches nobody is a usage error
# naming the closest person. Edge lists are treated the same.
# Usage: placeholder_checks.sh COLLAB DATASET
set -u
collab=$(realpath "$1")
data=$(realpath "$2")
. "$(dirname "$(realpath "$0")")/checks_lib.sh"
same_report() { # same_report LABEL A.csv B.csv [options...]: report CSVs identical
    local label=$1 a=$2 b=$3
    shift 3
    "$collab" report "$a" --format csv -o ra.csv "$@" 2>/dev/null || fail "$label: report of $a"
    "$collab" report "$b" --format csv -o rb.csv 2>/dev/null || fail "$label: report of $b"
    cmp -s ra.csv rb.csv || fail "$label: report differs from the file without those rows"
}
cd "$work"
# The planted file: the dataset plus placeholder credits on every second project.
cp "$data" plain.csv
{
    cat "$data"
    awk -F, 'NR > 1 && NR % 2 == 0 { print "Various Artists," $2 ",artist,,," }' "$data"
    awk -F, 'NR > 1 && NR % 3 == 0 { print "[Unknown]," $2 ",engineer,,," }' "$data"
    awk -F, 'NR > 1 && NR % 5 == 0 { print "N/A," $2 ",,,," }' "$data"
} >planted.csv
# The project column is the second field in every row of the dataset (no quoted commas before it).
awk -F, 'NR > 1 { print $2 }' "$data" | grep -q '"' && fail "dataset has quoted project names"

"$collab" summary planted.csv -o summary.txt 2>stderr.txt || fail "summary exited $?"
expect stderr.txt "3 names left out before building the network ('Various Artists', placeholder"
expect stderr.txt "'[Unknown]', placeholder"
expect stderr.txt "'N/A', placeholder"
expect stderr.txt "--keep-placeholders keeps them"
expect summary.txt "people left out:    3 (3 placeholders"
"$collab" summary planted.csv --format json -o summary.json 2>/dev/null
expect summary.json '"people_left_out": 3'
expect summary.json '"name": "Various Artists"'
same_report "placeholders" planted.csv plain.csv
for format in md json html; do
    "$collab" report planted.csv --format "$format" -o "report.$format" 2>/dev/null ||
        fail "report --format $format exited $?"
done
"$collab" report planted.csv -o report.txt 2>/dev/null || fail "report exited $?"
for file in report.txt report.md report.html; do
    expect "$file" "3 names left out before building the network"
done
expect report.json '"people_left_out": 3'
for ext in graphml gexf gml json; do
    "$collab" export planted.csv -o "net.$ext" --layout none 2>/dev/null || fail "export .$ext"
    expect "net.$ext" "people_left_out"
done

# Kept on request: three more people, and Various Artists among the three most central (only
# Thom Russo, on nearly every project, is more central).
"$collab" summary planted.csv --keep-placeholders -o kept.txt 2>kept.err
plain_nodes=$("$collab" summary plain.csv 2>/dev/null | awk '/^nodes:/ { print $2 }')
kept_nodes=$(awk '/^nodes:/ { print $2 }' kept.txt)
[ "$kept_nodes" = $((plain_nodes + 3)) ] || fail "--keep-placeholders: $kept_nodes nodes, not $plain_nodes + 3"
grep -q "left out before building" kept.err && fail "--keep-placeholders still leaves out"
"$collab" report planted.csv --keep-placeholders --format csv 2>/dev/null | sed -n 2,4p |
    cut -d, -f2 >top.txt
grep -qx "Various Artists" top.txt || fail "with placeholders kept the top 3 are $(tr '\n' ' ' <top.txt)"

# --drop-people: case and accents ignored; the same network as deleting the rows.
grep -v '^Rick Rubin,' plain.csv | grep -v '^Juanes,' >no_two.csv
same_report "drop-people" plain.csv no_two.csv --drop-people 'rick rubin, JUANES'
printf 'Rick Rubin\nJuanes\n\n' >names.txt
same_report "drop-people @FILE" plain.csv no_two.csv --drop-people @names.txt
"$collab" summary plain.csv --drop-people 'Rick Rubbin' >/dev/null 2>typo.err
status=$?
[ "$status" = 2 ] || fail "misspelt --drop-people exited $status, not 2"
expect typo.err "--drop-people: no person 'Rick Rubbin' in 'plain.csv'; closest: 'Rick Rubin'"
"$collab" summary plain.csv --drop-people @missing.txt >/dev/null 2>missing.err
[ $? != 0 ] || fail "--drop-people @missing.txt succeeded"
expect missing.err "cannot open 'missing.txt'"

# Names that only contain a placeholder word are people.
printf 'person,project\nUnknown Mortal Orchestra,A\nBob,A\nVarious Artists,A\n' >near.csv
"$collab" summary near.csv -o near.txt 2>/dev/null
expect near.txt "nodes:              2"

# Edge lists: rows touching a placeholder are left out.
printf 'source,target,weight\nAnn,Ben,1\nBen,Cid,2\nUnknown,Ann,1\nUnknown,Cid,1\n' >edges.csv
printf 'source,target,weight\nAnn,Ben,1\nBen,Cid,2\n' >edges_plain.csv
same_report "edge list" edges.csv edges_plain.csv
checks_done "placeholders"
