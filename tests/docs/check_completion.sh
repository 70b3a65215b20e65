#!/usr/bin/env bash
# The bash completion offers what --help lists: every command, every option of each command, and
# the values of the enumerated options (report's --format, --view, --weighting, --community,
# map's --color-by, export's --layout, --path-weights), also as --opt=value; directories after
# analyze's -o DIR. Runs the completion function as bash would: COMP_WORDS and COMP_CWORD set,
# COMPREPLY read back.
#
#   tests/docs/check_completion.sh COLLAB COMPLETION_SCRIPT
set -u
collab=$1
script=$2
failures=0
fail() {
    echo "FAIL: $*" >&2
    failures=$((failures + 1))
}

# shellcheck source=/dev/null
source "$script" || { echo "FAIL: cannot source $script" >&2; exit 1; }
[[ $(complete -p collab 2>/dev/null) == "complete -F _collab collab" ]] ||
    fail "the script does not register _collab for collab"

# complete WORD...: runs the completion on the words (the last is the one being completed) and
# leaves the offers in $offered, sorted, one per line.
complete_words() {
    COMP_WORDS=("$@")
    COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
    COMP_LINE="$*"
    COMP_POINT=${#COMP_LINE}
    COMPREPLY=()
    _collab collab "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD - 1]}"
    offered=$(printf '%s\n' "${COMPREPLY[@]}" | sed '/^$/d' | sort)
}

# The words of a list on one line.
one_line() {
    tr '\n' ' ' <<<"$1" | sed 's/ *$//'
}

# complete_line "WORDS...": complete_words on the words of the line, plus an empty last word when
# the line ends with a space.
complete_line() {
    local argv
    read -r -a argv <<<"$1"
    if [[ $1 == *' ' ]]; then
        argv+=("")
    fi
    complete_words "${argv[@]}"
}

# expect_exactly "WORDS..." "a b c": the offers are exactly these words.
expect_exactly() {
    local words=$1 want list
    read -r -a list <<<"$(one_line "$2")"
    want=$(printf '%s\n' "${list[@]}" | sed '/^$/d' | sort)
    complete_line "$words"
    [[ $offered == "$want" ]] ||
        fail "'$words' offers [$(one_line "$offered")], expected [$(one_line "$want")]"
}

# expect_includes "WORDS..." "a b": the offers include these words.
expect_includes() {
    local words=$1 w list
    read -r -a list <<<"$(one_line "$2")"
    complete_line "$words"
    for w in "${list[@]}"; do
        grep -qxF -- "$w" <<<"$offered" ||
            fail "'$words' does not offer $w (offers: $(one_line "$offered"))"
    done
}

# Every command 'collab --help' lists, and nothing else.
commands=$("$collab" --help | sed -n '/^Commands:$/,/^$/{s/^  \([a-z][a-z]*\) .*/\1/p}')
[[ -n $commands ]] || fail "no commands in '$collab --help'"
expect_exactly "collab " "$commands"
expect_exactly "collab r" "report roles"
expect_exactly "collab --v" "--version"

# Every option of every command's --help, after '-'.
for cmd in $commands; do
    options=$("$collab" "$cmd" --help | grep -E '^ {1,8}-' | sed 's/^ *//; s/  .*//' |
        tr ' ' '\n' | sed 's/,$//' | grep -E -- '^--?[a-z][a-z0-9-]*$' | sort -u)
    expect_includes "collab $cmd -" "$options"
done

# Enumerated values, from the a|b|c lists of --help.
expect_exactly "collab report --format " "table csv json md html"
expect_exactly "collab report --format j" "json"
expect_exactly "collab report --format=j" "--format=json"
expect_exactly "collab report --format = " "table csv json md html"
expect_exactly "collab map --format " "png svg pdf"
expect_exactly "collab summary --view " "people projects bipartite"
expect_exactly "collab analyze --weighting " "count newman jaccard fractional"
expect_exactly "collab report --community " "leiden louvain label-propagation infomap walktrap"
expect_exactly "collab map --color-by " "community year role none"
expect_exactly "collab export --layout " "fa2 fr kk drl circle none"
expect_exactly "collab map --layout " "fa2 fr kk drl circle"
expect_exactly "collab report --path-weights " "hops inverse"
# A value to type (a number): nothing to offer, not the options.
expect_exactly "collab report --top " ""
expect_exactly "collab map --width " ""

# Files for FILE, directories for DIR.
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir "$tmp/outdir"
touch "$tmp/credits.csv"
cd "$tmp" || exit 1
expect_exactly "collab analyze -o " "outdir"
expect_exactly "collab analyze --output " "outdir"
expect_exactly "collab report " "credits.csv outdir"
expect_exactly "collab map --scene " "credits.csv outdir"

if ((failures)); then
    echo "check_completion.sh: $failures failure(s)" >&2
    exit 1
fi
echo "check_completion.sh: $(wc -w <<<"$commands") commands, their options and values complete"
