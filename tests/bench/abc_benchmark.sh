#!/usr/bin/env bash
# ABC on a large portfolio against the plain-SQL reference, side by side in one run:
#   cartera-cli abc --summary over 2025-12..2026-11, whole process, median of RUNS;
#   the sqlite3 shell running abc_reference_lines.sql (from the order lines) and
#   abc_reference_months.sql (from the monthly figures), all rows printed to /dev/null.
# Usage: tests/bench/abc_benchmark.sh DB [CLI] (RUNS=5 by default). Needs sqlite3 and GNU time.
set -eu
db=${1:?usage: abc_benchmark.sh DB [CLI]}
cli=${2:-build/release/src/cartera-cli}
runs=${RUNS:-5}
here=$(cd "$(dirname "$0")" && pwd)

median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
range() { sort -n | awk 'NR == 1 { min = $1 } { max = $1 } END { print min "-" max }'; }
timed() {  # prints the wall-clock seconds of one run of the command
    /usr/bin/time -f "%e" "$@" 2>&1 >/dev/null | tail -1
}

echo "machine: $(nproc) cores, $(awk '/MemTotal/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo); sqlite3 $(sqlite3 --version | cut -d' ' -f1)"
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
# One untimed run each, so that every timed run reads the file from the page cache.
"$cli" abc --db "$db" --from 2025-12 --to 2026-11 --summary >/dev/null
sqlite3 "$db" <"$here/abc_reference_lines.sql" >/dev/null
declare -A times
for run in $(seq "$runs"); do
    times[cli]+="$(timed "$cli" abc --db "$db" --from 2025-12 --to 2026-11 --summary) "
    times[lines]+="$(timed sqlite3 "$db" -cmd ".read $here/abc_reference_lines.sql" ".quit") "
    times[months]+="$(timed sqlite3 "$db" -cmd ".read $here/abc_reference_months.sql" ".quit") "
done
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
for case in cli lines months; do
    values=$(echo "${times[$case]}" | tr ' ' '\n' | grep .)
    echo "$case: median $(echo "$values" | median) s, range $(echo "$values" | range) s ($runs runs)"
done
