"""Scaling benchmark: ingest + languages + redaction + campaigns + closed statistics at 10k–1M.

Not a test. For each N it generates (once, cached) a synthetic consultation with
``benchmarks/gen_large.py`` and runs the stages in a fresh child process, one after the other,
as ``consult analyse`` does (tables read from and written to the Parquet workspace). Per stage
it records wall time, process CPU time (all threads), the peak resident memory *during* the
stage (sampled every 50 ms) and throughput (responses per second). Closed-question statistics
and their charts are timed apart (``closed_stats`` and ``charts``).

Peers, measured in the same run on the smallest N (then extrapolated, as noted):

* **language ID** vs running lingua over every free-text answer naively (EU languages,
  preloaded models, ``detect_languages_in_parallel_of``, no dedupe): timed on a random
  subsample of answers, extrapolated linearly to all answers;
* **campaign detection** vs exhaustive pairwise ``rapidfuzz.fuzz.ratio`` (``process.cdist``)
  over the campaign stage's text units: timed on a subsample, extrapolated quadratically;
  precision/recall (pairs of responses) of both against the generator's injected truth;
* **topics** vs BERTopic's default pipeline: BERTopic is not re-run (25 min); its measured
  seconds per document on the Have Your Say corpus (``results/topics.csv``) are scaled to the
  same number of documents, and our ``fit_topics`` is timed here (``--topics``).

Writes ``results/scale.csv`` (one row per stage and N; rows of earlier runs at other N are
kept), ``results/scale_peers.csv`` and ``results/scale.png`` (log-log wall time and peak RSS
against N), and prints both tables.

Usage::

    .venv/bin/python benchmarks/bench_scale.py --sizes 10000 100000 [--topics]
    .venv/bin/python benchmarks/bench_scale.py --sizes 1000000 --no-peers   # once, long
"""

from __future__ import annotations

import argparse
import itertools
import json
import math
import os
import platform
import resource
import subprocess
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
RESULTS = ROOT / "benchmarks" / "results"
DATA = Path(os.environ.get("BENCH_DATA", "/tmp/consultation-bench"))
STAGES = ("ingest", "languages", "redaction", "campaigns", "closed_stats", "charts")
GOAL_STAGES = ("ingest", "languages", "redaction", "campaigns", "closed_stats")


# -- measuring ---------------------------------------------------------------------------------
class PeakRSS:
    """Samples this process's resident set size every ``interval`` seconds."""

    def __init__(self, interval: float = 0.05) -> None:
        self.interval = interval
        self.page = os.sysconf("SC_PAGE_SIZE")
        self.peak = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def rss(self) -> int:
        with open("/proc/self/statm") as fh:
            return int(fh.read().split()[1]) * self.page

    def _run(self) -> None:
        while not self._stop.is_set():
            self.peak = max(self.peak, self.rss())
            time.sleep(self.interval)

    def reset(self) -> None:
        self.peak = self.rss()

    def stop(self) -> None:
        self._stop.set()


def _cpu() -> float:
    r = resource.getrusage(resource.RUSAGE_SELF)
    return r.ru_utime + r.ru_stime


def machine() -> str:
    cpu = "?"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
        mem = int(Path("/proc/meminfo").read_text().split()[1]) / 2**20
    except OSError:
        mem = float("nan")
    return (f"{os.cpu_count()} cores ({cpu}), {mem:.0f} GiB RAM, Python "
            f"{platform.python_version()}, {platform.system()}")


def ensure_data(n: int, campaign_share: float) -> Path:
    from benchmarks.gen_large import generate

    out = DATA / f"n{n}"
    summary = out / "truth" / "summary.json"
    if summary.is_file():
        s = json.loads(summary.read_text())
        if s.get("n") == n and s.get("campaign_share") == campaign_share:
            return out
    t0 = time.perf_counter()
    generate(n, out, campaign_share=campaign_share)
    print(f"generated N={n} in {time.perf_counter() - t0:.0f} s -> {out}", flush=True)
    return out


# -- the child: one N, every stage ---------------------------------------------------------
def pair_scores(pred: dict[str, str], truth: dict[str, str]) -> tuple[float, float]:
    """Pairwise precision and recall of a clustering (response -> cluster) against truth."""
    from collections import Counter

    def pairs(c: Counter) -> int:
        return sum(v * (v - 1) // 2 for v in c.values())

    both = Counter((pred[r], truth[r]) for r in pred if r in truth)
    tp = pairs(both)
    p_pairs, t_pairs = pairs(Counter(pred.values())), pairs(Counter(truth.values()))
    return (tp / p_pairs if p_pairs else 1.0), (tp / t_pairs if t_pairs else 1.0)


def child(n: int, data: Path, work: Path, with_topics: bool) -> list[dict]:
    import logging

    import pandas as pd

    from consultation import pipeline
    from consultation.charts import plot_closed_questions
    from consultation.ingest import ingest_to_workspace

    logging.basicConfig(level=logging.WARNING)
    mon = PeakRSS()
    rows: list[dict] = []
    state: dict = {}

    def timed(stage: str, fn) -> None:
        mon.reset()
        w0, c0 = time.perf_counter(), _cpu()
        extra = fn() or {}
        wall, cpu = time.perf_counter() - w0, _cpu() - c0
        rows.append({"stage": stage, "n": n, "wall_s": round(wall, 2), "cpu_s": round(cpu, 2),
                     "peak_rss_mib": round(max(mon.peak, mon.rss()) / 2**20, 1),
                     "throughput_per_s": round(n / wall, 1) if wall > 0 else None, **extra})
        print(json.dumps(rows[-1]), flush=True)
        with open(work.parent / f"partial_{n}.jsonl", "a", encoding="utf-8") as fh:
            fh.write(json.dumps(rows[-1]) + "\n")  # survives an interrupted long run

    def ingest():
        state["ws"] = ingest_to_workspace([data / "export" / "contributions.csv"], work)
        m = state["ws"].manifest["tables"]
        return {"n_answers": m["answers"]["rows"], "n_responses": m["responses"]["rows"]}

    def stage(name):
        def go():
            ws = state["ws"]
            out = pipeline._STAGES[name](ws, {})
            for k, v in out.items():
                ws.write(k, v)
            ws.save_manifest()
            return {"n_rows_out": sum(len(v) for v in out.values())}
        return go

    def closed():
        ws = state["ws"]
        state["closed"] = pipeline._STAGES["closed_stats"](ws, {})["closed_stats"]
        ws.write("closed_stats", state["closed"])
        return {"n_rows_out": len(state["closed"])}

    def charts():
        ws = state["ws"]
        c = plot_closed_questions(state["closed"], ws["questions"], ws.path)
        ws.write("charts", c)
        return {"n_rows_out": len(c)}

    def campaigns_scored():
        extra = stage("campaigns")()
        ws = state["ws"]
        truth = pd.read_csv(data / "truth" / "campaigns.csv", dtype=str)
        resp = ws["responses"]["response_id"].astype(str)
        native = dict(zip(resp.str.split(":", n=1).str[-1], resp, strict=True))
        t = {native[r]: c for r, c in zip(truth["reference"], truth["campaign_id"],
                                          strict=True) if r in native}
        m = ws["campaign_members"]
        pred = dict(zip(m["response_id"].astype(str), m["campaign_id"].astype(str),
                        strict=True))
        # responses in no campaign are singletons on both sides
        p, r = pair_scores(pred, t)
        return {**extra, "precision": round(p, 4), "recall": round(r, 4)}

    partial = work.parent / f"partial_{n}.jsonl"
    reuse = os.environ.get("BENCH_REUSE_INGEST") == "1" and (work / "manifest.json").is_file()
    if reuse:  # --reuse-ingest: the workspace of an earlier run, and its measured ingest row
        from consultation.workspace import Workspace

        state["ws"] = Workspace.open(work, verify=False)
        for line in partial.read_text(encoding="utf-8").splitlines():
            r = json.loads(line)
            if r["stage"] == "ingest":
                rows.append(r)
        if not rows:
            raise SystemExit("--reuse-ingest: no measured ingest row in " + str(partial))
        partial.write_text(json.dumps(rows[0]) + "\n", encoding="utf-8")
    else:
        partial.unlink(missing_ok=True)
        work.mkdir(parents=True, exist_ok=True)
        timed("ingest", ingest)
    timed("languages", stage("languages"))
    timed("redaction", stage("redaction"))
    timed("campaigns", campaigns_scored)
    timed("closed_stats", closed)
    timed("charts", charts)
    if with_topics:
        timed("topics", stage("topics"))
    mon.stop()
    rows.append({"stage": "process_peak", "n": n,
                 "peak_rss_mib": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
                                       / 1024, 1)})
    return rows


# -- peers -------------------------------------------------------------------------------------
def peers(n: int, data: Path, work: Path, scale_rows: list[dict], *, lang_sample: int,
          fuzz_sample: int, seed: int = 0) -> list[dict]:
    import numpy as np
    import pandas as pd
    from rapidfuzz import fuzz, process
    from scipy import sparse
    from scipy.sparse.csgraph import connected_components

    from consultation.enrich.campaigns import normalise_texts
    from consultation.workspace import Workspace

    ws = Workspace.open(work, verify=False)
    ours = {r["stage"]: r for r in scale_rows if r["n"] == n}
    answers, questions = ws["answers"], ws["questions"]
    free = set(questions.loc[questions["kind"] == "free_text", "question_id"])
    texts = answers.loc[answers["question_id"].isin(free) & answers["value"].notna()]
    rng = np.random.default_rng(seed)
    out = []

    # language ID: naive lingua over every answer
    from lingua import IsoCode639_1, LanguageDetectorBuilder

    from consultation.enrich.language import EU_LANGUAGES

    langs = [getattr(IsoCode639_1, c.upper()) for c in EU_LANGUAGES
             if hasattr(IsoCode639_1, c.upper())]
    t0 = time.perf_counter()
    det = (LanguageDetectorBuilder.from_iso_codes_639_1(*[x for x in langs if x is not None])
           .with_preloaded_language_models().build())
    load = time.perf_counter() - t0
    idx = rng.choice(len(texts), size=min(lang_sample, len(texts)), replace=False)
    sub = texts["value"].iloc[np.sort(idx)].astype(str).tolist()
    w0, c0 = time.perf_counter(), _cpu()
    det.detect_languages_in_parallel_of(sub)
    w, c = time.perf_counter() - w0, _cpu() - c0
    naive = w / len(sub) * len(texts) + load
    naive_cpu = c / len(sub) * len(texts)
    out.append({"peer": "lingua naive (every answer)", "n": n, "n_items": len(texts),
                "peer_measured_on": len(sub), "peer_wall_s": round(naive, 1),
                "peer_cpu_s": round(naive_cpu, 1), "ours_wall_s": ours["languages"]["wall_s"],
                "ours_cpu_s": ours["languages"]["cpu_s"],
                "wall_ratio": round(naive / ours["languages"]["wall_s"], 2),
                "cpu_ratio": round(naive_cpu / ours["languages"]["cpu_s"], 2),
                "note": f"lingua timed on {len(sub)} answers, extrapolated linearly; "
                        f"model load {load:.1f} s included once"})

    # campaigns: exhaustive pairwise rapidfuzz on a subsample, extrapolated quadratically
    norm = normalise_texts(texts["value"].astype(str)).tolist()
    rid = texts["response_id"].astype(str).tolist()
    idx = np.sort(rng.choice(len(norm), size=min(fuzz_sample, len(norm)), replace=False))
    s_txt = [norm[i] for i in idx]
    w0, c0 = time.perf_counter(), _cpu()
    sim = process.cdist(s_txt, s_txt, scorer=fuzz.ratio, score_cutoff=90, dtype=np.uint8,
                        workers=1)
    w, c = time.perf_counter() - w0, _cpu() - c0
    factor = (len(norm) / len(s_txt)) ** 2
    long = np.array([len(t) >= 120 for t in s_txt])
    adj = sparse.csr_matrix((sim > 0) & long[:, None] & long[None, :])
    _, lab = connected_components(adj, directed=False)
    pred = {}
    for j, i in enumerate(idx):
        pred.setdefault(rid[i], f"x{lab[j]}")
    truth = pd.read_csv(data / "truth" / "campaigns.csv", dtype=str)
    tmap = {f"eusurvey:{r}": c for r, c in zip(truth["reference"], truth["campaign_id"],
                                              strict=True)}
    sub_resp = set(pred)
    p, r = pair_scores(pred, {k: v for k, v in tmap.items() if k in sub_resp})
    camp = ours["campaigns"]
    out.append({"peer": "exhaustive rapidfuzz pairs", "n": n, "n_items": len(norm),
                "peer_measured_on": len(s_txt), "peer_wall_s": round(w * factor, 1),
                "peer_cpu_s": round(c * factor, 1), "ours_wall_s": camp["wall_s"],
                "ours_cpu_s": camp["cpu_s"],
                "wall_ratio": round(w * factor / camp["wall_s"], 1),
                "cpu_ratio": round(c * factor / camp["cpu_s"], 1),
                "peer_precision": round(p, 4), "peer_recall": round(r, 4),
                "ours_precision": camp.get("precision"), "ours_recall": camp.get("recall"),
                "note": f"fuzz.ratio >= 90 on texts >= 120 chars, {len(s_txt)} texts "
                        "(quadratic extrapolation); P/R on the subsample's responses"})

    # topics: BERTopic seconds per document from results/topics.csv
    tcsv = RESULTS / "topics.csv"
    if "topics" in ours and tcsv.is_file():
        t = pd.read_csv(tcsv)
        b = t[(t["model"] == "bertopic_default") & (t["corpus"] == "hys")].iloc[0]
        o = t[(t["model"] == "ours") & (t["corpus"] == "hys")].iloc[0]
        per_doc = b["wall_s"] / b["n_docs"]
        n_docs = len(texts)
        out.append({"peer": "BERTopic default (MiniLM+UMAP+HDBSCAN)", "n": n,
                    "n_items": n_docs, "peer_measured_on": int(b["n_docs"]),
                    "peer_wall_s": round(per_doc * n_docs, 1),
                    "ours_wall_s": ours["topics"]["wall_s"], "ours_cpu_s": ours["topics"]["cpu_s"],
                    "wall_ratio": round(per_doc * n_docs / ours["topics"]["wall_s"], 1),
                    "note": f"BERTopic {b['wall_s']:.0f} s on {int(b['n_docs'])} HYS docs "
                            f"(results/topics.csv) scaled linearly; there NPMI "
                            f"{b['npmi']:.3f} vs ours {o['npmi']:.3f}, diversity "
                            f"{b['diversity']:.3f} vs ours {o['diversity']:.3f}"})
    return out


# -- reporting -----------------------------------------------------------------------------------
def merge_csv(path: Path, new, keys: list[str]):
    import pandas as pd

    df = pd.DataFrame(new)
    if path.is_file():
        old = pd.read_csv(path)
        keep = old.merge(df[keys].drop_duplicates(), on=keys, how="left", indicator=True)
        old = old[(keep["_merge"] == "left_only").to_numpy()]
        df = pd.concat([old, df], ignore_index=True)
    df = df.sort_values(keys, kind="stable").reset_index(drop=True)
    tmp = path.with_suffix(".csv.tmp")
    df.to_csv(tmp, index=False)
    os.replace(tmp, path)
    return df


def plot(df, path: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    import numpy as np

    d = df[df["stage"].isin(STAGES)]
    fig, (a1, a2) = plt.subplots(1, 2, figsize=(11, 4.5))
    for stage in STAGES:
        s = d[d["stage"] == stage].sort_values("n")
        if len(s):
            a1.plot(s["n"], s["wall_s"], "o-", label=stage)
            a2.plot(s["n"], s["peak_rss_mib"] / 1024, "o-", label=stage)
    goal = d[d["stage"].isin(GOAL_STAGES)].groupby("n")
    tot, cpu = goal["wall_s"].sum(), goal["cpu_s"].sum()
    if len(tot):
        a1.plot(tot.index, tot.values, "k-", lw=2, label="goal stages, total wall")
        a1.plot(cpu.index, cpu.values, "k--", lw=1.5, label="goal stages, total CPU")
        x = np.array([cpu.index.max(), 1_000_000])
        if len(cpu) >= 2 and x[0] < x[1]:  # CPU: wall is inflated on a shared machine
            n1, n2 = cpu.index[-2], cpu.index[-1]
            slope = np.log(cpu.iloc[-1] / cpu.iloc[-2]) / np.log(n2 / n1)
            a1.plot(x, cpu.iloc[-1] * (x / x[0]) ** slope, "k:", lw=1,
                    label=f"CPU projected (slope {slope:.2f})")
    a1.axhline(600, color="r", ls="--", lw=1, label="goal: 10 min at 1M")
    a2.axhline(8, color="r", ls="--", lw=1, label="goal: 8 GiB at 1M")
    for a, lab in ((a1, "seconds (stages: wall)"), (a2, "peak RSS during stage (GiB)")):
        a.set_xscale("log")
        a.set_yscale("log")
        a.set_xlim(5e3, 2e6)
        a.set_xlabel("responses (N)")
        a.set_ylabel(lab)
        a.grid(True, which="both", alpha=0.3)
    a1.legend(fontsize=7)
    a2.legend(fontsize=7)
    fig.suptitle("consultation-toolkit scaling (synthetic EUSurvey consultation)")
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    ap.add_argument("--campaign-share", type=float, default=0.3)
    ap.add_argument("--topics", action="store_true", help="also time the topics stage")
    ap.add_argument("--no-peers", action="store_true")
    ap.add_argument("--reuse-ingest", action="store_true",
                    help="keep an earlier run's ingested workspace and its measured ingest row "
                         "(to re-measure the later stages of a long run)")
    ap.add_argument("--lang-sample", type=int, default=2000)
    ap.add_argument("--fuzz-sample", type=int, default=3000)
    ap.add_argument("--child", nargs=3, metavar=("N", "DATA", "WORK"), help=argparse.SUPPRESS)
    a = ap.parse_args(argv)
    if a.child:
        rows = child(int(a.child[0]), Path(a.child[1]), Path(a.child[2]), a.topics)
        print("RESULT " + json.dumps(rows), flush=True)
        return 0

    import pandas as pd

    RESULTS.mkdir(parents=True, exist_ok=True)
    desc = machine()
    print(f"machine: {desc}", flush=True)
    all_rows: list[dict] = []
    peer_rows: list[dict] = []
    for n in a.sizes:
        data = ensure_data(n, a.campaign_share)
        work = DATA / f"ws{n}"
        if a.reuse_ingest and (work / "manifest.json").is_file():
            os.environ["BENCH_REUSE_INGEST"] = "1"
        elif work.exists():
            import shutil

            shutil.rmtree(work)
        cmd = [sys.executable, __file__, "--child", str(n), str(data), str(work)]
        if a.topics:
            cmd.append("--topics")
        proc = subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT)
        line = [x for x in proc.stdout.splitlines() if x.startswith("RESULT ")]
        if proc.returncode or not line:
            print(proc.stdout[-3000:], proc.stderr[-5000:], file=sys.stderr)
            return 1
        rows = json.loads(line[-1][len("RESULT "):])
        for r in rows:
            r["machine"] = desc
            r["date"] = time.strftime("%Y-%m-%d")
        all_rows += rows
        if not a.no_peers and n == min(a.sizes):
            peer_rows += peers(n, data, work, rows, lang_sample=a.lang_sample,
                               fuzz_sample=a.fuzz_sample)
    df = merge_csv(RESULTS / "scale.csv", all_rows, ["stage", "n"])
    if peer_rows:
        merge_csv(RESULTS / "scale_peers.csv", peer_rows, ["peer", "n"])
    plot(df, RESULTS / "scale.png")
    pd.set_option("display.width", 200)
    cols = ["stage", "n", "wall_s", "cpu_s", "peak_rss_mib", "throughput_per_s"]
    print(df[[c for c in cols if c in df.columns]].to_string(index=False))
    tot = df[df["stage"].isin(GOAL_STAGES)].groupby("n")["wall_s"].sum()
    print("\ngoal stages total (s):", tot.round(1).to_dict())
    ns = sorted(tot.index)
    for n1, n2 in itertools.pairwise(ns):
        per_doubling = (tot[n2] / tot[n1]) ** (1 / math.log2(n2 / n1))
        print(f"cost growth per doubling {n1}->{n2}: {per_doubling:.2f}x (goal <= 2.2x)")
    if peer_rows:
        print(pd.DataFrame(peer_rows).drop(columns=["note"]).to_string(index=False))
        for r in peer_rows:
            print(f"  {r['peer']}: {r['note']}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
