#!/bin/sh
# Generates collab's man pages and its bash completion from the built binary's --help output, so
# neither can drift from it: a command or option added to --help appears in both at the next
# build. Run by the build (CMakeLists.txt, target collab_docs) and by the docs tests.
#
#   scripts/docs/gen-docs.sh COLLAB OUTDIR
#
# writes OUTDIR/man1/collab.1, OUTDIR/man1/collab-<command>.1 for every command that
# 'collab --help' lists, and OUTDIR/completions/collab. Needs only sh and awk.
set -eu

if [ $# -ne 2 ]; then
    echo "usage: gen-docs.sh COLLAB OUTDIR" >&2
    exit 2
fi
collab=$1
out=$2
here=$(cd "$(dirname "$0")" && pwd)
tagline="analyse collaboration networks built from credits"

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# Runs collab with the given arguments into $tmp/help; a failure stops the generation.
help_of() {
    if ! "$collab" "$@" >"$tmp/help" </dev/null; then
        echo "gen-docs.sh: '$collab $*' failed" >&2
        exit 1
    fi
}

version=$("$collab" --version | sed -n '1s/^collab //p')
help_of --help
cp "$tmp/help" "$tmp/top"
# The commands and their one-line descriptions, from the "Commands:" list.
awk '/^Commands:$/ { on = 1; next }
     on && /^  [a-z]/ { name = $1; sub(/^  [^ ]+ +/, ""); print name "\t" $0; next }
     on { exit }' "$tmp/top" >"$tmp/commands"
if [ ! -s "$tmp/commands" ]; then
    echo "gen-docs.sh: no commands found in '$collab --help'" >&2
    exit 1
fi
commands=$(cut -f1 "$tmp/commands" | tr '\n' ' ' | sed 's/ $//')

mkdir -p "$tmp/man1" "$tmp/completions"
see=""
for cmd in $commands; do
    see="$see collab-$cmd"
done
awk -f "$here/help2man.awk" -v page=collab -v name=collab -v what="$tagline" \
    -v version="$version" -v see="$see" "$tmp/top" >"$tmp/man1/collab.1"

{
    printf '@top\n'
    cat "$tmp/top"
} >"$tmp/all"
while IFS="$(printf '\t')" read -r cmd what; do
    help_of "$cmd" --help
    awk -f "$here/help2man.awk" -v page="collab-$cmd" -v name="collab $cmd" -v what="$what" \
        -v version="$version" -v see="collab" "$tmp/help" >"$tmp/man1/collab-$cmd.1"
    {
        printf '@command %s\n' "$cmd"
        cat "$tmp/help"
    } >>"$tmp/all"
done <"$tmp/commands"
awk -f "$here/help2completion.awk" -v commands="$commands" "$tmp/all" >"$tmp/completions/collab"

# Replace the previous pages as a whole, so a removed command leaves no page behind.
mkdir -p "$out/man1" "$out/completions"
rm -f "$out"/man1/collab*.1
cp "$tmp"/man1/*.1 "$out/man1/"
cp "$tmp/completions/collab" "$out/completions/collab"
