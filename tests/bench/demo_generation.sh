#!/usr/bin/env bash
# Benchmarks `cartera-cli demo`: builds the Release configuration into build/bench, generates
# demo portfolios of 10,000, 100,000 and 1,000,000 customers several times each, checks every
# file (PRAGMA integrity_check and `cartera-cli check`), and prints a Markdown table with the
# median wall time, the spread, the peak resident memory and the order lines written.
#
# Usage: tests/bench/demo_generation.sh
# Environment:
#   RUNS       runs per size (default 3)
#   RUNS_1M    runs for 1,000,000 customers (default: RUNS)
#   SIZES      customer counts to run (default "10000 100000 1000000")
#   BENCH_DIR  folder for the generated files (default: a new temporary folder, removed at the end)
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
build="$root/build/bench"
runs="${RUNS:-3}"
runs_1m="${RUNS_1M:-$runs}"
sizes="${SIZES:-10000 100000 1000000}"
# A fixed seed and as-of date: every run writes the same portfolio.
seed=42
as_of=2026-01-15

for tool in cmake ninja /usr/bin/time sqlite3; do
    command -v "$tool" >/dev/null || { echo "demo_generation.sh: $tool is required" >&2; exit 1; }
done

if [[ -n "${BENCH_DIR:-}" ]]; then
    work="$BENCH_DIR"
    mkdir -p "$work"
else
    work="$(mktemp -d "${TMPDIR:-/tmp}/cartera-bench.XXXXXX")"
    trap 'rm -rf "$work"' EXIT
fi

echo "Building Release into $build ..." >&2
cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DCARTERA_BUILD_GUI=OFF \
    -DCARTERA_BUILD_TESTS=OFF >/dev/null
ninja -C "$build" cartera-cli >/dev/null
cli="$build/src/cartera-cli"

# Field of /usr/bin/time -v output, e.g. "Maximum resident set size (kbytes)".
time_field() {
    sed -n "s/^[[:space:]]*$1: //p" "$2"
}

# Wall clock "h:mm:ss" or "m:ss.ss" as seconds.
to_seconds() {
    awk -F: '{ s = 0; for (i = 1; i <= NF; i++) s = s * 60 + $i; printf "%.2f", s }' <<<"$1"
}

# Median of the numbers given as arguments.
median() {
    printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else printf "%.2f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

# Other work on the machine shows in the times: record how busy it was.
load_before="$(cut -d' ' -f1-3 /proc/loadavg)"
rows=()
for customers in $sizes; do
    n="$runs"
    [[ "$customers" == 1000000 ]] && n="$runs_1m"
    db="$work/demo-$customers.db"
    seconds=()
    peak_kib=0
    for run in $(seq "$n"); do
        echo "demo --customers $customers: run $run of $n ..." >&2
        report="$work/time-$customers-$run.txt"
        /usr/bin/time -v -o "$report" "$cli" demo --customers "$customers" --seed "$seed" --as-of "$as_of" \
            --out "$db" --replace --quiet
        seconds+=("$(to_seconds "$(time_field 'Elapsed (wall clock) time (h:mm:ss or m:ss)' "$report")")")
        kib="$(time_field 'Maximum resident set size (kbytes)' "$report")"
        (( kib > peak_kib )) && peak_kib="$kib"
    done
    integrity="$(sqlite3 "$db" 'PRAGMA integrity_check' | head -n 5)"
    if [[ "$integrity" != ok ]]; then
        echo "demo_generation.sh: integrity_check failed for $customers customers: $integrity" >&2
        exit 1
    fi
    "$cli" check --db "$db" >/dev/null
    lines="$(sqlite3 "$db" 'SELECT count(*) FROM order_line')"
    size_mib="$(( $(stat -c %s "$db") / 1048576 ))"
    med="$(median "${seconds[@]}")"
    min="$(printf '%s\n' "${seconds[@]}" | sort -g | head -n 1)"
    max="$(printf '%s\n' "${seconds[@]}" | sort -g | tail -n 1)"
    rows+=("$(printf '| demo --customers %s | %s MiB | %s | %s-%s (%s runs) | %s | %s |' \
        "$customers" "$size_mib" "$med" "$min" "$max" "$n" "$(( peak_kib / 1024 ))" "$lines")")
done

cpu="$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -n 1)"
memory_gib="$(awk '/^MemTotal:/ { printf "%.1f", $2 / 1048576 }' /proc/meminfo)"
echo
echo "Machine: $cpu, $(nproc) cores, $memory_gib GiB memory; SQLite $(sqlite3 --version | cut -d' ' -f1);" \
    "seed $seed, as of $as_of; load average $load_before before the runs, $(cut -d' ' -f1-3 /proc/loadavg) after"
echo
echo "| Case | File size | Median s | Min-max s | Peak RSS MiB | Order lines |"
echo "| --- | --- | --- | --- | --- | --- |"
printf '%s\n' "${rows[@]}"
