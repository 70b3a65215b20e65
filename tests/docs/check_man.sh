#!/bin/sh
# The man pages built with collab are those its --help gives now: regenerates them from the binary
# and compares, checks that there is a page for every command 'collab --help' lists and that each
# page names every option of 'collab <command> --help', and (when groff is installed) that groff
# reads every page without a warning.
#
#   tests/docs/check_man.sh COLLAB DOCS_DIR GEN_DOCS
#
# DOCS_DIR is the build's docs/ (man1/, completions/); GEN_DOCS is scripts/docs/gen-docs.sh.
set -eu
collab=$1
docs=$2
gen=$3
failures=0
fail() {
    echo "FAIL: $*" >&2
    failures=$((failures + 1))
}

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# 1. What the build installed is what the binary gives now.
sh "$gen" "$collab" "$tmp/docs"
if ! diff -r "$tmp/docs/man1" "$docs/man1" >"$tmp/diff"; then
    cat "$tmp/diff" >&2
    fail "the built man pages differ from the ones generated from '$collab --help' (rebuild)"
fi
if ! diff "$tmp/docs/completions/collab" "$docs/completions/collab" >"$tmp/diff"; then
    cat "$tmp/diff" >&2
    fail "the built bash completion differs from the one generated from '$collab --help'"
fi

# 2. A page for every command, each naming every option of its --help. The options are read here
# with grep, not with the generator's awk: option lines are indented by 1 to 8 spaces and start
# with '-'; the tag ends at the first double space.
"$collab" --help >"$tmp/top"
commands=$(sed -n '/^Commands:$/,/^$/{s/^  \([a-z][a-z]*\) .*/\1/p}' "$tmp/top")
[ -n "$commands" ] || fail "no commands in '$collab --help'"
n_pages=0
for cmd in $commands; do
    page=$docs/man1/collab-$cmd.1
    if [ ! -f "$page" ]; then
        fail "no man page for '$cmd' ($page)"
        continue
    fi
    n_pages=$((n_pages + 1))
    grep -qF "\\fB$cmd\\fR" "$docs/man1/collab.1" || fail "collab.1 does not list '$cmd'"
    grep -qF "\\fBcollab\\-$cmd\\fR(1)" "$docs/man1/collab.1" ||
        fail "collab.1 does not refer to collab-$cmd(1)"
    "$collab" "$cmd" --help >"$tmp/help"
    grep -E '^ {1,8}-' "$tmp/help" | sed 's/^ *//; s/  .*//' | tr ' ' '\n' | sed 's/,$//' |
        grep -E -- '^--?[a-z][a-z0-9-]*$' | sort -u >"$tmp/options"
    n_options=$(wc -l <"$tmp/options")
    [ "$n_options" -ge 3 ] || fail "only $n_options options found in '$collab $cmd --help'"
    while read -r option; do
        escaped=$(printf '%s' "$option" | sed 's/-/\\-/g')
        grep -qF -- "\\fB$escaped\\fR" "$page" || fail "collab-$cmd.1 does not document $option"
    done <"$tmp/options"
    echo "collab-$cmd.1: $n_options options"
done
pages=$(cd "$docs/man1" && for page in collab-*.1; do echo "$page"; done | sort)
expected=$(for cmd in $commands; do echo "collab-$cmd.1"; done | sort)
[ "$pages" = "$expected" ] || fail "the pages ($pages) are not those of the commands ($expected)"

# 3. groff reads them without a warning.
if command -v groff >/dev/null 2>&1; then
    for page in "$docs"/man1/*.1; do
        groff -man -Tutf8 -ww -z "$page" >"$tmp/groff" 2>&1 || fail "groff failed on $page"
        if [ -s "$tmp/groff" ]; then
            cat "$tmp/groff" >&2
            fail "groff warns about $page"
        fi
    done
fi

if [ "$failures" -ne 0 ]; then
    echo "check_man.sh: $failures failure(s)" >&2
    exit 1
fi
echo "check_man.sh: $n_pages command pages and collab.1 match --help"
