#!/usr/bin/env bash
# End-to-end checks of cartera-cli as a user types it: exit codes (0 ok, 1 bad input, 2 usage),
# one-line errors on standard error, the three output formats, --out, and files left untouched
# when they are refused. CARTERA_CLI names the binary. Needs python3 (json, csv and sqlite3
# modules) to check outputs and to build foreign and newer-schema databases.
set -u
cli=${CARTERA_CLI:?set CARTERA_CLI}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failures=0
checks=0

fail() { echo "FAIL: $*"; failures=$((failures + 1)); }

# Runs a command with its output in $work/out and $work/err and its exit code in $code.
# A crash (signal, abort, sanitizer report, uncaught exception) is always a failure.
run() {
    "$@" >"$work/out" 2>"$work/err"
    code=$?
    checks=$((checks + 1))
    if [ "$code" -ge 128 ] || grep -qE "Segmentation|terminate called|Aborted|AddressSanitizer|runtime error:" "$work/err"; then
        fail "crash ($code): $* :: $(head -c 300 "$work/err")"
    fi
}

lines_of() { awk 'END { print NR }' "$1"; }

expect_exit() {  # expected-code description command...
    local expected=$1 what=$2
    shift 2
    run "$@"
    [ "$code" -eq "$expected" ] || fail "$what: exit $code, expected $expected ($(head -c 300 "$work/err"))"
}

# An error: the exit code, exactly one line on standard error naming the program, nothing on
# standard output.
expect_error() {  # expected-code description command...
    local expected=$1 what=$2
    expect_exit "$@"
    [ "$(lines_of "$work/err")" -eq 1 ] || fail "$what: expected one line on stderr, got: $(cat "$work/err")"
    grep -q "^cartera-cli: " "$work/err" || fail "$what: stderr does not start with 'cartera-cli: ': $(cat "$work/err")"
    [ ! -s "$work/out" ] || fail "$what: printed on stdout: $(head -c 200 "$work/out")"
}

checksum() { sha256sum "$1" | cut -d' ' -f1; }
listing() { ls -A "$1" | tr '\n' ' '; }
json_ok() { python3 -c 'import json,sys; json.load(sys.stdin)' <"$1"; }
# Rows of a CSV file (header included) as parsed by Python's csv module.
csv_rows() { python3 -c 'import csv,sys; print(len(list(csv.reader(open(sys.argv[1], newline="")))))' "$1"; }
# Column values of a CSV file, one per line, header excluded.
csv_column() {
    python3 -c '
import csv, sys
rows = list(csv.reader(open(sys.argv[1], newline="")))
i = rows[0].index(sys.argv[2])
for row in rows[1:]:
    print(row[i])' "$1" "$2"
}
json_value() {  # file python-expression-on-data
    python3 -c 'import json,sys; data = json.load(open(sys.argv[1])); print(eval(sys.argv[2]))' "$1" "$2"
}
no_temporary_files() {  # folder description
    ! ls -A "$1" | grep -q '\.part' || fail "$2 left a temporary file: $(listing "$1")"
}

db=$work/demo.db

# --- help and version --------------------------------------------------------------------------
for command in "" demo info check customers reps; do
    # shellcheck disable=SC2086
    expect_exit 0 "${command:-cartera-cli} --help" "$cli" $command --help
    grep -q "Usage" "$work/out" || fail "${command:-cartera-cli} --help printed no usage"
    [ ! -s "$work/err" ] || fail "${command:-cartera-cli} --help wrote to stderr"
done
expect_exit 0 "--version" "$cli" --version
grep -q "cartera-cli" "$work/out" || fail "--version printed no version"

# --- demo --------------------------------------------------------------------------------------
expect_exit 0 "demo" "$cli" demo --customers 300 --seed 7 --as-of 2026-06-30 --out "$db" --quiet
[ -s "$db" ] || fail "demo wrote no file"
[ ! -s "$work/out" ] || fail "demo --quiet printed something"
no_temporary_files "$work" "demo"

expect_exit 0 "demo (not quiet)" "$cli" demo --customers 300 --seed 7 --as-of 2026-06-30 --out "$work/same.db"
[ "$(lines_of "$work/out")" -eq 1 ] && grep -q "^Wrote .* customers, .* orders" "$work/out" ||
    fail "demo printed no one-line summary: $(cat "$work/out")"

# Same seed and date: same portfolio (compared through the CLI's own reports, not file bytes).
expect_exit 0 "customers of demo.db" "$cli" customers --db "$db" --limit 0 --sort code --format csv --out "$work/a.csv"
expect_exit 0 "customers of same.db" "$cli" customers --db "$work/same.db" --limit 0 --sort code --format csv --out "$work/b.csv"
cmp -s "$work/a.csv" "$work/b.csv" || fail "the same seed and --as-of gave different customers"
expect_exit 0 "demo other seed" "$cli" demo --customers 300 --seed 8 --as-of 2026-06-30 --out "$work/other.db" --quiet
expect_exit 0 "customers of other.db" "$cli" customers --db "$work/other.db" --limit 0 --sort code --format csv --out "$work/c.csv"
! cmp -s "$work/a.csv" "$work/c.csv" || fail "another seed gave the same customers"

# --replace replaces; without it an existing file is refused and left alone.
before=$(checksum "$work/other.db")
expect_error 1 "demo onto an existing file" "$cli" demo --customers 10 --out "$work/other.db" --quiet
[ "$(checksum "$work/other.db")" = "$before" ] || fail "demo changed an existing file without --replace"
expect_exit 0 "demo --replace" "$cli" demo --customers 10 --seed 1 --out "$work/other.db" --replace --quiet
[ "$(checksum "$work/other.db")" != "$before" ] || fail "demo --replace did not replace the file"
no_temporary_files "$work" "demo --replace"

# --- info --------------------------------------------------------------------------------------
expect_exit 0 "info" "$cli" info --db "$db"
grep -q "^item  *value" "$work/out" || fail "info table has no header: $(head -2 "$work/out")"
grep -q "^----" "$work/out" || fail "info table has no rule under the header"
grep -qE "^schema_version +[0-9]+" "$work/out" || fail "info table shows no schema version"

expect_exit 0 "info csv" "$cli" info --db "$db" --format csv
[ "$(head -1 "$work/out")" = $'item,value\r' ] || fail "info csv header: $(head -1 "$work/out" | od -c | head -2)"
grep -q $'^customers,[0-9][0-9]*\r$' "$work/out" || fail "info csv has no customers row"
cp "$work/out" "$work/info.csv"

expect_exit 0 "info json" "$cli" info --db "$db" --format json
json_ok "$work/out" || fail "info json does not parse: $(head -c 300 "$work/out")"
cp "$work/out" "$work/info.json"
accounts=$(json_value "$work/info.json" 'sum(int(r["value"]) for r in data if r["item"] in ("customers", "prospects"))')
[ "$accounts" = 300 ] || fail "info counts $accounts accounts, expected 300"
[ "$(json_value "$work/info.json" '[r["value"] for r in data if r["item"] == "reps"][0]')" = 15 ] || fail "info: not 15 reps"
[ "$(json_value "$work/info.json" '[r["value"] for r in data if r["item"] == "demo"][0]')" = yes ] || fail "info: not a demo"
prospects=$(json_value "$work/info.json" '[r["value"] for r in data if r["item"] == "prospects"][0]')
schema=$(json_value "$work/info.json" '[r["value"] for r in data if r["item"] == "schema_version"][0]')

for format in table csv json; do
    expect_exit 0 "info --format $format" "$cli" info --db "$db" --format "$format"
    cp "$work/out" "$work/stdout.$format"
    expect_exit 0 "info --format $format --out" "$cli" info --db "$db" --format "$format" --out "$work/info-out.$format"
    [ ! -s "$work/out" ] || fail "info --out also printed on stdout"
    cmp -s "$work/stdout.$format" "$work/info-out.$format" || fail "info --out $format differs from standard output"
done
no_temporary_files "$work" "info --out"

# --- check -------------------------------------------------------------------------------------
expect_exit 0 "check" "$cli" check --db "$db"
[ "$(cat "$work/out")" = ok ] || fail "check printed: $(cat "$work/out")"

# --- customers ---------------------------------------------------------------------------------
header=$'code,name,kind,industry,city,country,channel,owner,status\r'
expect_exit 0 "customers" "$cli" customers --db "$db"
grep -q "^code  *name" "$work/out" || fail "customers table has no header"
[ "$(lines_of "$work/out")" -eq 102 ] || fail "customers table: $(lines_of "$work/out") lines, expected header, rule and 100 rows"

expect_exit 0 "customers csv" "$cli" customers --db "$db" --format csv
[ "$(head -1 "$work/out")" = "$header" ] || fail "customers csv header: $(head -1 "$work/out")"
cp "$work/out" "$work/customers.csv"
[ "$(csv_rows "$work/customers.csv")" -eq 101 ] || fail "customers csv: default limit of 100 rows not applied"

expect_exit 0 "customers json" "$cli" customers --db "$db" --format json --limit 7
json_ok "$work/out" || fail "customers json does not parse"
cp "$work/out" "$work/customers.json"
[ "$(json_value "$work/customers.json" 'len(data)')" = 7 ] || fail "customers json --limit 7 gave another count"
[ "$(json_value "$work/customers.json" 'sorted(data[0].keys()) == sorted(["code","name","kind","industry","city","country","channel","owner","status"])')" = True ] ||
    fail "customers json keys: $(json_value "$work/customers.json" 'list(data[0].keys())')"

expect_exit 0 "customers --limit 0" "$cli" customers --db "$db" --limit 0 --format csv --out "$work/all.csv"
[ "$(csv_rows "$work/all.csv")" -eq 301 ] || fail "customers --limit 0 did not list all 300 accounts"

expect_exit 0 "customers page" "$cli" customers --db "$db" --limit 5 --offset 10 --format csv --out "$work/page.csv"
[ "$(csv_column "$work/page.csv" code)" = "$(csv_column "$work/all.csv" code | sed -n 11,15p)" ] ||
    fail "customers --limit 5 --offset 10 is not rows 11 to 15 of the full list"

expect_exit 0 "customers --kind prospect" "$cli" customers --db "$db" --kind prospect --limit 0 --format csv --out "$work/p.csv"
[ "$(csv_column "$work/p.csv" kind | sort -u)" = prospect ] || fail "customers --kind prospect listed other kinds"
[ "$(csv_column "$work/p.csv" kind | wc -l)" -eq "$prospects" ] || fail "customers --kind prospect count differs from info"

expect_exit 0 "customers --country" "$cli" customers --db "$db" --country FR --channel direct --limit 0 --format csv --out "$work/fr.csv"
[ "$(csv_column "$work/fr.csv" country | sort -u)" = FR ] || fail "customers --country FR listed other countries"
[ "$(csv_column "$work/fr.csv" channel | sort -u)" = direct ] || fail "customers --channel direct listed other channels"

expect_exit 0 "customers --sort code --desc" "$cli" customers --db "$db" --sort code --desc --limit 0 --format csv --out "$work/desc.csv"
[ "$(csv_column "$work/desc.csv" code)" = "$(csv_column "$work/all.csv" code | LC_ALL=C sort -r)" ] ||
    fail "customers --sort code --desc is not in descending code order"

expect_exit 0 "reps csv" "$cli" reps --db "$db" --format csv --out "$work/reps.csv"
r01=$(python3 -c '
import csv, sys
for row in csv.DictReader(open(sys.argv[1], newline="")):
    if row["code"] == "R01":
        print(row["name"])' "$work/reps.csv")
[ -n "$r01" ] || fail "reps has no R01"
expect_exit 0 "customers --owner" "$cli" customers --db "$db" --owner R01 --limit 0 --format csv --out "$work/owner.csv"
[ "$(csv_rows "$work/owner.csv")" -gt 1 ] || fail "customers --owner R01 listed nobody"
[ "$(csv_column "$work/owner.csv" owner | sort -u)" = "$r01" ] || fail "customers --owner R01 listed other owners"

# Wildcards are matched literally: no demo name holds % or _.
expect_exit 0 "customers --search %" "$cli" customers --db "$db" --search % --format csv
[ "$(csv_rows "$work/out")" -eq 1 ] || fail "customers --search % matched $(($(csv_rows "$work/out") - 1)) accounts"
expect_exit 0 "customers --search _" "$cli" customers --db "$db" --search _ --format csv
[ "$(csv_rows "$work/out")" -eq 1 ] || fail "customers --search _ matched accounts"
first_code=$(csv_column "$work/all.csv" code | head -1)
expect_exit 0 "customers --search code" "$cli" customers --db "$db" --search "$first_code" --format csv
csv_column "$work/out" code | grep -qx "$first_code" || fail "customers --search $first_code did not find it"

expect_exit 0 "customers --out" "$cli" customers --db "$db" --format csv --out "$work/customers-out.csv"
cmp -s "$work/customers.csv" "$work/customers-out.csv" || fail "customers --out differs from standard output"

# --- reps --------------------------------------------------------------------------------------
expect_exit 0 "reps" "$cli" reps --db "$db"
[ "$(lines_of "$work/out")" -eq 17 ] || fail "reps table: $(lines_of "$work/out") lines, expected 17"
[ "$(head -1 "$work/reps.csv")" = $'code,name,email,team,manager,active\r' ] || fail "reps csv header: $(head -1 "$work/reps.csv")"
[ "$(csv_rows "$work/reps.csv")" -eq 16 ] || fail "reps csv: not 15 reps"
expect_exit 0 "reps json" "$cli" reps --db "$db" --format json --out "$work/reps.json"
json_ok "$work/reps.json" || fail "reps json does not parse"
[ "$(json_value "$work/reps.json" '[r["manager"] for r in data if r["code"] == "R01"][0]')" = M01 ] || fail "reps json: R01 is not managed by M01"
no_temporary_files "$work" "reports"

# --- usage errors: exit 2, one line ------------------------------------------------------------
expect_error 2 "no command" "$cli"
expect_error 2 "unknown command" "$cli" frobnicate --db "$db"
grep -q "frobnicate" "$work/err" || fail "unknown command: the message does not name it: $(cat "$work/err")"
expect_error 2 "unknown option" "$cli" info --db "$db" --bogus
expect_error 2 "unknown top-level option" "$cli" --bogus
for command in info check customers reps; do
    expect_error 2 "$command without --db" "$cli" "$command"
    expect_error 2 "$command --db without a value" "$cli" "$command" --db
done
for command in info customers reps; do
    expect_error 2 "$command --format xml" "$cli" "$command" --db "$db" --format xml
done
expect_error 2 "--limit -1" "$cli" customers --db "$db" --limit -1
expect_error 2 "--limit abc" "$cli" customers --db "$db" --limit abc
expect_error 2 "--offset -3" "$cli" customers --db "$db" --offset -3
expect_error 2 "--sort bogus" "$cli" customers --db "$db" --sort bogus
expect_error 2 "--channel bogus" "$cli" customers --db "$db" --channel bogus
expect_error 2 "--kind lead" "$cli" customers --db "$db" --kind lead
expect_error 2 "--status gone" "$cli" customers --db "$db" --status gone
expect_error 2 "--size huge" "$cli" customers --db "$db" --size huge
expect_error 2 "demo without --out" "$cli" demo --customers 5
expect_error 2 "demo --out empty" "$cli" demo --customers 5 --out ""
expect_error 2 "demo --customers -5" "$cli" demo --customers -5 --out "$work/neg.db"
expect_error 2 "demo --customers abc" "$cli" demo --customers abc --out "$work/neg.db"
for date in 2025-02-29 2026-13-01 yesterday 2026/06/30 "2026-06-30 junk" ""; do
    expect_error 2 "demo --as-of '$date'" "$cli" demo --customers 5 --as-of "$date" --out "$work/bad-date.db"
done
[ ! -e "$work/neg.db" ] && [ ! -e "$work/bad-date.db" ] || fail "a refused demo command wrote a file"
no_temporary_files "$work" "refused demo"

# --- bad input: exit 1, one line, files untouched ----------------------------------------------
expect_error 1 "missing db file" "$cli" info --db "$work/missing.db"
[ ! -e "$work/missing.db" ] || fail "opening a missing file created it"
for command in check customers reps; do
    expect_error 1 "$command of a missing db file" "$cli" "$command" --db "$work/missing.db"
done
[ ! -e "$work/missing.db" ] || fail "opening a missing file created it"
expect_error 1 "a folder as db" "$cli" info --db "$work"

mkdir "$work/refused"
printf 'code,name\nC1,Dupont\n%.0s' $(seq 1 200) >"$work/refused/notes.db"
python3 - "$work/refused/foreign.db" <<'EOF'
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
db.executescript("CREATE TABLE invoices (id INTEGER PRIMARY KEY, amount REAL); INSERT INTO invoices VALUES (1, 9.5);")
db.close()
EOF
cp "$db" "$work/refused/newer.db"
python3 - "$work/refused/newer.db" "$schema" <<'EOF'
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
db.execute("PRAGMA user_version = %d" % (int(sys.argv[2]) + 1))
db.close()
EOF
head -c 8192 "$db" >"$work/refused/truncated.db"
head -c 16384 /dev/urandom >"$work/refused/random.db"
files_before=$(listing "$work/refused")
for file in notes foreign newer truncated random; do
    path="$work/refused/$file.db"
    sum=$(checksum "$path")
    for command in info check customers reps; do
        expect_error 1 "$command of $file.db" "$cli" "$command" --db "$path"
        [ "$(checksum "$path")" = "$sum" ] || fail "$command changed the refused file $file.db"
    done
done
[ "$(listing "$work/refused")" = "$files_before" ] || fail "refused opens left files behind: $(listing "$work/refused")"
expect_error 1 "newer schema message" "$cli" info --db "$work/refused/newer.db"
grep -qi "newer" "$work/err" || fail "newer schema: the message does not say so: $(cat "$work/err")"

expect_error 1 "--owner unknown" "$cli" customers --db "$db" --owner ZZZ
grep -q "ZZZ" "$work/err" || fail "--owner: the message does not name the code"
for command in info customers reps; do
    expect_error 1 "$command --out into a missing folder" "$cli" "$command" --db "$db" --out "$work/no-such-folder/x.csv"
done
[ ! -e "$work/no-such-folder" ] || fail "--out created a folder"
expect_error 1 "--out onto a folder" "$cli" info --db "$db" --out "$work/refused"
grep -q "Success" "$work/err" && fail "--out onto a folder: the message hides the cause: $(cat "$work/err")"
expect_error 1 "demo --out into a missing folder" "$cli" demo --customers 5 --out "$work/no-such-folder/demo.db"
expect_error 1 "demo --out onto a folder" "$cli" demo --customers 5 --out "$work/refused" --replace
sum=$(checksum "$work/refused/notes.db")
expect_error 1 "demo onto an existing file" "$cli" demo --customers 5 --out "$work/refused/notes.db"
[ "$(checksum "$work/refused/notes.db")" = "$sum" ] || fail "demo changed an existing file without --replace"
[ "$(listing "$work/refused")" = "$files_before" ] || fail "refused demo left files behind: $(listing "$work/refused")"

# check finds damage: an orphaned row, monthly figures that disagree with the order lines.
cp "$db" "$work/orphans.db"
python3 - "$work/orphans.db" <<'EOF'
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
db.execute("PRAGMA foreign_keys = OFF")
db.execute("INSERT INTO contact (customer_id, last_name) VALUES (999999, 'Orphan')")
db.execute("INSERT INTO contact (customer_id, last_name) VALUES (999998, 'Orphan too')")
db.commit()
db.close()
EOF
expect_error 1 "check of a file with orphans" "$cli" check --db "$work/orphans.db"
cp "$db" "$work/figures.db"
python3 - "$work/figures.db" <<'EOF'
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
db.execute("UPDATE customer_month SET revenue = revenue + 1 WHERE month = (SELECT max(month) FROM customer_month)")
db.commit()
db.close()
EOF
expect_error 1 "check of wrong monthly figures" "$cli" check --db "$work/figures.db"
grep -q "differ" "$work/err" || fail "check: the message does not say the figures differ: $(cat "$work/err")"

if [ "$failures" -eq 0 ]; then
    echo "cli: all $checks checks passed"
fi
exit $((failures > 0))
