#!/usr/bin/env bash
# Exporting every customer to CSV against the sqlite3 shell writing the same rows and columns,
# side by side in one run, alternating: `cartera-cli customers export --profile excel-comma`
# (whole process: open, count, stream, fsync, rename) and `sqlite3 -csv -header` running
# export_reference.sql, both into files in OUTDIR. Medians and ranges of RUNS runs, wall clock and
# CPU (user + system); the reference also with SQLite's memory map on (as Cartera's connections
# read). Checks once that both files hold the same records.
# Usage: tests/bench/export_benchmark.sh DB [CLI] (RUNS=5, OUTDIR=/tmp by default). Needs sqlite3,
# python3 and GNU time.
set -eu
db=${1:?usage: export_benchmark.sh DB [CLI]}
cli=${2:-build/release/src/cartera-cli}
runs=${RUNS:-5}
out=${OUTDIR:-/tmp}
here=$(cd "$(dirname "$0")" && pwd)

median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
range() { sort -n | awk 'NR == 1 { min = $1 } { max = $1 } END { print min "-" max }'; }
timed() {  # prints "wall cpu" seconds of one run of the command
    /usr/bin/time -f "%e %U %S" "$@" 2>&1 >/dev/null | tail -1 | awk '{ printf "%s %.2f\n", $1, $2 + $3 }'
}
reference() { sqlite3 -csv -header "$db" <"$here/export_reference.sql" >"$out/export-bench-reference.csv"; }
# The same with SQLite reading through a memory map, as Cartera's connections do (mmap_size 2 GiB).
reference_mmap() {
    sqlite3 -csv -header -cmd "PRAGMA mmap_size = 2147483648" "$db" <"$here/export_reference.sql" >"$out/export-bench-reference.csv"
}
export -f reference reference_mmap
export db here out

echo "machine: $(nproc) cores, $(awk '/MemTotal/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo); sqlite3 $(sqlite3 --version | cut -d' ' -f1)"
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
# One untimed run each, so that every timed run reads the database from the page cache.
"$cli" customers export --db "$db" --profile excel-comma --out "$out/export-bench-cartera.csv" >/dev/null
reference
python3 - "$out/export-bench-cartera.csv" "$out/export-bench-reference.csv" <<'PY'
import csv, sys
def records(path):
    with open(path, newline="", encoding="utf-8-sig") as f:
        return list(csv.reader(f))
a, b = records(sys.argv[1]), records(sys.argv[2])
# Our export guards formula-like text with an apostrophe; the reference does not.
b = [[("'" + v) if v[:1] in ("=", "+", "-", "@", "\t", "\r") else v for v in row] for row in b]
print(f"same records: {a == b} ({len(a) - 1} rows)")
PY
declare -A wall cpu
for run in $(seq "$runs"); do
    read -r w c < <(timed "$cli" customers export --db "$db" --profile excel-comma --out "$out/export-bench-cartera.csv")
    wall[cartera]+="$w "; cpu[cartera]+="$c "
    read -r w c < <(timed bash -c reference)
    wall[sqlite3]+="$w "; cpu[sqlite3]+="$c "
    read -r w c < <(timed bash -c reference_mmap)
    wall[sqlite3_mmap]+="$w "; cpu[sqlite3_mmap]+="$c "
done
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
for case in cartera sqlite3 sqlite3_mmap; do
    w=$(echo "${wall[$case]}" | tr ' ' '\n' | grep .)
    c=$(echo "${cpu[$case]}" | tr ' ' '\n' | grep .)
    echo "$case: wall median $(echo "$w" | median) s (range $(echo "$w" | range)), cpu median $(echo "$c" | median) s ($runs runs)"
done
ls -l "$out/export-bench-cartera.csv" "$out/export-bench-reference.csv" | awk '{ print $5, $9 }'
rm -f "$out/export-bench-cartera.csv" "$out/export-bench-reference.csv"
