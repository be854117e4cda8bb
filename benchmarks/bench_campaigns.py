"""Benchmark of campaign detection on synthetic consultations built from real texts.

Not a test. Background answers are pairs of passages cut from the real Have Your Say
attachments (../shared/data/hys_ai_act_2021), lightly mutated; campaigns are injected copies of
real texts (the regulations.gov form letter, Have Your Say feedback) as exact, edited
(greeting changed, a sentence dropped or added, typos, word swaps) and truncated copies, some
placed in another question than the rest. Every response also may carry a stock answer.

Reports pair precision / recall / F1 and cluster purity against the injected truth, the
timings of :class:`CampaignDetector` per 1,000 answers (wall clock and process CPU time, which
is the fairer number on a shared machine), the number of unverified LSH candidate
pairs per 100k texts, and an exhaustive pairwise ``rapidfuzz`` baseline on a subsample (timed
and extrapolated quadratically).

Usage::

    .venv/bin/python benchmarks/bench_campaigns.py --sizes 10000 100000 --exhaustive 1500
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from pathlib import Path

import numpy as np
import pandas as pd
from rapidfuzz import fuzz, process
from scipy import sparse
from scipy.sparse.csgraph import connected_components

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from consultation.enrich.campaigns import CampaignDetector, normalise_texts  # noqa: E402
from consultation.ingest import ingest  # noqa: E402

SHARED = ROOT.parent / "shared" / "data"
SENT = re.compile(r"(?<=[.!?])\s+")
STOCK = ["See attached position paper.", "Yes.", "No.", "See attached file(s)",
         "Please see the attached document.", "No comment.", "I agree."]
GREETINGS = ["Dear Commission,", "Dear colleagues,", "To whom it may concern,", "Hello,", ""]
SWAPS = [("important", "crucial"), ("should", "must"), ("the ", "this "), ("and", "&"),
         ("provide", "give"), ("ensure", "make sure")]


def load_pool(seed: int) -> tuple[list[str], list[str]]:
    """Background passages (from attachments) and campaign source texts (real comments)."""
    hys = ingest([SHARED / "hys_ai_act_2021"]).tables
    reg = ingest([SHARED / "regulations_gov_CMS-2022-0163"]).tables
    chunks, seen = [], set()
    for text in hys["documents"]["text"].dropna():
        sents = [s.strip() for s in SENT.split(re.sub(r"\s+", " ", text)) if len(s.strip()) > 30]
        for i in range(0, len(sents) - 3, 4):
            c = " ".join(sents[i:i + 4])
            key = c.casefold()[:200]
            if 200 <= len(c) <= 1500 and key not in seen:
                seen.add(key)
                chunks.append(c)
    form = reg["answers"]["value"].mode().iloc[0]
    sources = [form[:3000]]
    fb = hys["answers"]["value"].dropna()
    fb = fb[(fb.str.len() > 500) & (fb.str.len() < 3000)].drop_duplicates()
    sources += fb.sample(min(60, len(fb)), random_state=seed).tolist()
    return chunks, sources


def edit(text: str, rng: np.random.Generator, chunks: list[str]) -> str:
    sents = SENT.split(text)
    if len(sents) > 3 and rng.random() < 0.5:
        del sents[int(rng.integers(1, len(sents)))]
    if rng.random() < 0.4:
        extra = SENT.split(chunks[int(rng.integers(len(chunks)))])[0]
        sents.insert(int(rng.integers(0, len(sents) + 1)), extra)
    out = " ".join(sents)
    for _ in range(int(rng.integers(1, 4))):
        a, b = SWAPS[int(rng.integers(len(SWAPS)))]
        out = out.replace(a, b, 1)
    if rng.random() < 0.5:  # a typo
        i = int(rng.integers(1, max(2, len(out) - 1)))
        out = out[:i] + out[i + 1:]
    return (GREETINGS[int(rng.integers(len(GREETINGS)))] + "\n" + out).strip()


def make_consultation(n: int, seed: int, chunks: list[str], sources: list[str],
                      campaign_share: float = 0.1):
    rng = np.random.default_rng(seed)
    n_camp = max(3, int(n * campaign_share))
    k = min(len(sources), max(3, n // 2500))
    weights = 1.0 / np.arange(1, k + 1)
    sizes = np.maximum(3, np.floor(weights / weights.sum() * n_camp)).astype(int)
    rows, truth, variant = [], {}, {}
    rid = 0
    for c, size in enumerate(sizes):
        src = sources[c]
        for _ in range(size):
            r = f"bench:{rid:07d}"
            u = rng.random()
            if u < 0.4:
                text, v = src, "exact"
            elif u < 0.9:
                text, v = edit(src, rng, chunks), "edited"
            else:
                sents = SENT.split(src)
                text, v = " ".join(sents[:max(2, int(len(sents) * 0.7))]), "truncated"
            q = "q2" if rng.random() < 0.2 else "q1"
            rows.append((r, q, text))
            if q == "q2":  # the campaign text left q1: q1 holds the respondent's own words
                rows.append((r, "q1", background(rng, chunks)))
            truth[r], variant[r] = f"T{c:03d}", v
            rid += 1
    while rid < n:
        r = f"bench:{rid:07d}"
        rows.append((r, "q1", background(rng, chunks)))
        if rng.random() < 0.3:
            rows.append((r, "q2", background(rng, chunks)))
        rid += 1
    for r in [f"bench:{i:07d}" for i in range(n)]:
        if rng.random() < 0.1:
            rows.append((r, "q3", STOCK[int(rng.integers(len(STOCK)))]))
    answers = pd.DataFrame(rows, columns=["response_id", "question_id", "value"])
    questions = pd.DataFrame({"question_id": ["q1", "q2", "q3"],
                              "kind": ["free_text"] * 3, "text": ["Q1", "Q2", "Q3"]})
    responses = pd.DataFrame({
        "response_id": [f"bench:{i:07d}" for i in range(n)],
        "stakeholder_type": rng.choice(["eu_citizen", "ngo", "company"], size=n),
        "language": "en",
        "submitted_at": pd.Timestamp("2021-05-01", tz="UTC")
        + pd.to_timedelta(rng.integers(0, 90 * 86400, size=n), unit="s"),
    })
    return answers, questions, responses, truth, variant


def background(rng: np.random.Generator, chunks: list[str]) -> str:
    a, b = rng.choice(len(chunks), size=2, replace=False)
    words = (chunks[a] + " " + chunks[b]).split()
    keep = rng.random(len(words)) > 0.1
    return " ".join(w for w, k in zip(words, keep, strict=True) if k)


def pair_scores(pred: dict[str, str], truth: dict[str, str], ids: list[str]) -> dict:
    """Pair precision/recall/F1 and purity from sparse contingency counts (no pair listing)."""
    df = pd.DataFrame({"p": [pred.get(i, f"_p{i}") for i in ids],
                       "t": [truth.get(i, f"_t{i}") for i in ids]})
    nij = df.value_counts().to_numpy(dtype=float)
    a = df["p"].value_counts().to_numpy(dtype=float)
    b = df["t"].value_counts().to_numpy(dtype=float)
    tp = (nij * (nij - 1) / 2).sum()
    pp = (a * (a - 1) / 2).sum()
    tt = (b * (b - 1) / 2).sum()
    prec = tp / pp if pp else 1.0
    rec = tp / tt if tt else 1.0
    f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
    found = df[~df["p"].str.startswith("_p")]
    purity = (found.groupby("p")["t"].agg(lambda s: s.value_counts().iloc[0]).sum() / len(found)
              if len(found) else float("nan"))
    return {"pair_precision": round(prec, 4), "pair_recall": round(rec, 4),
            "pair_f1": round(f1, 4), "purity": round(float(purity), 4),
            "n_pred_pairs": int(pp), "n_true_pairs": int(tt)}


def run_detector(answers, questions, responses, truth, **kw) -> dict:
    cpu0 = time.process_time()
    det = CampaignDetector(**kw).fit(answers, questions, responses)
    cpu = time.process_time() - cpu0
    pred = dict(zip(det.members_["response_id"], det.members_["campaign_id"], strict=True))
    out = pair_scores(pred, truth, list(responses["response_id"]))
    st = det.stats_
    n_ans = len(answers)
    out.update({
        "n_answers": n_ans, "n_campaigns_found": len(det.campaigns_),
        "n_campaigns_true": len(set(truth.values())),
        "largest_campaign": int(det.campaigns_["size"].max()) if len(det.campaigns_) else 0,
        "seconds": round(st["seconds_total"], 2),
        "cpu_seconds": round(cpu, 2),
        "seconds_per_1000_answers": round(st["seconds_total"] / n_ans * 1000, 4),
        "cpu_seconds_per_1000_answers": round(cpu / n_ans * 1000, 4),
        "stage_seconds": {k: round(v, 2) for k, v in st.items() if k.startswith("seconds_")},
        "lsh_candidates": st["n_candidates"], "lsh_pass_jaccard": st["n_pass_jaccard"],
        "verified_pairs": st["n_verified"],
        "unverified_candidates_per_100k_texts": round(
            (st["n_candidates"] - st["n_verified"]) / st["n_texts"] * 100_000, 1),
    })
    return out


def exhaustive(answers, responses, truth, cut: float = 85.0) -> dict:
    """All pairs of free-text answers compared with rapidfuzz ``fuzz.ratio`` (2 workers)."""
    a = answers[answers["value"].str.len() >= 80]
    texts = normalise_texts(a["value"]).tolist()
    t0, cpu0 = time.perf_counter(), time.process_time()
    m = process.cdist(texts, texts, scorer=fuzz.ratio, score_cutoff=cut, workers=2,
                      dtype=np.uint8)
    secs, cpu = time.perf_counter() - t0, time.process_time() - cpu0
    i, j = np.nonzero(np.triu(m, 1))
    rid = a["response_id"].to_numpy()
    ids = list(responses["response_id"])
    idx = {r: k for k, r in enumerate(ids)}
    ri = np.array([idx[r] for r in rid[i]], dtype=np.int64)
    rj = np.array([idx[r] for r in rid[j]], dtype=np.int64)
    g = sparse.coo_matrix((np.ones(len(ri)), (ri, rj)), shape=(len(ids), len(ids)))
    lab = connected_components(g, directed=False)[1]
    sizes = np.bincount(lab)
    pred = {r: f"X{lab[k]}" for k, r in enumerate(ids) if sizes[lab[k]] >= 3}
    out = pair_scores(pred, truth, ids)
    out.update({"n_answers": len(a), "seconds": round(secs, 2), "cpu_seconds": round(cpu, 2),
                "extrapolated_cpu_seconds_100k_answers": round(cpu * (100_000 / len(a)) ** 2)})
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    ap.add_argument("--exhaustive", type=int, default=1500,
                    help="responses in the subsample compared exhaustively (0: skip)")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--out", type=Path, default=None, help="write the results as JSON")
    args = ap.parse_args()
    chunks, sources = load_pool(args.seed)
    results = {"n_background_passages": len(chunks), "n_campaign_sources": len(sources)}
    if args.exhaustive:
        ans, q, resp, truth, _ = make_consultation(args.exhaustive, args.seed, chunks, sources)
        results["subsample"] = {
            "detector": run_detector(ans, q, resp, truth),
            "exhaustive_rapidfuzz_ratio_85": exhaustive(ans, resp, truth),
        }
        print(json.dumps(results["subsample"], indent=1), flush=True)
    for n in args.sizes:
        ans, q, resp, truth, _ = make_consultation(n, args.seed + n, chunks, sources)
        res = run_detector(ans, q, resp, truth)
        results[f"n={n}"] = res
        print(n, json.dumps(res, indent=1), flush=True)
    if args.out:
        args.out.write_text(json.dumps(results, indent=1))


if __name__ == "__main__":
    main()
