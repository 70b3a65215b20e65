#!/usr/bin/env bash
# Networks from other tools (issue 17): the network of a CSV exported by collab as GraphML and GML,
# written as Pajek .net and as Gephi's edge-table CSV (Source,Target,Type,Id,Label,Weight), read
# back plainly, gzip-compressed from standard input, under a .txt name and in UTF-16, must give exactly the graph of the file it was made from: the
# same counts and the same report CSV, byte for byte, but for the columns only credits carry
# (credits, roles, years), which a network file has not. A bipartite export is read back as
# credits: its report keeps the credits column too. Gephi's CSV names no isolated nodes and lists
# the nodes in the order the edges meet them, so it is compared with collab's own edge table
# (the clean CSV it was made from).
# Usage: networks.sh COLLAB CSV
set -u
collab=$(realpath "$1")
clean=$(realpath "$2")
. "$(dirname "$(realpath "$0")")/checks_lib.sh"
cd "$work"
# The report without the columns only credits have.
network_columns() {
    python3 - "$1" "$2" "$3" <<'PY'
import csv, sys
src, dst, keep_credits = sys.argv[1], sys.argv[2], sys.argv[3] == "1"
drop = {"roles", "year_first", "year_last"} | (set() if keep_credits else {"credits"})
rows = list(csv.reader(open(src, encoding="utf-8", newline="")))
keep = [i for i, name in enumerate(rows[0]) if name not in drop]
with open(dst, "w", encoding="utf-8", newline="") as f:
    w = csv.writer(f, lineterminator="\n")
    for r in rows:
        w.writerow([r[i] for i in keep])
PY
}
counts() {
    "$collab" summary "$@" 2>/dev/null | grep -E '^(nodes|edges|isolated nodes|components|total weight):'
}
# same NAME REF ARGS...: the network columns of ARGS's report equal REF's, and so do the counts.
same() {
    local name=$1 ref=$2 credits=0
    shift 2
    [ "$name" = bipartite ] && credits=1
    if ! "$collab" report "$@" --all --format csv -o out.csv 2>err.txt; then
        fail "$name: $(cat err.txt)"
        return
    fi
    network_columns out.csv out.net.csv "$credits"
    network_columns "$ref" ref.net.csv "$credits"
    cmp -s ref.net.csv out.net.csv || fail "$name: the report differs from the clean file's"
}
"$collab" report "$clean" --all --format csv -o ref.csv 2>/dev/null || fail "the clean file"
counts "$clean" >ref.counts
"$collab" export "$clean" --layout none -o net.graphml 2>/dev/null || fail "export graphml"
"$collab" export "$clean" --layout none -o net.gml 2>/dev/null || fail "export gml"
"$collab" export "$clean" --layout none -o net.csv 2>/dev/null || fail "export csv"
same graphml ref.csv net.graphml
same gml ref.csv net.gml
# Pajek: the nodes in collab's order (the node table), the edges with their weights.
python3 - <<'PY'
import csv
nodes = list(csv.DictReader(open("net.csv", encoding="utf-8", newline="")))
edges = list(csv.DictReader(open("net.edges.csv", encoding="utf-8", newline="")))
with open("net.net", "w", encoding="utf-8", newline="\n") as f:
    f.write("%% written by networks.sh from collab's export\n*Vertices %d\n" % len(nodes))
    for k, n in enumerate(nodes):
        f.write('%d "%s"\n' % (k + 1, n["name"].replace('"', "'")))
    f.write("*Edges\n")
    for e in edges:
        f.write("%d %d %s\n" % (int(e["source_id"]) + 1, int(e["target_id"]) + 1, e["weight"]))
# Gephi's edge table, as Data Laboratory > Export table writes it.
with open("gephi.csv", "w", encoding="utf-8", newline="") as f:
    w = csv.writer(f, lineterminator="\n")
    w.writerow(["Source", "Target", "Type", "Id", "Label", "Weight"])
    for k, e in enumerate(edges):
        w.writerow([e["source"], e["target"], "Undirected", k, "", e["weight"]])
PY
if grep -q '"' net.csv; then
    : # a name with a double quote cannot be written in Pajek as it is: skip that comparison
else
    same pajek ref.csv net.net
fi
"$collab" report net.edges.csv --all --format csv -o edges_ref.csv 2>/dev/null || fail "edge table"
same gephi-csv edges_ref.csv gephi.csv
[ "$(counts gephi.csv)" = "$(counts net.edges.csv)" ] || fail "gephi-csv: counts differ"
for f in net.graphml net.gml; do
    [ "$(counts "$f")" = "$(cat ref.counts)" ] || fail "$f: counts differ: $(counts "$f")"
done
# Compressed, from standard input, and under a name that says nothing of the format.
gzip -c net.graphml >net.graphml.gz
same graphml.gz ref.csv - <net.graphml.gz
cp net.gml network.txt
same gml-as-txt ref.csv network.txt
# Saved as UTF-16 (a Windows editor): GML converted, GraphML read by libxml2 as it declares.
iconv -f UTF-8 -t UTF-16 net.gml >net16.gml
same gml-utf16 ref.csv net16.gml
sed 's/encoding="UTF-8"/encoding="UTF-16"/' net.graphml | iconv -f UTF-8 -t UTF-16 >net16.graphml
same graphml-utf16 ref.csv net16.graphml
# A bipartite export comes back as credits.
if "$collab" summary "$clean" 2>/dev/null | grep -q '^shape: *credits'; then
    "$collab" export "$clean" --view bipartite --layout none -o bip.graphml 2>/dev/null ||
        fail "export bipartite"
    "$collab" summary bip.graphml 2>/dev/null | grep -q '^shape: *credits' ||
        fail "bipartite: not read as credits"
    same bipartite ref.csv bip.graphml
fi
checks_done "networks"
