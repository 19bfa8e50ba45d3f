#!/usr/bin/env bash
# End-to-end checks of cartera-cli. CARTERA_CLI names the binary.
set -u
cli=${CARTERA_CLI:?set CARTERA_CLI}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failures=0

fail() { echo "FAIL: $*"; failures=$((failures + 1)); }

expect_exit() {  # expected-code description command...
    local expected=$1 what=$2; shift 2
    "$@" >"$work/out" 2>"$work/err"
    local code=$?
    [ "$code" -eq "$expected" ] || fail "$what: exit $code, expected $expected ($(head -c 300 "$work/err"))"
}

expect_exit 0 "demo" "$cli" demo --customers 300 --seed 7 --as-of 2026-06-30 --out "$work/demo.db" --quiet
[ -s "$work/demo.db" ] || fail "demo wrote no file"
[ -z "$(ls "$work" | grep part)" ] || fail "demo left a temporary file"

if [ "$failures" -eq 0 ]; then echo "cli: all checks passed"; fi
exit $((failures > 0))
