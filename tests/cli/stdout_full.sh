#!/usr/bin/env bash
# Standard output on a full disk (/dev/full): every command, --help and --version exit 1 with
# exactly "collab: write error on standard output: No space left on device" instead of 0 (git's
# run_builtin check).
# Usage: stdout_full.sh COLLAB DATASETS_DIR
set -u
collab=$(realpath "$1")
data="$2/thom_russo.csv"
failures=0
expect_write_error() {
    "$collab" "$@" >/dev/full 2>/tmp/collab-stdout-full.$$
    local status=$?
    local first
    first=$(head -n 1 /tmp/collab-stdout-full.$$)
    if [ "$status" != 1 ] || [ "$first" != "collab: write error on standard output: No space left on device" ]; then
        echo "FAIL collab $*: exit $status, stderr '$first'"
        failures=$((failures + 1))
    fi
}
expect_write_error --version
expect_write_error --help
expect_write_error report --help
expect_write_error summary "$data"
expect_write_error report "$data"
expect_write_error report "$data" --all --format json
expect_write_error communities "$data"
expect_write_error ego "$data" "Thom Russo"
expect_write_error path "$data" "Macy Gray" "Juanes"
expect_write_error distance "$data" "Thom Russo"
expect_write_error roles "$data"
expect_write_error export "$data" --format gml -o -
rm -f /tmp/collab-stdout-full.$$
echo "stdout on a full disk: $failures failed"
[ "$failures" = 0 ]
