#!/usr/bin/env bash
# Regenerates the golden files of tests/golden/ (tests/golden/cases.txt) with an already built
# binary, then shows what changed for review. Commit only differences you can explain: the
# goldens are the reference a refactor must reproduce byte for byte.
# Usage: scripts/update-golden.sh [COLLAB_BINARY]   (default build/collab; it does not build)
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
collab=${1:-$root/build/collab}
if [ ! -x "$collab" ]; then
    echo "update-golden.sh: no binary '$collab'; build first (cmake --build build)" >&2
    exit 2
fi
"$root/tests/golden/check.sh" --update "$collab"
cd "$root"
echo "--- git diff --stat (changed goldens):"
git diff --stat -- tests/golden
echo "--- new (??) and removed (D) goldens:"
git status --short -- tests/golden | grep -E '^(\?\?| D|D )' || echo "(none)"
