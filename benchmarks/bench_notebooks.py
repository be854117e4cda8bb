"""Wall time of the analyst notebooks (``notebooks/*.ipynb``), executed headless with nbclient.

Not a test (the suite executes the notebooks too, without timing them). Each notebook runs in a
fresh kernel, as an analyst's *Run All* does, so its time includes the kernel start and the
one-off loading of the language resources (spaCy lookups) that topic refits and evidence
re-tracing need. The slowest cells are listed; the machine's load average is recorded with each
run, because the numbers depend on it.

Usage::

    .venv/bin/python benchmarks/bench_notebooks.py                 # the sample (built if missing)
    .venv/bin/python benchmarks/bench_notebooks.py --workspace work/my_consultation

Results are appended to ``benchmarks/results/notebooks.csv``.
"""

from __future__ import annotations

import argparse
import csv
import os
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

import nbclient
import nbformat

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "benchmarks" / "results" / "notebooks.csv"


def _cell_seconds(cell) -> float:
    ex = cell.metadata.get("execution", {})
    a, b = ex.get("iopub.execute_input"), ex.get("shell.execute_reply")
    if not (a and b):
        return 0.0
    return (datetime.fromisoformat(b.replace("Z", "+00:00"))
            - datetime.fromisoformat(a.replace("Z", "+00:00"))).total_seconds()


def run(path: Path, workspace: Path, out: Path) -> tuple[float, list[tuple[float, str]]]:
    nb = nbformat.read(path, as_version=4)
    first = next(i for i, c in enumerate(nb.cells) if c.cell_type == "code")
    nb.cells.insert(first + 1, nbformat.v4.new_code_cell(
        f"WORKSPACE = {str(workspace)!r}\nOUTPUT_DIR = {str(out)!r}\n"))
    t0 = time.perf_counter()
    nbclient.NotebookClient(nb, kernel_name="python3", timeout=1200,
                            resources={"metadata": {"path": str(out)}}).execute()
    wall = time.perf_counter() - t0
    cells = sorted(((_cell_seconds(c), c.source.splitlines()[0][:60]) for c in nb.cells
                    if c.cell_type == "code" and c.source), reverse=True)
    return wall, cells[:3]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--workspace", type=Path, help="a built workspace (default: the sample's, "
                    "built when missing)")
    ap.add_argument("--repeats", type=int, default=1)
    args = ap.parse_args()
    if args.workspace is None:
        from consultation.explore import open_workspace

        args.workspace = open_workspace().path
    rows = []
    for path in sorted((ROOT / "notebooks").glob("*.ipynb")):
        for _ in range(args.repeats):
            load = os.getloadavg()[0]
            with tempfile.TemporaryDirectory() as tmp:
                wall, slow = run(path, args.workspace.resolve(), Path(tmp))
            print(f"{path.name}: {wall:.1f} s (load {load:.1f}); slowest cells: "
                  + "; ".join(f"{s:.1f} s {src!r}" for s, src in slow))
            rows.append({"date": datetime.now(UTC).isoformat(timespec="seconds"),
                         "notebook": path.name, "seconds": round(wall, 1),
                         "load_average": round(load, 1), "cpus": os.cpu_count(),
                         "slowest_cell": slow[0][1] if slow else "",
                         "slowest_cell_seconds": round(slow[0][0], 1) if slow else ""})
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    new = not RESULTS.exists()
    with RESULTS.open("a", newline="", encoding="utf-8") as fh:
        w = csv.DictWriter(fh, fieldnames=list(rows[0]))
        if new:
            w.writeheader()
        w.writerows(rows)


if __name__ == "__main__":
    main()
