"""Benchmark: topic model fitted on a stratified sample of distinct texts, the rest transformed.

Not a test. For each corpus, :class:`consultation.topics.TopicModeller` (defaults) is fitted
with ``max_fit_docs`` in ``--sizes`` (the sample stratified by stakeholder type × language,
at least ``min_stratum_docs`` per stratum; distinct texts outside it are assigned with
``transform``) and once on all distinct texts (``max_fit_docs = all``, the reference). Rows:

* ``cpu_s`` / ``wall_s``: process CPU seconds (``resource.getrusage``, user + system, the fair
  number on this shared machine) and wall seconds of ``fit``, which includes the transform of
  the texts outside the sample. Lemma lookups are cached in the process beforehand (the
  metrics need the tokens anyway), so tokenising is not counted, for every row alike.
* ``npmi`` / ``diversity``: gensim-style ``c_npmi`` (top-10 words, window 10) and topic
  diversity (top-25) of keywords recomputed from the **final labels of all distinct texts**
  (c-TF-IDF re-ranked with the model's λ), over the lemma tokens of all distinct texts.
  ``npmi_model_kw`` / ``diversity_model_kw``: the same for the model's own keywords (c-TF-IDF of
  the fitted sample only), still scored over all texts.
* ``ari_vs_full`` / ``nmi_vs_full``: adjusted Rand index / NMI of the labels of all distinct
  texts vs the full fit with the same seed; ``ari_vs_full_other_seed``: vs the full fit with
  the next of ``--seeds``. On the full rows that is the seed-to-seed agreement: a sample that
  reaches it costs nothing beyond seed noise.
* ``language_nmi``: NMI of topic and language (topics that follow languages score higher NPMI).
* ``share_transformed``: share of the distinct texts (``share_transformed_answers``: of all
  texts, duplicates included) labelled by ``transform``.
* ``groups_in_fit`` / ``min_group_fit``: stakeholder groups with a text in the sample (of
  ``n_groups``) and the fewest fitted texts of a group; rows ``…, language only`` sample by
  language alone (``strata=None``), for comparison.

Every configuration runs once per seed of ``--seeds`` (the seed drives the sample, the SVD and
k-means); the CSV has one row per run, the printed table the means over seeds.

Corpora:

* ``hys``: the Have Your Say AI-Act feedback (../shared/data/hys_ai_act_2021), answers and
  attachments in 40–200-word chunks as in ``bench_topics.py`` (11,422 distinct chunks); a
  chunk's group is its respondent's stakeholder type.
* ``synthetic``: the free-text answers of all free-text questions of the large synthetic
  consultation (``--workspace``, default /tmp/consultation-bench/ws100000: 100,000
  respondents; else one of 20,000 is generated with ``gen_large.py`` and ingested), one model
  across questions, languages from the ``languages`` table, texts with < 3 lemma tokens left
  out (as ``fit_topics``).

Usage::

    .venv/bin/python benchmarks/bench_topic_sample.py                  # both corpora
    .venv/bin/python benchmarks/bench_topic_sample.py --corpus hys --sizes 1000 2000

Writes ``benchmarks/results/topic_sample.csv``.
"""

from __future__ import annotations

import argparse
import resource
import subprocess
import sys
import time
import warnings
from pathlib import Path

import numpy as np
import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from bench_topics import SHARED, detect, keywords_for  # noqa: E402

import consultation  # noqa: E402,F401  (sets the offline environment first)
from consultation.coding import answer_languages, distinct, free_text_answers  # noqa: E402
from consultation.ingest import ingest, ingest_to_workspace  # noqa: E402
from consultation.topics import (  # noqa: E402
    TopicModeller,
    chunk_texts,
    language_mix,
    lemma_tokens,
    npmi_coherence,
    topic_diversity,
)

OUT = ROOT / "benchmarks" / "results" / "topic_sample.csv"
WORKSPACE = Path("/tmp/consultation-bench/ws100000")
FALLBACK = Path("/tmp/topicbench/n20000")


def cpu_seconds() -> float:
    r = resource.getrusage(resource.RUSAGE_SELF)
    return r.ru_utime + r.ru_stime


def load_hys() -> tuple[list[str], list[str], list[str]]:
    """Distinct chunks (as ``bench_topics.load_hys``), their languages and groups."""
    t = ingest([SHARED / "hys_ai_act_2021"]).tables
    r = t["responses"].drop_duplicates("response_id")
    grp = dict(zip(r["response_id"].astype(str), r["stakeholder_type"].astype(object),
                   strict=True))
    seen: dict[str, str] = {}
    for frame, col in ((t["answers"], "value"), (t["documents"], "text")):
        for rid, v in zip(frame["response_id"].astype(str), frame[col], strict=True):
            if isinstance(v, str):
                for c in chunk_texts(v):
                    seen.setdefault(c, grp.get(rid) or "not_disclosed")
    texts = list(seen)
    return texts, detect(texts), [seen[c] for c in texts]


def load_synthetic(ws: Path) -> tuple[list[str], list[str], list[str]]:
    """Substantive free-text answers of the synthetic consultation, languages, groups."""
    if not (ws / "answers.parquet").exists():
        ws = FALLBACK / "ws"
        if not (ws / "answers.parquet").exists():
            subprocess.run([sys.executable, str(ROOT / "benchmarks" / "gen_large.py"), "--n",
                            "20000", "--out", str(FALLBACK)], check=True)
            ingest_to_workspace([FALLBACK / "export" / "contributions.csv"], ws)
    answers = pd.read_parquet(ws / "answers.parquet",
                              columns=["response_id", "question_id", "value"])
    questions = pd.read_parquet(ws / "questions.parquet")
    responses = pd.read_parquet(ws / "responses.parquet")
    languages = (pd.read_parquet(ws / "languages.parquet")
                 if (ws / "languages.parquet").exists() else None)
    ft = free_text_answers(answers, questions)
    ft = ft.sort_values(["response_id", "question_id"], kind="mergesort").reset_index(drop=True)
    ft["language"] = answer_languages(ft, responses, languages)
    r = responses.drop_duplicates("response_id")
    grp = dict(zip(r["response_id"].astype(str), r["stakeholder_type"].astype(object),
                   strict=True))
    ft["group"] = [g if isinstance(g, str) and g else "not_disclosed"
                   for g in ft["response_id"].map(grp)]
    n_tok = np.array([len(x) for x in lemma_tokens(ft["value"].tolist(),
                                                   ft["language"].tolist())])
    ft = ft[n_tok >= 3]
    return ft["value"].tolist(), ft["language"].tolist(), ft["group"].tolist()


def bench(name: str, texts: list[str], langs: list[str], groups: list[str], sizes: list[int],
          language_only: list[int], seeds: list[int]) -> list[dict]:
    from sklearn.metrics import adjusted_rand_score, normalized_mutual_info_score

    _, first = distinct(zip(texts, langs, strict=True))
    u_texts = [texts[i] for i in first]
    u_langs = [langs[i] for i in first]
    toks = lemma_tokens(u_texts, u_langs)       # metric corpus; also warms the lemma cache
    n_u = len(first)
    g_arr = np.array(groups, dtype=object)
    n_groups = len(set(groups))
    print(f"{name}: {len(texts)} texts, {n_u} distinct, {n_groups} groups", flush=True)
    TopicModeller(n_topics=2).fit(u_texts[:50], u_langs[:50])     # warm imports
    runs = [("all", n_u, True, seed) for seed in seeds]
    runs += [(str(s), s, True, seed) for s in sizes if s < n_u for seed in seeds]
    runs += [(f"{s}, language only", s, False, seed) for s in language_only if s < n_u
             for seed in seeds]
    rows, labels = [], []
    for label, mfd, stratify, seed in runs:
        c0, t0 = cpu_seconds(), time.perf_counter()
        m = TopicModeller(seed=seed, max_fit_docs=max(mfd, 10)).fit(
            texts, langs, strata=groups if stratify else None)
        cpu, wall = cpu_seconds() - c0, time.perf_counter() - t0
        lab = m.labels_[first]
        labels.append(lab)
        final_kw = keywords_for(lab, toks, relevance=m.keyword_relevance)
        model_kw = [m.keywords_.get(t, []) for t in m.topic_ids_]
        fit_groups = pd.Series(g_arr[m.in_fit_]).value_counts()
        rows.append({
            "corpus": name, "max_fit_docs": label,
            "strata": "group × language" if stratify else "language",
            "seed": seed, "n_docs": len(texts), "n_distinct": n_u, "n_fit": m.quality_["n_fit"],
            "share_transformed": 1 - m.quality_["n_fit"] / n_u,
            "share_transformed_answers": float(np.mean(~m.in_fit_)),
            "n_topics": len(m.topic_ids_),
            "npmi": float(np.nanmean(npmi_coherence(final_kw, toks))),
            "diversity": topic_diversity(final_kw),
            "npmi_model_kw": float(np.nanmean(npmi_coherence(model_kw, toks))),
            "diversity_model_kw": topic_diversity(model_kw),
            "language_nmi": language_mix(lab, u_langs)[1],
            "cpu_s": cpu, "wall_s": wall,
            "n_groups": n_groups, "groups_in_fit": int((fit_groups > 0).sum()),
            "min_group_fit": int(fit_groups.reindex(sorted(set(groups))).fillna(0).min()),
        })
        r = rows[-1]
        print(f"{name:9s} {label:18s} seed {seed} fit {r['n_fit']:6d} topics "
              f"{r['n_topics']:2d} npmi {r['npmi']:.3f} div {r['diversity']:.3f} (model kw "
              f"{r['npmi_model_kw']:.3f}/{r['diversity_model_kw']:.3f}) lang-NMI "
              f"{r['language_nmi']:.3f} groups {r['groups_in_fit']}/{n_groups} min "
              f"{r['min_group_fit']:4d} cpu {cpu:6.1f}s wall {wall:6.1f}s", flush=True)
    # agreement with the full fits: same seed, and the next seed's (seed-to-seed noise)
    full = {r["seed"]: lab for r, lab in zip(rows, labels, strict=True)
            if r["max_fit_docs"] == "all"}
    for r, lab in zip(rows, labels, strict=True):
        other = full[seeds[(seeds.index(r["seed"]) + 1) % len(seeds)]]
        r["ari_vs_full"] = adjusted_rand_score(full[r["seed"]], lab)
        r["nmi_vs_full"] = normalized_mutual_info_score(full[r["seed"]], lab)
        r["ari_vs_full_other_seed"] = adjusted_rand_score(other, lab) if len(seeds) > 1 \
            else np.nan
    return rows


SUMMARY = ["n_fit", "share_transformed", "n_topics", "npmi", "diversity", "npmi_model_kw",
           "diversity_model_kw", "language_nmi", "ari_vs_full", "nmi_vs_full",
           "ari_vs_full_other_seed", "min_group_fit"]


def summarise(out: pd.DataFrame) -> pd.DataFrame:
    """Mean over seeds per corpus and sample size, the SD of the ARI vs the full fit, and the
    least CPU seconds of the runs (as ``bench_topics.py``: the least disturbed run)."""
    g = out.groupby(["corpus", "max_fit_docs", "strata"], sort=False)
    summ = g[SUMMARY].mean()
    summ.insert(summ.columns.get_loc("ari_vs_full") + 1, "ari_sd", g["ari_vs_full"].std())
    summ["cpu_s_min"] = g["cpu_s"].min()
    summ.insert(0, "runs", g.size())
    return summ.reset_index()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--corpus", choices=["hys", "synthetic", "both"], default="both")
    ap.add_argument("--sizes", type=int, nargs="+",
                    default=[1000, 2000, 5000, 10_000, 20_000, 50_000])
    ap.add_argument("--language-only", type=int, nargs="*", default=[2000],
                    help="sizes also sampled by language alone (strata=None)")
    ap.add_argument("--seeds", type=int, nargs="+", default=[0, 1, 2])
    ap.add_argument("--workspace", type=Path, default=WORKSPACE)
    ap.add_argument("--out", type=Path, default=OUT)
    ap.add_argument("--summarise", type=Path, default=None,
                    help="only print the table of an earlier results CSV")
    args = ap.parse_args()
    if args.summarise is not None:
        print(summarise(pd.read_csv(args.summarise)).to_string(
            index=False, float_format=lambda x: f"{x:.3f}"))
        return
    warnings.filterwarnings("ignore")
    rows: list[dict] = []
    if args.corpus in ("hys", "both") and (SHARED / "hys_ai_act_2021").exists():
        rows += bench("hys", *load_hys(), args.sizes, args.language_only, args.seeds)
    if args.corpus in ("synthetic", "both"):
        rows += bench("synthetic", *load_synthetic(args.workspace), args.sizes,
                      args.language_only, args.seeds)
    out = pd.DataFrame(rows)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    out.to_csv(args.out, index=False, float_format="%.4f")
    print(summarise(out).to_string(index=False, float_format=lambda x: f"{x:.3f}"))
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
