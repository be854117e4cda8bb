"""Benchmark of ``consult run`` on the bundled sample: cold wall time, CPU time, peak memory.

Not a test. Each repeat runs ``consult -v run -o <fresh folder>`` in a fresh Python process
(so interpreter start-up and every import count, as for a user), then reads the per-stage
seconds from the workspace manifest and the report step's time from the log. Also measured,
once: the cold import time of the CLI (``python -X importtime -c "import consultation.cli"``,
total and the heaviest packages) — ``consult --help`` must stay instant.

Peak memory is the maximum resident set size of the run and of the processes it waited for
(``os.wait4``: the CLI, the PDF printer and the chart workers; each counted alone, not
summed). CPU is user + system seconds of the same processes; on a shared machine it is the
fairer number, wall time is what the issue's target (≤ 60 s on 2 cores) is about. The load
average when the repeat started is recorded so that runs on a busy machine can be told apart.

Usage::

    .venv/bin/python benchmarks/bench_run.py [--repeats 1] [--keep DIR] [--label after]

Writes (appends to) ``benchmarks/results/run.csv`` and prints a table.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "benchmarks" / "results" / "run.csv"
STAGES = ("ingest", "languages", "redaction", "campaigns", "closed_stats", "coding", "topics",
          "trace", "draft")
COLUMNS = ("label", "started_utc", "repeat", "cpus", "load_1m", "wall_s", "cpu_s", "peak_rss_mb",
           *(f"{s}_s" for s in STAGES), "report_s", "pdf_wait_s", "startup_other_s",
           "cli_import_s", "exit_code")
REPORT_DONE = re.compile(r"report: .* written in ([\d.]+) s")
PDF_WAIT = re.compile(r"report: PDF ready ([\d.]+) s after")


def cli_import_time() -> tuple[float, list[tuple[str, float]]]:
    """Cold ``import consultation.cli`` (seconds) and the five packages that take longest
    (their modules' own import times, summed per top-level package)."""
    proc = subprocess.run([sys.executable, "-X", "importtime", "-c", "import consultation.cli"],
                          cwd=ROOT, capture_output=True, text=True, check=True)
    total, per_pkg = 0.0, {}
    for line in proc.stderr.splitlines():
        m = re.match(r"import time:\s+(\d+) \|\s+(\d+) \|( *)(\S+)", line)
        if not m:
            continue
        own, cumulative, depth, name = (int(m.group(1)), int(m.group(2)), len(m.group(3)),
                                        m.group(4))
        if depth == 1:  # top level: these add up to the whole import
            total += cumulative / 1e6
        root = name.split(".")[0]
        per_pkg[root] = per_pkg.get(root, 0.0) + own / 1e6
    heavy = sorted(per_pkg.items(), key=lambda kv: -kv[1])[:5]
    return total, heavy


def run_once(out_dir: Path) -> dict:
    """One cold ``consult -v run`` into ``out_dir``; timings from the process and manifest."""
    cmd = [sys.executable, "-c", "import sys; from consultation.cli import main; "
           "sys.argv[0] = 'consult'; sys.exit(main())", "-v", "run", "-o", str(out_dir)]
    env = {**os.environ, "COLUMNS": "200"}
    log_path = out_dir.parent / (out_dir.name + ".log")
    with open(log_path, "w", encoding="utf-8") as log:
        t0 = time.perf_counter()
        proc = subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - t0
    proc.returncode = os.waitstatus_to_exitcode(status)
    text = log_path.read_text(encoding="utf-8", errors="replace")
    row = {"wall_s": round(wall, 2), "cpu_s": round(usage.ru_utime + usage.ru_stime, 2),
           "peak_rss_mb": round(usage.ru_maxrss / 1024, 1), "exit_code": proc.returncode}
    manifest = out_dir / "workspace" / "manifest.json"
    stages = json.loads(manifest.read_text())["stages"] if manifest.is_file() else {}
    if isinstance(stages, list):
        stages = {s.get("stage") or s.get("name"): s for s in stages}
    staged = 0.0
    for s in STAGES:
        sec = (stages.get(s) or {}).get("seconds")
        row[f"{s}_s"] = round(float(sec), 2) if sec is not None else None
        staged += float(sec or 0)
    m = REPORT_DONE.search(text)
    row["report_s"] = round(float(m.group(1)), 2) if m else None
    m = PDF_WAIT.search(text)
    row["pdf_wait_s"] = round(float(m.group(1)), 2) if m else None
    row["startup_other_s"] = round(wall - staged - (row["report_s"] or 0), 2)
    if proc.returncode != 0:
        print(text[-3000:], file=sys.stderr)
    return row


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--repeats", type=int, default=1)
    ap.add_argument("--label", default="", help="free text stored with the rows")
    ap.add_argument("--keep", type=Path, default=None,
                    help="write the runs here (default: a temporary folder, removed)")
    ap.add_argument("--no-csv", action="store_true", help="do not append to run.csv")
    args = ap.parse_args(argv)
    if args.repeats < 1:
        ap.error("--repeats must be at least 1")
    imp, heavy = cli_import_time()
    print(f"cold `import consultation.cli`: {imp:.2f} s (heaviest: "
          + ", ".join(f"{n} {s:.2f} s" for n, s in heavy) + ")")
    rows = []
    with tempfile.TemporaryDirectory(prefix="bench_run_") as tmp:
        base = args.keep or Path(tmp)
        base.mkdir(parents=True, exist_ok=True)
        for k in range(args.repeats):
            started = datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
            load = os.getloadavg()[0]
            row = {"label": args.label, "started_utc": started, "repeat": k + 1,
                   "cpus": len(os.sched_getaffinity(0)), "load_1m": round(load, 2),
                   **run_once(base / f"run{k + 1}"), "cli_import_s": round(imp, 2)}
            rows.append(row)
            print(f"repeat {k + 1}: wall {row['wall_s']} s, cpu {row['cpu_s']} s, "
                  f"peak RSS {row['peak_rss_mb']} MB (load {row['load_1m']})", flush=True)
    width = max(len(c) for c in COLUMNS)
    print()
    for c in COLUMNS[5:]:
        print(f"{c:<{width}}  " + "  ".join(f"{r.get(c)!s:>9}" for r in rows))
    if not args.no_csv:
        import csv

        RESULTS.parent.mkdir(parents=True, exist_ok=True)
        new = not RESULTS.is_file()
        with open(RESULTS, "a", newline="", encoding="utf-8") as f:
            w = csv.DictWriter(f, fieldnames=COLUMNS)
            if new:
                w.writeheader()
            for r in rows:
                w.writerow({c: r.get(c) for c in COLUMNS})
        print(f"\nappended {len(rows)} row(s) to {RESULTS.relative_to(ROOT)}")
    return 0 if all(r["exit_code"] == 0 for r in rows) else 1


if __name__ == "__main__":
    raise SystemExit(main())
