"""Multilingual spaCy pipelines that work offline: one home for tokens, sentences and lemmas.

``spacy.blank(lang)`` + ``sentencizer`` + lookup ``lemmatizer`` (tables from
``spacy-lookups-data``) for the languages in :data:`LEMMA_LANGUAGES`; other languages get
tokenisation and sentences only, and unknown ones the multi-language tokenizer (``xx``).
Pipelines are built lazily, once per process, and texts are processed with ``nlp.pipe`` in
batches, grouped by language.
"""

from __future__ import annotations

import logging
from collections import defaultdict
from collections.abc import Iterable, Sequence
from functools import cache
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.tokens import Doc

__all__ = ["LEMMA_LANGUAGES", "built_pipeline", "lemmas", "pipe", "pipeline", "sentences",
           "stop_words"]

log = logging.getLogger(__name__)

LEMMA_LANGUAGES = frozenset("cs da de en es fr hr hu it lt nl pt ro sv".split())
BATCH_SIZE = 256


_BUILT: dict[str | None, Language] = {}


def built_pipeline(lang: str | None) -> Language | None:
    """The pipeline of :func:`pipeline` for ``lang`` if this process has already built it,
    else None (building one costs seconds: other modules that only need the tokenizer and
    sentence rules reuse it when it exists, see :func:`standards_draft.text.sentencizer`)."""
    return _BUILT.get(lang)


@cache
def pipeline(lang: str | None) -> Language:
    """The cached offline pipeline for an ISO 639-1 code (``None``/unknown -> ``xx``)."""
    nlp = _build(lang)
    _BUILT[lang] = nlp
    return nlp


def _build(lang: str | None) -> Language:
    code = (lang or "xx").lower()
    try:
        nlp = spacy.blank(code)
    except (ImportError, KeyError, ValueError):
        code, nlp = "xx", spacy.blank("xx")
    nlp.add_pipe("sentencizer")
    if code in LEMMA_LANGUAGES:
        nlp.add_pipe("lemmatizer", config={"mode": "lookup"})
        try:
            nlp.initialize()
        except (ValueError, OSError) as exc:  # lookup tables missing: tokens only
            log.warning("No lemma tables for %r (%s); using tokens only", code, exc)
            nlp.remove_pipe("lemmatizer")
    nlp.max_length = 20_000_000
    return nlp


@cache
def lemma_table(lang: str | None) -> dict[str, str] | None:
    """The ``spacy-lookups-data`` lemma lookup table of ``lang``, read as a plain dict (None
    when the language has none), once per process.

    Read straight from the gzipped JSON: about a second for the largest table, where building
    spaCy's hashed ``Lookups`` in a pipeline costs 3-5 s per language. Languages with only
    per-part-of-speech tables (Polish) get none. Shared by :mod:`consultation.coding` and
    :mod:`standards_draft.text`.
    """
    if not lang:
        return None
    try:
        import spacy_lookups_data
        import srsly
    except ImportError:  # pragma: no cover - a dependency of the package
        return None
    f = Path(str(spacy_lookups_data.get_file(f"{lang}_lemma_lookup.json.gz")))
    if not f.is_file():
        return None
    try:
        table = srsly.read_gzip_json(str(f))
    except (OSError, ValueError) as exc:  # pragma: no cover - corrupt data file
        log.warning("Lemma table %s unreadable (%s); using tokens", f.name, exc)
        return None
    return table if isinstance(table, dict) and table else None


def pipe(texts: Sequence[str], langs: Sequence[str | None] | str | None,
         batch_size: int = BATCH_SIZE) -> list[Doc]:
    """Process texts (each with its language) and return Docs in the input order."""
    if langs is None or isinstance(langs, str):
        langs = [langs] * len(texts)
    by_lang: dict[str | None, list[int]] = defaultdict(list)
    for i, lang in enumerate(langs):
        by_lang[lang].append(i)
    out: list[Doc | None] = [None] * len(texts)
    for lang, idx in sorted(by_lang.items(), key=lambda kv: str(kv[0])):
        nlp = pipeline(lang)
        for i, doc in zip(idx, nlp.pipe((texts[i] or "" for i in idx), batch_size=batch_size),
                          strict=True):
            out[i] = doc
    return out  # type: ignore[return-value]


def _lemma(tok) -> str:
    return (tok.lemma_ or tok.text).lower()


def lemmas(texts: Sequence[str], langs: Sequence[str | None] | str | None, *,
           drop_stop: bool = False, alpha_only: bool = True) -> list[list[str]]:
    """Lower-cased lemmas (tokens where no lemma table exists) of each text."""
    docs = pipe(texts, langs)
    out = []
    for doc in docs:
        toks = [t for t in doc if (t.is_alpha or not alpha_only) and not t.is_space]
        if drop_stop:
            toks = [t for t in toks if not t.is_stop]
        out.append([_lemma(t) for t in toks])
    return out


def sentences(text: str, lang: str | None) -> list[tuple[int, int, str]]:
    """Sentence spans ``(start, end, text)`` as character offsets into ``text``."""
    doc = pipeline(lang)(text or "")
    return [(s.start_char, s.end_char, s.text) for s in doc.sents if s.text.strip()]


def stop_words(lang: str | None) -> frozenset[str]:
    return frozenset(pipeline(lang).Defaults.stop_words)


def iter_sentences(texts: Iterable[str], lang: str | None) -> Iterable[list[tuple[int, int, str]]]:
    nlp = pipeline(lang)
    for doc in nlp.pipe(texts, batch_size=BATCH_SIZE):
        yield [(s.start_char, s.end_char, s.text) for s in doc.sents if s.text.strip()]
