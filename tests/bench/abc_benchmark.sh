#!/usr/bin/env bash
# ABC on a large portfolio against the plain-SQL reference, side by side in one run:
#   cartera-cli abc --summary over 2025-12..2026-11, whole process, median of RUNS;
#   the sqlite3 shell running abc_reference_lines.sql (from the order lines) and
#   abc_reference_months.sql (from the monthly figures), all rows printed to /dev/null;
#   optionally a second (older) cartera-cli, to compare before and after a change.
# The runs alternate, so that noise from other work on the machine hits every case alike. Both
# the wall-clock time and the CPU time (user + sys) are reported: on a shared machine CPU time is
# the fairer comparison; on an idle one the wall clock is what a user feels.
# Usage: tests/bench/abc_benchmark.sh DB [CLI [BEFORE_CLI]] (RUNS=5 by default). Needs sqlite3, GNU time.
set -eu
db=${1:?usage: abc_benchmark.sh DB [CLI [BEFORE_CLI]]}
cli=${2:-build/bench/src/cartera-cli}
before=${3:-}
runs=${RUNS:-5}
here=$(cd "$(dirname "$0")" && pwd)

median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
range() { sort -n | awk 'NR == 1 { min = $1 } { max = $1 } END { print min "-" max }'; }
timed() {  # prints "wall cpu" seconds of one run of the command
    /usr/bin/time -f "%e %U %S" "$@" 2>&1 >/dev/null | tail -1 | awk '{ printf "%s %.2f\n", $1, $2 + $3 }'
}

echo "machine: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(nproc) cores, $(awk '/MemTotal/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo); sqlite3 $(sqlite3 --version | cut -d' ' -f1)"
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
abc=(abc --db "$db" --from 2025-12 --to 2026-11 --summary)
# One untimed run each, so that every timed run reads the file from the page cache.
"$cli" "${abc[@]}" >/dev/null
sqlite3 "$db" <"$here/abc_reference_lines.sql" >/dev/null
declare -A wall cpu
cases="cli lines months"
[ -n "$before" ] && cases="cli before lines months"
for run in $(seq "$runs"); do
    for case in $cases; do
        case $case in
            cli) result=$(timed "$cli" "${abc[@]}") ;;
            before) result=$(timed "$before" "${abc[@]}") ;;
            lines) result=$(timed sqlite3 "$db" -cmd ".read $here/abc_reference_lines.sql" ".quit") ;;
            months) result=$(timed sqlite3 "$db" -cmd ".read $here/abc_reference_months.sql" ".quit") ;;
        esac
        wall[$case]+="${result% *} "
        cpu[$case]+="${result#* } "
    done
done
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
for case in $cases; do
    w=$(echo "${wall[$case]}" | tr ' ' '\n' | grep .)
    c=$(echo "${cpu[$case]}" | tr ' ' '\n' | grep .)
    echo "$case: wall median $(echo "$w" | median) s ($(echo "$w" | range)), CPU median $(echo "$c" | median) s ($(echo "$c" | range)), $runs runs"
done
