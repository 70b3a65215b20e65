#!/bin/sh
# 'cmake --install BUILD --prefix DIR' puts collab, a man page per command and the bash
# completion where man and bash-completion look for them.
#
#   tests/docs/check_install.sh CMAKE BUILD_DIR
set -eu
cmake=$1
build=$2
prefix=$(mktemp -d)
trap 'rm -rf "$prefix"' EXIT
failures=0
fail() {
    echo "FAIL: $*" >&2
    failures=$((failures + 1))
}

"$cmake" --install "$build" --prefix "$prefix" >/dev/null
"$prefix/bin/collab" --version >/dev/null || fail "the installed bin/collab does not run"
man1=$prefix/share/man/man1
[ -f "$man1/collab.1" ] || fail "no share/man/man1/collab.1"
for cmd in $("$prefix/bin/collab" --help | sed -n '/^Commands:$/,/^$/{s/^  \([a-z][a-z]*\) .*/\1/p}'); do
    [ -f "$man1/collab-$cmd.1" ] || fail "no share/man/man1/collab-$cmd.1"
done
[ -f "$prefix/share/bash-completion/completions/collab" ] ||
    fail "no share/bash-completion/completions/collab"
if [ "$failures" -ne 0 ]; then
    exit 1
fi
echo "check_install.sh: installed into a temporary prefix: $(cd "$prefix" && find . -type f | sort | tr '\n' ' ')"
