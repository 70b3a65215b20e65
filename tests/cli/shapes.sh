#!/usr/bin/env bash
# Shapes people export (issue 17): a cast-list file with one row per project and its people in
# one cell ("A; B; C") read with --split-people, and a wide sheet with the people across numbered
# columns read with --wide --person-cols, give exactly the graph of the same credits one per row
# (the full report CSV is compared); without the options collab names them. The clean file
# without its header row, read with --no-header and column numbers, gives the clean file's report.
# Usage: shapes.sh COLLAB CSV   (a credits file with person and project columns)
set -u
collab=$(realpath "$1")
clean=$(realpath "$2")
. "$(dirname "$(realpath "$0")")/checks_lib.sh"
cd "$work"
python3 - "$clean" <<'PY'
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1], encoding="utf-8", newline="")))
people, order = {}, []
for r in rows:
    p, j = r["person"].strip(), r["project"].strip()
    if j not in people:
        people[j] = []
        order.append(j)
    if p not in people[j]:
        people[j].append(p)
# The same credits one per row, each pair once, in the order the cast file lists them (vertex ids
# follow first appearance, so the two files must meet the names in the same order).
with open("long.csv", "w", encoding="utf-8", newline="") as f:
    w = csv.writer(f, lineterminator="\n")
    w.writerow(["person", "project"])
    for j in order:
        for p in people[j]:
            w.writerow([p, j])
# A wide sheet: one row per project, its people across "Personnel 1", "Personnel 2", ...
width = max(len(v) for v in people.values())
with open("wide.csv", "w", encoding="utf-8", newline="") as f:
    w = csv.writer(f, lineterminator="\n")
    w.writerow(["Title"] + [f"Personnel {k + 1}" for k in range(width)])
    for j in order:
        w.writerow([j] + people[j] + [""] * (width - len(people[j])))
# The same wide sheet with the titles people type: 'El Choclo' for 'El Choclo (Orquesta Juan
# D'Arienzo, 1937)'. Tango then has one title on many rows (recordings of one tune), which must
# stay as many projects, so the graph is the same.
with open("wide_titles.csv", "w", encoding="utf-8", newline="") as f:
    w = csv.writer(f, lineterminator="\n")
    w.writerow(["Title"] + [f"Personnel {k + 1}" for k in range(width)])
    for j in order:
        w.writerow([j.split(" (")[0]] + people[j] + [""] * (width - len(people[j])))
for sep, name in ((";", "semicolon"), ("|", "pipe"), (" / ", "slash")):
    with open(f"cast_{name}.csv", "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["title", "cast"])
        for j in order:
            w.writerow([j, (sep if sep != ";" else "; ").join(people[j])])
PY
"$collab" report long.csv --all --format csv -o ref.csv 2>/dev/null || fail "the long file"
for name in semicolon pipe slash; do
    sep=';'
    [ "$name" = pipe ] && sep='|'
    [ "$name" = slash ] && sep='/'
    if ! "$collab" report "cast_$name.csv" --person-col cast --project-col title \
        --split-people "$sep" --all --format csv -o out.csv 2>err.txt; then
        fail "--split-people '$sep': $(cat err.txt)"
    elif ! cmp -s ref.csv out.csv; then
        fail "--split-people '$sep': the report differs from the same credits one per row"
    fi
done
if ! "$collab" report wide.csv --wide --person-cols 'personnel*' --project-col Title --all \
    --format csv -o out.csv 2>err.txt; then
    fail "--wide: $(cat err.txt)"
elif ! cmp -s ref.csv out.csv; then
    fail "--wide: the report differs from the same credits one per row"
fi
# Typed as the header writes it ('Personnel*'), and with the titles that repeat.
if ! "$collab" report wide_titles.csv --wide --person-cols 'Personnel*' --project-col Title \
    --all --format csv -o out.csv 2>err.txt; then
    fail "--wide, repeated titles: $(cat err.txt)"
elif ! cmp -s ref.csv out.csv; then
    fail "--wide, repeated titles: the report differs from the same credits one per row"
fi
# The clean file without its header row, its columns named by number.
tail -n +2 "$clean" >noheader.csv
args=$(head -1 "$clean" | tr ',' '\n' | awk '$0 ~ /^(person|project|role|year)$/ {
    printf " --%s-col %d", $0, NR }')
"$collab" report "$clean" --all --format csv -o clean.csv 2>/dev/null || fail "the clean file"
# shellcheck disable=SC2086 # the options are words
if ! "$collab" report noheader.csv --no-header $args --all --format csv -o out.csv 2>err.txt; then
    fail "--no-header$args: $(cat err.txt)"
elif ! cmp -s clean.csv out.csv; then
    fail "--no-header$args: the report differs from the clean file's"
fi
"$collab" summary wide.csv >/dev/null 2>err.txt
grep -q -- "--wide --person-cols 'personnel\*' --project-col NAME" err.txt ||
    fail "no --wide hint for numbered columns: $(cat err.txt)"
# Without the option: one "person" per cell, hardly a tie, and a warning naming the fix.
"$collab" summary cast_semicolon.csv --person-col cast --project-col title >/dev/null 2>err.txt
grep -q "use --split-people ';' to read one credit per name" err.txt ||
    fail "no --split-people hint: $(cat err.txt)"
checks_done "shapes"
