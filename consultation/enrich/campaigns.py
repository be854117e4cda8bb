"""Campaign detection: groups of responses that submit the same (or a translated) text.

Organised campaigns are counted and shown as such in consultation reports ("one respondent, one
voice" weighting can then count a campaign once). The detector works on free-text answers:

1. **Text units.** Every free-text answer, plus every response's non-stock answers joined
   together (question ``(all)``), all compared across questions, so that copies moved to another
   question or split over several still match. Texts are normalised (HTML entities decoded,
   case-folded, punctuation removed, whitespace collapsed; accents kept).
2. **Stock answers** ("Yes.", "See attached position paper.") never link respondents: texts
   shorter than ``min_chars`` after normalisation, and short texts (< 4 × ``min_chars``) that
   recur in several questions. Other short texts (one or two sentences) link respondents only
   as exact copies shared by at least :data:`SHORT_EXACT_MIN` responses: a sentence that a few
   respondents share is a quotation, not a campaign.
3. **Exact copies** share one normalised text (one node of the graph).
4. **Near copies.** One-permutation MinHash with optimal densification on character shingles
   (numpy, chunked: one hash per shingle instead of ``num_perm``), LSH banding as a group-by on
   band hashes (a star and a chain per bucket, not all pairs), candidate pairs verified:
   estimated Jaccard ≥ ``threshold`` and ``rapidfuzz.fuzz.ratio`` ≥ :data:`RATIO_CUT` (copies
   keep the order of the text; answers recombining the same sentences do not).
5. **Edited copies** (sentences dropped or added, greetings changed, truncated): each seed
   cluster (≥ 2 responses) gets a core shingle set (its medoid plus shingles used by
   :data:`CORE_SHARE` of its responses); a text joins when at least :data:`CONTAIN_CUT` of its
   shingles come from the core and it covers :data:`COVER_CUT` of the medoid (sampled
   screening by sparse products, shingles shared by many cores ignored, exact verification of
   the best few). Containment never bridges clusters: only texts outside every seed cluster
   join, each joins one cluster at most (the best: containment, coverage, then the cluster
   with most responses), cores come from the seed clusters alone (a joined text pulls in
   nothing), and a seed cluster moves as a whole only when its medoid is contained in a larger
   cluster that does not move itself (truncated or edited form letters copied several times).
6. **Translated copies** (``translated=True``). No dictionary, machine translation or
   multilingual embedding model is available offline, so a long text in another language joins
   a campaign (≥ ``min_size``) when it shares the campaign's *rare* numbers, acronyms and
   programme names ("2012", "ECTS", "Erasmus+"), has a similar length and number of sentences,
   and enough cognate content words (accent-folded edit similarity, rarity-weighted):
   see :data:`XLING_CUT`. It catches faithful translations of texts that carry such anchors
   (between any languages); it misses translations of texts without rare numbers or acronyms,
   and free translations. Each group of linked texts joins one campaign at most; a group that
   is a campaign itself joins only a campaign at least 1 / :data:`XLING_GROUP_SHARE` times
   larger, and a campaign that others join does not move itself (no chains).
7. Connected components over texts; a response joins the largest candidate campaign it has a
   linked text in; a campaign needs ``min_size`` member *responses*.
"""

from __future__ import annotations

import html
import json
import logging
import math
import re
import time
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Callable
from functools import partial
from itertools import pairwise
from typing import Any

import numpy as np
import pandas as pd
from rapidfuzz import fuzz, process
from scipy import sparse
from scipy.sparse.csgraph import connected_components

from .. import schema
from ..errors import ParameterError, check_float, check_int

__all__ = ["CONTAIN_CUT", "COVER_CUT", "RATIO_CUT", "XLING_CUT", "CampaignDetector", "LshPairs",
           "MapTexts", "band_keys", "bucket_pairs", "detect_campaigns", "lsh_candidate_pairs",
           "minhash_signatures", "normalise_texts", "unique_pairs"]

log = logging.getLogger(__name__)

#: ``map_texts(fn, texts)`` must return ``fn(texts)``; it may call ``fn`` (picklable, one row
#: per text whatever the other texts are) on chunks of ``texts`` elsewhere and join the parts
#: in order. The Dask engine passes one that sends the chunks to its workers.
MapTexts = Callable[[Callable[[list[str]], Any], list[str]], Any]
#: ``lsh_pairs(sig, bands, rows)`` must return what :func:`lsh_candidate_pairs` returns.
LshPairs = Callable[[np.ndarray, int, int], np.ndarray]

RATIO_CUT = 85.0      # fuzz.ratio a MinHash candidate pair needs: order-preserving copies score
#                       86-100 on the sample, texts recombining the same sentences 57-78
CONTAIN_CUT = 0.7     # share of a text's shingles that must come from a campaign's core
COVER_CUT = 0.25      # share of the campaign medoid's shingles the text must contain
SAMPLE_RATE = 4       # containment screening looks at one shingle in SAMPLE_RATE ...
SCREEN_MARGIN = 0.1   # ... and verifies texts within this margin of CONTAIN_CUT exactly
SCREEN_TOP = 3        # ... for at most this many clusters per text (the best screened)
HUB_CORES = 32        # screening ignores shingles in more cores than this (shared sentences)
CORE_SHARE = 0.2      # a cluster's core: shingles used by this share of its responses (≥ 2)
_VERIFY_BATCH = 4096  # containment candidates whose full shingle sets are hashed at a time
XLING_CUT = 0.5       # cross-language score (rare anchors + cognates) to join a campaign
XLING_GROUP_SHARE = 0.25  # a campaign joins another as its translated copies when it has at
#                           most this share of the other's responses
XLING_COGNATE_FULL = 0.2  # cognate share (rarity-weighted) that counts as full cognate evidence
RARE_ANCHOR_SHARE = 0.05  # an anchor in at most this share of long texts is rare
XLING_WORD_CUT = 80.0  # rapidfuzz ratio for two accent-folded words to count as cognates
LONG_FACTOR = 4       # texts shorter than LONG_FACTOR × min_chars link only as exact copies ...
SHORT_EXACT_MIN = 10  # ... shared by at least this many responses
CONCAT_QID = "(all)"  # question_id of a response's joined free-text answers
_SENTINEL = np.uint32(0xFFFFFFFF)
_CHUNK_CHARS = 2_000_000  # characters hashed at once (bounds memory: ~100 MB per chunk)

# code points (Basic Multilingual Plane) that are not letters or digits: become spaces
_NON_ALNUM = np.array([not chr(i).isalnum() for i in range(0x10000)], dtype=bool)
_WORD_RE = re.compile(r"\w+", re.UNICODE)
_ANCHOR_RE = re.compile(r"\b(?:\d[\d.,]*\d|\d|[A-Z][A-Z0-9]{1,}\+?|[A-Za-z]+\+)(?!\w)")


# -- parameters ----------------------------------------------------------------------------------


# -- normalisation -------------------------------------------------------------------------------
def normalise_texts(texts: pd.Series) -> pd.Series:
    """Case-folded texts without punctuation, HTML entities decoded, whitespace collapsed.

    Accents are kept (they distinguish words in many EU languages). Each distinct text is
    normalised once, in chunks, with a numpy lookup over code points; missing values become
    empty strings.
    """
    codes, uniq = pd.factorize(texts.astype(object).where(texts.notna(), ""))
    folded = [(html.unescape(t) if "&" in t else t).casefold() for t in map(str, uniq)]
    norm: list[str] = []
    for lo, hi in _chunks(folded):
        part = folded[lo:hi]
        arr = np.frombuffer("".join(part).encode("utf-32-le"), dtype=np.uint32).copy()
        bmp = arr < 0x10000
        bad = np.zeros(arr.size, dtype=bool)
        bad[bmp] = _NON_ALNUM[arr[bmp]]
        arr[bad] = 32
        flat = arr.tobytes().decode("utf-32-le")
        ends = np.cumsum([len(t) for t in part])
        norm.extend(" ".join(flat[e - len(t):e].split()) for t, e in zip(part, ends, strict=True))
    out = np.array([*norm, ""], dtype=object)
    return pd.Series(out[codes], index=texts.index, dtype=object)


_COMBINING_RE = re.compile(r"[\u0300-\u036f]+")


def _fold(text: str) -> str:
    """Remove accents (NFKD, combining marks dropped)."""
    return _COMBINING_RE.sub("", unicodedata.normalize("NFKD", text))


def _content_words(text: str, lang: str | None) -> list[str]:
    """Accent-folded, case-folded words of ≥ 5 letters (not numbers)."""
    del lang  # rarity weights (per language) stand in for stop-word lists
    return [w for w in _WORD_RE.findall(_fold(text.casefold()))
            if len(w) >= 5 and not w.isdigit()]


_SENT_RE = re.compile(r"[.!?;:]+(?:\s+|$)|\n+")


def _n_sentences(text: str) -> int:
    return sum(1 for p in _SENT_RE.split(text) if len(p.strip()) >= 20)


def _anchors(text: str) -> list[str]:
    """Language-independent tokens: numbers, acronyms, programme names such as Erasmus+."""
    return [a.rstrip(".,") for a in _ANCHOR_RE.findall(text)]


# -- MinHash -------------------------------------------------------------------------------------
def _mix64(h: np.ndarray) -> np.ndarray:
    """splitmix64 finaliser (vectorised, in place on a copy; wraps modulo 2**64)."""
    h = h.copy()
    h ^= h >> np.uint64(30)
    h *= np.uint64(0xBF58476D1CE4E5B9)
    h ^= h >> np.uint64(27)
    h *= np.uint64(0x94D049BB133111EB)
    h ^= h >> np.uint64(31)
    return h


def _shingles(texts: list[str], k: int, seed: int) -> tuple[np.ndarray, np.ndarray]:
    """Hashes of the character k-shingles of ``texts``: (hashes uint64, owning text index).

    All texts are hashed in one vectorised pass over their concatenated code points; a text
    shorter than ``k`` gives one shingle (itself).
    """
    lens = np.fromiter((len(t) for t in texts), dtype=np.int64, count=len(texts))
    codes = np.frombuffer("".join(texts).encode("utf-32-le"), dtype=np.uint32).astype(np.uint64)
    n = codes.size
    ends = np.cumsum(lens)
    if n >= k:
        m = n - k + 1
        h = codes[:m].copy()
        h += np.uint64(seed * 0x9E3779B97F4A7C15 % 2**64)
        for j in range(1, k):
            h *= np.uint64(1_000_003)
            h += codes[j:j + m]
        owner = np.repeat(np.arange(len(texts)), lens)[:m]
        valid = np.arange(m) + k <= ends[owner]
        hashes, owners = h[valid], owner[valid]
    else:
        hashes, owners = np.empty(0, np.uint64), np.empty(0, np.int64)
    short = np.flatnonzero((lens < k) & (lens > 0))
    if short.size:  # whole text as one shingle
        extra = np.array([hash_text(texts[i], seed) for i in short], dtype=np.uint64)
        hashes = np.concatenate([hashes, extra])
        owners = np.concatenate([owners, short])
    with np.errstate(over="ignore"):
        return _mix64(hashes), owners


def hash_text(text: str, seed: int = 0) -> int:
    """A stable 64-bit hash of a string (numpy polynomial hash + splitmix finaliser)."""
    codes = np.frombuffer(text.encode("utf-32-le"), dtype=np.uint32).astype(np.uint64)
    h = np.uint64(seed * 0x9E3779B97F4A7C15 % 2**64)
    with np.errstate(over="ignore"):
        for c in codes:
            h = h * np.uint64(1_000_003) + c
        return int(_mix64(np.array([h], dtype=np.uint64))[0])


def _probe_table(num_perm: int, seed: int, tries: int = 48) -> np.ndarray:
    rng = np.random.default_rng(seed + 7919)
    return rng.integers(0, num_perm, size=(tries, num_perm))


def _oph(hashes: np.ndarray, owners: np.ndarray, n_texts: int, num_perm: int,
         probes: np.ndarray) -> np.ndarray:
    """One-permutation MinHash with optimal densification (Shrivastava 2017)."""
    sig = np.full((n_texts, num_perm), _SENTINEL, dtype=np.uint32)
    if hashes.size:
        with np.errstate(over="ignore"):
            bins = ((hashes >> np.uint64(32)) * np.uint64(num_perm)) >> np.uint64(32)
        vals = (hashes & np.uint64(0xFFFFFFFF)).astype(np.uint32)
        vals = np.minimum(vals, _SENTINEL - np.uint32(1))
        np.minimum.at(sig.reshape(-1), owners.astype(np.int64) * num_perm + bins.astype(np.int64),
                      vals)
    empty = sig == _SENTINEL
    if not empty.any():
        return sig
    filled = sig.copy()
    todo = empty.copy()
    for t in range(probes.shape[0]):
        donor = sig[:, probes[t]]  # the same probe sequence for every text: consistent
        ok = todo & (donor != _SENTINEL)
        filled[ok] = donor[ok]
        todo &= ~ok
        if not todo.any():
            break
    rows = np.flatnonzero(todo.any(axis=1))
    for r in rows:  # very sparse texts: rotation densification
        nz = np.flatnonzero(sig[r] != _SENTINEL)
        if nz.size == 0:
            continue
        for j in np.flatnonzero(todo[r]):
            nxt = nz[np.searchsorted(nz, j) % nz.size]
            filled[r, j] = sig[r, nxt]
    return filled


def minhash_signatures(texts: list[str], *, num_perm: int = 128, shingle_size: int = 5,
                       seed: int = 0,
                       progress: Callable[[int, int], None] | None = None) -> np.ndarray:
    """MinHash signatures (``len(texts)`` × ``num_perm``, uint32) of character shingles.

    The fraction of equal positions of two signatures estimates the Jaccard similarity of the
    texts' shingle sets. Texts are hashed in chunks of about two million characters.
    """
    out = np.empty((len(texts), num_perm), dtype=np.uint32)
    probes = _probe_table(num_perm, seed)
    for lo, hi in _chunks(texts):
        h, own = _shingles(texts[lo:hi], shingle_size, seed)
        out[lo:hi] = _oph(h, own, hi - lo, num_perm, probes)
        if progress is not None:
            progress(hi, len(texts))
    return out


def _chunks(texts: list[str]) -> list[tuple[int, int]]:
    spans, lo, acc = [], 0, 0
    for i, t in enumerate(texts):
        acc += len(t) + 1
        if acc >= _CHUNK_CHARS:
            spans.append((lo, i + 1))
            lo, acc = i + 1, 0
    if lo < len(texts):
        spans.append((lo, len(texts)))
    return spans


def _lsh_params(threshold: float, num_perm: int) -> tuple[int, int]:
    """Bands and rows minimising 0.3·false-positive + 0.7·false-negative probability mass."""
    xs = np.linspace(0.0, 1.0, 501)
    best, best_err = (1, num_perm), math.inf
    for b in range(1, num_perm + 1):
        r = num_perm // b
        if r < 1:
            break
        p = 1.0 - (1.0 - xs ** r) ** b
        fp = np.trapezoid(np.where(xs < threshold, p, 0.0), xs)
        fn = np.trapezoid(np.where(xs >= threshold, 1.0 - p, 0.0), xs)
        err = 0.3 * fp + 0.7 * fn
        if err < best_err - 1e-12:
            best, best_err = (b, r), err
    return best


def band_keys(sig: np.ndarray, band: int, rows: int) -> np.ndarray:
    """LSH bucket of every signature in one band: a 64-bit hash of its ``rows`` values.

    Each row of ``sig`` gets its key from its own values only, so keys can be computed on any
    slice of the signatures.
    """
    weights = _mix64(np.arange(1, rows + 1, dtype=np.uint64))
    block = sig[:, band * rows:(band + 1) * rows].astype(np.uint64)
    with np.errstate(over="ignore"):
        return _mix64((block * weights).sum(axis=1, dtype=np.uint64) + np.uint64(band))


def bucket_pairs(keys: np.ndarray, idx: np.ndarray) -> np.ndarray:
    """Pairs of the texts ``idx`` that share a key (one band): per bucket a star from its
    smallest index and a chain between neighbours in index order (linear in the bucket size;
    the connected components are those of all pairs). ``(n, 2)`` int64, unsorted."""
    order = np.lexsort((idx, keys))
    ks, ids = keys[order], np.asarray(idx, dtype=np.int64)[order]
    n = ks.size
    if n < 2:
        return np.empty((0, 2), dtype=np.int64)
    same = np.empty(n, dtype=bool)
    same[0] = False
    same[1:] = ks[1:] == ks[:-1]
    pos = np.flatnonzero(same)
    run_start = np.maximum.accumulate(np.where(same, 0, np.arange(n)))
    return np.concatenate([np.stack([ids[run_start[pos]], ids[pos]], axis=1),
                           np.stack([ids[pos - 1], ids[pos]], axis=1)])


def unique_pairs(parts: list[np.ndarray]) -> np.ndarray:
    """Candidate pairs ``(i, j)``, ``i < j``, without repeats, sorted (the order a
    :data:`LshPairs` function returns)."""
    parts = [p for p in parts if len(p)]
    if not parts:
        return np.empty((0, 2), dtype=np.int64)
    pairs = np.sort(np.concatenate(parts), axis=1)
    pairs = pairs[pairs[:, 0] != pairs[:, 1]]
    return np.unique(pairs, axis=0).astype(np.int64)


def lsh_candidate_pairs(sig: np.ndarray, bands: int, rows: int) -> np.ndarray:
    """Pairs of texts that share an LSH bucket in some band, as a group-by on band keys.

    Parameters
    ----------
    sig : MinHash signatures (texts × ``num_perm``), see :func:`minhash_signatures`.
    bands, rows : the LSH banding (``bands * rows <= num_perm``).

    Returns
    -------
    np.ndarray
        ``(n_pairs, 2)`` int64 row indices of ``sig``, ``i < j``, sorted, no repeats: per
        bucket a star and a chain (:func:`bucket_pairs`), enough to connect every bucket.
    """
    idx = np.arange(sig.shape[0], dtype=np.int64)
    return unique_pairs([bucket_pairs(band_keys(sig, b, rows), idx) for b in range(bands)])


# -- the detector --------------------------------------------------------------------------------
class CampaignDetector:
    """Find organised campaigns among free-text answers.

    Parameters
    ----------
    threshold : Jaccard similarity (character shingles) for two texts to be near copies.
    num_perm : MinHash signature length.
    shingle_size : characters per shingle.
    min_size : member responses a campaign needs.
    min_chars : shorter normalised texts are stock answers and never link respondents.
    translated : also link copies translated into another language (cognate/anchor evidence).
    seed : seed of the hash functions (results are deterministic for a seed).

    Attributes
    ----------
    campaigns_ : ``campaigns`` table — ``campaign_id``, ``size``, ``n_exact``, ``n_translated``,
        ``representative_text``, ``representative_response_id``, ``languages``,
        ``stakeholder_mix`` (JSON), ``question_ids``, ``first_submitted_at``,
        ``last_submitted_at``; extra ``n_near``.
    members_ : ``campaign_members`` table — ``response_id``, ``campaign_id``, ``variant``
        (exact | near | translated), ``similarity`` (to the representative, in [0, 1]).
    pairs_ : verified links between texts (diagnostics) — ``response_id_a``, ``question_id_a``,
        ``response_id_b``, ``question_id_b``, ``kind`` (near | contained | translated),
        ``score``.
    stock_ : texts excluded as stock answers — ``text`` (normalised), ``n_responses``,
        ``n_questions``, ``reason`` (short | frequent_short).
    """

    def __init__(self, *, threshold: float = 0.8, num_perm: int = 128, shingle_size: int = 5,
                 min_size: int = 3, min_chars: int = 80, translated: bool = True,
                 seed: int = 0) -> None:
        self.threshold = threshold
        self.num_perm = num_perm
        self.shingle_size = shingle_size
        self.min_size = min_size
        self.min_chars = min_chars
        self.translated = translated
        self.seed = seed

    def _validate(self) -> None:
        check_float("threshold", self.threshold, 0.0, 1.0)
        check_int("num_perm", self.num_perm, 16, 1024)
        check_int("shingle_size", self.shingle_size, 1, 50)
        check_int("min_size", self.min_size, 2)
        check_int("min_chars", self.min_chars, 1)
        check_int("seed", self.seed, 0, 2**31 - 1)
        if not isinstance(self.translated, (bool, np.bool_)):
            raise ParameterError(
                f"The 'translated' parameter must be a bool. Got {self.translated!r} instead")

    # ---------------------------------------------------------------------------------------
    def fit(self, answers: pd.DataFrame, questions: pd.DataFrame, responses: pd.DataFrame, *,
            languages: pd.DataFrame | None = None,
            redacted_answers: pd.DataFrame | None = None,
            progress: Callable[[int, int], None] | None = None,
            map_texts: MapTexts | None = None,
            lsh_pairs: LshPairs | None = None) -> CampaignDetector:
        """Detect campaigns. Inputs are not modified.

        Parameters
        ----------
        answers : ``answers`` table (``response_id``, ``question_id``, ``value``).
        questions : ``questions`` table (``question_id``, ``kind``): free_text answers are used.
        responses : ``responses`` table (``response_id``, ``stakeholder_type``; ``language``,
            ``submitted_at`` and ``publication`` when present).
        languages : optional ``languages`` table (detected language per answer).
        redacted_answers : optional ``redacted_answers`` table; the representative text is
            quoted from it.
        progress : optional callback ``(done, total)`` over the hashing of texts (not called
            when ``map_texts`` is given).
        map_texts : how the MinHash signatures of the distinct texts are computed:
            ``map_texts(fn, texts)`` returns ``fn(texts)`` (see :data:`MapTexts`); default:
            here, in one call.
        lsh_pairs : how the candidate pairs are found: ``lsh_pairs(sig, bands, rows)`` returns
            what :func:`lsh_candidate_pairs` (the default) returns.
        """
        self._validate()
        for name, hook in (("map_texts", map_texts), ("lsh_pairs", lsh_pairs)):
            if hook is not None and not callable(hook):
                raise ParameterError(
                    f"The {name!r} parameter must be a callable or None. Got {hook!r} instead")
        schema.require(answers, "answers", ["response_id", "question_id", "value"],
                       stage="campaigns")
        schema.require(questions, "questions", ["question_id", "kind"], stage="campaigns")
        schema.require(responses, "responses", ["response_id", "stakeholder_type"],
                       stage="campaigns")
        if languages is not None:
            schema.require(languages, "languages", ["response_id", "question_id", "language"],
                           stage="campaigns")
        if redacted_answers is not None:
            schema.require(redacted_answers, "redacted_answers",
                           ["response_id", "question_id", "text"], stage="campaigns")

        t0 = time.perf_counter()
        self.stats_: dict[str, float] = {}
        units = self._units(answers, questions, responses, languages)
        self.stats_["seconds_units"] = time.perf_counter() - t0
        self._run(units, responses, redacted_answers, progress, map_texts, lsh_pairs)
        self.stats_["seconds_total"] = time.perf_counter() - t0
        ts, f = self.translation_scores_, self._first
        self.translation_scores_ = pd.DataFrame({
            "response_id": ts["tid"].map(f["response_id"]).to_numpy(dtype=object),
            "question_id": ts["tid"].map(f["question_id"]).to_numpy(dtype=object),
            "campaign_response_id": ts["medoid"].map(f["response_id"]).to_numpy(dtype=object),
            "score": ts["score"].to_numpy(dtype=float),
            "anchors": ts["anchors"].to_numpy(dtype=float),
            "cognates": ts["cognates"].to_numpy(dtype=float)})
        for name in ("_sig", "_first", "_ut", "_n_resp_text", "_is_answer", "_long"):
            self.__dict__.pop(name, None)  # free working memory
        return self

    # ---------------------------------------------------------------------------------------
    def _units(self, answers, questions, responses, languages) -> pd.DataFrame:
        free = questions.loc[questions["kind"].astype("string") == "free_text", "question_id"]
        qorder = {q: i for i, q in enumerate(questions["question_id"].astype(str))}
        a = answers.loc[answers["question_id"].isin(set(free.astype(str))),
                        ["response_id", "question_id", "value"]]
        a = a[a["value"].notna()].astype({"response_id": str, "question_id": str})
        a = a.assign(value=a["value"].astype(str))
        a = a[a["value"].str.strip().str.len() > 0]
        a = a.assign(qpos=a["question_id"].map(qorder).fillna(len(qorder)))
        a = a.sort_values(["response_id", "qpos", "question_id"], kind="stable")
        a["norm"] = normalise_texts(a["value"]).to_numpy()
        a["kind"] = "answer"
        # stock answers: short, or short and recurring across questions
        n_norm = a["norm"].str.len()
        short = n_norm < self.min_chars
        stats = a[~short].groupby("norm", sort=False).agg(
            n_responses=("response_id", "nunique"), n_questions=("question_id", "nunique"))
        frequent = stats.index[(stats.index.str.len() < LONG_FACTOR * self.min_chars)
                               & (stats["n_questions"] >= 2) & (stats["n_responses"] >= 2)]
        stock = short | a["norm"].isin(set(frequent))
        sstats = a[stock].groupby("norm", sort=True).agg(
            n_responses=("response_id", "nunique"), n_questions=("question_id", "nunique"))
        sstats["reason"] = np.where(sstats.index.str.len() < self.min_chars, "short",
                                    "frequent_short")
        self.stock_ = sstats.reset_index().rename(columns={"norm": "text"}).sort_values(
            ["n_responses", "text"], ascending=[False, True], kind="stable",
            ignore_index=True)
        a = a[~stock]
        # language of each answer
        declared = responses.assign(response_id=responses["response_id"].astype(str))
        declared = declared.set_index("response_id")["language"] if "language" in \
            responses.columns else pd.Series(dtype=object)
        lang = a["response_id"].map(declared)
        if languages is not None:
            det = languages.assign(response_id=languages["response_id"].astype(str),
                                   question_id=languages["question_id"].astype(str))
            det = det.dropna(subset=["language"]).drop_duplicates(["response_id", "question_id"])
            key = pd.MultiIndex.from_frame(a[["response_id", "question_id"]])
            found = det.set_index(["response_id", "question_id"])["language"].reindex(key)
            lang = pd.Series(found.to_numpy(), index=a.index).fillna(lang)
        a["language"] = lang.astype(object).where(lang.notna(), None)
        # one joined unit per response with several non-stock answers
        multi = a.groupby("response_id", sort=False)["norm"].transform("size") > 1
        m = a[multi]
        if len(m):
            joined = m.groupby("response_id", sort=True).agg(
                value=("value", "\n\n".join), norm=("norm", " ".join),
                language=("language", "first"))
            joined = joined.reset_index().assign(question_id=CONCAT_QID, kind="joined")
            a = pd.concat([a, joined], ignore_index=True)
        return a.drop(columns=["qpos"]).reset_index(drop=True)

    # ---------------------------------------------------------------------------------------
    def _run(self, units, responses, redacted, progress, map_texts, lsh_pairs) -> None:
        codes, uniq = pd.factorize(units["norm"], sort=True)
        texts = [str(t) for t in uniq]
        units = units.assign(tid=codes)
        n_t = len(texts)
        resp_ids = sorted(set(units["response_id"]))
        rindex = {r: i for i, r in enumerate(resp_ids)}
        units["rid"] = units["response_id"].map(rindex).astype(np.int64)
        log.info("campaigns: %d text units, %d distinct texts, %d responses",
                 len(units), n_t, len(resp_ids))
        # first occurrence of every distinct text (for quoting and diagnostics)
        first = units.drop_duplicates("tid").set_index("tid").sort_index()
        self._first = first
        self._ut = units[["tid", "rid"]].drop_duplicates().to_numpy()
        self._n_resp_text = np.bincount(self._ut[:, 0], minlength=n_t)
        lengths = np.fromiter((len(x) for x in texts), dtype=np.int64, count=n_t)
        self._long = lengths >= LONG_FACTOR * self.min_chars
        active = self._long | (self._n_resp_text >= SHORT_EXACT_MIN)
        self._ut = self._ut[active[self._ut[:, 0]]]
        self._is_answer = np.zeros(n_t, dtype=bool)
        self._is_answer[units.loc[units["kind"] == "answer", "tid"].to_numpy()] = True
        t_near = time.perf_counter()
        signatures = partial(minhash_signatures, num_perm=self.num_perm,
                             shingle_size=self.shingle_size, seed=self.seed)
        sig = signatures(texts, progress=progress) if map_texts is None or not texts else \
            map_texts(signatures, texts)
        self._sig = sig
        self.stats_["seconds_minhash"] = time.perf_counter() - t_near
        bands, rows = _lsh_params(self.threshold, self.num_perm)
        cand = (lsh_pairs or lsh_candidate_pairs)(sig, bands, rows) if n_t > 1 else \
            np.empty((0, 2), np.int64)
        est = (sig[cand[:, 0], :bands * rows] == sig[cand[:, 1], :bands * rows]).mean(axis=1) \
            if len(cand) else np.empty(0)
        both_long = self._long[cand[:, 0]] & self._long[cand[:, 1]] if len(cand) else \
            np.empty(0, dtype=bool)
        cand, est = cand[both_long], est[both_long]
        keep = cand[est >= self.threshold]
        ratios = np.array([fuzz.ratio(texts[i], texts[j]) for i, j in keep], dtype=float)
        ok = ratios >= RATIO_CUT if len(keep) else np.empty(0, dtype=bool)
        near = keep[ok]
        log.info("campaigns: LSH b=%d r=%d, %d candidate pairs, %d pass the Jaccard estimate, "
                 "%d verified", bands, rows, len(cand), len(keep), len(near))
        self.stats_.update(n_units=len(units), n_texts=n_t, n_responses=len(resp_ids),
                           n_long_texts=int(self._long.sum()), lsh_bands=bands, lsh_rows=rows,
                           n_candidates=len(cand), n_pass_jaccard=len(keep),
                           n_verified=len(near), seconds_near=time.perf_counter() - t_near)
        edges = [(near, "near", est[est >= self.threshold][ok])]
        t1 = time.perf_counter()
        # edited copies join seed clusters by containment (one pass: a joined text never
        # pulls in further texts, never joins two clusters and never merges two clusters)
        contained = self._contained(texts, self._components(edges, n_t))
        if len(contained[0]):
            edges.append(contained)
        self.stats_["n_contained"] = sum(len(p) for p, k, _ in edges if k == "contained")
        self.stats_["seconds_contained"] = time.perf_counter() - t1
        t1 = time.perf_counter()
        self.translation_scores_ = pd.DataFrame(
            columns=["tid", "medoid", "score", "anchors", "cognates"])
        if self.translated:
            xl = self._translations(texts, self._components(edges, n_t), first)
            if len(xl[0]):
                edges.append(xl)
        self.stats_["n_translated_links"] = sum(len(p) for p, k, _ in edges if k == "translated")
        self.stats_["seconds_translated"] = time.perf_counter() - t1
        t1 = time.perf_counter()
        labels = self._components(edges, n_t)
        self._build(units, texts, labels, edges, resp_ids, responses, redacted)
        self.stats_["seconds_build"] = time.perf_counter() - t1

    @staticmethod
    def _components(edges, n_t) -> np.ndarray:
        """Connected components over distinct texts (verified links only)."""
        pairs = [p for p, _, _ in edges if len(p)]
        if not pairs:
            return np.arange(n_t)
        e = np.concatenate(pairs)
        g = sparse.coo_matrix((np.ones(len(e), dtype=np.int8), (e[:, 0], e[:, 1])),
                              shape=(n_t, n_t))
        return connected_components(g, directed=False)[1]

    def _clusters(self, labels) -> dict[int, tuple[list[int], int]]:
        """Components used by ≥ 2 responses: label -> (texts, number of responses)."""
        ut = self._ut
        if not len(ut):
            return {}
        lab = labels[ut[:, 0]]
        lr = np.unique(np.stack([lab, ut[:, 1]], axis=1), axis=0)
        n_resp = np.bincount(lr[:, 0], minlength=labels.max() + 1)
        good = np.flatnonzero(n_resp[labels] >= 2)
        groups: dict[int, list[int]] = defaultdict(list)
        for t in good:
            groups[int(labels[t])].append(int(t))
        return {g: (tids, int(n_resp[g])) for g, tids in groups.items()}

    def _shingle_sets(self, texts, ids):
        """Sorted distinct shingle hashes of each text (one vectorised sort, no per-text work)."""
        h, own = _shingles([texts[i] for i in ids], self.shingle_size, self.seed)
        order = np.lexsort((h, own))
        h, own = h[order], own[order]
        keep = np.ones(h.size, dtype=bool)
        keep[1:] = (h[1:] != h[:-1]) | (own[1:] != own[:-1])
        h, own = h[keep], own[keep]
        cuts = np.searchsorted(own, np.arange(len(ids) + 1))
        return [h[a:b] for a, b in pairwise(cuts)]

    def _shingle_counts(self, texts, tids, batch: int = 4096) -> tuple[np.ndarray, np.ndarray]:
        """Distinct shingles of a cluster's texts and, for each, the number of responses whose
        text has it; texts are hashed ``batch`` at a time and the counts merged, so memory is
        bounded by a batch and the cluster's distinct shingles (a campaign of a million edited
        copies shares most of them), not by the cluster's size."""
        vals = np.empty(0, dtype=np.uint64)
        cnt = np.empty(0, dtype=np.float64)
        for lo in range(0, len(tids), batch):
            part = tids[lo:lo + batch]
            sets = self._shingle_sets(texts, part)
            allh = np.concatenate([vals, *sets])
            weights = np.concatenate([cnt, np.repeat(self._n_resp_text[part].astype(np.float64),
                                                     [len(x) for x in sets])])
            vals, inv = np.unique(allh, return_inverse=True)
            cnt = np.bincount(inv.reshape(-1), weights=weights, minlength=len(vals))
        return vals, cnt

    def _medoid(self, tids) -> int:
        """Text with the highest response-weighted MinHash similarity to the others.

        Answers are preferred to joined texts; at most 200 texts (the most used) compared.
        """
        pool = [t for t in tids if self._is_answer[t]] or list(tids)
        if len(pool) == 1:
            return pool[0]
        w_all = self._n_resp_text
        cand = np.array(sorted(pool, key=lambda t: (-w_all[t], t))[:200])
        w = w_all[cand].astype(float)
        s = self._sig[cand]
        sim = (s[:, None, :] == s[None, :, :]).mean(axis=2)
        return int(cand[int(np.argmax(sim @ w))])

    def _contained(self, texts, labels):
        """Texts whose shingles mostly come from a seed cluster's core (edited copies).

        Only texts outside every seed cluster are candidates, and each joins at most one
        cluster (the highest containment, then coverage, then the cluster with most responses),
        so containment never bridges clusters; cores come from the seed clusters alone. A seed
        cluster's medoid is a candidate for larger clusters only: the cluster then moves as a
        whole, unless another cluster joins it (the joins form stars, never chains).
        Screening uses a consistent 1/:data:`SAMPLE_RATE` sample of the shingles (hash modulo)
        and ignores shingles in the cores of more than :data:`HUB_CORES` clusters (sentences
        many answers share); the best :data:`SCREEN_TOP` clusters per text are verified on
        the full shingle sets.
        """
        none = (np.empty((0, 2), np.int64), "contained", np.empty(0))
        groups = self._clusters(labels)
        if not groups:
            return none
        # clusters ranked by responses (ties: lowest label); a seed cluster's medoid may join a
        # higher-ranked cluster (the whole cluster moves, unless it is itself a join target)
        keys = sorted(groups, key=lambda g: (-groups[g][1], g))
        cores, medoids, med_sizes = [], [], []
        in_seed = np.zeros(len(texts), dtype=bool)
        for g in keys:
            tids, n_resp = groups[g]
            in_seed[tids] = True
            med = self._medoid(tids)
            vals, cnt = self._shingle_counts(texts, tids)
            need = max(2.0, CORE_SHARE * n_resp)
            med_set = self._shingle_sets(texts, [med])[0]
            cores.append(np.union1d(vals[cnt >= need], med_set))
            medoids.append(med)
            med_sizes.append(len(med_set))
        med_sizes_arr = np.array(med_sizes, dtype=float)
        sampled = [c[(c % np.uint64(SAMPLE_RATE)) == 0] for c in cores]
        allv = np.concatenate(sampled)
        ci = np.concatenate([np.full(len(c), k) for k, c in enumerate(sampled)])
        vocab, vi, n_cores = np.unique(allv, return_inverse=True, return_counts=True)
        hub = n_cores > HUB_CORES  # hub shingles still count in a text's size, not as hits
        sel = ~hub[vi]
        cmat = sparse.csr_matrix((np.ones(int(sel.sum()), dtype=np.float32), (vi[sel], ci[sel])),
                                 shape=(len(vocab), len(keys)))
        src = np.full(len(texts), len(keys), dtype=np.int64)  # rank of a medoid's own cluster
        src[medoids] = np.arange(len(keys))
        ids = np.flatnonzero(self._long & (~in_seed | (src < len(keys))))
        sub = [texts[i] for i in ids]
        cand_t, cand_c = [], []
        v40 = vocab >> np.uint64(24)
        for lo, hi in _chunks(sub):
            h, own = _shingles(sub[lo:hi], self.shingle_size, self.seed)
            pick = (h % np.uint64(SAMPLE_RATE)) == 0
            h, own = h[pick], own[pick]
            # unique (text, shingle): owner in the top 24 bits, 40 hash bits below
            key = np.sort((own.astype(np.uint64) << np.uint64(40)) | (h >> np.uint64(24)))
            first_ = np.ones(key.size, dtype=bool)
            first_[1:] = key[1:] != key[:-1]
            key = key[first_]
            own = (key >> np.uint64(40)).astype(np.int64)
            size = np.bincount(own, minlength=hi - lo).astype(float)
            h40 = key & np.uint64((1 << 40) - 1)
            pos = np.minimum(np.searchsorted(v40, h40), len(v40) - 1)
            hit = v40[pos] == h40
            hub_hits = np.bincount(own[hit & hub[pos]], minlength=hi - lo).astype(float)
            hit &= ~hub[pos]
            tmat = sparse.csr_matrix((np.ones(int(hit.sum()), dtype=np.float32),
                                      (own[hit], pos[hit])), shape=(hi - lo, len(vocab)))
            inter = (tmat @ cmat).tocoo()
            # optimistic estimate: hub shingles might all be in the core
            est = (inter.data + hub_hits[inter.row]) / np.maximum(size[inter.row], 1)
            # a joining text covers COVER_CUT of the medoid: it cannot be much smaller
            big = size[inter.row] * SAMPLE_RATE >= (COVER_CUT - SCREEN_MARGIN) * \
                med_sizes_arr[inter.col]
            ok = (est >= CONTAIN_CUT - SCREEN_MARGIN) & big & \
                (inter.col < src[ids[lo + inter.row]])
            r, c, e = inter.row[ok], inter.col[ok], est[ok]
            order = np.lexsort((c, -e, r))
            r, c = r[order], c[order]
            rank = np.arange(r.size) - np.searchsorted(r, r)
            top = rank < SCREEN_TOP
            cand_t.extend(ids[lo + r[top]].tolist())
            cand_c.extend(c[top].tolist())
        best: dict[int, tuple[float, float, int]] = {}
        by_text: dict[int, list[int]] = defaultdict(list)
        for t, c in zip(cand_t, cand_c, strict=True):
            by_text[t].append(c)
        uniq = sorted(by_text)
        for lo in range(0, len(uniq), _VERIFY_BATCH):  # full shingle sets a batch at a time
            part = uniq[lo:lo + _VERIFY_BATCH]
            for t, x in zip(part, self._shingle_sets(texts, part), strict=True):
                for c in by_text[t]:
                    inter_n = np.intersect1d(x, cores[c], assume_unique=True).size
                    contain = inter_n / max(len(x), 1)
                    cover = inter_n / max(med_sizes[c], 1)
                    if contain >= CONTAIN_CUT and cover >= COVER_CUT:
                        score = (contain, cover, -c)
                        if t not in best or score > best[t]:
                            best[t] = score
        # cluster joins form a star: a cluster that others join does not move itself
        targets = {-best[t][2] for t in best if in_seed[t]}
        found = [t for t in sorted(best) if not (in_seed[t] and int(src[t]) in targets)]
        pairs = np.array([[t, medoids[-best[t][2]]] for t in found],
                         dtype=np.int64).reshape(-1, 2)
        scores = np.array([best[t][0] for t in found], dtype=float)
        log.info("campaigns: %d texts joined seed clusters by containment (%d screened)",
                 len(pairs), len(cand_t))
        return pairs, "contained", scores

    # ---------------------------------------------------------------------------------------
    def _translations(self, texts, labels, first):
        """Link long texts in another language to a campaign.

        Evidence that survives translation without a dictionary: the campaign's numbers,
        acronyms and programme names (weighted by rarity across all texts; at least one rare
        one must be shared), cognate content words (accent-folded edit similarity, weighted by
        rarity in the text's language), and a similar length and number of sentences.
        """
        empty = (np.empty((0, 2), np.int64), "translated", np.empty(0))
        self.translation_scores_ = pd.DataFrame(
            columns=["tid", "medoid", "score", "anchors", "cognates"])
        clusters = self._clusters(labels)
        groups = {g: v for g, v in clusters.items() if v[1] >= self.min_size}
        n_lab = np.ones(len(labels), dtype=np.int64)  # responses per group of linked texts
        for g, (_tids, n_resp) in clusters.items():
            n_lab[g] = n_resp
        raw = first["value"].astype(str).to_numpy()
        langs = np.array([x if isinstance(x, str) else "" for x in first["language"]],
                         dtype=object)
        cand = np.flatnonzero(self._long & (langs != ""))
        if not groups or len(set(langs[cand])) < 2:
            return empty
        anchors = {int(t): set(_anchors(raw[t])) for t in cand}
        n_doc = len(cand)
        adf: Counter = Counter()
        for v in anchors.values():
            adf.update(v)
        aidf = {k: math.log((1 + n_doc) / (1 + c)) for k, c in adf.items()}
        rare_df = max(2, int(RARE_ANCHOR_SHARE * n_doc))
        sizes = np.array([len(x) for x in texts], dtype=float)
        per_camp = []
        for g in sorted(groups):
            med = self._medoid(groups[g][0])
            lang = langs[med]
            m_anch = set(_anchors(raw[med]))
            own: Counter = Counter()  # the campaign's own copies do not make an anchor common
            for t in groups[g][0]:
                own.update(anchors.get(t, ()))
            rare = {a for a in m_anch if adf.get(a, 0) - own[a] <= rare_df}
            if not lang or not rare:
                continue
            ratio = sizes[cand] / max(sizes[med], 1)
            # a campaign joins a much larger one only: translated copies are a minority (two
            # campaigns of similar size in two languages stay apart)
            n_src = n_lab[labels[cand]]
            foreign = cand[(langs[cand] != lang) & (labels[cand] != g)
                           & ((n_src < self.min_size)
                              | (n_src <= XLING_GROUP_SHARE * groups[g][1]))
                           & (ratio >= 0.6) & (ratio <= 1.7)]
            foreign = [int(t) for t in foreign if anchors[int(t)] & rare]
            if foreign:
                per_camp.append((g, med, lang, m_anch, foreign))
        need = sorted({t for *_, f in per_camp for t in f})
        # rarity of words per language, over the long texts of the languages involved
        need_langs = {langs[t] for t in need}
        words = {int(t): set(_content_words(raw[t], langs[t])) for t in cand
                 if langs[t] in need_langs}
        wdf: dict[str, Counter] = defaultdict(Counter)
        n_by_lang: Counter = Counter()
        for t, ws in words.items():
            wdf[langs[t]].update(ws)
            n_by_lang[langs[t]] += 1
        n_sent = {t: _n_sentences(raw[t]) for t in need}
        rows = []
        for _g, med, lang, m_anch, foreign in per_camp:
            m_words = sorted(set(_content_words(raw[med], lang)))
            ms = _n_sentences(raw[med])
            foreign = [t for t in foreign if abs(n_sent[t] - ms) <= max(1, ms // 4)]
            if not foreign or not m_words:
                continue
            fw = sorted({w for t in foreign for w in words[t]})
            sim = np.asarray(process.cdist(fw, m_words, scorer=fuzz.ratio,
                                           score_cutoff=XLING_WORD_CUT, workers=1))
            hit = dict(zip(fw, sim.max(axis=1) > 0, strict=True))
            m_total = sum(aidf.get(x, 0.0) for x in m_anch) or 1.0
            for t in foreign:
                a_score = sum(aidf.get(x, 0.0) for x in anchors[t] & m_anch) / m_total
                dfl, nl = wdf[langs[t]], n_by_lang[langs[t]]
                idf = {w: math.log((1 + nl) / (1 + dfl[w])) + 1.0 for w in words[t]}
                tot = sum(idf.values()) or 1.0
                c_score = sum(v for w, v in idf.items() if hit[w]) / tot
                score = 0.5 * a_score + 0.5 * min(1.0, c_score / XLING_COGNATE_FULL)
                rows.append((t, med, score, a_score, c_score))
        diag = pd.DataFrame(rows, columns=["tid", "medoid", "score", "anchors", "cognates"])
        self.translation_scores_ = diag
        if diag.empty:
            return empty
        best = diag.sort_values(["tid", "score", "medoid"], ascending=[True, False, True])
        best = best.drop_duplicates("tid")
        best = best[best["score"] >= XLING_CUT]
        # one link per linked group of texts, so that translations never bridge campaigns
        best = best.assign(lab=labels[best["tid"].to_numpy(dtype=np.int64)])
        best = best.sort_values(["lab", "score", "medoid", "tid"],
                                ascending=[True, False, True, True]).drop_duplicates("lab")
        # a star: a campaign that others join does not move itself
        best = best[~best["lab"].isin(set(labels[best["medoid"].to_numpy(dtype=np.int64)]))]
        best = best.sort_values("tid")
        pairs = best[["tid", "medoid"]].to_numpy(dtype=np.int64).reshape(-1, 2)
        log.info("campaigns: %d texts joined campaigns as translations", len(pairs))
        return (pairs, "translated", best["score"].to_numpy(dtype=float))

    # ---------------------------------------------------------------------------------------
    def _build(self, units, texts, labels, edges, resp_ids, responses, redacted):
        xl_score: dict[int, float] = {}
        for pairs, kind, scores in edges:
            if kind == "translated":
                for (a, _b), sc in zip(pairs, scores, strict=True):
                    xl_score[int(a)] = float(sc)
        # responses per component; a response in several candidate campaigns joins the one
        # with most responses (ties: lowest label), then campaigns below min_size are dropped
        ut = self._ut
        lr = pd.DataFrame({"lab": labels[ut[:, 0]], "rid": ut[:, 1]}).drop_duplicates()
        for _ in range(3):
            n_resp = lr.groupby("lab")["rid"].transform("size")
            cand = lr[n_resp >= self.min_size].assign(n=n_resp[n_resp >= self.min_size])
            assign = cand.sort_values(["rid", "n", "lab"], ascending=[True, False, True])
            assign = assign.drop_duplicates("rid")
            kept = assign.groupby("lab")["rid"].transform("size") >= self.min_size
            if kept.all():
                break
            lr = lr[lr["lab"].isin(set(assign.loc[kept, "lab"]))
                    | ~lr["rid"].isin(set(assign["rid"]))]
        else:
            assign = assign[kept]
        resp = responses.assign(response_id=responses["response_id"].astype(str))
        resp = resp.drop_duplicates("response_id").set_index("response_id")
        red = None
        if redacted is not None:
            red = redacted.assign(response_id=redacted["response_id"].astype(str),
                                  question_id=redacted["question_id"].astype(str))
            red = red.drop_duplicates(["response_id", "question_id"]).set_index(
                ["response_id", "question_id"])["text"]
        u = units.assign(lab=labels[units["tid"].to_numpy()])
        u = u[u["lab"].isin(set(assign["lab"]))]
        u_by = {lab: g for lab, g in u.groupby("lab", sort=False)}  # one pass, not per campaign
        camps, members = [], []
        for lab, grp in assign.groupby("lab", sort=True):
            rids = sorted(grp["rid"])
            member_ids = [resp_ids[i] for i in rids]
            cu = u_by[lab]
            cu = cu[cu["rid"].isin(set(rids))]
            tids = sorted(set(cu["tid"]))
            med = self._medoid(tids)
            # representative response: prefer a public respondent using the medoid text
            rep_units = cu[cu["tid"] == med].sort_values(["response_id", "question_id"])
            rep = rep_units.iloc[0]
            if "publication" in resp.columns and len(rep_units) > 1:
                pub = rep_units["response_id"].map(resp["publication"]).astype(object)
                if (pub == "public").any():
                    rep = rep_units[(pub == "public").to_numpy()].iloc[0]
            rep_lang = rep["language"]
            per = []
            for rid, mu in cu.groupby("response_id", sort=True):
                if (mu["tid"] == med).any():
                    per.append((rid, "exact", 1.0, rep_lang))
                    continue
                same = mu[[not (isinstance(x, str) and isinstance(rep_lang, str)
                                and x != rep_lang) for x in mu["language"]]]
                if len(same):
                    sims = [fuzz.ratio(texts[t], texts[med]) / 100 for t in same["tid"]]
                    best = int(np.argmax(sims))
                    per.append((rid, "near", sims[best], same.iloc[best]["language"]))
                else:  # every linked text of the member is in another language
                    per.append((rid, "translated", xl_score.get(int(mu["tid"].iloc[0]), np.nan),
                                mu.iloc[0]["language"]))
            langs = Counter(x[3] for x in per if isinstance(x[3], str))
            stake = Counter(
                str(resp["stakeholder_type"].get(r, "not_disclosed")) for r in member_ids)
            mix = dict(sorted(stake.items(), key=lambda kv: (-kv[1], kv[0])))
            qids = sorted({q for q in cu["question_id"] if q != CONCAT_QID})
            if "submitted_at" in resp.columns:
                when = pd.to_datetime(resp["submitted_at"].reindex(member_ids), utc=True)
                first_at, last_at = when.min(), when.max()
            else:
                first_at = last_at = pd.NaT
            variants = Counter(x[1] for x in per)
            camps.append({
                "size": len(member_ids),
                "n_exact": variants.get("exact", 0),
                "n_near": variants.get("near", 0),
                "n_translated": variants.get("translated", 0),
                "representative_text": self._quote(rep, units, red),
                "representative_response_id": rep["response_id"],
                "languages": [k for k, _ in sorted(langs.items(),
                                                   key=lambda kv: (-kv[1], kv[0]))],
                "stakeholder_mix": json.dumps(mix),
                "question_ids": qids,
                "first_submitted_at": first_at,
                "last_submitted_at": last_at,
                "_first": member_ids[0],
                "_members": per,
            })
        camps.sort(key=lambda c: (-c["size"], c["_first"]))
        for k, c in enumerate(camps, start=1):
            cid = f"C{k:03d}"
            c["campaign_id"] = cid
            for rid, variant, sim, _lang in c.pop("_members"):
                members.append({"response_id": rid, "campaign_id": cid, "variant": variant,
                                "similarity": sim})
            c.pop("_first")
        cols = [*schema.SCHEMAS["campaigns"].names, "n_near"]
        self.campaigns_ = schema.conform(pd.DataFrame(camps, columns=cols), "campaigns")
        mdf = pd.DataFrame(members, columns=["response_id", "campaign_id", "variant",
                                             "similarity"])
        mdf = mdf.sort_values(["campaign_id", "response_id"], kind="stable", ignore_index=True)
        self.members_ = schema.conform(mdf, "campaign_members")
        self.pairs_ = self._pairs_table(edges)

    def _quote(self, rep, units, red) -> str:
        if red is None:
            return str(rep["value"])
        rid, qid = rep["response_id"], rep["question_id"]
        if qid != CONCAT_QID:
            txt = red.get((rid, qid))
            return str(txt) if txt is not None and not pd.isna(txt) else "[text withheld]"
        parts = units[(units["response_id"] == rid) & (units["kind"] == "answer")]
        out = []
        for q in parts["question_id"]:
            txt = red.get((rid, q))
            out.append(str(txt) if txt is not None and not pd.isna(txt) else "[text withheld]")
        return "\n\n".join(out)

    def _pairs_table(self, edges) -> pd.DataFrame:
        f = self._first
        rows = []
        for pairs, kind, scores in edges:
            for (a, b), s in zip(pairs, scores, strict=True):
                rows.append((f.at[a, "response_id"], f.at[a, "question_id"],
                             f.at[b, "response_id"], f.at[b, "question_id"], kind, float(s)))
        return pd.DataFrame(rows, columns=["response_id_a", "question_id_a", "response_id_b",
                                           "question_id_b", "kind", "score"])


def detect_campaigns(answers: pd.DataFrame, questions: pd.DataFrame, responses: pd.DataFrame,
                     **kw) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Fit a :class:`CampaignDetector` and return ``(campaigns, campaign_members)``.

    Keyword arguments are the detector's parameters plus ``languages``,
    ``redacted_answers``, ``progress``, ``map_texts`` and ``lsh_pairs`` of
    :meth:`CampaignDetector.fit`.
    """
    fit_kw = {k: kw.pop(k) for k in ("languages", "redacted_answers", "progress", "map_texts",
                                     "lsh_pairs") if k in kw}
    det = CampaignDetector(**kw).fit(answers, questions, responses, **fit_kw)
    return det.campaigns_, det.members_
