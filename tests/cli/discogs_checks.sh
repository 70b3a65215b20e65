#!/usr/bin/env bash
# collab import discogs (issue 22) beyond the single cases: the CSV written with -o is the golden
# file byte for byte; every malformed dump (the import_bad_* cases) exits 3 and leaves no output
# file and no temporary file, and an older file of that name untouched; the other commands read
# the imported file with people and projects identified by their Discogs ids; and 'collab
# analyze' on it gives the report and the map.
# Usage: discogs_checks.sh COLLAB TESTS_DIR
set -u
collab=$(realpath "$1")
tests=$(realpath "$2")
. "$(dirname "$(realpath "$0")")/checks_lib.sh"
cd "$work"

"$collab" import discogs "$tests/data/discogs/releases.xml" -o credits.csv 2>/dev/null ||
    fail "import exited $?"
cmp -s credits.csv "$tests/data/discogs/expected.csv" || fail "credits.csv differs from expected.csv"

for case in "$tests"/cli/import_bad_*/; do
    name=$(basename "$case")
    mkdir "$name"
    cp "$case/in.xml" "$name/in.xml"
    (cd "$name" && "$collab" import discogs in.xml -o out.csv >/dev/null 2>&1)
    status=$?
    [ "$status" = 3 ] || fail "$name: exit status $status, expected 3"
    [ "$(ls -A "$name")" = in.xml ] || fail "$name: left files behind: $(ls -A "$name")"
    echo previous >"$name/out.csv"
    (cd "$name" && "$collab" import discogs in.xml -o out.csv >/dev/null 2>&1)
    [ "$(cat "$name/out.csv")" = previous ] || fail "$name: the previous out.csv was changed"
done

# The fixture cut short at every 13th byte, as an interrupted download leaves it: each cut stops
# with exit status 3, a message with a line and a column, and no output file.
full=$(wc -c <"$tests/data/discogs/releases.xml")
mkdir cuts
for ((cut = 0; cut < full - 1; cut += 13)); do
    head -c "$cut" "$tests/data/discogs/releases.xml" >cuts/in.xml
    (cd cuts && "$collab" import discogs in.xml -o out.csv >/dev/null 2>err.txt)
    status=$?
    [ "$status" = 3 ] || fail "cut at byte $cut: exit status $status, expected 3"
    grep -Eq '^collab: in.xml:[0-9]+:[0-9]+: ' cuts/err.txt || fail "cut at byte $cut: $(cat cuts/err.txt)"
    [ ! -e cuts/out.csv ] || fail "cut at byte $cut: out.csv written"
    rm -f cuts/out.csv
done

"$collab" summary credits.csv >summary.txt 2>&1 || fail "summary exited $?"
grep -qx "identity:           people by 'person_id', projects by 'project_id' (1 shown as 'Name \[id N\]': another had that name)" summary.txt ||
    fail "people and projects not identified by id: $(cat summary.txt)"
grep -qx "persons:            7" summary.txt || fail "expected 7 persons: $(cat summary.txt)"
# Releases 1 and 2 are both called 'Stockholm': two projects, not one.
grep -qx "projects:           3" summary.txt || fail "expected 3 projects: $(cat summary.txt)"
"$collab" ego credits.csv 'The Persuader' --format csv >ego.csv 2>/dev/null || fail "ego exited $?"
# ... so The Persuader and Jesper Dahlbäck share two projects.
grep -qx 'Jesper Dahlbäck,1,2,3,0' ego.csv || fail "not two shared projects: $(cat ego.csv)"

"$collab" analyze credits.csv -o analysis >/dev/null 2>&1 || fail "analyze exited $?"
for f in report.csv report.html map.svg map.png summary.json; do
    [ -s "analysis/$f" ] || fail "analyze wrote no $f"
done
for person in 'John Smith' 'John Smith (2)' 'Jesper Dahlbäck' 'Art Blakey'; do
    grep -q "^[0-9]*,$person," analysis/report.csv || fail "'$person' is not in report.csv"
done

checks_done "discogs"
