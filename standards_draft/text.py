"""Text helpers shared by cue matching, BM25 and stance: folding, tokens, lemmas, sentences.

Tokens are runs of letters and digits (``[^\\W_]+``): hyphens and apostrophes split words, so
"micro-credentials" is ``micro credentials`` and "l'apprenant" is ``l apprenant`` in every
language. Each token is *folded* (lower case, accents removed, ``ł`` -> ``l``, ``ß`` -> ``ss``)
and carries its folded lemma from the spacy-lookups-data lookup tables that
:mod:`consultation.nlp` uses (read directly as dicts; Polish from its per-part-of-speech
tables; other languages: the token itself). Sentences come from spaCy's rule-based
``sentencizer`` (as in :mod:`consultation.nlp`), split again at line breaks (bullet lists).
"""

from __future__ import annotations

import logging
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from itertools import pairwise

__all__ = ["Sentence", "Token", "fold", "lemma_of", "sentencizer", "split_sentences", "tokenize"]

log = logging.getLogger(__name__)

TOKEN_RE = re.compile(r"[^\W_]+", re.UNICODE)
_SPECIAL = str.maketrans({"ł": "l", "Ł": "l", "ß": "ss", "ø": "o", "Ø": "o", "æ": "ae",
                          "Æ": "ae", "œ": "oe", "Œ": "oe", "đ": "d", "Đ": "d", "ı": "i"})
_LINE_SPLIT = re.compile(r"\n\s*(?:[-•*·–]\s+|\d+[.)]\s+)?")


@lru_cache(maxsize=500_000)
def fold(text: str) -> str:
    """Lower-case ``text`` and strip accents (``Qualitätssicherung`` -> ``qualitatssicherung``)."""
    text = text.translate(_SPECIAL)
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


@dataclass(frozen=True, slots=True)
class Token:
    start: int  # offset in the text the sentence came from
    end: int
    form: str  # folded surface form
    lemma: str  # folded lemma (== form when no lemma table)


@dataclass(frozen=True, slots=True)
class Sentence:
    start: int
    end: int
    text: str
    tokens: tuple[Token, ...]


@cache
def sentencizer(lang: str | None):
    """Cached ``spacy.blank(lang)`` + ``sentencizer`` (the sentence rules of
    :mod:`consultation.nlp`, without loading lemma tables into spaCy).

    When :func:`consultation.nlp.pipeline` has already built the language's pipeline in this
    process (the coding stage of ``consult run``), that one is used: same tokenizer, same
    sentence rules (its lemmatizer is disabled in :func:`split_sentences`), and building a
    tokenizer costs about a second per language.
    """
    import spacy

    from consultation.nlp import built_pipeline

    shared = built_pipeline(lang)
    if shared is not None and shared.has_pipe("sentencizer"):
        return shared
    code = (lang or "xx").lower()
    try:
        nlp = spacy.blank(code)
    except (ImportError, KeyError, ValueError, OSError):
        nlp = spacy.blank("xx")
    nlp.add_pipe("sentencizer")
    nlp.max_length = 20_000_000
    return nlp


def lemma_of(word: str, lang: str | None) -> str:
    """Folded lemma of one surface word (the folded word itself when unknown)."""
    return _word(word, lang)[1]


_WORDS: dict[str | None, dict[str, tuple[str, str]]] = {}


def _word(word: str, lang: str | None) -> tuple[str, str]:
    """(folded form, folded lemma) of a surface word, cached per language."""
    cache = _WORDS.get(lang)
    if cache is None:
        cache = _WORDS[lang] = {}
    hit = cache.get(word)
    if hit is not None:
        return hit
    form = fold(word)
    from consultation.nlp import lemma_table

    table = lemma_table(lang)
    lemma = form
    if table is not None:
        lem = table.get(word.lower()) or table.get(word)
        if isinstance(lem, str) and lem:
            lemma = fold(lem)
    hit = (form, lemma)
    if len(cache) < 2_000_000:
        cache[word] = hit
    return hit


def tokenize(text: str, lang: str | None = None, offset: int = 0) -> tuple[Token, ...]:
    """Folded tokens (with lemmas) of ``text``; offsets are shifted by ``offset``."""
    out = []
    for m in TOKEN_RE.finditer(text):
        form, lemma = _word(m.group(), lang)
        out.append(Token(m.start() + offset, m.end() + offset, form, lemma))
    return tuple(out)


def _split_lines(start: int, text: str) -> Iterable[tuple[int, str]]:
    """Split a spaCy sentence at line breaks (and bullet markers that follow them)."""
    pos = 0
    for m in _LINE_SPLIT.finditer(text):
        yield start + pos, text[pos:m.start()]
        pos = m.end()
    yield start + pos, text[pos:]


def split_sentences(texts: Sequence[str], lang: str | None) -> list[list[Sentence]]:
    """Sentences (with tokens) of each text, all in one language, via the spaCy sentencizer."""
    from spacy.attrs import IDX, SENT_START

    out: list[list[Sentence]] = []
    nlp = sentencizer(lang)
    skip = [name for name in nlp.pipe_names if name != "sentencizer"]
    for text, doc in zip(texts, nlp.pipe((t or "" for t in texts), batch_size=256,
                                         disable=skip), strict=True):
        text = text or ""
        result = []
        if len(doc):
            arr = doc.to_array([IDX, SENT_START])
            starts = [int(i) for i, ss in arr if ss == 1]
            if not starts or starts[0] != int(arr[0][0]):
                starts.insert(0, int(arr[0][0]))
            bounds = [*starts, len(text)]
            for a, b in pairwise(bounds):
                s_text = text[a:b]
                for start, piece in _split_lines(a, s_text):
                    stripped = piece.strip()
                    if not stripped or not TOKEN_RE.search(stripped):
                        continue
                    lead = len(piece) - len(piece.lstrip())
                    st = start + lead
                    result.append(Sentence(st, st + len(stripped), stripped,
                                           tokenize(stripped, lang, st)))
        out.append(result)
    return out
