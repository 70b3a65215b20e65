#!/usr/bin/env bash
# Installs what building and running need (not the test tools: scripts/test.sh adds those), builds
# a release build into build/ (binary build/collab, no tests) and runs the main job on the shipped
# dataset, writing into output/.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
root=$(collab_root)
cd "$root"
collab_install_build
collab_build build Release -DCOLLAB_TESTS=OFF
mkdir -p output
dataset=datasets/thom_russo.csv
./build/collab summary "$dataset" -o output/thom_russo_summary.txt
./build/collab summary "$dataset" --format json -o output/thom_russo_summary.json
for format in md csv json; do
    ./build/collab report "$dataset" --all --format "$format" -o "output/thom_russo_report.$format"
done
# One self-contained page: map, statistics, sortable table, communities, plots, provenance.
./build/collab report "$dataset" --all --format html -o output/thom_russo_report.html
./build/collab communities "$dataset" --format md -o output/thom_russo_communities.md
for format in png svg pdf; do
    ./build/collab map "$dataset" --title "Thom Russo: collaborations" -o "output/thom_russo.$format"
done
# The questions of a credits file: who is around him, how two of his artists connect, his eras.
./build/collab ego "$dataset" "Thom Russo" -o output/thom_russo_ego.png >/dev/null
./build/collab path "$dataset" "Macy Gray" "Juanes" -o output/thom_russo_path.png >/dev/null
./build/collab slices "$dataset" --by decade -o output/thom_russo_decades
# Everything at once, from one load, with the exports for Gephi, Cytoscape and VOSviewer.
./build/collab analyze "$dataset" -o output/thom_russo_all
echo "collab: wrote into output/: thom_russo_summary.{txt,json}, thom_russo_report.{md,csv,json}," \
    "thom_russo_report.html, thom_russo_communities.md, thom_russo.{png,svg,pdf}," \
    "thom_russo_ego.png, thom_russo_path.png, thom_russo_decades/, thom_russo_all/" >&2
./build/collab report "$dataset" --top 10
