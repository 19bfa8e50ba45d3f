#!/usr/bin/env python3
"""Cartera's benchmark suite: every speed claim measured the same way, in one command.

Builds the Release configuration with the benchmarks (preset "bench", GUI on), generates the demo
portfolio at each size (cached in build/bench-data, rebuilt when the generator or the schema
changes), runs every case, prints a table and writes docs/benchmarks.md.

Cases are of three sorts:
- whole processes (a CLI command, the app to its first paint), timed from outside with their peak
  resident memory, several runs; where the issue names a reference (the sqlite3 shell), the
  reference runs alternate with Cartera's so that noise on the machine hits both alike;
- in-process steps that the bench programs in tests/bench time themselves and print as
  "@bench {json}" lines (see bench_result.h): search keystrokes, warm re-runs, ...;
- micro-kernels written with Google Benchmark (bench_kernels), read from its JSON output.

Usage: tests/bench/run [--sizes 10000,100000,1000000] [--runs 5] [--out docs/benchmarks.md]
                       [--build-dir build/bench] [--no-build] [--smoke]
--smoke: the smallest size, one run, nothing written to docs (what CI runs).
"""

from __future__ import annotations

import argparse
import datetime
import hashlib
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
HERE = Path(__file__).resolve().parent
SEED = 42
AS_OF = "2026-11-23"          # the demo's today: the same file every time
ABC_FROM, ABC_TO = "2025-12", "2026-11"  # the last 12 months of that today


# ----------------------------------------------------------------------------------------------
# Measuring


@dataclass
class Run:
    seconds: float
    rss_kib: int


def run_process(command: list[str], env: dict | None = None, stdout=subprocess.DEVNULL) -> Run:
    """Runs a command to its end; its wall-clock time and peak resident memory (its own)."""
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=stdout, stderr=subprocess.PIPE, env=env)
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - start
    stderr = process.stderr.read().decode(errors="replace") if process.stderr else ""
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        raise RuntimeError(f"{' '.join(command)} failed ({process.returncode}): {stderr.strip()[:500]}")
    return Run(seconds, usage.ru_maxrss)


def run_capturing(command: list[str], env: dict | None = None) -> tuple[str, int]:
    """Runs a command; its standard output and peak resident memory."""
    with tempfile.TemporaryFile() as out:
        run = run_process(command, env=env, stdout=out)
        out.seek(0)
        return out.read().decode(errors="replace"), run.rss_kib


@dataclass
class Result:
    case: str
    size: int
    kind: str                       # "time" (median and range) or "latency" (median and p95)
    samples_ms: list[float]
    rss_kib: int | None = None
    reference: str | None = None
    reference_ms: list[float] = field(default_factory=list)
    note: str = ""

    @property
    def median(self) -> float:
        return statistics.median(self.samples_ms)

    def spread(self) -> str:
        if self.kind == "latency":
            return f"p95 {fmt_ms(percentile(self.samples_ms, 0.95))}, {len(self.samples_ms)} samples"
        if len(self.samples_ms) == 1:
            return "1 run"
        return f"{fmt_ms(min(self.samples_ms))}-{fmt_ms(max(self.samples_ms))}, {len(self.samples_ms)} runs"

    def ratio(self) -> str:
        if not self.reference_ms:
            return ""
        return f"{statistics.median(self.reference_ms) / self.median:.1f}" if self.median > 0 else ""


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    index = min(len(ordered) - 1, int(p * (len(ordered) - 1) + 0.5))
    return ordered[index]


def fmt_ms(ms: float) -> str:
    if ms >= 10000:
        return f"{ms / 1000:.1f} s"
    if ms >= 1000:
        return f"{ms / 1000:.2f} s"
    if ms >= 10:
        return f"{ms:.0f} ms"
    if ms >= 0.1:
        return f"{ms:.1f} ms"
    return f"{ms * 1000:.0f} µs"


def fmt_rss(kib: int | None) -> str:
    return "" if kib is None else f"{kib / 1024:.0f} MiB"


def bench_lines(output: str) -> list[dict]:
    return [json.loads(line[len("@bench "):]) for line in output.splitlines() if line.startswith("@bench ")]


# ----------------------------------------------------------------------------------------------
# The machine, the build and the data


def machine() -> dict:
    model = ""
    with open("/proc/cpuinfo") as cpuinfo:
        for line in cpuinfo:
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    with open("/proc/meminfo") as meminfo:
        mem_kib = int(next(line for line in meminfo if line.startswith("MemTotal")).split()[1])
    sqlite = subprocess.run(["sqlite3", "--version"], capture_output=True, text=True).stdout.split(" ")[0]
    return {
        "cpu": model or platform.processor(),
        "cores": os.cpu_count(),
        "memory": f"{mem_kib / 1048576:.1f} GiB",
        "sqlite3": sqlite,
        "os": platform.platform(),
    }


def load() -> str:
    with open("/proc/loadavg") as loadavg:
        return " ".join(loadavg.read().split()[:3])


def build(build_dir: Path) -> None:
    print("== Building the Release configuration with the benchmarks", flush=True)
    subprocess.run(["cmake", "--preset", "bench", "-B", str(build_dir), "-DCARTERA_BUILD_GUI=ON"], cwd=ROOT,
                   check=True, stdout=subprocess.DEVNULL)
    subprocess.run(["cmake", "--build", str(build_dir), "-j", str(os.cpu_count() or 2)], cwd=ROOT, check=True)


def generator_fingerprint(cli: Path) -> str:
    """Changes whenever the demo generator or the schema changes: the cached files are rebuilt."""
    digest = hashlib.sha256()
    for path in sorted((ROOT / "src" / "services").glob("demo_*")) + [ROOT / "src" / "storage" / "migrations.cpp"]:
        digest.update(path.read_bytes())
    digest.update(f"{SEED} {AS_OF}".encode())
    return digest.hexdigest()[:16]


def demo_database(cli: Path, size: int, data_dir: Path, runs: int) -> tuple[Path, Result]:
    """The demo portfolio of this size, generated (and timed) unless a current copy is cached."""
    data_dir.mkdir(parents=True, exist_ok=True)
    path = data_dir / f"demo-{size}.cartera"
    meta_path = data_dir / f"demo-{size}.json"
    fingerprint = generator_fingerprint(cli)
    if path.exists() and meta_path.exists():
        meta = json.loads(meta_path.read_text())
        if meta.get("fingerprint") == fingerprint:
            result = Result("demo generation", size, "time", meta["samples_ms"], meta["rss_kib"],
                            note=f"measured when the cached file was made, {meta['when']}")
            return path, result
    print(f"== Generating the {size:,}-account demo portfolio", flush=True)
    samples, rss = [], 0
    generation_runs = runs if size <= 100_000 else 1
    for _ in range(generation_runs):
        run = run_process([str(cli), "demo", "--customers", str(size), "--seed", str(SEED), "--as-of", AS_OF,
                           "--out", str(path), "--replace", "--quiet"])
        samples.append(run.seconds * 1000)
        rss = max(rss, run.rss_kib)
    when = datetime.datetime.now().strftime("%Y-%m-%d %H:%M")
    meta_path.write_text(json.dumps({"fingerprint": fingerprint, "samples_ms": samples, "rss_kib": rss,
                                     "when": when}))
    return path, Result("demo generation", size, "time", samples, rss)


# ----------------------------------------------------------------------------------------------
# The cases


def alternating(size: int, case: str, command: list[str], reference_name: str | None,
                reference: list[str] | None, runs: int, env: dict | None = None) -> Result:
    """Cartera's command and the reference, run in turn, after one untimed run of each (so that
    every timed run reads the file from the page cache)."""
    run_process(command, env=env)
    if reference:
        run_process(reference)
    ours, theirs, rss = [], [], 0
    for _ in range(runs):
        run = run_process(command, env=env)
        ours.append(run.seconds * 1000)
        rss = max(rss, run.rss_kib)
        if reference:
            theirs.append(run_process(reference).seconds * 1000)
    return Result(case, size, "time", ours, rss, reference_name, theirs)


def sqlite_script(db: Path, script: Path) -> list[str]:
    return ["sqlite3", str(db), "-cmd", f".read {script}", ".quit"]


def abc_cases(cli: Path, db: Path, size: int, runs: int) -> list[Result]:
    abc = [str(cli), "abc", "--db", str(db), "--from", ABC_FROM, "--to", ABC_TO, "--summary"]
    return [
        alternating(size, "ABC cold: a whole `cartera-cli abc` run (revenue, 12 months)", abc,
                    "sqlite3 shell: SUM per customer from the order lines, then a running-total window",
                    sqlite_script(db, HERE / "abc_reference_lines.sql"), runs),
        alternating(size, "ABC cold, against the reference on the monthly figures", abc,
                    "sqlite3 shell: the same query on Cartera's monthly figures",
                    sqlite_script(db, HERE / "abc_reference_months.sql"), runs),
    ]


def in_process(program: Path, arguments: list[str], size: int, env: dict | None = None) -> list[Result]:
    output, rss = run_capturing([str(program), *arguments], env=env)
    return [Result(line["case"], size, line.get("kind", "time"), line["samples"], rss) for line in bench_lines(output)]


def app_first_paint(app: Path, db: Path, size: int, runs: int) -> Result:
    """The app opened on the file and its main window painted (offscreen), whole process."""
    with tempfile.TemporaryDirectory() as home:
        env = dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_CONFIG_HOME=f"{home}/config",
                   XDG_DATA_HOME=f"{home}/data")
        shot = f"{home}/window.png"
        return alternating(size, "open the app on the file, to first paint (whole process)",
                           [str(app), "--db", str(db), "--screenshot", shot], None, None, runs, env)


def kernel_cases(program: Path, size: int) -> list[Result]:
    """Google Benchmark micro-kernels: each reported with its repetitions' real times."""
    output, rss = run_capturing([str(program), "--benchmark_format=json", "--benchmark_repetitions=5",
                                 "--benchmark_report_aggregates_only=false", f"--benchmark_filter=/{size}$"])
    data = json.loads(output)
    grouped: dict[str, list[float]] = {}
    for entry in data.get("benchmarks", []):
        if entry.get("run_type") != "iteration":
            continue
        scale = {"ns": 1e-6, "us": 1e-3, "ms": 1.0, "s": 1000.0}[entry.get("time_unit", "ns")]
        name = entry["run_name"].rsplit("/", 1)[0]
        grouped.setdefault(name, []).append(entry["real_time"] * scale)
    return [Result(f"kernel: {name}", size, "time", samples, rss) for name, samples in grouped.items()]


def optional_cases(cli: Path, db: Path, size: int, runs: int) -> list[Result]:
    """Cases of features that register themselves in tests/bench/cases/*.py (one file per
    feature: exports, segments, territories, ...), each a function cases(ctx) returning Results."""
    results = []
    for path in sorted((HERE / "cases").glob("*.py")):
        namespace: dict = {}
        exec(compile(path.read_text(), str(path), "exec"), namespace)
        context = {"cli": cli, "db": db, "size": size, "runs": runs, "Result": Result,
                   "alternating": alternating, "run_process": run_process, "in_process": in_process,
                   "sqlite_script": sqlite_script, "here": HERE, "as_of": AS_OF}
        try:
            results.extend(namespace["cases"](context))
        except Exception as error:  # a broken case is reported, the others still run
            print(f"   {path.name}: {error}", file=sys.stderr)
    return results


# ----------------------------------------------------------------------------------------------
# Reporting


def table(results: list[Result]) -> str:
    lines = ["| Case | Size | Cartera median | Spread | Reference | Reference median | Reference / Cartera | Peak RSS |",
             "| --- | ---: | ---: | --- | --- | ---: | --- | ---: |"]
    for r in results:
        reference_median = fmt_ms(statistics.median(r.reference_ms)) if r.reference_ms else ""
        spread = r.spread() + (f"; {r.note}" if r.note else "")
        lines.append(f"| {r.case} | {r.size:,} | {fmt_ms(r.median)} | {spread} | {r.reference or ''} | "
                     f"{reference_median} | {r.ratio()} | {fmt_rss(r.rss_kib)} |")
    return "\n".join(lines)


def growth_table(results: list[Result], sizes: list[int]) -> str:
    by_case: dict[str, dict[int, float]] = {}
    for r in results:
        by_case.setdefault(r.case, {})[r.size] = r.median
    header = "| Case | " + " | ".join(f"{s:,}" for s in sizes) + " | Growth per 10x accounts |"
    lines = [header, "| --- |" + " ---: |" * len(sizes) + " --- |"]
    for case, medians in by_case.items():
        cells = [fmt_ms(medians[s]) if s in medians else "" for s in sizes]
        growth = []
        present = [s for s in sizes if s in medians and medians[s] > 0]
        for small, large in zip(present, present[1:]):
            growth.append(f"{medians[large] / medians[small]:.1f}x")
        lines.append(f"| {case} | " + " | ".join(cells) + f" | {', '.join(growth)} |")
    return "\n".join(lines)


def write_markdown(out: Path, results: list[Result], sizes: list[int], info: dict, loads: tuple[str, str],
                   runs: int, commit: str) -> None:
    notes = (HERE / "benchmarks_notes.md").read_text() if (HERE / "benchmarks_notes.md").exists() else ""
    today = datetime.date.today().isoformat()
    text = f"""# Benchmarks

Written by `bash tests/bench/run` on {today} at commit {commit}; do not edit by hand (the notes
at the end come from tests/bench/benchmarks_notes.md). Every figure is a median over {runs} runs
unless the spread column says otherwise; reference runs alternate with Cartera's.

Machine: {info['cpu']}, {info['cores']} cores, {info['memory']} memory; {info['os']}; sqlite3 {info['sqlite3']}.
Load average before the runs {loads[0]}, after {loads[1]} (above 0.5 means other work shared the
machine: both sides of a comparison were slowed alike, absolute times less so).

Demo portfolios: `cartera-cli demo --customers N --seed {SEED} --as-of {AS_OF}` (about 92 % customers
and 8 % prospects, 11 order lines per account over three years). ABC runs over {ABC_FROM}..{ABC_TO}.

## Results

{table(results)}

## How cost grows

The median of each case at each size, and how much it grows when the portfolio grows tenfold
(10x would be linear; less is better than linear).

{growth_table(results, sizes)}

{notes}"""
    out.write_text(text)


# ----------------------------------------------------------------------------------------------


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="10000,100000,1000000")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--out", default=str(ROOT / "docs" / "benchmarks.md"))
    parser.add_argument("--build-dir", default=str(ROOT / "build" / "bench"))
    parser.add_argument("--data-dir", default=str(ROOT / "build" / "bench-data"))
    parser.add_argument("--no-build", action="store_true")
    parser.add_argument("--smoke", action="store_true", help="smallest size, one run, docs untouched")
    args = parser.parse_args()

    try:
        sizes = sorted({int(size.replace("_", "")) for size in args.sizes.split(",") if size.strip()})
    except ValueError:
        print(f"suite: --sizes must be numbers separated by commas, not {args.sizes!r}", file=sys.stderr)
        return 2
    runs = max(1, args.runs)
    if args.smoke:
        sizes, runs = [min(sizes + [2000])], 1
    build_dir = Path(args.build_dir)
    if not args.no_build:
        build(build_dir)
    cli = build_dir / "src" / "cartera-cli"
    app = build_dir / "src" / "app" / "cartera"
    benches = build_dir / "tests" / "bench"
    for needed in ("sqlite3",):
        if shutil.which(needed) is None:
            print(f"suite: {needed} is missing (bash scripts/install-deps installs it)", file=sys.stderr)
            return 2
    if not cli.exists():
        print(f"suite: no {cli}: build first (drop --no-build)", file=sys.stderr)
        return 2

    info = machine()
    print(f"machine: {info['cpu']}, {info['cores']} cores, {info['memory']}; load {load()}", flush=True)
    data_dir = Path(args.data_dir) if not args.smoke else Path(tempfile.mkdtemp(prefix="cartera-bench-"))
    load_before = load()
    results: list[Result] = []
    for size in sizes:
        db, generation = demo_database(cli, size, data_dir, runs)
        results.append(generation)
        print(f"== {size:,} accounts: {db}", flush=True)
        steps = [
            ("ABC", lambda: abc_cases(cli, db, size, runs)),
            ("ABC in process", lambda: in_process(benches / "abc_bench", [str(db), str(runs), AS_OF], size)),
            ("customer list", lambda: in_process(benches / "customer_list_bench", [str(db), str(runs)], size)),
            ("contacts", lambda: in_process(benches / "contact_list_bench", [str(db), str(runs)], size)),
            ("tiers", lambda: in_process(benches / "tiers_bench", [str(db), str(runs), AS_OF], size)),
            ("portfolio", lambda: in_process(benches / "portfolio_bench", [str(db), str(runs), AS_OF], size)),
            ("features", lambda: optional_cases(cli, db, size, runs)),
            ("kernels", lambda: kernel_cases(benches / "bench_kernels", size) if (benches / "bench_kernels").exists() else []),
            ("app", lambda: [app_first_paint(app, db, size, runs)] if app.exists() else []),
        ]
        for name, step in steps:
            print(f"   {name} ...", flush=True)
            try:
                step_results = step()
            except (RuntimeError, OSError, json.JSONDecodeError) as error:
                print(f"   {name} failed: {error}", file=sys.stderr)
                if args.smoke:
                    return 1
                continue
            results.extend(step_results)
            for r in step_results:
                print(f"     {r.case}: {fmt_ms(r.median)} ({r.spread()})"
                      + (f", reference {fmt_ms(statistics.median(r.reference_ms))}, ratio {r.ratio()}" if r.reference_ms else ""),
                      flush=True)
    load_after = load()
    print()
    print(table(results))
    if args.smoke:
        shutil.rmtree(data_dir, ignore_errors=True)
        print("\nsmoke run: every case ran; docs/benchmarks.md not written")
        return 0
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True,
                            text=True).stdout.strip() or "unknown"
    write_markdown(Path(args.out), results, sizes, info, (load_before, load_after), runs, commit)
    print(f"\nwrote {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
