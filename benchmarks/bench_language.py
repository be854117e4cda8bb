"""Benchmark of per-answer language detection: naive lingua vs ``detect_languages``.

Not a test. For each corpus it times

* ``naive``: lingua (EU languages, high-accuracy mode, preloaded models) over every free-text
  answer and document text as they are, ``detect_languages_in_parallel_of``, no dedupe;
* ``pipeline``: :func:`consultation.enrich.language.detect_languages` (dedupe, windows for long
  texts, context for short ones, mixed-language check), with the detector already built;

and, where truth exists, their accuracy. Corpora: the Have Your Say AI-Act feedback
(../shared/data/hys_ai_act_2021; declared language as a weak label), the micro-credentials
sample (truth/languages.csv) as is, replicated ×20 (identical copies: what dedupe buys) and
replicated ×20 with each copy's sentences shuffled (no two long texts alike: the honest cost
of scale). Times are wall clock and process CPU seconds (all threads; the fairer number on a
shared machine), also per 1,000 texts. Building the detector (loading lingua's models) is
timed once, apart.

Usage::

    .venv/bin/python benchmarks/bench_language.py [--copies 20] [--skip-naive]
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from pathlib import Path

import numpy as np
import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from consultation.enrich import language as lang  # noqa: E402
from consultation.ingest import ingest  # noqa: E402

SHARED = ROOT.parent / "shared" / "data"
SAMPLE = ROOT / "data" / "raw" / "microcredentials_2021_sample"
SENT = re.compile(r"(?<=[.!?])\s+")


def _clock(fn):
    w0, c0 = time.perf_counter(), time.process_time()
    out = fn()
    return out, time.perf_counter() - w0, time.process_time() - c0


def _free_text(tables: dict, questions: pd.DataFrame) -> pd.DataFrame:
    free = set(questions.loc[questions["kind"] == "free_text", "question_id"])
    a = tables["answers"]
    return a[a["question_id"].isin(free)]


def _sample_truth(questions: pd.DataFrame) -> pd.DataFrame:
    tr = pd.read_csv(SAMPLE / "truth" / "languages.csv")
    q = questions.dropna(subset=["source_column"])
    qmap = dict(zip(q["source_column"].astype(int), q["question_id"], strict=True))
    return pd.DataFrame({"response_id": "eusurvey:" + tr["reference"],
                         "question_id": tr["column"].map(qmap), "language": tr["language"]})


def _replicate(tables: dict, copies: int, shuffle: bool, seed: int = 0) -> dict:
    rng = np.random.default_rng(seed)
    out = {k: [] for k in ("answers", "responses", "documents")}
    for k in range(copies):
        suffix = f"#{k}" if k else ""
        for name in out:
            df = tables[name].copy()
            df["response_id"] = df["response_id"] + suffix
            if name == "documents":
                df["document_id"] = df["document_id"] + suffix
            if shuffle and k and name in ("answers", "documents"):
                col = "value" if name == "answers" else "text"

                def _shuffle(t, rng=rng):
                    if not isinstance(t, str):
                        return t
                    parts = SENT.split(t)
                    return " ".join(rng.permutation(parts)) if len(parts) > 1 else t
                df[col] = df[col].map(_shuffle)
            out[name].append(df)
    return {k: pd.concat(v, ignore_index=True) for k, v in out.items()}


def _row(name, n_texts, wall, cpu, acc=None, extra=""):
    per = 1000 / max(n_texts, 1)
    acc_s = "" if acc is None else f"{acc:.4f}"
    return (f"| {name} | {n_texts} | {wall:.2f} | {cpu:.2f} | {wall * per:.3f} | "
            f"{cpu * per:.3f} | {acc_s} | {extra} |")


def bench(name, tables, questions, truth, skip_naive, lines):
    ft = _free_text(tables, questions)
    docs = tables["documents"]
    docs = docs[docs["text"].notna() & (docs["text"].astype(str).str.strip() != "")]
    texts = ft["value"].astype(str).tolist() + docs["text"].astype(str).tolist()
    codes = tuple(sorted(lang.EU_LANGUAGES))
    det = lang._detector(tuple(c for c in codes if c != "mt"))
    if not skip_naive:
        res, wall, cpu = _clock(lambda: det.detect_languages_in_parallel_of(texts))
        acc = None
        if truth is not None:
            naive = pd.DataFrame({
                "response_id": ft["response_id"].to_numpy(),
                "question_id": ft["question_id"].to_numpy(),
                "language": [r.iso_code_639_1.name.lower() if r else None
                             for r in res[:len(ft)]],
                "n_chars": ft["value"].str.len().to_numpy()})
            acc = lang.measure_accuracy(naive, truth)["accuracy"]
        lines.append(_row(f"{name}: naive lingua", len(texts), wall, cpu, acc))
    out, wall, cpu = _clock(lambda: lang.detect_languages(
        tables["answers"], questions, tables["responses"], documents=tables["documents"]))
    acc, extra = None, ""
    if truth is not None:
        m = lang.measure_accuracy(out, truth)
        acc = m["accuracy"]
        extra = f"short (<30 chars) {m['accuracy_short']:.4f} on {m['n_short']}"
    else:
        body = out[~out["question_id"].str.startswith("document:")]
        extra = (f"agrees with declared on {1 - body['mismatch'].mean():.4f} of answers "
                 f"({int(body['mismatch'].sum())} mismatches), "
                 f"{int(out['mismatch'].sum())} incl. documents")
    lines.append(_row(f"{name}: pipeline", len(out), wall, cpu, acc, extra))
    return out


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--copies", type=int, default=20)
    ap.add_argument("--skip-naive", action="store_true")
    args = ap.parse_args(argv)

    lines = ["| corpus: method | texts | wall s | CPU s | wall s / 1k | CPU s / 1k | accuracy "
             "| notes |", "|---|---:|---:|---:|---:|---:|---:|---|"]
    codes = tuple(sorted(lang.EU_LANGUAGES))
    _, wall, cpu = _clock(lambda: lang._detector(tuple(c for c in codes if c != "mt")))
    print(f"lingua detector build (preloaded models, 23 languages): wall {wall:.1f} s, "
          f"CPU {cpu:.1f} s")

    hys = SHARED / "hys_ai_act_2021"
    if hys.exists():
        t = ingest([hys]).tables
        bench("HYS AI Act", t, t["questions"], None, args.skip_naive, lines)
    if (SAMPLE / "contributions.csv").exists():
        t = ingest([SAMPLE]).tables
        q = t["questions"].copy()
        # the second 'Other, please specify:' column (45) is read as single_choice by ingest
        q.loc[q["source_column"] == 45, "kind"] = "free_text"
        truth = _sample_truth(q)
        bench("sample", t, q, truth, args.skip_naive, lines)
        for shuffle in (False, True):
            rep = _replicate(t, args.copies, shuffle)
            n = args.copies
            rep_truth = pd.concat(
                [truth.assign(response_id=truth["response_id"] + (f"#{k}" if k else ""))
                 for k in range(n)], ignore_index=True)
            label = f"sample x{n}" + (" shuffled" if shuffle else "")
            bench(label, rep, q, rep_truth, args.skip_naive, lines)
    print("\n".join(lines))


if __name__ == "__main__":
    main()
