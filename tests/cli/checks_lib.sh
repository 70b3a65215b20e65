# Shared by the check scripts (encodings.sh, shapes.sh, networks.sh, ...), sourced once they
# have read their arguments: a scratch folder removed on exit, and the helpers below. Not run.

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failures=0

# fail MESSAGE...: counts a failed check and says which.
fail() {
    echo "FAIL $*"
    failures=$((failures + 1))
}

# expect FILE TEXT: FILE mentions TEXT.
expect() {
    grep -qF -- "$2" "$1" || fail "$(basename "$1") does not mention '$2'"
}

# checks_done NAME: the summary line; the status is non-zero when a check failed.
checks_done() {
    echo "$1: $failures failed"
    [ "$failures" = 0 ]
}
