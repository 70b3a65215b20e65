#!/usr/bin/env bash
# The files researchers have (issue 17): the same credits compressed with gzip, xz, zstd and bzip2,
# in UTF-16 LE and BE with and without a byte-order mark, in Windows-1252 and Latin-1 with
# semicolons (--encoding), from a file and from standard input, must give exactly the graph of
# the clean UTF-8 file: the full report CSV is compared byte for byte. Also: a Windows-1252 file
# read as UTF-8 names the fix, and --skip-bad-rows says how many rows the encoding cost.
# Usage: encodings.sh COLLAB CSV
set -u
collab=$(realpath "$1")
clean=$(realpath "$2")
. "$(dirname "$(realpath "$0")")/checks_lib.sh"
cd "$work"
"$collab" report "$clean" --all --format csv -o ref.csv 2>/dev/null || fail "the clean file"
# same NAME ARGS...: the report of ARGS equals the clean file's.
same() {
    local name=$1
    shift
    if ! "$collab" report "$@" --all --format csv -o out.csv 2>err.txt; then
        fail "$name: $(cat err.txt)"
    elif ! cmp -s ref.csv out.csv; then
        fail "$name: the report differs from the clean UTF-8 file's"
    fi
}
cp "$clean" t.csv
gzip -k t.csv && same gzip t.csv.gz
xz -k t.csv && same xz t.csv.xz
zstd -q t.csv && same zstd t.csv.zst
bzip2 -k t.csv && same bzip2 t.csv.bz2
gzip -c t.csv > t.csv.data && same "gzip named .data" t.csv.data
same "gzip on stdin" - < t.csv.gz
python3 - "$clean" <<'PY'
import csv, io, sys
text = open(sys.argv[1], encoding="utf-8", newline="").read()
open("le_bom.csv", "wb").write(b"\xff\xfe" + text.encode("utf-16-le"))
open("be_bom.csv", "wb").write(b"\xfe\xff" + text.encode("utf-16-be"))
open("le.csv", "wb").write(text.encode("utf-16-le"))
open("be.csv", "wb").write(text.encode("utf-16-be"))
# Excel's "CSV (semicolon)" in Windows-1252, and Latin-1: the rows whose text those encodings can
# hold (all of them for most European data), rewritten with ';' by the csv module, beside the same
# rows in UTF-8 as their reference.
rows = list(csv.reader(io.StringIO(text)))
for name, codec in (("cp1252", "cp1252"), ("latin1", "latin-1")):
    kept = [r for r in rows if all(not any(ord(ch) > 0x7f and ch.encode(codec, "ignore") == b""
                                           for ch in f) for f in r)]
    out = io.StringIO()
    csv.writer(out, delimiter=";", lineterminator="\n").writerows(kept)
    open(name + ".csv", "wb").write(out.getvalue().encode(codec))
    open(name + ".utf8.csv", "w", encoding="utf-8").write(out.getvalue())
    print(f"{name}: {len(kept) - 1} of {len(rows) - 1} rows", file=sys.stderr)
PY
same "UTF-16LE with BOM" le_bom.csv
same "UTF-16BE with BOM" be_bom.csv
same "UTF-16LE without BOM" le.csv
same "UTF-16BE without BOM" be.csv
same "UTF-16LE on stdin" - < le_bom.csv
gzip -c le_bom.csv > le_bom.csv.gz && same "gzip of UTF-16" le_bom.csv.gz
# same_as REFERENCE NAME ARGS...: the report of ARGS equals the report of REFERENCE.
same_as() {
    local reference=$1 name=$2
    shift 2
    "$collab" report "$reference" --all --format csv -o ref8.csv 2>/dev/null || fail "$reference"
    if ! "$collab" report "$@" --all --format csv -o out.csv 2>err.txt; then
        fail "$name: $(cat err.txt)"
    elif ! cmp -s ref8.csv out.csv; then
        fail "$name: the report differs from the same rows' in UTF-8"
    fi
}
same_as cp1252.utf8.csv "Windows-1252 with semicolons" cp1252.csv --encoding windows-1252
same_as latin1.utf8.csv "Latin-1 with semicolons" latin1.csv --encoding latin1
# Read as UTF-8, the Windows-1252 file stops at its first accent with the fix in the message.
"$collab" summary cp1252.csv >/dev/null 2>err.txt
status=$?
[ "$status" = 3 ] || fail "Windows-1252 read as UTF-8: exit $status, expected 3"
grep -q "try --encoding windows-1252" err.txt || fail "no encoding hint: $(cat err.txt)"
"$collab" summary cp1252.csv --skip-bad-rows >/dev/null 2>err.txt
grep -qE "[0-9]+ rows? dropped for text that is not valid UTF-8" err.txt ||
    fail "--skip-bad-rows does not say what the encoding cost: $(tail -1 err.txt)"
# Corrupt and unknown input.
head -c 200 t.csv.gz > cut.gz
"$collab" summary cut.gz >/dev/null 2>err.txt
[ "$?" = 3 ] && grep -q "gzip data is corrupt or truncated" err.txt || fail "truncated gzip: $(cat err.txt)"
"$collab" summary t.csv --encoding no-such-encoding >/dev/null 2>err.txt
[ "$?" = 2 ] && grep -q "unknown encoding 'no-such-encoding'" err.txt || fail "unknown encoding: $(cat err.txt)"
checks_done "encodings and compression"
