#!/usr/bin/env bash
# The command-line layer parses, calls the library and writes: no file under engine/cli/ calls
# igraph (igraph_*, IGRAPH_*, VECTOR/MATRIX access). Work that needs igraph belongs in engine/src/.
# Usage: no_igraph_in_cli.sh SOURCE_DIR
set -u
hits=$(grep -nE '\b(igraph_[a-z_]+\s*\(|IGRAPH_[A-Z_]+|VECTOR\(|MATRIX\()' "$1"/engine/cli/*.c "$1"/engine/cli/*.h)
if [ -n "$hits" ]; then
    echo "igraph called from the CLI (move it into engine/src/):"
    echo "$hits"
    exit 1
fi
echo "no igraph call under engine/cli/"
