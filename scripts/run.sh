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
echo "collab: wrote output/thom_russo_summary.txt and .json" >&2
cat output/thom_russo_summary.txt
