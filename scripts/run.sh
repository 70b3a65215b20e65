#!/usr/bin/env bash
# Installs what is missing, builds a release build into build/ (binary build/collab) and runs the
# main job on the shipped dataset, writing into output/.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
root=$(collab_root)
cd "$root"
collab_install_missing
collab_build build Release
mkdir -p output
dataset=datasets/thom_russo.csv
./build/collab summary "$dataset" -o output/thom_russo_summary.txt
./build/collab summary "$dataset" --format json -o output/thom_russo_summary.json
for format in md csv json; do
    ./build/collab report "$dataset" --all --format "$format" -o "output/thom_russo_report.$format"
done
./build/collab communities "$dataset" --format md -o output/thom_russo_communities.md
for format in png svg pdf; do
    ./build/collab map "$dataset" --title "Thom Russo: collaborations" -o "output/thom_russo.$format"
done
echo "collab: wrote into output/: thom_russo_summary.{txt,json}, thom_russo_report.{md,csv,json}," \
    "thom_russo_communities.md, thom_russo.{png,svg,pdf}" >&2
./build/collab report "$dataset" --top 10
