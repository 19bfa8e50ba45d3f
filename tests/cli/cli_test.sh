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
for command in "" demo info check customers reps abc abc-snapshot "abc-snapshot save" "abc-snapshot list" \
    "abc-snapshot show" "abc-snapshot compare" "abc-snapshot delete" tiers portfolio territory "territory list" \
    "territory assign" coverage "customers export" segment "segment export" pipeline forecast \
    "opportunity list" "opportunity add" "opportunity move" exit "exit record" "exit list" churn at-risk cross-sell; do
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

# --- abc ---------------------------------------------------------------------------------------
# The classification is checked against an independent computation from the order lines (not the
# monthly figures the command reads): exact cents, the rule of docs/abc.md, ties by code.
abc_header=$'rank,code,name,value,share,cumulative_share,class\r'
expect_exit 0 "abc" "$cli" abc --db "$db" --as-of 2026-06-30
grep -q "^rank  *code  *name  *value  *share  *cumulative_share  *class" "$work/out" || fail "abc table header: $(head -1 "$work/out")"
expect_exit 0 "abc csv" "$cli" abc --db "$db" --as-of 2026-06-30 --format csv --out "$work/abc.csv"
[ "$(head -1 "$work/abc.csv")" = "$abc_header" ] || fail "abc csv header: $(head -1 "$work/abc.csv")"
# check_abc CSV DB FROM-DATE TO-DATE CRITERION THRESHOLDS: prints problems, nothing when right.
check_abc() {
    python3 - "$@" <<'PY'
import csv, sqlite3, sys
from decimal import Decimal
path, db, first, last, criterion, thresholds = sys.argv[1:7]
rows = list(csv.DictReader(open(path, newline="", encoding="utf-8")))
con = sqlite3.connect(db)
values = {}
for code, kind, qty, price, disc, cost, orders in con.execute(
        "SELECT c.code, c.kind, l.quantity, l.unit_price, l.discount_bp, l.unit_cost, o.id FROM customer c "
        "JOIN sales_order o ON o.customer_id = c.id JOIN order_line l ON l.order_id = o.id "
        "WHERE o.status <> 'cancelled' AND o.order_date BETWEEN ? AND ? AND c.archived_on IS NULL "
        "AND c.id NOT IN (SELECT customer_id FROM customer_exit WHERE outcome = 'lost' AND effective_on <= ?)",
        (first, last, last)):
    g = qty * price
    revenue = g - (g // 10000) * disc - ((g % 10000) * disc + 4999) // 10000
    v = values.setdefault(code, [0, 0, set()])
    v[0] += revenue
    v[1] += revenue - qty * cost
    v[2].add(orders)
# Lost customers leave the runs whose period ends on or after their exit (docs/retention.md).
for (code,) in con.execute("SELECT code FROM customer WHERE kind = 'customer' AND archived_on IS NULL AND id NOT IN "
                           "(SELECT customer_id FROM customer_exit WHERE outcome = 'lost' AND effective_on <= ?)", (last,)):
    values.setdefault(code, [0, 0, set()])
def value(code):
    v = values[code]
    return {"revenue": v[0], "margin": v[1], "orders": len(v[2])}[criterion]
def as_int(text):
    return int(Decimal(text) * 100) if criterion != "orders" else int(text)
problems = []
if sorted(r["code"] for r in rows) != sorted(values):
    problems.append("customers listed differ from the order lines: %d vs %d" % (len(rows), len(values)))
classified = [r for r in rows if r["class"]]
apart = [r for r in rows if not r["class"]]
expected = sorted((c for c in values if value(c) > 0), key=lambda c: (-value(c), c))
if [r["code"] for r in classified] != expected:
    problems.append("ranking differs from value descending, code ascending")
if rows[:len(classified)] != classified:
    problems.append("customers listed apart come before classified ones")
if sorted(r["code"] for r in apart) != sorted(c for c in values if value(c) <= 0):
    problems.append("the customers listed apart are not those with a value of 0 or below")
shares = [int(Decimal(s) * 100) for s in thresholds.split(",")]
ends = [sum(shares[:i + 1]) for i in range(len(shares))]
total = sum(value(c) for c in expected)
before = 0
for i, r in enumerate(classified):
    v = value(r["code"])
    if as_int(r["value"]) != v:
        problems.append("%s: value %s, expected %d" % (r["code"], r["value"], v)); break
    if int(r["rank"]) != i + 1:
        problems.append("%s: rank %s, expected %d" % (r["code"], r["rank"], i + 1)); break
    k = next(k for k, end in enumerate(ends) if before * 10000 < end * total or k == len(ends) - 1)
    if r["class"] != "ABCD"[k]:
        problems.append("%s: class %s, expected %s (%d before of %d)" % (r["code"], r["class"], "ABCD"[k], before, total)); break
    before += v
    if abs(Decimal(r["cumulative_share"]) - Decimal(before) * 100 / total) > Decimal("0.00005"):
        problems.append("%s: cumulative share %s, expected %s" % (r["code"], r["cumulative_share"], Decimal(before) * 100 / total)); break
if len(classified) < 20 or len(apart) == 0:
    problems.append("too few customers to test anything: %d classified, %d apart" % (len(classified), len(apart)))
print("\n".join(problems))
PY
}
problems=$(check_abc "$work/abc.csv" "$db" 2025-07-01 2026-06-30 revenue 80,15,5)
[ -z "$problems" ] || fail "abc revenue, last 12 months: $problems"
expect_exit 0 "abc margin 4 classes" "$cli" abc --db "$db" --criterion margin --year 2025 --thresholds 70,20,7.5,2.5 --format csv --out "$work/abc-margin.csv"
problems=$(check_abc "$work/abc-margin.csv" "$db" 2025-01-01 2025-12-31 margin 70,20,7.5,2.5)
[ -z "$problems" ] || fail "abc margin, 2025, four classes: $problems"
csv_column "$work/abc-margin.csv" class | grep -qx D || fail "abc with four thresholds has no class D"
expect_exit 0 "abc orders" "$cli" abc --db "$db" --criterion orders --from 2025-03 --to 2026-02 --format csv --out "$work/abc-orders.csv"
problems=$(check_abc "$work/abc-orders.csv" "$db" 2025-03-01 2026-02-28 orders 80,15,5)
[ -z "$problems" ] || fail "abc orders, 2025-03..2026-02: $problems"

# The same period written three ways gives the same list; the default is the last 12 months.
expect_exit 0 "abc --year" "$cli" abc --db "$db" --year 2025 --format csv --out "$work/abc-year.csv"
expect_exit 0 "abc --from --to" "$cli" abc --db "$db" --from 2025-01 --to 2025-12 --format csv --out "$work/abc-range.csv"
cmp -s "$work/abc-year.csv" "$work/abc-range.csv" || fail "abc --year 2025 differs from --from 2025-01 --to 2025-12"
expect_exit 0 "abc --as-of" "$cli" abc --db "$db" --as-of 2025-12-01 --format csv --out "$work/abc-asof.csv"
cmp -s "$work/abc-year.csv" "$work/abc-asof.csv" || fail "abc --as-of 2025-12-01 is not the 12 months of 2025"
expect_exit 0 "abc today" "$cli" abc --db "$db" --format csv --out "$work/abc-today.csv"
expect_exit 0 "abc --as-of today" "$cli" abc --db "$db" --as-of "$(date -u +%F)" --format csv --out "$work/abc-today2.csv"
cmp -s "$work/abc-today.csv" "$work/abc-today2.csv" || fail "abc without a period is not the last 12 months as of today"

# Scope: exactly the customers the customers command lists for the same filter.
for scope in "--country FR" "--channel direct" "--rep R01"; do
    # shellcheck disable=SC2086
    expect_exit 0 "abc $scope" "$cli" abc --db "$db" --as-of 2026-06-30 $scope --format csv --out "$work/abc-scope.csv"
    # shellcheck disable=SC2086
    expect_exit 0 "customers $scope" "$cli" customers --db "$db" --kind customer --limit 0 --format csv \
        $(echo "$scope" | sed 's/--rep/--owner/') --out "$work/customers-scope.csv"
    # Less the customers lost by 2026-06-30 (docs/retention.md).
    python3 - "$db" > "$work/lost-codes.txt" <<'PY'
import sqlite3, sys
for (code,) in sqlite3.connect(sys.argv[1]).execute("SELECT c.code FROM customer c JOIN customer_exit e ON e.customer_id = c.id "
                                                     "WHERE e.outcome = 'lost' AND e.effective_on <= '2026-06-30'"):
    print(code)
PY
    [ "$(csv_column "$work/abc-scope.csv" code | sort)" = "$(csv_column "$work/customers-scope.csv" code | grep -vxF -f "$work/lost-codes.txt" | sort)" ] ||
        fail "abc $scope does not list the customers of that scope"
    [ "$(csv_rows "$work/abc-scope.csv")" -gt 2 ] || fail "abc $scope listed almost nobody"
done
expect_exit 0 "abc --country FR" "$cli" abc --db "$db" --as-of 2026-06-30 --country FR --format csv --out "$work/abc-FR.csv"
expect_exit 0 "abc --country fr" "$cli" abc --db "$db" --as-of 2026-06-30 --country fr --format csv --out "$work/abc-fr.csv"
cmp -s "$work/abc-FR.csv" "$work/abc-fr.csv" || fail "abc --country fr is not --country FR"

# --summary: one row per class, then all classified, then those listed apart.
expect_exit 0 "abc --summary" "$cli" abc --db "$db" --as-of 2026-06-30 --summary --format json --out "$work/summary.json"
json_ok "$work/summary.json" || fail "abc --summary json does not parse"
summary_check=$(python3 - "$work/summary.json" "$work/abc.csv" <<'PY'
import csv, json, sys
from decimal import Decimal
summary = json.load(open(sys.argv[1]))
rows = list(csv.DictReader(open(sys.argv[2], newline="", encoding="utf-8")))
out = []
if [r["class"] for r in summary] != ["A", "B", "C", "total", "apart"]:
    out.append("rows %s" % [r["class"] for r in summary])
for r in summary[:3]:
    mine = [x for x in rows if x["class"] == r["class"]]
    if r["customers"] != len(mine):
        out.append("%s: %s customers, the list has %d" % (r["class"], r["customers"], len(mine)))
    if Decimal(str(r["value"])) != sum(Decimal(x["value"]) for x in mine):
        out.append("%s: value %s differs from the list" % (r["class"], r["value"]))
if summary[3]["customers"] != sum(r["customers"] for r in summary[:3]):
    out.append("total customers")
if summary[4]["customers"] != len([x for x in rows if not x["class"]]):
    out.append("apart customers")
if abs(sum(Decimal(str(r["value_share"])) for r in summary[:3]) - 100) > Decimal("0.001"):
    out.append("value shares do not sum to 100")
if [r["threshold"] for r in summary[:3]] != [80, 15, 5]:
    out.append("thresholds %s" % [r["threshold"] for r in summary[:3]])
if not (summary[0]["value_share"] >= 80 and summary[0]["customers_share"] < 50):
    out.append("class A is not a few customers with 80 %% of revenue: %s" % summary[0])
print("; ".join(out))
PY
)
[ -z "$summary_check" ] || fail "abc --summary: $summary_check"

expect_exit 0 "abc --class A" "$cli" abc --db "$db" --as-of 2026-06-30 --class A --format csv --out "$work/abc-a.csv"
[ "$(csv_column "$work/abc-a.csv" class | sort -u)" = A ] || fail "abc --class A listed other classes"
[ "$(($(csv_rows "$work/abc-a.csv") - 1))" = "$(json_value "$work/summary.json" 'data[0]["customers"]')" ] ||
    fail "abc --class A count differs from the summary"
expect_exit 0 "abc --class apart" "$cli" abc --db "$db" --as-of 2026-06-30 --class apart --format csv --out "$work/abc-apart.csv"
[ "$(($(csv_rows "$work/abc-apart.csv") - 1))" = "$(json_value "$work/summary.json" 'data[4]["customers"]')" ] ||
    fail "abc --class apart count differs from the summary"
expect_exit 0 "abc json" "$cli" abc --db "$db" --as-of 2026-06-30 --format json --out "$work/abc.json"
[ "$(json_value "$work/abc.json" 'len(data)')" = "$(($(csv_rows "$work/abc.csv") - 1))" ] || fail "abc json and csv differ in rows"
[ "$(json_value "$work/abc.json" 'type(data[0]["cumulative_share"]).__name__')" = float ] || fail "abc json: shares are not numbers"
expect_exit 0 "abc stdout csv" "$cli" abc --db "$db" --as-of 2026-06-30 --format csv
cmp -s "$work/out" "$work/abc.csv" || fail "abc --out differs from standard output"

# --- abc-snapshot ------------------------------------------------------------------------------
# The demo comes with two snapshots a year apart, for the ABC view's comparison; clear them so the
# checks below start from an empty list.
expect_exit 0 "abc-snapshot list of the demo" "$cli" abc-snapshot list --db "$db" --format csv
[ "$(csv_column "$work/out" id | tr '\n' ' ')" = "2 1 " ] || fail "the demo has not its two ABC snapshots: $(cat "$work/out")"
expect_exit 0 "abc-snapshot compare of the demo" "$cli" abc-snapshot compare --db "$db" --earlier 1 --later 2
expect_exit 0 "abc-snapshot delete demo 1" "$cli" abc-snapshot delete --db "$db" --id 1
expect_exit 0 "abc-snapshot delete demo 2" "$cli" abc-snapshot delete --db "$db" --id 2
expect_exit 0 "abc-snapshot save" "$cli" abc-snapshot save --db "$db" --as-of 2025-06-30 --name "Mid 2025" --date 2025-06-30
grep -q '^Saved ABC snapshot 1 "Mid 2025": [0-9]* customers classified, [0-9]* listed apart$' "$work/out" ||
    fail "abc-snapshot save printed: $(cat "$work/out")"
expect_exit 0 "abc-snapshot save 2" "$cli" abc-snapshot save --db "$db" --as-of 2026-06-30 --date 2026-06-30
expect_exit 0 "abc-snapshot list" "$cli" abc-snapshot list --db "$db" --format csv --out "$work/snapshots.csv"
[ "$(csv_column "$work/snapshots.csv" id | tr '\n' ' ')" = "2 1 " ] || fail "abc-snapshot list is not newest first: $(cat "$work/snapshots.csv")"
[ "$(csv_column "$work/snapshots.csv" name | tail -1)" = "Mid 2025" ] || fail "abc-snapshot list lost the name"
[ "$(csv_column "$work/snapshots.csv" name | sed -n 1p)" = "revenue 2025-07..2026-06, 2026-06-30" ] ||
    fail "abc-snapshot default name: $(csv_column "$work/snapshots.csv" name | sed -n 1p)"
expect_exit 0 "abc-snapshot show" "$cli" abc-snapshot show --db "$db" --id 2 --format csv --out "$work/show.csv"
python3 - "$work/show.csv" "$work/abc.csv" <<'PY' || fail "abc-snapshot show differs from the abc list it saved"
import csv, sys
keep = lambda path: [(r["rank"], r["code"], r["name"], r["value"], r["class"]) for r in csv.DictReader(open(path, newline=""))]
shown, listed = keep(sys.argv[1]), keep(sys.argv[2])
sys.exit(0 if sorted(shown[len([s for s in shown if s[4]]):]) == sorted(listed[len([s for s in listed if s[4]]):])
         and [s for s in shown if s[4]] == [s for s in listed if s[4]] else 1)
PY

# The matrix, checked against the two lists it compares.
expect_exit 0 "abc mid 2025" "$cli" abc --db "$db" --as-of 2025-06-30 --format csv --out "$work/abc-2025.csv"
expect_exit 0 "abc-snapshot compare" "$cli" abc-snapshot compare --db "$db" --earlier 1 --later 2 --format csv --out "$work/matrix.csv"
[ "$(head -1 "$work/matrix.csv")" = $'from,A,B,C,apart,absent,total\r' ] || fail "compare header: $(head -1 "$work/matrix.csv")"
matrix_check=$(python3 - "$work/matrix.csv" "$work/abc-2025.csv" "$work/abc.csv" <<'PY'
import csv, sys
matrix = {r["from"]: r for r in csv.DictReader(open(sys.argv[1], newline=""))}
def standings(path):
    return {r["code"]: r["class"] or "apart" for r in csv.DictReader(open(sys.argv[path], newline=""))}
before, after = standings(2), standings(3)
out = []
for f in ["A", "B", "C", "apart", "absent"]:
    for t in ["A", "B", "C", "apart", "absent"]:
        n = sum(1 for c in set(before) | set(after) if before.get(c, "absent") == f and after.get(c, "absent") == t)
        if int(matrix[f][t]) != n:
            out.append("%s->%s: %s, expected %d" % (f, t, matrix[f][t], n))
if int(matrix["A"]["B"]) + int(matrix["B"]["A"]) == 0:
    out.append("nobody moved between A and B: nothing tested")
print("; ".join(out))
PY
)
[ -z "$matrix_check" ] || fail "abc-snapshot compare: $matrix_check"
expect_exit 0 "compare --customers" "$cli" abc-snapshot compare --db "$db" --earlier 1 --later 2 --customers --format csv --out "$work/moves.csv"
[ "$(head -1 "$work/moves.csv")" = $'code,name,from,to,movement\r' ] || fail "compare --customers header"
[ "$(($(csv_rows "$work/moves.csv") - 1))" = "$(python3 -c 'import csv,sys; print(sum(int(r["total"]) for r in csv.DictReader(open(sys.argv[1]))))' "$work/matrix.csv")" ] ||
    fail "compare --customers does not list every customer of the matrix"
expect_exit 0 "compare --dropped" "$cli" abc-snapshot compare --db "$db" --earlier 1 --later 2 --dropped --format csv --out "$work/dropped.csv"
dropped_check=$(python3 - "$work/dropped.csv" "$work/moves.csv" <<'PY'
import csv, sys
dropped = [(r["code"], r["from"], r["to"]) for r in csv.DictReader(open(sys.argv[1], newline=""))]
moves = csv.DictReader(open(sys.argv[2], newline=""))
expected = {(r["code"], r["from"], r["to"]) for r in moves
            if r["from"] in "ABCD" and r["to"] != "absent" and r["to"] > r["from"]}
print("" if sorted(dropped) == sorted(expected) and dropped else "%d dropped, expected %d" % (len(dropped), len(expected)))
PY
)
[ -z "$dropped_check" ] || fail "compare --dropped: $dropped_check"

expect_exit 0 "abc-snapshot delete" "$cli" abc-snapshot delete --db "$db" --id 1
[ "$(cat "$work/out")" = "Deleted ABC snapshot 1" ] || fail "abc-snapshot delete printed: $(cat "$work/out")"
expect_exit 0 "abc-snapshot list after delete" "$cli" abc-snapshot list --db "$db" --format csv
[ "$(csv_column "$work/out" id)" = 2 ] || fail "abc-snapshot delete did not delete: $(cat "$work/out")"
expect_error 1 "abc-snapshot delete again" "$cli" abc-snapshot delete --db "$db" --id 1
expect_error 1 "abc-snapshot show missing" "$cli" abc-snapshot show --db "$db" --id 1
expect_error 1 "abc-snapshot compare missing" "$cli" abc-snapshot compare --db "$db" --earlier 1 --later 2
grep -q "earlier snapshot" "$work/err" || fail "compare missing: the message does not say which: $(cat "$work/err")"
no_temporary_files "$work" "abc reports"

# --- tiers -------------------------------------------------------------------------------------
# Every ranking is checked against an independent computation of docs/tiers.md from the raw
# tables (order lines, orders, activities, surveys, the strategic flag), not the monthly figures
# the command reads.
# check_tiers CSV DB FIRST-MONTH LAST-MONTH AS-OF WEIGHTS TIERS: prints problems, nothing when right.
check_tiers() {
    python3 - "$@" <<'PY'
import csv, datetime, sqlite3, sys
path, db, first, last, as_of, weights_text, tiers_text = sys.argv[1:8]
rows = list(csv.DictReader(open(path, newline="", encoding="utf-8-sig")))
con = sqlite3.connect(db)
def month_index(m): y, mo = map(int, m.split("-")); return y * 12 + mo - 1
def month_text(i): return "%04d-%02d" % (i // 12, i % 12 + 1)
months = month_index(last) - month_index(first) + 1
prior_first = month_text(month_index(first) - months)
start, end, prior_start = first + "-01", last + "-31", prior_first + "-01"
facts = {}
for code, kind, archived, strategic in con.execute("SELECT code, kind, archived_on, strategic FROM customer"):
    if archived is None:
        facts[code] = dict(kind=kind, revenue=0, margin=0, prior=0, orders=set(), last=None, claims=0,
                           surveys=[], strategic=strategic, in_period=False)
for code, day, status, oid, qty, price, disc, cost in con.execute(
        "SELECT c.code, o.order_date, o.status, o.id, l.quantity, l.unit_price, l.discount_bp, l.unit_cost "
        "FROM customer c JOIN sales_order o ON o.customer_id = c.id JOIN order_line l ON l.order_id = o.id"):
    if code not in facts:
        continue
    f = facts[code]
    if day <= as_of and (f["last"] is None or day > f["last"]):
        f["last"] = day
    if status == "cancelled":
        continue
    g = qty * price
    revenue = g - (g // 10000) * disc - ((g % 10000) * disc + 4999) // 10000
    if start <= day <= end:
        f["revenue"] += revenue; f["margin"] += revenue - qty * cost; f["orders"].add(oid); f["in_period"] = True
    elif prior_start <= day < start:
        f["prior"] += revenue
for code, n in con.execute("SELECT c.code, count(*) FROM activity a JOIN customer c ON c.id = a.customer_id "
                           "WHERE a.type = 'claim' AND a.status IN ('open', 'in_progress') GROUP BY c.code"):
    if code in facts: facts[code]["claims"] = n
for code, kind, score in con.execute("SELECT c.code, s.kind, s.score FROM customer_survey s JOIN customer c ON c.id = s.customer_id "
                                     "WHERE s.surveyed_on BETWEEN ? AND ?", (start, end)):
    if code in facts: facts[code]["surveys"].append((score - 1) * 250 if kind == "csat" else score * 100)
facts = {c: f for c, f in facts.items() if f["kind"] == "customer" or f["in_period"]}
asof = datetime.date.fromisoformat(as_of)
INF = float("inf")
def value(f, ind):
    if ind == "revenue": return f["revenue"]
    if ind == "margin": return f["margin"]
    if ind == "growth":
        s = abs(f["revenue"]) + abs(f["prior"])
        return 0.0 if s == 0 else (f["revenue"] - f["prior"]) / s
    if ind == "order_frequency": return len(f["orders"])
    if ind == "recency": return INF if f["last"] is None else (asof - datetime.date.fromisoformat(f["last"])).days
    if ind == "open_claims": return f["claims"]
    if ind == "satisfaction":
        s = f["surveys"]
        return None if not s else (2 * sum(s) + len(s)) // (2 * len(s))
    if ind == "strategic": return f["strategic"]
indicators = ["revenue", "margin", "growth", "order_frequency", "recency", "open_claims", "satisfaction", "strategic"]
weights = dict((w.split("=")[0], int(w.split("=")[1])) for w in weights_text.split(","))
codes = sorted(facts)
normal = {c: {} for c in codes}
for ind in indicators:
    lower = ind in ("recency", "open_claims")
    vals = {c: value(facts[c], ind) for c in codes}
    present = [v for v in vals.values() if v is not None]
    if ind in weights and not present:
        weights.pop(ind)
    for c, v in vals.items():
        if v is None:
            normal[c][ind] = 500000; continue
        below = sum(1 for x in present if x < v); above = sum(1 for x in present if x > v)
        beaten, others = (above if lower else below), below + above
        normal[c][ind] = 500000 if others == 0 else (2 * beaten * 1000000 + others) // (2 * others)
total_weight = sum(weights.values())
points = {c: sum(w * normal[c][i] for i, w in weights.items()) for c in codes}
ranked = sorted(codes, key=lambda c: (-points[c], c))
tiers = [(t.split(":")[0], round(float(t.split(":")[1]) * 100)) for t in tiers_text.split(",")]
ends = [sum(bp for _, bp in tiers[:i + 1]) for i in range(len(tiers))]
def decimal2(p): return (p * 100 * 2 + total_weight * 10000) // (2 * total_weight * 10000)
expected, tier = [], 0
for k, c in enumerate(ranked):
    if not (k > 0 and points[c] == points[ranked[k - 1]]):
        while tier < len(tiers) - 1 and k * 10000 >= ends[tier] * len(ranked):
            tier += 1
    expected.append((k + 1, c, tiers[tier][0], decimal2(points[c]),
                     tuple(decimal2(weights[i] * normal[c][i]) for i in indicators if i in weights)))
def hundredths(text): return int(round(float(text) * 100))
got = [(int(r["rank"]), r["code"], r["tier"], hundredths(r["score"]),
        tuple(hundredths(r[i + "_points"]) for i in indicators if i in weights)) for r in rows]
problems = []
if [r[1] for r in got] != ranked:
    problems.append("ranking differs (%d rows, %d expected); first difference at %s" % (len(got), len(ranked),
        next((i for i, (a, b) in enumerate(zip(got, expected)) if a[1] != b[1]), "the end")))
else:
    for a, b in zip(got, expected):
        if a != b:
            problems.append("%s: got %s, expected %s" % (a[1], a, b)); break
if len(set(r[2] for r in got)) < 2 or len(got) < 50:
    problems.append("too little to test: %d customers, tiers %s" % (len(got), sorted(set(r[2] for r in got))))
print("\n".join(problems[:3]))
PY
}
expect_exit 0 "tiers" "$cli" tiers --db "$db" --as-of 2026-06-30
grep -q "^rank  *code  *name  *tier  *score  *revenue  *revenue_points" "$work/out" || fail "tiers table header: $(head -1 "$work/out")"
all_weights=revenue=3,margin=3,growth=2,order_frequency=2,recency=2,open_claims=1,satisfaction=1,strategic=2
expect_exit 0 "tiers csv" "$cli" tiers --db "$db" --as-of 2026-06-30 --format csv --out "$work/tiers.csv"
problems=$(check_tiers "$work/tiers.csv" "$db" 2025-07 2026-06 2026-06-30 "$all_weights" Platinum:10,Gold:20,Silver:30,Bronze:40)
[ -z "$problems" ] || fail "tiers with the demo's Default model: $problems"
[ "$(csv_column "$work/tiers.csv" strategic_points | grep -cv '^0.00$')" -gt 0 ] || fail "tiers: no strategic account in the demo"
expect_exit 0 "tiers --weights --tiers" "$cli" tiers --db "$db" --year 2025 --weights revenue=3,recency=1,open_claims=2 \
    --tiers "Key:15,Core:35,Tail" --format csv --out "$work/tiers-2025.csv"
[ "$(head -1 "$work/tiers-2025.csv")" = $'rank,code,name,tier,score,revenue,revenue_points,recency_points,open_claims_points\r' ] ||
    fail "tiers --weights columns: $(head -1 "$work/tiers-2025.csv")"
problems=$(check_tiers "$work/tiers-2025.csv" "$db" 2025-01 2025-12 2025-12-31 revenue=3,recency=1,open_claims=2 Key:15,Core:35,Tail:50)
[ -z "$problems" ] || fail "tiers 2025, three weights: $problems"
expect_exit 0 "tiers --from --to" "$cli" tiers --db "$db" --from 2025-03 --to 2026-02 --weights growth=2,order_frequency=1,satisfaction=1,margin=1 \
    --tiers "A:20,B:30,C:50" --format csv --out "$work/tiers-range.csv"
problems=$(check_tiers "$work/tiers-range.csv" "$db" 2025-03 2026-02 2026-02-28 growth=2,order_frequency=1,satisfaction=1,margin=1 A:20,B:30,C:50)
[ -z "$problems" ] || fail "tiers 2025-03..2026-02, growth and satisfaction: $problems"

# A model file gives the same as its weights on the command line; a saved model likewise.
cat >"$work/model.json" <<'JSON'
{"version": 1,
 "indicators": [{"indicator": "revenue", "weight": 3}, {"indicator": "recency", "weight": 1},
                {"indicator": "open_claims", "weight": 2}, {"indicator": "strategic", "weight": 5, "enabled": false}],
 "tiers": [{"name": "Key", "share": 15}, {"name": "Core", "share": 35}, {"name": "Tail", "share": 50}]}
JSON
expect_exit 0 "tiers --model" "$cli" tiers --db "$db" --year 2025 --model "$work/model.json" --format csv --out "$work/tiers-model.csv"
cmp -s "$work/tiers-model.csv" "$work/tiers-2025.csv" || fail "tiers --model differs from the same weights given with --weights"
expect_exit 0 "tiers --save-model" "$cli" tiers --db "$db" --year 2025 --model "$work/model.json" --save-model "Lean" --summary
grep -q 'saved tier model "Lean"' "$work/err" || fail "tiers --save-model did not say so: $(cat "$work/err")"
expect_exit 0 "tiers --model-name" "$cli" tiers --db "$db" --year 2025 --model-name Lean --format csv --out "$work/tiers-named.csv"
cmp -s "$work/tiers-named.csv" "$work/tiers-2025.csv" || fail "tiers --model-name Lean differs from the model it saved"
# Without a model, the latest saved one is used: now Lean.
expect_exit 0 "tiers latest model" "$cli" tiers --db "$db" --year 2025 --format csv --out "$work/tiers-latest.csv"
cmp -s "$work/tiers-latest.csv" "$work/tiers-2025.csv" || fail "tiers without a model did not use the latest saved one"

# --summary, --tier and --customer agree with the list.
expect_exit 0 "tiers --summary" "$cli" tiers --db "$db" --as-of 2026-06-30 --model-name Default --summary --format json --out "$work/tiers-summary.json"
summary_check=$(python3 - "$work/tiers-summary.json" "$work/tiers.csv" <<'PY'
import csv, json, sys
from decimal import Decimal
summary = json.load(open(sys.argv[1]))
rows = list(csv.DictReader(open(sys.argv[2], newline="", encoding="utf-8-sig")))
out = []
if [r["tier"] for r in summary] != ["Platinum", "Gold", "Silver", "Bronze", "total"]:
    out.append("rows %s" % [r["tier"] for r in summary])
for r in summary[:4]:
    mine = [x for x in rows if x["tier"] == r["tier"]]
    if r["customers"] != len(mine):
        out.append("%s: %s customers, the list has %d" % (r["tier"], r["customers"], len(mine)))
    if mine and Decimal(str(r["revenue"])) != sum(Decimal(x["revenue"]) for x in mine):
        out.append("%s: revenue differs from the list" % r["tier"])
    if mine and Decimal(str(r["highest_score"])) != Decimal(mine[0]["score"]):
        out.append("%s: highest score differs" % r["tier"])
if summary[4]["customers"] != len(rows):
    out.append("total customers")
if not (summary[0]["revenue_share"] > 30 and summary[3]["revenue_share"] < 10):
    out.append("Platinum should carry much of the revenue, Bronze little: %s" % summary)
print("; ".join(out))
PY
)
[ -z "$summary_check" ] || fail "tiers --summary: $summary_check"
expect_exit 0 "tiers --tier Gold" "$cli" tiers --db "$db" --as-of 2026-06-30 --model-name Default --tier Gold --format csv --out "$work/tiers-gold.csv"
[ "$(csv_column "$work/tiers-gold.csv" tier | sort -u)" = Gold ] || fail "tiers --tier Gold listed other tiers"
[ "$(($(csv_rows "$work/tiers-gold.csv") - 1))" = "$(json_value "$work/tiers-summary.json" 'data[1]["customers"]')" ] ||
    fail "tiers --tier Gold count differs from the summary"
code=$(csv_column "$work/tiers.csv" code | sed -n 5p)
expect_exit 0 "tiers --customer" "$cli" tiers --db "$db" --as-of 2026-06-30 --model-name Default --customer "$code" --format json --out "$work/breakdown.json"
breakdown_check=$(python3 - "$work/breakdown.json" "$work/tiers.csv" "$code" <<'PY'
import csv, json, sys
from decimal import Decimal
rows = json.load(open(sys.argv[1]))
listed = [r for r in csv.DictReader(open(sys.argv[2], newline="", encoding="utf-8-sig")) if r["code"] == sys.argv[3]][0]
out = []
if [r["indicator"] for r in rows] != ["revenue", "margin", "growth", "order_frequency", "recency", "open_claims",
                                      "satisfaction", "strategic", "score"]:
    out.append("indicators %s" % [r["indicator"] for r in rows])
if rows[-1]["points"] != float(listed["score"]) or rows[0]["rank"] != 5 or rows[0]["tier"] != listed["tier"]:
    out.append("score, rank or tier differs from the list: %s vs %s" % (rows[-1], listed))
for r in rows[:-1]:
    if Decimal(str(r["points"])) != Decimal(listed[r["indicator"] + "_points"]):
        out.append("%s points differ" % r["indicator"])
parts = sum(Decimal(str(r["points"])) for r in rows[:-1])
if abs(parts - Decimal(listed["score"])) > Decimal("0.05"):
    out.append("contributions sum to %s, the score is %s" % (parts, listed["score"]))
if rows[-1]["weight"] != sum(r["weight"] for r in rows[:-1]):
    out.append("the weights do not add up")
print("; ".join(out))
PY
)
[ -z "$breakdown_check" ] || fail "tiers --customer: $breakdown_check"

# --save keeps the run with every customer's rank, tier and points.
expect_exit 0 "tiers --save" "$cli" tiers --db "$db" --as-of 2026-06-30 --model-name Default --save "June 2026" --format csv --out "$work/tiers-saved.csv"
grep -q '^cartera-cli: saved tier run 1 "June 2026": [0-9]* customers ranked$' "$work/err" || fail "tiers --save printed: $(cat "$work/err")"
cmp -s "$work/tiers-saved.csv" "$work/tiers.csv" || fail "tiers --save changed the list"
saved_check=$(python3 - "$db" "$work/tiers.csv" <<'PY'
import csv, sqlite3, sys
from decimal import Decimal
con = sqlite3.connect(sys.argv[1])
rows = list(csv.DictReader(open(sys.argv[2], newline="", encoding="utf-8-sig")))
weight_total, = con.execute("SELECT weight_total FROM tier_run WHERE id = 1").fetchone()
saved = con.execute("SELECT c.code, e.rank, e.tier, e.points FROM tier_run_entry e JOIN customer c ON c.id = e.customer_id "
                    "WHERE e.run_id = 1 ORDER BY e.rank").fetchall()
out = []
if [(s[0], s[1], s[2]) for s in saved] != [(r["code"], int(r["rank"]), r["tier"]) for r in rows]:
    out.append("the saved ranks or tiers differ from the list")
if any(abs(Decimal(p) / (weight_total * 10000) - Decimal(r["score"])) > Decimal("0.005") for (_, _, _, p), r in zip(saved, rows)):
    out.append("the saved points differ from the scores")
print("; ".join(out))
PY
)
[ -z "$saved_check" ] || fail "tiers --save: $saved_check"

# Satisfaction without any survey in the period: a note, its weight ignored; alone, an error.
expect_exit 0 "tiers without surveys" "$cli" tiers --db "$db" --year 2020 --weights revenue=1,satisfaction=1 --summary
grep -q "note: satisfaction has no data in the period" "$work/err" || fail "tiers: no note about the ignored satisfaction weight: $(cat "$work/err")"
expect_error 1 "tiers satisfaction alone without surveys" "$cli" tiers --db "$db" --year 2020 --weights satisfaction=1
grep -q "no weighted indicator has data" "$work/err" || fail "tiers satisfaction alone: $(cat "$work/err")"
no_temporary_files "$work" "tiers reports"
# --- portfolio ---------------------------------------------------------------------------------
# Every figure checked against a recomputation from the order lines in Python: the period is the
# 12 months to 2026-06 (--as-of), the prior period the 12 before, archived accounts left out.
expect_exit 0 "portfolio by channel" "$cli" portfolio --db "$db" --rows channel --as-of 2026-06-30 --format csv --out "$work/pf-channel.csv"
[ "$(head -1 "$work/pf-channel.csv")" = $'channel,revenue,margin,margin_pct,customers,prior_revenue,prior_customers,growth,clv,profitability\r' ] ||
    fail "portfolio header: $(head -1 "$work/pf-channel.csv")"
expect_exit 0 "portfolio by category x country" "$cli" portfolio --db "$db" --rows category --columns country --as-of 2026-06-30 --format csv --out "$work/pf-cross.csv"
expect_exit 0 "portfolio by country" "$cli" portfolio --db "$db" --rows country --as-of 2026-06-30 --format json --out "$work/pf-country.json"
json_ok "$work/pf-country.json" || fail "portfolio json does not parse"
expect_exit 0 "portfolio --customers-of FR" "$cli" portfolio --db "$db" --rows country --as-of 2026-06-30 --customers-of FR --format csv --out "$work/pf-fr.csv"
expect_exit 0 "portfolio --retention" "$cli" portfolio --db "$db" --rows country --as-of 2026-06-30 --retention --format json --out "$work/pf-retention.json"
portfolio_check=$(python3 - "$db" "$work/pf-channel.csv" "$work/pf-cross.csv" "$work/pf-country.json" "$work/pf-fr.csv" "$work/pf-retention.json" <<'PY'
import csv, json, sqlite3, sys
from collections import defaultdict
from decimal import Decimal, ROUND_HALF_UP
from fractions import Fraction
db = sqlite3.connect(sys.argv[1])
rows = lambda path: list(csv.DictReader(open(path, newline="", encoding="utf-8-sig")))
money = lambda minor: Decimal(minor) / 100
def pct(part, whole):  # hundredths of a percent, half away from zero, as the CLI writes it
    if whole <= 0:
        return None
    q = Fraction(part * 10000, whole)
    r = (abs(q.numerator) * 2 + q.denominator) // (2 * q.denominator)
    return Decimal(r if q >= 0 else -r) / 100
lines = db.execute("""
    SELECT o.customer_id, c.code, c.country, c.channel, c.archived_on IS NOT NULL, p.category_id,
           CAST(strftime('%Y%m', o.order_date) AS INTEGER), o.id,
           l.quantity * l.unit_price - (l.quantity * l.unit_price / 10000) * l.discount_bp
             - ((l.quantity * l.unit_price % 10000) * l.discount_bp + 4999) / 10000,
           l.quantity * l.unit_cost
    FROM sales_order o JOIN order_line l ON l.order_id = o.id JOIN product p ON p.id = l.product_id
    JOIN customer c ON c.id = o.customer_id WHERE o.status <> 'cancelled'""").fetchall()
categories = dict(db.execute("SELECT id, name FROM product_category"))
now = lambda m: 202507 <= m <= 202606
before = lambda m: 202407 <= m <= 202506
out = []

# By channel: revenue, margin, customers, prior figures, growth; then a total row.
fig = defaultdict(lambda: {"rev": 0, "cost": 0, "prior": 0, "cust": set(), "pcust": set()})
for cid, code, country, channel, archived, cat, m, oid, rev, cost in lines:
    if archived:
        continue
    for key in (channel, "total"):
        f = fig[key]
        if now(m):
            f["rev"] += rev; f["cost"] += cost; f["cust"].add(cid)
        if before(m):
            f["prior"] += rev; f["pcust"].add(cid)
table = rows(sys.argv[2])
if [r["channel"] for r in table] != [c for c in ["direct", "wholesale", "retail", "online", "total"] if c in fig]:
    out.append("channel rows %s" % [r["channel"] for r in table])
for r in table:
    f = fig[r["channel"]]
    expected = {"revenue": money(f["rev"]), "margin": money(f["rev"] - f["cost"]), "customers": len(f["cust"]),
                "prior_revenue": money(f["prior"]), "prior_customers": len(f["pcust"]),
                "margin_pct": pct(f["rev"] - f["cost"], f["rev"]), "growth": pct(f["rev"] - f["prior"], f["prior"])}
    for column, value in expected.items():
        got = r[column]
        got = int(got) if column.endswith("customers") else (Decimal(got) if got else None)
        if got != value:
            out.append("%s %s: %s, expected %s" % (r["channel"], column, r[column], value))
marks = [(r["profitability"], r["channel"]) for r in table if r["profitability"]]
eligible = [r for r in table[:-1] if Decimal(r["revenue"]) * 100 >= Decimal(table[-1]["revenue"])]
best = max(eligible, key=lambda r: Decimal(r["margin"]) / Decimal(r["revenue"]))["channel"]
worst = min(eligible, key=lambda r: Decimal(r["margin"]) / Decimal(r["revenue"]))["channel"]
if sorted(marks) != sorted([("most", best), ("least", worst)]):
    out.append("profitability marks %s, expected most %s, least %s" % (marks, best, worst))

# Category x country, revenue: every cell, the total column and the total row.
cross = defaultdict(int)
for cid, code, country, channel, archived, cat, m, oid, rev, cost in lines:
    if not archived and now(m):
        for key in ((categories[cat], country), (categories[cat], "total"), ("total", country), ("total", "total")):
            cross[key] += rev
table = rows(sys.argv[3])
countries = [c for c in table[0].keys() if c not in ("category", "total")]
if countries != sorted(countries) or len(countries) < 5:
    out.append("cross table columns %s" % countries)
for r in table:
    for column in countries + ["total"]:
        if Decimal(r[column] or 0) != money(cross[(r["category"], column)]):
            out.append("%s x %s: %s, expected %s" % (r["category"], column, r[column], money(cross[(r["category"], column)])))
if len(table) != len({k[0] for k in cross}):
    out.append("cross table has %d rows" % len(table))

# The customers behind FR: everyone with sales there in the period or the prior period.
by_country = {r["country"]: r for r in json.load(open(sys.argv[4]))}
listed = rows(sys.argv[5])
expected_codes = {code for cid, code, country, channel, archived, cat, m, oid, rev, cost in lines
                  if country == "FR" and not archived and (now(m) or before(m))}
if {r["code"] for r in listed} != expected_codes:
    out.append("--customers-of FR lists %d customers, expected %d" % (len(listed), len(expected_codes)))
if sum(Decimal(r["revenue"]) for r in listed) != Decimal(str(by_country["FR"]["revenue"])):
    out.append("--customers-of FR revenue does not add up to the FR row")
revenues = [Decimal(r["revenue"]) for r in listed]
if revenues != sorted(revenues, reverse=True):
    out.append("--customers-of FR is not by revenue, highest first")

# Retention: bought in 2024-07..2025-06 (archived accounts too), and of those none in 2025-07..2026-06.
retention = json.load(open(sys.argv[6]))[0]
bought_before = {l[0] for l in lines if before(l[6])}
bought_now = {l[0] for l in lines if now(l[6])}
churned = bought_before - bought_now
if (retention["bought_year_before"], retention["churned"]) != (len(bought_before), len(churned)):
    out.append("retention %s, expected %d and %d" % (retention, len(bought_before), len(churned)))
lifetime_bp = min(100000, (len(bought_before) * 10000 * 2 + len(churned)) // (2 * len(churned)))
if Decimal(str(retention["lifetime_years"])) != Decimal(lifetime_bp) / 10000:
    out.append("lifetime %s, expected %s" % (retention["lifetime_years"], Decimal(lifetime_bp) / 10000))

# CLV of each listed customer: margin over its last ten 12-month windows / its active windows x lifetime.
index = lambda m: (m // 100) * 12 + m % 100 - 1
end = index(202606)
for r in listed:
    history = [l for l in lines if l[1] == r["code"] and l[2] == "FR" and 0 <= end - index(l[6]) < 120]
    margin = sum(l[8] - l[9] for l in history)
    years = len({(end - index(l[6])) // 12 for l in history})
    if not any(now(l[6]) for l in history):
        if r["clv"]:
            out.append("%s bought nothing in the period but has a CLV" % r["code"])
        continue
    q = Fraction(margin * lifetime_bp, 10000 * years)
    rounded = (abs(q.numerator) * 2 + q.denominator) // (2 * q.denominator) * (1 if q >= 0 else -1)
    if Decimal(r["clv"]) != money(rounded):
        out.append("%s CLV %s, expected %s" % (r["code"], r["clv"], money(rounded)))
        break
print("; ".join(out))
PY
)
[ -z "$portfolio_check" ] || fail "portfolio: $portfolio_check"

# The same total revenue as ABC (classified and apart together), which reads it its own way.
expect_exit 0 "abc --summary for portfolio" "$cli" abc --db "$db" --as-of 2026-06-30 --summary --format json --out "$work/pf-abc.json"
python3 - "$work/pf-abc.json" "$work/pf-channel.csv" "$db" <<'PY' || fail "portfolio total revenue differs from abc's"
import csv, json, sqlite3, sys
from decimal import Decimal
summary = {r["class"]: r for r in json.load(open(sys.argv[1]))}
total = list(csv.DictReader(open(sys.argv[2], newline="", encoding="utf-8-sig")))[-1]
# ABC leaves out the customers lost by the period's end (docs/retention.md); the portfolio keeps them.
(lost,) = sqlite3.connect(sys.argv[3]).execute(
    "SELECT coalesce(sum(m.revenue), 0) FROM customer_month m JOIN customer c ON c.id = m.customer_id "
    "WHERE m.month BETWEEN 202507 AND 202606 AND c.archived_on IS NULL AND c.id IN "
    "(SELECT customer_id FROM customer_exit WHERE outcome = 'lost' AND effective_on <= '2026-06-30')").fetchone()
abc = Decimal(str(summary["total"]["value"])) + Decimal(str(summary["apart"]["value"]))
sys.exit(0 if abc + Decimal(lost) / 100 == Decimal(total["revenue"]) else 1)
PY
# A cell of two dimensions, named by its row and column; --cells lists the cells with every measure.
expect_exit 0 "portfolio --customers-of FR,direct" "$cli" portfolio --db "$db" --rows country --columns channel --as-of 2026-06-30 --customers-of "FR,direct" --format csv --out "$work/pf-fr-direct.csv"
expect_exit 0 "portfolio --cells" "$cli" portfolio --db "$db" --rows country --columns channel --as-of 2026-06-30 --cells --format csv --out "$work/pf-cells.csv"
python3 - "$work/pf-fr-direct.csv" "$work/pf-cells.csv" <<'PY' || fail "portfolio --customers-of FR,direct does not add up to its cell"
import csv, sys
from decimal import Decimal
listed = list(csv.DictReader(open(sys.argv[1], newline="", encoding="utf-8-sig")))
cell = [r for r in csv.DictReader(open(sys.argv[2], newline="", encoding="utf-8-sig")) if (r["country"], r["channel"]) == ("FR", "direct")][0]
ok = sum(Decimal(r["revenue"]) for r in listed) == Decimal(cell["revenue"]) and \
     sum(1 for r in listed if Decimal(r["revenue"]) > 0) >= int(cell["customers"]) > 0
sys.exit(0 if ok else 1)
PY
expect_exit 0 "portfolio crosstab margin_pct" "$cli" portfolio --db "$db" --rows channel --columns size_band --measure margin_pct --as-of 2026-06-30
grep -q "^total " "$work/out" || fail "portfolio crosstab has no total row: $(head -3 "$work/out")"
expect_exit 0 "portfolio stdout csv" "$cli" portfolio --db "$db" --rows channel --as-of 2026-06-30 --format csv
cmp -s "$work/out" "$work/pf-channel.csv" || fail "portfolio --out differs from standard output"
# Every dimension breaks down the same whole.
totals=""
for dimension in category country region channel industry size_band kind owner; do
    expect_exit 0 "portfolio --rows $dimension" "$cli" portfolio --db "$db" --rows "$dimension" --year 2025 --format json
    totals="$totals $(json_value "$work/out" 'str(data[-1]["revenue"]) + "/" + str(data[-1]["customers"])')"
    # The demo's prospects buy nothing: kind has one value, the others several.
    [ "$(json_value "$work/out" 'len(data)')" -gt "$([ "$dimension" = kind ] && echo 1 || echo 2)" ] ||
        fail "portfolio --rows $dimension: too few values: $(head -c 300 "$work/out")"
done
[ "$(echo "$totals" | tr ' ' '\n' | sed '/^$/d' | sort -u | wc -l)" -eq 1 ] || fail "portfolio totals differ by dimension:$totals"
no_temporary_files "$work" "portfolio reports"

# --- usage errors: exit 2, one line ------------------------------------------------------------
expect_error 2 "no command" "$cli"
expect_error 2 "unknown command" "$cli" frobnicate --db "$db"
grep -q "frobnicate" "$work/err" || fail "unknown command: the message does not name it: $(cat "$work/err")"
expect_error 2 "unknown option" "$cli" info --db "$db" --bogus
expect_error 2 "unknown top-level option" "$cli" --bogus
for command in info check customers reps abc tiers; do
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
for option in "--thresholds 80,15" "--thresholds 80,15,5,0" "--thresholds 60,10,10,10,10" "--thresholds eighty"\
    "--from 2025-01" "--to 2025-12" "--from 2026-13 --to 2027-01" "--from 2026-05 --to 2026-01" \
    "--year 2025 --from 2025-01 --to 2025-12" "--year 2025 --as-of 2025-06-30" "--year 1800" "--as-of 2026-02-30" \
    "--criterion profit" "--country XX" "--channel telepathy" "--class E" "--class A --summary" "--format xml"; do
    # shellcheck disable=SC2086
    expect_error 2 "abc $option" "$cli" abc --db "$db" $option
done
expect_error 2 "abc --thresholds sum" "$cli" abc --db "$db" --thresholds 80,15,4
grep -q "sum to 99 %, not 100 %" "$work/err" || fail "abc --thresholds: the message does not give the sum: $(cat "$work/err")"
expect_error 2 "abc --from after --to" "$cli" abc --db "$db" --from 2026-05 --to 2026-01
grep -q "2026-05 is after the last month 2026-01" "$work/err" || fail "abc --from after --to: $(cat "$work/err")"
for option in "--rows bogus" "--rows country --columns country" "--rows country --cells" "--rows country --measure profit" \
    "--rows country --year 1800" "--rows country --from 2026-05 --to 2026-01" "--rows country --from 2026-01" \
    "--rows country --columns channel --cells --customers-of FR" "--rows country --retention --customers-of FR" \
    "--rows country --format xml" "--columns country"; do
    # shellcheck disable=SC2086
    expect_error 2 "portfolio $option" "$cli" portfolio --db "$db" $option
done
expect_error 2 "abc-snapshot without a command" "$cli" abc-snapshot --db "$db"
expect_error 2 "abc-snapshot bogus" "$cli" abc-snapshot bogus --db "$db"
expect_error 2 "abc-snapshot compare without --later" "$cli" abc-snapshot compare --db "$db" --earlier 2
expect_error 2 "abc-snapshot compare --customers --dropped" "$cli" abc-snapshot compare --db "$db" --earlier 2 --later 2 --customers --dropped
expect_error 2 "abc-snapshot save --date" "$cli" abc-snapshot save --db "$db" --date 2026-02-30
expect_error 2 "abc-snapshot save --thresholds" "$cli" abc-snapshot save --db "$db" --thresholds 90,20
expect_error 2 "abc-snapshot show --id x" "$cli" abc-snapshot show --db "$db" --id x
[ "$(csv_column "$work/snapshots.csv" id | wc -l)" -eq 2 ] || fail "lost track of the snapshots"
expect_exit 0 "abc-snapshot list after refusals" "$cli" abc-snapshot list --db "$db" --format csv
[ "$(csv_column "$work/out" id)" = 2 ] || fail "a refused abc-snapshot command saved a snapshot: $(cat "$work/out")"
expect_error 2 "tiers --weights negative" "$cli" tiers --db "$db" --weights revenue=3,margin=-1
grep -q "the weight of margin must be 0 or more, not -1" "$work/err" || fail "tiers negative weight: $(cat "$work/err")"
expect_error 2 "tiers --weights all zero" "$cli" tiers --db "$db" --weights revenue=0,recency=0
grep -q "every weight is 0" "$work/err" || fail "tiers all weights 0: $(cat "$work/err")"
expect_error 2 "tiers --weights unknown" "$cli" tiers --db "$db" --weights revenue=1,profit=2
grep -q "unknown indicator 'profit' (choose from revenue, margin, growth" "$work/err" || fail "tiers unknown indicator: $(cat "$work/err")"
expect_error 2 "tiers --tiers sum" "$cli" tiers --db "$db" --tiers Gold:20,Silver:30,Bronze:40
grep -q "sum to 90 %, not 100 %" "$work/err" || fail "tiers --tiers sum: $(cat "$work/err")"
for option in "--weights revenue=1.5" "--weights revenue=101" "--weights revenue=1,revenue=2" "--tiers Gold" \
    "--tiers Gold:50,gold:50" "--tiers Gold,Silver:50" "--from 2026-05 --to 2026-01" "--year 2025 --as-of 2025-06-30" \
    "--as-of 2026-02-30" "--summary --customer C0000001" "--tier Gold --summary" "--model a.json --model-name b" "--format xml"; do
    # shellcheck disable=SC2086
    expect_error 2 "tiers $option" "$cli" tiers --db "$db" $option
done
[ "$(python3 -c 'import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute("SELECT count(*) FROM tier_run").fetchone()[0])' "$db")" = 1 ] ||
    fail "a refused tiers command saved a run"
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
for command in check customers reps abc tiers; do
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
    for command in info check customers reps abc tiers; do
        expect_error 1 "$command of $file.db" "$cli" "$command" --db "$path"
        [ "$(checksum "$path")" = "$sum" ] || fail "$command changed the refused file $file.db"
    done
done
[ "$(listing "$work/refused")" = "$files_before" ] || fail "refused opens left files behind: $(listing "$work/refused")"
expect_error 1 "newer schema message" "$cli" info --db "$work/refused/newer.db"
grep -qi "newer" "$work/err" || fail "newer schema: the message does not say so: $(cat "$work/err")"

expect_error 1 "--owner unknown" "$cli" customers --db "$db" --owner ZZZ
grep -q "ZZZ" "$work/err" || fail "--owner: the message does not name the code"
expect_error 1 "abc --rep unknown" "$cli" abc --db "$db" --rep ZZZ
grep -q "ZZZ" "$work/err" || fail "abc --rep: the message does not name the code"
expect_error 1 "tiers --model missing" "$cli" tiers --db "$db" --model "$work/no-such-model.json"
echo '{"version": 1, "indicators": [{"indicator": "revenue", "weight": -2}], "tiers": []}' >"$work/bad-model.json"
expect_error 1 "tiers --model invalid" "$cli" tiers --db "$db" --model "$work/bad-model.json"
grep -q "model.indicators\[0\].weight: the weight of revenue must be 0 or more, not -2" "$work/err" || fail "tiers --model invalid: $(cat "$work/err")"
echo '{"version": 3, "indicators": [], "tiers": []}' >"$work/newer-model.json"
expect_error 1 "tiers --model newer" "$cli" tiers --db "$db" --model "$work/newer-model.json"
grep -q "newer Cartera" "$work/err" || fail "tiers --model newer: $(cat "$work/err")"
expect_error 1 "tiers --model-name unknown" "$cli" tiers --db "$db" --model-name "Nope"
grep -q "no tier model is named 'Nope'" "$work/err" || fail "tiers --model-name unknown: $(cat "$work/err")"
expect_error 1 "tiers --customer unknown" "$cli" tiers --db "$db" --customer ZZZ
grep -q "no customer has the code 'ZZZ'" "$work/err" || fail "tiers --customer unknown: $(cat "$work/err")"
prospect=$(python3 -c 'import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute("SELECT code FROM customer c WHERE kind = \"prospect\" AND NOT EXISTS (SELECT 1 FROM sales_order o WHERE o.customer_id = c.id) LIMIT 1").fetchone()[0])' "$db")
expect_error 1 "tiers --customer prospect" "$cli" tiers --db "$db" --customer "$prospect"
grep -q "is not ranked" "$work/err" || fail "tiers --customer of a prospect: $(cat "$work/err")"
expect_error 1 "tiers --tier unknown" "$cli" tiers --db "$db" --model-name Default --tier Diamond
grep -q "no tier 'Diamond' (Platinum:10,Gold:20,Silver:30,Bronze:40)" "$work/err" || fail "tiers --tier unknown: $(cat "$work/err")"
expect_error 1 "tiers --out into a missing folder" "$cli" tiers --db "$db" --save "Lost" --out "$work/no-such-folder/tiers.csv"
[ "$(python3 -c 'import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute("SELECT count(*) FROM tier_run").fetchone()[0])' "$db")" = 1 ] ||
    fail "tiers saved a run although its report could not be written"
expect_error 1 "abc --out into a missing folder" "$cli" abc --db "$db" --out "$work/no-such-folder/abc.csv"
expect_error 1 "portfolio --out into a missing folder" "$cli" portfolio --db "$db" --rows country --out "$work/no-such-folder/p.csv"
expect_error 1 "portfolio of a missing db file" "$cli" portfolio --db "$work/missing.db" --rows country
[ ! -e "$work/missing.db" ] || fail "portfolio created a missing file"
expect_error 1 "portfolio --customers-of an unknown cell" "$cli" portfolio --db "$db" --rows country --columns channel --customers-of "XX,direct"
grep -q "the rows are BE, DE" "$work/err" || fail "portfolio --customers-of: the message does not list the rows: $(cat "$work/err")"
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
cp "$db" "$work/category-figures.db"
python3 - "$work/category-figures.db" <<'EOF'
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
db.execute("UPDATE customer_category_month SET cost = cost + 1 WHERE month = (SELECT max(month) FROM customer_category_month)")
db.commit()
db.close()
EOF
expect_error 1 "check of wrong figures by category" "$cli" check --db "$work/category-figures.db"
grep -q "by product category differ" "$work/err" || fail "check: the message does not name the figures by category: $(cat "$work/err")"

# --- territories and coverage ------------------------------------------------------------------
# ABC within a territory: its accounts and those of its sub-territories, fewer than the whole portfolio.
expect_exit 0 "abc --territory path" "$cli" abc --db "$db" --as-of 2026-06-30 --territory "EMEA > France" --format csv --out "$work/abc-france.csv"
expect_exit 0 "abc whole portfolio for the territory comparison" "$cli" abc --db "$db" --as-of 2026-06-30 --format csv --out "$work/abc-all.csv"
france_rows=$(csv_rows "$work/abc-france.csv")
[ "$france_rows" -gt 1 ] || fail "abc --territory 'EMEA > France' classified nobody"
[ "$france_rows" -lt "$(csv_rows "$work/abc-all.csv")" ] || fail "abc --territory is not narrower than the whole portfolio"
expect_error 1 "abc --territory unknown" "$cli" abc --db "$db" --territory "Atlantis"
grep -q "no territory is named 'Atlantis'" "$work/err" || fail "abc --territory unknown: $(cat "$work/err")"
expect_exit 0 "territory list" "$cli" territory list --db "$db" --format csv --out "$work/territories.csv"
[ "$(head -1 "$work/territories.csv")" = $'id,territory,owner,overlays,accounts,rules\r' ] ||
    fail "territory list header: $(head -1 "$work/territories.csv")"
grep -q "EMEA > France > Île-de-France > Paris" "$work/territories.csv" || fail "territory list has no Paris territory"
expect_exit 0 "territory assign --preview" "$cli" territory assign --db "$db" --preview --as-of 2026-06-30 --format csv --out "$work/assign.csv"
[ "$(csv_rows "$work/assign.csv")" -eq 1 ] || fail "territory assign --preview on the demo moves accounts: $(head -3 "$work/assign.csv")"
grep -q "would move 0 of" "$work/err" || fail "territory assign --preview summary: $(cat "$work/err")"
grep -q "2 locked" "$work/err" || fail "territory assign --preview does not count the 2 locked overrides: $(cat "$work/err")"
expect_error 2 "territory assign without --preview or --apply" "$cli" territory assign --db "$db"
expect_error 2 "territory assign --preview --apply" "$cli" territory assign --db "$db" --preview --apply
expect_error 1 "territory list on a missing file" "$cli" territory list --db "$work/missing.db"
# A rule that sends every Bretagne account to Paris: the preview lists them, apply moves them, and
# a second preview finds nothing left to move.
cp "$db" "$work/realign.db"
python3 - "$work/realign.db" <<'EOF'
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
paris = db.execute("SELECT id FROM territory WHERE name = 'Paris'").fetchone()[0]
db.execute("INSERT INTO territory_rule (territory_id, priority, country, region) VALUES (?, 1, 'FR', 'Bretagne')", (paris,))
db.commit()
EOF
before=$(checksum "$work/realign.db")
expect_exit 0 "territory assign --preview after a rule change" "$cli" territory assign --db "$work/realign.db" --preview --as-of 2026-06-30 --format json --out "$work/moves.json"
moves=$(json_value "$work/moves.json" 'len(data)')
[ "$moves" -gt 0 ] || fail "territory assign --preview lists no move after a rule change"
[ "$(json_value "$work/moves.json" 'sorted(set(r["to_territory"] for r in data))')" = "['EMEA > France > Île-de-France > Paris']" ] ||
    fail "territory assign --preview: moves not all to Paris"
[ "$(checksum "$work/realign.db")" = "$before" ] || fail "territory assign --preview changed the file"
expect_exit 0 "territory assign --apply" "$cli" territory assign --db "$work/realign.db" --apply --as-of 2026-06-30 --format csv --out "$work/applied.csv"
[ "$(csv_rows "$work/applied.csv")" -eq $((moves + 1)) ] || fail "territory assign --apply moved another number than the preview listed"
expect_exit 0 "territory assign --preview after apply" "$cli" territory assign --db "$work/realign.db" --preview --as-of 2026-06-30 --format csv --out "$work/again.csv"
[ "$(csv_rows "$work/again.csv")" -eq 1 ] || fail "territory assign --preview after apply still moves accounts"
for by in rep territory channel channel-territory; do
    expect_exit 0 "coverage --by $by" "$cli" coverage --db "$db" --by "$by" --as-of 2026-06-30 --format json --out "$work/coverage-$by.json"
    json_ok "$work/coverage-$by.json" || fail "coverage --by $by json does not parse"
done
grep -q "balance index" "$work/err" || fail "coverage prints no balance index: $(cat "$work/err")"
[ "$(json_value "$work/coverage-channel.json" 'len(data)')" = 4 ] || fail "coverage --by channel has not 4 rows"
[ "$(json_value "$work/coverage-rep.json" 'sum(r["accounts"] for r in data)')" = \
  "$(json_value "$work/coverage-channel.json" 'sum(r["accounts"] for r in data)')" ] || fail "coverage: accounts per rep and per channel differ"
[ "$(json_value "$work/coverage-channel.json" 'sum(r["multi_channel"] for r in data) > 0')" = True ] || fail "coverage: no multi-channel account in the demo"
expect_exit 0 "coverage --suggest" "$cli" coverage --db "$db" --suggest --moves 3 --as-of 2026-06-30 --format csv --out "$work/suggest.csv"
[ "$(csv_rows "$work/suggest.csv")" -ge 2 ] || fail "coverage --suggest lists no move"
expect_error 2 "coverage --by nonsense" "$cli" coverage --db "$db" --by nonsense
expect_exit 0 "coverage --multi-channel" "$cli" coverage --db "$db" --multi-channel --as-of 2026-06-30 --format json --out "$work/multi.json"
[ "$(json_value "$work/multi.json" 'len(data)')" = "$(json_value "$work/coverage-channel.json" 'sum(r["multi_channel"] for r in data)')" ] ||
    fail "coverage --multi-channel does not list as many accounts as the channel report counts"
[ "$(json_value "$work/multi.json" 'all(r["also_through"] and r["channel"] not in r["also_through"].split() for r in data)')" = True ] ||
    fail "coverage --multi-channel: an account without another channel"
# --- segments ----------------------------------------------------------------------------------
for command in segment "segment list" "segment show" "segment count" "segment members" "segment create" \
    "segment delete" "segment rfm"; do
    # shellcheck disable=SC2086
    expect_exit 0 "$command --help" "$cli" $command --help
    grep -q "Usage" "$work/out" || fail "$command --help printed no usage"
done
expect_exit 0 "segment list" "$cli" segment list --db "$db" --as-of 2026-06-30 --format csv --out "$work/segments.csv"
csv_column "$work/segments.csv" name | grep -qx "France, retail, bought in the last 90 days, class A" ||
    fail "segment list: the demo's segments are missing: $(cat "$work/segments.csv")"
[ "$(csv_column "$work/segments.csv" name | grep -c '^RFM: ')" -eq 11 ] || fail "segment list: the demo has no 11 RFM lists"
france="France, retail, bought in the last 90 days, class A"
expect_exit 0 "segment count" "$cli" segment count --db "$db" --name "$france" --as-of 2026-06-30
france_count=$(cat "$work/out")
expect_exit 0 "segment members" "$cli" segment members --db "$db" --name "$france" --as-of 2026-06-30 --limit 0 --format csv --out "$work/france.csv"
[ "$(csv_rows "$work/france.csv")" -eq $((france_count + 1)) ] || fail "segment members: $(csv_rows "$work/france.csv") rows for a count of $france_count"
for country in $(csv_column "$work/france.csv" country | sort -u); do
    [ "$country" = FR ] || fail "segment members: a member in $country"
done
expect_exit 0 "segment show" "$cli" segment show --db "$db" --name "$france"
grep -q '"field": "abc_class"' "$work/out" || fail "segment show printed no rules: $(cat "$work/out")"

cat >"$work/rules.json" <<'JSON'
{"version": 1, "match": "all", "rules": [
  {"field": "country", "op": "in", "value": ["FR", "BE"]},
  {"match": "any", "rules": [{"field": "channel", "op": "equals", "value": "retail"},
                             {"field": "revenue", "op": ">", "value": 100000, "period": {"last_months": 12}}]}]}
JSON
expect_exit 0 "segment create --file" "$cli" segment create --db "$db" --name "FR or BE, retail or big" --file "$work/rules.json"
expect_exit 0 "segment count (created)" "$cli" segment count --db "$db" --name "fr or be, RETAIL or big"
created_count=$(cat "$work/out")
expect_exit 0 "customers --segment" "$cli" customers --db "$db" --segment "FR or BE, retail or big" --limit 0 --format csv --out "$work/seg-customers.csv"
[ "$(csv_rows "$work/seg-customers.csv")" -eq $((created_count + 1)) ] || fail "customers --segment disagrees with segment count"
expect_exit 0 "abc --segment" "$cli" abc --db "$db" --segment "FR or BE, retail or big" --format json --out "$work/abc-seg.json"
[ "$(json_value "$work/abc-seg.json" 'len(data)')" -le "$created_count" ] || fail "abc --segment classified more customers than the segment holds"

expect_exit 0 "segment list before refusals" "$cli" segment list --db "$db" --format csv --out "$work/before.csv"
printf '{"version":1,"rules":[{"field":"channel","op":"equals","value":"retail"},{"match":"any","rules":[{"field":"city","op":"equals","value":"Lyon"},{"field":"city","op":"equals","value":"Nice"},{"field":"cuntry","op":"equals","value":"FR"}]}]}' >"$work/typo.json"
expect_error 1 "segment create with a typo" "$cli" segment create --db "$db" --name "Typo" --file "$work/typo.json"
grep -q "typo.json: rule 2.3: unknown field 'cuntry'" "$work/err" || fail "segment create: the message does not name the rule: $(cat "$work/err")"
printf '{"version":2,"rules":[]}' >"$work/newer.json"
expect_error 1 "segment create from a newer version" "$cli" segment create --db "$db" --name "Newer" --file "$work/newer.json"
grep -q "newer Cartera" "$work/err" || fail "segment create: a newer definition is not refused as such: $(cat "$work/err")"
printf '{"version":1,"rules":[' >"$work/broken.json"
expect_error 1 "segment create from malformed JSON" "$cli" segment create --db "$db" --name "Broken" --file "$work/broken.json"
expect_error 1 "segment create with a used name" "$cli" segment create --db "$db" --name "fr OR be, retail or big" --file "$work/rules.json"
expect_error 1 "segment create with an unknown customer" "$cli" segment create --db "$db" --name "List" --customers C0000001,NOPE
expect_error 2 "segment create without rules or customers" "$cli" segment create --db "$db" --name "Nothing"
expect_error 1 "segment count of an unknown segment" "$cli" segment count --db "$db" --name "Nope"
expect_error 1 "customers --segment unknown" "$cli" customers --db "$db" --segment "Nope"
expect_exit 0 "segment list after refusals" "$cli" segment list --db "$db" --format csv --out "$work/after.csv"
cmp -s "$work/before.csv" "$work/after.csv" || fail "refused segment commands changed the saved segments"

first_code=$(csv_column "$work/a.csv" code | awk "NR == 1")
expect_exit 0 "segment create --customers" "$cli" segment create --db "$db" --name "Picked" --customers "$first_code"
expect_exit 0 "segment count (static)" "$cli" segment count --db "$db" --name "Picked"
[ "$(cat "$work/out")" = 1 ] || fail "a static list of one customer counts $(cat "$work/out")"
expect_exit 0 "segment delete" "$cli" segment delete --db "$db" --name "Picked"
expect_error 1 "segment count after delete" "$cli" segment count --db "$db" --name "Picked"

expect_exit 0 "segment rfm --dry-run" "$cli" segment rfm --db "$db" --as-of 2026-06-30 --dry-run --format json --out "$work/rfm.json"
[ "$(json_value "$work/rfm.json" 'len(data)')" -eq 11 ] || fail "segment rfm: not 11 cells"
expect_exit 0 "segment rfm" "$cli" segment rfm --db "$db" --year 2025
grep -q "RFM: Champions" "$work/out" || fail "segment rfm printed no cells: $(cat "$work/out")"
# Exports: the rows `customers` lists, to a file written whole or not at all.
expect_exit 0 "customers export" "$cli" customers export --db "$db" --country FR --sort code --profile plain --out "$work/fr.csv" --columns code,name,country,channel
"$cli" customers --db "$db" --country FR --sort code --limit 0 --format csv --out "$work/fr-list.csv"
[ "$(csv_column "$work/fr.csv" Code)" = "$(csv_column "$work/fr-list.csv" code)" ] || fail "customers export: not the rows customers lists"
[ "$(csv_column "$work/fr.csv" Country | sort -u)" = "France" ] || fail "customers export: country not by name: $(csv_column "$work/fr.csv" Country | sort -u)"
csv_column "$work/fr.csv" Channel | grep -qx "retail" && fail "customers export: a channel code instead of its label"
grep -q "customers written to" "$work/out" || fail "customers export: no summary: $(cat "$work/out")"
head -c 3 "$work/fr.csv" | od -An -tx1 | grep -q "ef bb bf" && fail "customers export --profile plain: a byte order mark"
expect_exit 0 "customers export semicolon" "$cli" customers export --db "$db" --profile excel-semicolon --out "$work/all.csv"
head -c 3 "$work/all.csv" | od -An -tx1 | grep -q "ef bb bf" || fail "excel-semicolon: no byte order mark"
head -1 "$work/all.csv" | grep -q "Code;Name;" || fail "excel-semicolon: header not split by semicolons: $(head -1 "$work/all.csv")"
expect_exit 0 "customers export xlsx (from the extension)" "$cli" customers export --db "$db" --out "$work/all.xlsx"
python3 -c 'import sys, zipfile; z = zipfile.ZipFile(sys.argv[1]); assert "About this export" in z.read("xl/workbook.xml").decode()' "$work/all.xlsx" \
    || fail "customers export xlsx: no About sheet"
echo "previous" >"$work/keep.csv"
expect_error 2 "customers export: an unknown profile" "$cli" customers export --db "$db" --profile excel --out "$work/keep.csv"
grep -q "excel-comma, excel-semicolon, plain" "$work/err" || fail "unknown profile: the known ones are not listed: $(cat "$work/err")"
expect_error 2 "customers export: an unknown column" "$cli" customers export --db "$db" --columns code,turnover --out "$work/keep.csv"
grep -q "'turnover' is not a column" "$work/err" || fail "unknown column: not named: $(cat "$work/err")"
expect_error 1 "customers export: an unwritable path" "$cli" customers export --db "$db" --out "$work/no-such-folder/x.csv"
grep -q "the folder does not exist" "$work/err" || fail "unwritable path: unclear: $(cat "$work/err")"
[ "$(cat "$work/keep.csv")" = "previous" ] || fail "a refused export changed the file at --out"
no_temporary_files "$work" "customers export"
expect_exit 0 "segment export --all" "$cli" segment export --db "$db" --all --format csv --profile excel-comma --out "$work/segment.csv"
[ "$(csv_rows "$work/segment.csv")" = "$(csv_rows "$work/all.csv")" ] || fail "segment export --all: not every customer"
expect_error 2 "segment export without a segment" "$cli" segment export --db "$db" --out "$work/keep.csv"
# A saved segment (a static list: its members do not depend on the date) to XLSX, its definition on
# the About sheet.
expect_exit 0 "segment export --segment" "$cli" segment export --db "$db" --segment "RFM: Champions" --format xlsx --out "$work/champions.xlsx"
exported=$(cut -d' ' -f1 "$work/out")
expect_exit 0 "segment count (a static list)" "$cli" segment count --db "$db" --name "RFM: Champions"
[ "$exported" = "$(cat "$work/out")" ] || fail "segment export --segment wrote $exported customers, the segment has $(cat "$work/out")"
python3 - "$work/champions.xlsx" <<'PY' || fail "segment export --segment: the About sheet does not name the segment"
import sys, zipfile
book = zipfile.ZipFile(sys.argv[1])
strings = "".join(book.read(name).decode() for name in book.namelist() if name.endswith(".xml"))
sys.exit(0 if "RFM: Champions" in strings and "static list" in strings else 1)
PY
expect_error 1 "segment export of an unknown segment" "$cli" segment export --db "$db" --segment "Nobody" --out "$work/keep.csv"
expect_error 2 "segment export --segment and --all" "$cli" segment export --db "$db" --segment "RFM: Champions" --all --out "$work/keep.csv"
# --- opportunities, pipeline, forecast ----------------------------------------------------------
pipe=$work/pipeline.db
cp "$db" "$pipe"
expect_exit 0 "pipeline csv" "$cli" pipeline --db "$pipe" --format csv --out "$work/pipeline.csv"
pipeline_check=$(python3 - "$pipe" "$work/pipeline.csv" <<'PY'
import csv, sqlite3, sys
db = sqlite3.connect(sys.argv[1])
rows = list(csv.DictReader(open(sys.argv[2], newline="", encoding="utf-8-sig")))
stages = [r[0] for r in db.execute("SELECT code FROM opportunity_stage ORDER BY position")]
if [r["stage"] for r in rows] != stages:
    print("stages", [r["stage"] for r in rows]); sys.exit()
for r in rows:
    count, total, weighted = db.execute("""
        SELECT count(*), coalesce(sum(o.amount), 0),
               coalesce(sum((o.amount * coalesce(o.probability, s.probability) + 50) / 100), 0)
        FROM opportunity o JOIN opportunity_stage s ON s.code = o.stage WHERE o.stage = ?""", (r["stage"],)).fetchone()
    if int(r["count"]) != count or r["total"] != f"{total // 100}.{total % 100:02d}" or r["weighted"] != f"{weighted // 100}.{weighted % 100:02d}":
        print("stage", r, count, total, weighted)
if sum(int(r["count"]) for r in rows) == 0:
    print("the demo has no opportunities")
PY
)
[ -z "$pipeline_check" ] || fail "pipeline: $pipeline_check"
expect_exit 0 "forecast json" "$cli" forecast --db "$pipe" --quarter 2026Q2 --as-of 2026-06-30 --format json --out "$work/forecast.json"
json_ok "$work/forecast.json" || fail "forecast json does not parse"
[ "$(json_value "$work/forecast.json" 'data[-1]["key"]')" = "total" ] || fail "forecast: the last row is not the total"
expect_exit 0 "forecast by team" "$cli" forecast --db "$pipe" --period 2026-Q2 --by team --as-of 2026-06-30 --format csv --out "$work/forecast-team.csv"
expect_exit 0 "forecast projection" "$cli" forecast --db "$pipe" --quarter 2026Q3 --as-of 2026-07-01 --projection --format csv --out "$work/projection.csv"
[ "$(lines_of "$work/projection.csv")" -eq 5 ] || fail "forecast --projection: expected a header, 3 months and a total: $(cat "$work/projection.csv")"
expect_error 2 "forecast bad quarter" "$cli" forecast --db "$pipe" --quarter 2026Q5
expect_error 2 "forecast bad grouping" "$cli" forecast --db "$pipe" --quarter 2026Q2 --by planet
prospect=$(python3 -c 'import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute("SELECT code FROM customer c WHERE kind = '"'"'prospect'"'"' AND NOT EXISTS (SELECT 1 FROM opportunity o WHERE o.customer_id = c.id) LIMIT 1").fetchone()[0])' "$pipe")
expect_exit 0 "opportunity add" "$cli" opportunity add --db "$pipe" --account "$prospect" --title "First order" --amount 1200.50 --close 2026-07-15 --today 2026-06-01
opportunity=$(sed -n 's/^opportunity \([0-9]*\) created.*/\1/p' "$work/out")
[ -n "$opportunity" ] || fail "opportunity add printed no id: $(cat "$work/out")"
expect_error 1 "opportunity move to lost without a reason" "$cli" opportunity move --db "$pipe" --id "$opportunity" --stage lost --date 2026-06-10
grep -q "lost reason" "$work/err" || fail "move to lost: the message does not name the lost reason: $(cat "$work/err")"
expect_exit 0 "opportunity move" "$cli" opportunity move --db "$pipe" --id "$opportunity" --stage proposal --date 2026-06-05
expect_exit 0 "opportunity won" "$cli" opportunity move --db "$pipe" --id "$opportunity" --stage won --date 2026-06-20
grep -q "now a customer" "$work/out" || fail "winning a prospect's first deal did not make it a customer: $(cat "$work/out")"
[ "$(python3 -c 'import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute("SELECT kind FROM customer WHERE code = ?", (sys.argv[2],)).fetchone()[0])' "$pipe" "$prospect")" = customer ] ||
    fail "the prospect is not a customer after the win"
[ "$(python3 -c 'import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute("SELECT group_concat(to_stage) FROM (SELECT to_stage FROM opportunity_stage_history WHERE opportunity_id = ? ORDER BY id)", (sys.argv[2],)).fetchone()[0])' "$pipe" "$opportunity")" = "prospecting,proposal,won" ] ||
    fail "opportunity history is not prospecting,proposal,won"
expect_exit 0 "opportunity list" "$cli" opportunity list --db "$pipe" --stage won --period 2026-06 --format csv --out "$work/won.csv"
grep -q "First order" "$work/won.csv" || fail "opportunity list: the won deal is not listed"
expect_exit 0 "pipeline --win-loss" "$cli" pipeline --db "$pipe" --period 2026-06 --win-loss rep --format json --out "$work/winloss.json"
[ "$(json_value "$work/winloss.json" 'data[-1]["rep"] == "total" and data[-1]["won"] >= 1')" = True ] ||
    fail "pipeline --win-loss: the total row does not count the won deal: $(cat "$work/winloss.json")"
expect_exit 0 "pipeline --conversion" "$cli" pipeline --db "$pipe" --period 2026-06 --conversion --format csv --out "$work/conversion.csv"
[ "$(lines_of "$work/conversion.csv")" -eq 5 ] || fail "pipeline --conversion: expected 4 open stages: $(cat "$work/conversion.csv")"
expect_error 2 "pipeline --lost-reasons without a period" "$cli" pipeline --db "$pipe" --lost-reasons
expect_exit 0 "forecast --save" "$cli" forecast --db "$pipe" --quarter 2026Q2 --as-of 2026-06-01 --save "Q2 early"
grep -q "saved as forecast snapshot" "$work/err" || fail "forecast --save: no note of the snapshot: $(cat "$work/err")"
snapshot=$(sed -n 's/^saved as forecast snapshot \([0-9]*\)$/\1/p' "$work/err")
expect_exit 0 "forecast --compare" "$cli" forecast --db "$pipe" --compare "$snapshot" --as-of 2026-07-02 --format json --out "$work/compare.json"
[ "$(json_value "$work/compare.json" 'data[-1]["key"]')" = "total" ] || fail "forecast --compare: no total row"
expect_error 1 "forecast --compare of an unknown snapshot" "$cli" forecast --db "$pipe" --compare 999
expect_error 1 "opportunity add to an unknown account" "$cli" opportunity add --db "$pipe" --account NOPE --title x --amount 1 --close 2026-07-01
expect_error 1 "opportunity move of an unknown id" "$cli" opportunity move --db "$pipe" --id 99999999 --stage won
# --- exits, churn, at-risk, cross-sell (docs/retention.md) ------------------------------------
cp "$db" "$work/exits.db"
leaver=$(python3 -c 'import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute("SELECT code FROM customer WHERE status = '"'"'active'"'"' AND kind = '"'"'customer'"'"' ORDER BY id LIMIT 1").fetchone()[0])' "$work/exits.db")
expect_exit 0 "exit record" "$cli" exit record --db "$work/exits.db" --customer "$leaver" --effective 2026-06-30 \
    --reason price --competitor Norcom --notice 2026-05-01 --actions "Offered a discount" --lost-revenue 1234.50
grep -q "recorded" "$work/out" || fail "exit record: no confirmation: $(cat "$work/out")"
status=$(python3 -c 'import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute("SELECT status FROM customer WHERE code = ?", (sys.argv[2],)).fetchone()[0])' "$work/exits.db" "$leaver")
[ "$status" = "exited" ] || fail "exit record: the customer's status is $status, not exited"
expect_exit 0 "exit list csv" "$cli" exit list --db "$work/exits.db" --outcome lost --format csv
csv_column "$work/out" code | grep -x "$leaver" >/dev/null || fail "exit list: $leaver is not on the win-back list"
csv_column "$work/out" lost_annual_revenue | grep -x "1234.50" >/dev/null || fail "exit list: the lost revenue 1234.50 is missing"
expect_error 1 "exit record, unknown reason" "$cli" exit record --db "$work/exits.db" --customer "$leaver" --effective 2026-06-30 --reason nonsense
grep -q "price" "$work/err" || fail "exit record: the error does not list the reasons: $(cat "$work/err")"
expect_error 1 "exit record, unknown customer" "$cli" exit record --db "$work/exits.db" --customer NOPE --effective 2026-06-30
expect_error 2 "exit record, bad date" "$cli" exit record --db "$work/exits.db" --customer "$leaver" --effective 2026-13-01
expect_error 1 "exit record, notice after the effective date" "$cli" exit record --db "$work/exits.db" --customer "$leaver" --effective 2026-06-30 --notice 2026-07-01
expect_exit 0 "exit reasons --add" "$cli" exit reasons --db "$work/exits.db" --add "merger=Merged with a competitor" --format json
json_value "$work/out" '[r["code"] for r in data].count("merger")' | grep -qx 1 || fail "exit reasons: merger was not added"
expect_exit 0 "exit win-back" "$cli" exit win-back --db "$work/exits.db" --customer "$leaver"
for format in table csv json; do
    expect_exit 0 "churn $format" "$cli" churn --db "$work/exits.db" --as-of 2026-06-30 --by reason --format "$format"
done
json_ok "$work/out" || fail "churn json: not JSON"
json_value "$work/out" 'sum(r["churned"] for r in data) > 0' | grep -qx True || fail "churn: no exits counted in the demo"
expect_exit 0 "churn cohorts" "$cli" churn --db "$work/exits.db" --as-of 2026-06-30 --cohorts --format csv
[ "$(csv_rows "$work/out")" -ge 2 ] || fail "churn --cohorts: no cohort rows"
expect_exit 0 "churn satisfaction" "$cli" churn --db "$work/exits.db" --as-of 2026-06-30 --satisfaction --by rep --format csv
expect_error 2 "churn, bad dimension" "$cli" churn --db "$work/exits.db" --by planet
expect_exit 0 "at-risk" "$cli" at-risk --db "$work/exits.db" --as-of 2026-06-30 --limit 10 --format csv
rows=$(csv_rows "$work/out")
[ "$rows" -ge 2 ] && [ "$rows" -le 11 ] || fail "at-risk --limit 10: $rows rows with the header"
csv_column "$work/out" code | grep -x "$leaver" >/dev/null && fail "at-risk: the exited customer $leaver is listed"
expect_exit 0 "cross-sell" "$cli" cross-sell --db "$work/exits.db" --customer "$leaver" --as-of 2026-06-30 --format json
json_ok "$work/out" || fail "cross-sell json: not JSON"
expect_error 1 "cross-sell, unknown customer" "$cli" cross-sell --db "$work/exits.db" --customer NOPE

if [ "$failures" -eq 0 ]; then
    echo "cli: all $checks checks passed"
fi
exit $((failures > 0))
