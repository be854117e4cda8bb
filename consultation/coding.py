"""Deductive coding of free-text answers with a codebook, and the human coding round-trip.

A **codebook** (YAML, see ``consultation/codebooks/micro_credentials.yaml`` for the format) lists
codes with a label, a definition, notes for coders, multilingual cue terms (or spaCy Matcher
patterns), example sentences and an optional parent. :func:`load_codebook` reads and validates
one; the micro-credentials codebook ships with the package.

:func:`code_answers` codes every free-text answer, sentence by sentence and multi-label:

1. Texts are de-duplicated (campaign copies are coded once), split into sentences and tokens
   (a regular-expression tokenizer with character offsets; lemmas from the same spaCy lookup
   tables that :mod:`consultation.nlp` uses, cached per distinct word), and case- and
   accent-folded.
2. Cue phrases of the answer's language (plus English and ``any``) are matched on lemmas and on
   tokens. A sentence gets a code when a cue matches and no ``exclude`` cue of the code overlaps
   the match; ``weak_cues`` count half (two weak hits in an answer, or one in a question named in
   the code's ``context``, make a code). spaCy Matcher ``patterns`` run on the sentences of the
   languages that have them.
3. Where an embedding backend is given (``embedder="auto"``: the MiniLM extra if installed),
   sentences similar enough to a code's example sentences get the code too
   (``method = "semantic"``). Off by default: measured on the sample it lowers F1.

The matched text is kept as the reason. ``codes`` table (one row per answer, code and
sentence):

    response_id, question_id, code_id   the coded answer and the code
    span, start, end                    the matched text and its character offsets
    sentence                            the sentence holding the match
    method                              lexical | lexical_weak | pattern | semantic
    score                               1.0 for a cue, 0.5 for a lone weak cue, cosine for
                                        semantic matches
    sentence_start, sentence_end        offsets of the sentence
    language                            language the cues were chosen for
    layer                               original | redacted | translation (which text the
                                        offsets refer to)
    cue                                 the cue (or example) that matched

The **human coding round-trip**: :func:`export_coding_sheets` writes one XLSX coding sheet per
coder for a reproducible sample stratified by stakeholder group and language (answers quoted
from ``redacted_answers`` only); :func:`import_coding_sheets` reads the filled sheets back,
validates them and computes agreement between coders (percentage agreement, Cohen's κ per code,
Krippendorff's α) and between each coder and the machine codes.
"""

from __future__ import annotations

import hashlib
import logging
import os
import re
import time
import unicodedata
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from . import schema
from .errors import InputError, ParameterError, bounded_list, check_float, check_int, did_you_mean

__all__ = [
    "CODES",
    "Code",
    "Codebook",
    "CodebookError",
    "CodingResult",
    "CodingSheetError",
    "agreement_table",
    "answer_codes",
    "code_answers",
    "export_coding",
    "export_coding_sheets",
    "import_coding",
    "import_coding_sheets",
    "load_codebook",
    "measure_codes",
]

log = logging.getLogger(__name__)

DEFAULT_CODEBOOK = Path(__file__).resolve().parent / "codebooks" / "micro_credentials.yaml"
GAP = 3                 # "..." in a cue: at most this many words in between
WEAK_WEIGHT = 0.5
_ANY = "any"


class CodebookError(InputError):
    """A codebook file cannot be read or is invalid (C104; to move into errors.py)."""

    code = "C104"


class CodingSheetError(InputError):
    """A filled coding sheet does not match what was exported (C105; to move into errors.py)."""

    code = "C105"


CODES = schema.CODES  # the ``codes`` table's schema (defined in consultation.schema)


# =============================================================================================
# Text: folding, tokens, lemmas, sentences
# =============================================================================================

_FOLD_TABLE = str.maketrans({"ß": "ss", "ẞ": "ss", "ł": "l", "Ł": "l", "ø": "o", "Ø": "o",
                             "æ": "ae", "Æ": "ae", "œ": "oe", "Œ": "oe", "đ": "d", "Đ": "d",
                             "ı": "i", "’": "'", "ﬁ": "fi", "ﬂ": "fl"})
_TOKEN_RE = re.compile(r"[^\W_]+", re.UNICODE)
_CUE_WORD_RE = re.compile(r"[^\W_]+|\*", re.UNICODE)
_SENT_RE = re.compile(r"[^\n]+")
_SENT_END_RE = re.compile(r"(?<=[.!?…])[\"'”’»)\]]*\s+(?=\S)")
_ABBREV = frozenset(
    "e.g i.e etc z.b bzw ca vs cf art no nr p pp dr mr mrs ms prof approx incl d.h u.a "
    "p.ex ex s sog vgl usw z.t resp ibid fig st".split())


@cache
def fold(text: str) -> str:
    """Lower-case ``text`` and remove accents (é → e, ß → ss, ł → l); cached per string."""
    s = text.translate(_FOLD_TABLE).lower()
    if s.isascii():
        return s
    return "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))


def _lemma_table(lang: str | None) -> dict[str, str] | None:
    """The lemma lookup table of ``lang`` (:func:`consultation.nlp.lemma_table`), for the
    languages whose pipelines lemmatise with it (:data:`consultation.nlp.LEMMA_LANGUAGES`)."""
    from .nlp import LEMMA_LANGUAGES, lemma_table

    return lemma_table(lang) if lang in LEMMA_LANGUAGES else None


class Lemmatiser:
    """Lemma of a word in one language, from spaCy's lookup tables, cached per word.

    Lower-cased, and accent-folded unless ``folded=False``.
    """

    def __init__(self, lang: str | None, folded: bool = True) -> None:
        self.lang = lang
        self.folded = folded
        self._table = _lemma_table(lang)
        self._cache: dict[str, str] = {}

    def __call__(self, word: str) -> str:
        got = self._cache.get(word)
        if got is None:
            got = word
            if self._table is not None:
                hit = self._table.get(word)
                if hit is None and not word.islower():
                    hit = self._table.get(word.lower())
                if isinstance(hit, str):
                    got = hit
            got = fold(got) if self.folded else got.lower()
            if len(self._cache) < 2_000_000:
                self._cache[word] = got
        return got


@cache
def lemmatiser(lang: str | None, folded: bool = True) -> Lemmatiser:
    """The shared :class:`Lemmatiser` of a language."""
    return Lemmatiser(lang, folded)


def tokens(text: str) -> list[tuple[int, int, str]]:
    """Word tokens ``(start, end, word)`` (letters and digits; punctuation splits words)."""
    return [(m.start(), m.end(), m.group()) for m in _TOKEN_RE.finditer(text)]


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans ``(start, end)``: line breaks and sentence-final punctuation split.

    Like spaCy's ``sentencizer`` (punctuation rules, no model), with common abbreviations
    ("e.g.", "z.B.", "etc.") kept inside their sentence.
    """
    out: list[tuple[int, int]] = []
    for line in _SENT_RE.finditer(text or ""):
        ls, le = line.span()
        start = ls
        for m in _SENT_END_RE.finditer(text, ls, le):
            head = text[start:m.start()].rstrip()
            last = head.rsplit(None, 1)[-1] if head.split() else ""
            if fold(last.rstrip(".")).strip("(") in _ABBREV:
                continue
            out.append((start, m.start()))
            start = m.end()
        out.append((start, le))
    res = []
    for s, e in out:
        seg = text[s:e]
        stripped = seg.strip()
        if not stripped or not any(ch.isalnum() for ch in stripped):
            continue
        s2 = s + (len(seg) - len(seg.lstrip()))
        res.append((s2, s2 + len(stripped)))
    return res


# =============================================================================================
# Codebook
# =============================================================================================

@dataclass(frozen=True, eq=False)
class Code:
    """One code of a codebook (see the YAML format in the packaged codebook)."""

    id: str
    label: str
    definition: str
    parent: str | None = None
    include: str | None = None
    exclude_note: str | None = None
    cues: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    weak_cues: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    exclude: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    patterns: Mapping[str, tuple[Any, ...]] = field(default_factory=dict)
    context: tuple[str, ...] = ()
    examples: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    related_elements: tuple[str, ...] = ()

    @property
    def is_group(self) -> bool:
        """A grouping code: nothing to match (no cues, patterns or examples)."""
        return not (self.cues or self.weak_cues or self.patterns or self.examples)

    def all_examples(self) -> list[tuple[str, str]]:
        return [(lang, ex) for lang, exs in sorted(self.examples.items()) for ex in exs]


@dataclass(frozen=True, eq=False)
class Codebook:
    """A validated codebook: codes in file order."""

    name: str
    title: str
    version: str
    languages: tuple[str, ...]
    codes: tuple[Code, ...]
    path: str | None = None

    @property
    def ids(self) -> list[str]:
        return [c.id for c in self.codes]

    @property
    def leaves(self) -> list[Code]:
        """Codes that are applied to answers (grouping codes excluded)."""
        return [c for c in self.codes if not c.is_group]

    def get(self, code_id: str) -> Code:
        for c in self.codes:
            if c.id == code_id:
                return c
        raise KeyError(code_id)

    def children(self, code_id: str) -> list[Code]:
        return [c for c in self.codes if c.parent == code_id]

    def sha256(self) -> str:
        h = hashlib.sha256()
        for c in self.codes:
            h.update(repr((c.id, c.label, c.definition, c.parent, sorted(c.cues.items()),
                           sorted(c.weak_cues.items()), sorted(c.exclude.items()),
                           c.context)).encode())
        return h.hexdigest()

    def to_frame(self) -> pd.DataFrame:
        """The codes as a table: code_id, parent_id, label, definition, include, exclude,
        examples (one per line), related_elements (comma-separated), is_group."""
        return pd.DataFrame({
            "code_id": [c.id for c in self.codes],
            "parent_id": [c.parent for c in self.codes],
            "label": [c.label for c in self.codes],
            "definition": [c.definition for c in self.codes],
            "include": [c.include for c in self.codes],
            "exclude": [c.exclude_note for c in self.codes],
            "examples": ["\n".join(ex for _, ex in c.all_examples()) for c in self.codes],
            "related_elements": [", ".join(c.related_elements) for c in self.codes],
            "is_group": [c.is_group for c in self.codes],
        })


_ID_RE = re.compile(r"^[A-Za-z][A-Za-z0-9_.\-]{0,63}$")
_CODE_KEYS = {"id", "label", "definition", "parent", "include", "exclude_note", "cues",
              "weak_cues", "exclude", "patterns", "context", "examples", "related_elements"}


def _err(path: str, what: str, **kw) -> CodebookError:
    return CodebookError(f"Codebook {path}: {what}", **kw)


def _str_map(raw: object, where: str, path: str, langs: set[str]) -> dict[str, tuple[str, ...]]:
    if raw is None:
        return {}
    if not isinstance(raw, Mapping):
        raise _err(path, f"{where} must map language codes to lists of strings",
                   found=type(raw).__name__)
    out = {}
    for lang, items in raw.items():
        lang = str(lang)
        if lang not in langs and lang != _ANY:
            raise _err(path, f"{where} uses language {lang!r} that the codebook does not "
                             f"declare{did_you_mean(lang, sorted(langs))}",
                       expected=f"one of {bounded_list(sorted(langs), 30)} or 'any'",
                       fix="add it to `languages` at the top of the file")
        if isinstance(items, str):
            items = [items]
        if not isinstance(items, list) or not all(isinstance(i, str) and i.strip()
                                                  for i in items):
            raise _err(path, f"{where}.{lang} must be a list of non-empty strings")
        out[lang] = tuple(i.strip() for i in items)
    return out


def load_codebook(path: str | os.PathLike | None = None) -> Codebook:
    """Read and validate a codebook YAML file (default: the packaged micro-credentials one).

    Checks: required keys (``codebook``, ``languages``, ``codes``; per code ``id``, ``label``,
    ``definition``), unique ids of a safe form, parents that exist (no cycles), cue languages
    declared, cue syntax, ``context`` regular expressions and spaCy patterns. Raises
    :class:`CodebookError` naming the code and the problem.
    """
    import yaml

    p = Path(path) if path is not None else DEFAULT_CODEBOOK
    where = str(p)
    try:
        raw = yaml.safe_load(p.read_text(encoding="utf-8"))
    except OSError as exc:
        raise _err(where, "cannot be read", found=str(exc)[:200]) from exc
    except yaml.YAMLError as exc:
        raise _err(where, "is not valid YAML", found=str(exc)[:300]) from exc
    if not isinstance(raw, Mapping):
        raise _err(where, "must be a mapping with keys codebook, languages, codes")
    missing = [k for k in ("codebook", "languages", "codes") if k not in raw]
    if missing:
        raise _err(where, f"misses key(s) {bounded_list(missing)}",
                   expected="codebook, title, version, languages, codes")
    langs = raw["languages"]
    if not isinstance(langs, list) or not all(isinstance(x, str) and re.fullmatch(r"[a-z]{2}", x)
                                              for x in langs):
        raise _err(where, "`languages` must be a list of ISO 639-1 codes", found=repr(langs)[:100])
    lang_set = set(langs)
    if not isinstance(raw["codes"], list) or not raw["codes"]:
        raise _err(where, "`codes` must be a non-empty list")
    codes: list[Code] = []
    seen: set[str] = set()
    for i, rc in enumerate(raw["codes"]):
        if not isinstance(rc, Mapping):
            raise _err(where, f"code #{i + 1} is not a mapping")
        cid = str(rc.get("id", "")).strip()
        if not cid:
            raise _err(where, f"code #{i + 1} has no id")
        if not _ID_RE.match(cid):
            raise _err(where, f"code id {cid!r} is not a safe identifier",
                       expected="a letter, then letters, digits, '_', '.' or '-' (≤ 64 chars)")
        if cid in seen:
            raise _err(where, f"code id {cid!r} is used twice", fix="give every code its own id")
        seen.add(cid)
        unknown = set(rc) - _CODE_KEYS
        if unknown:
            bad = sorted(unknown)[0]
            raise _err(where, f"code {cid!r} has unknown key(s) {bounded_list(sorted(unknown))}"
                              f"{did_you_mean(bad, sorted(_CODE_KEYS))}")
        for k in ("label", "definition"):
            if not isinstance(rc.get(k), str) or not rc[k].strip():
                raise _err(where, f"code {cid!r} has no {k}")
        ctx = rc.get("context") or []
        if isinstance(ctx, str):
            ctx = [ctx]
        for c in ctx:
            try:
                re.compile(str(c))
            except re.error as exc:
                raise _err(where, f"code {cid!r}: context {c!r} is not a regular expression",
                           found=str(exc)) from exc
        patterns = rc.get("patterns") or {}
        if not isinstance(patterns, Mapping):
            raise _err(where, f"code {cid!r}: patterns must map languages to lists of spaCy "
                              "token patterns")
        for lang, pats in patterns.items():
            if str(lang) not in lang_set and lang != _ANY:
                raise _err(where, f"code {cid!r}: patterns use undeclared language {lang!r}")
            if not isinstance(pats, list) or not all(
                    isinstance(pt, list) and pt and all(isinstance(t, Mapping) for t in pt)
                    for pt in pats):
                raise _err(where, f"code {cid!r}: patterns.{lang} must be a list of token "
                                  "patterns (lists of attribute mappings)")
        examples = rc.get("examples") or {}
        code = Code(
            id=cid, label=rc["label"].strip(), definition=" ".join(rc["definition"].split()),
            parent=(str(rc["parent"]).strip() if rc.get("parent") else None),
            include=(" ".join(str(rc["include"]).split()) if rc.get("include") else None),
            exclude_note=(" ".join(str(rc["exclude_note"]).split())
                          if rc.get("exclude_note") else None),
            cues=_str_map(rc.get("cues"), f"code {cid!r}: cues", where, lang_set),
            weak_cues=_str_map(rc.get("weak_cues"), f"code {cid!r}: weak_cues", where, lang_set),
            exclude=_str_map(rc.get("exclude"), f"code {cid!r}: exclude", where, lang_set),
            patterns={str(k): tuple(v) for k, v in patterns.items()},
            context=tuple(str(c) for c in ctx),
            examples=_str_map(examples, f"code {cid!r}: examples", where, lang_set),
            related_elements=tuple(str(e) for e in (rc.get("related_elements") or [])),
        )
        for key in ("cues", "weak_cues", "exclude"):
            for lang, cues in getattr(code, key).items():
                for cue in cues:
                    try:
                        parse_cue(cue)
                    except ValueError as exc:
                        raise _err(where, f"code {cid!r}: {key}.{lang} cue {cue!r} is invalid",
                                   found=str(exc)) from exc
        codes.append(code)
    ids = {c.id for c in codes}
    for c in codes:
        if c.parent is not None and c.parent not in ids:
            raise _err(where, f"code {c.id!r} has parent {c.parent!r} that is not a code"
                              f"{did_you_mean(c.parent, sorted(ids))}")
    parent = {c.id: c.parent for c in codes}
    for c in codes:
        chain, cur = [c.id], c.parent
        while cur is not None:
            if cur in chain:
                raise _err(where, f"codes {bounded_list(chain)} form a parent cycle")
            chain.append(cur)
            cur = parent[cur]
    if not any(not c.is_group for c in codes):
        raise _err(where, "has no code with cues, patterns or examples")
    if any(c.patterns for c in codes):
        _compile_patterns(tuple(codes), where)  # validates the patterns with spaCy
    return Codebook(name=str(raw["codebook"]), title=str(raw.get("title") or raw["codebook"]),
                    version=str(raw.get("version", "1")), languages=tuple(langs),
                    codes=tuple(codes), path=where)


# =============================================================================================
# Cue matching
# =============================================================================================

# A word: (kind, text) with kind in "exact", "prefix", "suffix", "infix".
Word = tuple[str, str]
Phrase = tuple[Word, ...]
Segment = tuple[Phrase, ...]          # alternatives
Group = tuple[Segment, ...]           # segments with gaps of ≤ GAP words between them


def _parse_word(w: str) -> Word:
    core = w.strip("*")
    if not core or "*" in core:
        raise ValueError(f"word {w!r}: '*' may only start or end a word")
    f = fold(core)
    if w.startswith("*") and w.endswith("*"):
        return ("infix", f)
    if w.endswith("*"):
        return ("prefix", f)
    if w.startswith("*"):
        return ("suffix", f)
    return ("exact", f)


def _parse_phrase(text: str) -> Phrase:
    # split like the text tokenizer, keeping '*' attached to its word
    if re.search(r"[^\W_]\*+[^\W_]", text):
        raise ValueError("'*' may only start or end a word")
    words: list[str] = []
    for part in text.split():
        toks = re.findall(r"\*?[^\W_]+\*?", part, re.UNICODE)
        if not toks:
            continue
        if part.startswith("*") and not toks[0].startswith("*"):
            toks[0] = "*" + toks[0]
        if part.endswith("*") and not toks[-1].endswith("*"):
            toks[-1] = toks[-1] + "*"
        words.extend(toks)
    if not words:
        raise ValueError(f"empty phrase in {text!r}")
    return tuple(_parse_word(w) for w in words)


@cache
def parse_cue(cue: str) -> tuple[Group, ...]:
    """Parse a cue string into groups (joined by " + ") of segments (joined by "...") of
    alternative phrases (joined by "|"). Raises ValueError on an empty part."""
    groups = []
    for g in cue.split(" + "):
        if not g.strip():
            raise ValueError("empty part around ' + '")
        segs = []
        for s in g.split("..."):
            if not s.strip():
                raise ValueError("'...' must stand between two words")
            alts = tuple(_parse_phrase(a) for a in s.split("|") if a.strip())
            if not alts:
                raise ValueError(f"empty alternative in {s!r}")
            segs.append(alts)
        groups.append(tuple(segs))
    return tuple(groups)


@dataclass(frozen=True)
class _Cue:
    code_id: str
    text: str
    kind: str          # strong | weak | exclude
    groups: tuple[Group, ...]


class _Matcher:
    """Cue matcher for one set of languages: word index, per-token cache, phrase checks."""

    def __init__(self, cues: Sequence[_Cue]) -> None:
        self.cues = list(cues)
        words: dict[Word, int] = {}
        for cue in self.cues:
            for g in cue.groups:
                for seg in g:
                    for ph in seg:
                        for w in ph:
                            words.setdefault(w, len(words))
        self.word_ids = words
        self.exact: dict[str, list[int]] = defaultdict(list)
        self.prefix: dict[int, dict[str, list[int]]] = defaultdict(lambda: defaultdict(list))
        self.suffix: dict[int, dict[str, list[int]]] = defaultdict(lambda: defaultdict(list))
        infixes: dict[str, list[int]] = defaultdict(list)
        for (kind, text), wid in words.items():
            if kind == "exact":
                self.exact[text].append(wid)
            elif kind == "prefix":
                self.prefix[len(text)][text].append(wid)
            elif kind == "suffix":
                self.suffix[len(text)][text].append(wid)
            else:
                infixes[text].append(wid)
        self.infixes = dict(infixes)
        self.infix_re = (re.compile("(?=(" + "|".join(sorted(map(re.escape, infixes),
                                                              key=len, reverse=True)) + "))")
                         if infixes else None)
        # first words of each group's first segment -> (cue index, group index)
        self.first: dict[int, list[tuple[int, int]]] = defaultdict(list)
        for ci, cue in enumerate(self.cues):
            for gi, g in enumerate(cue.groups):
                for wid in {words[ph[0]] for ph in g[0]}:
                    self.first[wid].append((ci, gi))
        self._cache: dict[str, frozenset[int]] = {}

    def _word_set(self, s: str) -> set[int]:
        out = set(self.exact.get(s, ()))
        n = len(s)
        for ln, table in self.prefix.items():
            if ln <= n:
                hit = table.get(s[:ln])
                if hit:
                    out.update(hit)
        for ln, table in self.suffix.items():
            if ln <= n:
                hit = table.get(s[n - ln:])
                if hit:
                    out.update(hit)
        if self.infix_re is not None:
            for m in self.infix_re.finditer(s):
                out.update(self.infixes[m.group(1)])
        return out

    def token_words(self, lemma: str, text: str) -> frozenset[int]:
        key = lemma if lemma == text else lemma + "\x1f" + text
        got = self._cache.get(key)
        if got is None:
            ids = self._word_set(lemma)
            if text != lemma:
                ids |= self._word_set(text)
            got = frozenset(ids)
            if len(self._cache) < 2_000_000:
                self._cache[key] = got
        return got

    def _phrase_at(self, ph: Phrase, W: list[frozenset[int]], i: int) -> int:
        if i + len(ph) > len(W):
            return -1
        wid = self.word_ids
        for k, w in enumerate(ph):
            if wid[w] not in W[i + k]:
                return -1
        return i + len(ph)

    def _segment_at(self, seg: Segment, W: list[frozenset[int]], i: int) -> int:
        best = -1
        for ph in seg:
            e = self._phrase_at(ph, W, i)
            if e > best:
                best = e
        return best

    def _group_from(self, g: Group, W: list[frozenset[int]], i: int) -> int:
        e = self._segment_at(g[0], W, i)
        if e < 0:
            return -1
        for seg in g[1:]:
            for j in range(e, min(e + GAP, len(W) - 1) + 1):
                e2 = self._segment_at(seg, W, j)
                if e2 >= 0:
                    e = e2
                    break
            else:
                return -1
        return e

    def match(self, W: list[frozenset[int]]) -> list[tuple[int, int, int]]:
        """Cue hits in one sentence: (cue index, first token, end token)."""
        cands: dict[tuple[int, int], list[int]] = defaultdict(list)
        first = self.first
        for i, ws in enumerate(W):
            for w in ws:
                for key in first.get(w, ()):
                    cands[key].append(i)
        if not cands:
            return []
        groups_hit: dict[int, dict[int, tuple[int, int]]] = defaultdict(dict)
        for (ci, gi), positions in cands.items():
            g = self.cues[ci].groups[gi]
            for i in positions:
                e = self._group_from(g, W, i)
                if e >= 0:
                    groups_hit[ci][gi] = (i, e)
                    break
        out = []
        for ci, hits in groups_hit.items():
            if len(hits) == len(self.cues[ci].groups):
                out.append((ci, min(s for s, _ in hits.values()),
                            max(e for _, e in hits.values())))
        return out


@cache
def _matcher(codebook: Codebook, langs: tuple[str, ...]) -> _Matcher:
    cues = []
    for code in codebook.leaves:
        for kind, table in (("strong", code.cues), ("weak", code.weak_cues),
                            ("exclude", code.exclude)):
            for lang in langs:
                for text in table.get(lang, ()):
                    cues.append(_Cue(code.id, text, kind, parse_cue(text)))
    return _Matcher(cues)


def _cue_languages(codebook: Codebook, lang: str | None) -> tuple[str, ...]:
    declared = set(codebook.languages)
    if lang in declared:
        return tuple(sorted({lang, "en", _ANY} & (declared | {_ANY})))
    return (*sorted(declared), _ANY)


@cache
def _compile_patterns(codes: tuple[Code, ...], where: str = "codebook") -> dict[str, Any]:
    """spaCy Matchers per language for codes that have ``patterns``."""
    from spacy.matcher import Matcher

    from . import nlp

    out: dict[str, Any] = {}
    langs = sorted({lang for c in codes for lang in c.patterns})
    for lang in langs:
        pipe = nlp.pipeline(None if lang == _ANY else lang)
        m = Matcher(pipe.vocab)
        for c in codes:
            for k, pat in enumerate(c.patterns.get(lang, ())):
                try:
                    m.add(f"{c.id}\x1f{k}", [list(pat)])
                except (ValueError, KeyError, TypeError) as exc:
                    raise _err(where, f"code {c.id!r}: pattern {k + 1} for {lang!r} is not a "
                                      "valid spaCy Matcher pattern",
                               found=str(exc).splitlines()[0][:200]) from exc
        out[lang] = m
    return out


@dataclass
class _Hit:
    code_id: str
    start: int
    end: int
    sent: int
    kind: str         # strong | weak | pattern | semantic
    cue: str
    score: float = 1.0


def _code_text(text: str, lang: str | None, codebook: Codebook,
               sentences: list[tuple[int, int]]) -> list[_Hit]:
    """Lexical hits of one text (before answer-level weak-cue rules)."""
    matcher = _matcher(codebook, _cue_languages(codebook, lang))
    lem = lemmatiser(lang)
    hits: list[_Hit] = []
    for si, (ss, se) in enumerate(sentences):
        toks = [(m.start(), m.end(), m.group()) for m in _TOKEN_RE.finditer(text, ss, se)]
        if not toks:
            continue
        W = [matcher.token_words(lem(w), fold(w)) for _, _, w in toks]
        found = matcher.match(W)
        if not found:
            continue
        excl: dict[str, list[tuple[int, int]]] = defaultdict(list)
        pos = []
        for ci, a, b in found:
            cue = matcher.cues[ci]
            (excl[cue.code_id] if cue.kind == "exclude" else pos).append(
                (ci, a, b) if cue.kind != "exclude" else (a, b))
        best: dict[str, _Hit] = {}
        for ci, a, b in sorted(pos, key=lambda x: (x[1], x[2], x[0])):
            cue = matcher.cues[ci]
            if any(a < xb and xa < b for xa, xb in excl.get(cue.code_id, ())):
                continue
            h = _Hit(cue.code_id, toks[a][0], toks[b - 1][1], si, cue.kind, cue.text)
            prev = best.get(cue.code_id)
            if prev is None or (prev.kind == "weak" and cue.kind == "strong"):
                best[cue.code_id] = h
        hits.extend(best.values())
    return hits


# =============================================================================================
# code_answers
# =============================================================================================

def distinct(keys: Iterable[object]) -> tuple[np.ndarray, np.ndarray]:
    """(inverse, first): for each key the number of its distinct value (in order of first
    appearance), and the position where each distinct value first appears. A plain dict, so
    that texts holding NUL characters are compared in full (pandas' factorize truncates them).
    """
    seen: dict[object, int] = {}
    inverse = []
    first = []
    for i, k in enumerate(keys):
        j = seen.get(k)
        if j is None:
            j = seen[k] = len(first)
            first.append(i)
        inverse.append(j)
    return np.asarray(inverse, dtype=np.int64), np.asarray(first, dtype=np.int64)




def _codebook_arg(codebook: Codebook | str | os.PathLike | None) -> Codebook:
    if codebook is None:
        return _default_codebook()
    if isinstance(codebook, Codebook):
        return codebook
    if isinstance(codebook, (str, os.PathLike)):
        return load_codebook(codebook)
    raise ParameterError("The 'codebook' parameter must be a Codebook, a path or None. "
                         f"Got {type(codebook).__name__} instead")


@cache
def _default_codebook() -> Codebook:
    return load_codebook(DEFAULT_CODEBOOK)


def _translations_schema():
    from .translations import TRANSLATIONS  # registered there

    return TRANSLATIONS


def free_text_answers(answers: pd.DataFrame, questions: pd.DataFrame) -> pd.DataFrame:
    """Non-blank answers to free-text questions: response_id, question_id, value."""
    schema.require(answers, "answers", ["response_id", "question_id", "value"], stage="coding")
    schema.require(questions, "questions", ["question_id", "kind"], stage="coding")
    ft = set(questions.loc[questions["kind"].astype(str) == "free_text", "question_id"]
             .astype(str))
    a = answers[answers["question_id"].astype(str).isin(ft)]
    a = a[a["value"].notna()]
    a = a[a["value"].astype(str).str.strip() != ""]
    return pd.DataFrame({"response_id": a["response_id"].astype(str).to_numpy(),
                         "question_id": a["question_id"].astype(str).to_numpy(),
                         "value": a["value"].astype(str).to_numpy()})


def answer_languages(ft: pd.DataFrame, responses: pd.DataFrame | None,
                     languages: pd.DataFrame | None) -> pd.Series:
    """Language per answer: detected (``languages`` table) or else declared."""
    lang = pd.Series([None] * len(ft), index=ft.index, dtype=object)
    if languages is not None and len(languages):
        schema.require(languages, "languages", ["response_id", "question_id", "language"])
        lk = languages.assign(response_id=languages["response_id"].astype(str),
                              question_id=languages["question_id"].astype(str))
        lk = lk.drop_duplicates(["response_id", "question_id"]).set_index(
            ["response_id", "question_id"])["language"].astype(object)
        idx = pd.MultiIndex.from_arrays([ft["response_id"], ft["question_id"]])
        got = lk.reindex(idx).to_numpy(dtype=object)
        lang = pd.Series(got, index=ft.index, dtype=object)
    if responses is not None and "language" in responses.columns:
        r = responses.drop_duplicates("response_id")
        decl = pd.Series(r["language"].astype(object).to_numpy(),
                         index=r["response_id"].astype(str).to_numpy())
        fill = ft["response_id"].map(decl)
        lang = lang.where(lang.notna() & (lang.astype(str) != "<NA>"), fill)
    return lang.map(lambda x: str(x).lower() if isinstance(x, str) and x else None)


def _question_context(questions: pd.DataFrame, codebook: Codebook) -> dict[str, set[str]]:
    """question_id -> codes whose ``context`` patterns match the question (or parent) text."""
    out: dict[str, set[str]] = defaultdict(set)
    texts = dict(zip(questions["question_id"].astype(str),
                     questions["text"].astype(str) if "text" in questions.columns
                     else [""] * len(questions), strict=True))
    parents = (dict(zip(questions["question_id"].astype(str), questions["parent_id"],
                        strict=True)) if "parent_id" in questions.columns else {})
    for code in codebook.leaves:
        if not code.context:
            continue
        rx = re.compile("|".join(f"(?:{c})" for c in code.context), re.IGNORECASE)
        for qid, text in texts.items():
            par = parents.get(qid)
            full = f"{text} {texts.get(par, '')}" if isinstance(par, str) else text
            if rx.search(full):
                out[qid].add(code.id)
    return out


class _Embedder:
    """Adapter: anything with ``transform(texts, langs)`` or ``encode(texts)``."""

    def __init__(self, model: Any) -> None:
        self.model = model

    def __call__(self, texts: list[str], langs: list[str | None]) -> np.ndarray:
        if hasattr(self.model, "transform"):
            emb = self.model.transform(texts, langs)
        else:
            emb = self.model.encode(texts)
        emb = np.asarray(emb, dtype=np.float32)
        norms = np.linalg.norm(emb, axis=1, keepdims=True)
        norms[norms == 0] = 1.0
        return emb / norms


def _resolve_embedder(embedder: Any) -> tuple[_Embedder | None, frozenset[str] | None]:
    """The semantic-matching backend and the languages it covers (None = all)."""
    if embedder is None or embedder is False:
        return None, None
    if isinstance(embedder, str):
        if embedder != "auto":
            raise ParameterError("The 'embedder' parameter must be None, 'auto' or an object "
                                 f"with transform(texts, langs). Got {embedder!r} instead")
        from . import topics

        if not topics.minilm_available():
            return None, None
        return _Embedder(topics.MiniLMBackend()), frozenset({"en"})
    if not (hasattr(embedder, "transform") or hasattr(embedder, "encode")):
        raise ParameterError("The 'embedder' parameter must have a transform(texts, langs) or "
                             f"encode(texts) method. Got {type(embedder).__name__} instead")
    langs = getattr(embedder, "languages", None)
    return _Embedder(embedder), (frozenset(langs) if langs else None)


def code_answers(
    answers: pd.DataFrame,
    questions: pd.DataFrame,
    responses: pd.DataFrame | None = None,
    *,
    codebook: Codebook | str | os.PathLike | None = None,
    languages: pd.DataFrame | None = None,
    translations: pd.DataFrame | None = None,
    redacted_answers: pd.DataFrame | None = None,
    embedder: Any = None,
    min_similarity: float = 0.6,
    progress: Callable[[int, int], None] | None = None,
) -> pd.DataFrame:
    """Code every free-text answer with the codebook, sentence by sentence (multi-label).

    Parameters
    ----------
    answers, questions : ingest tables (free-text answers are coded).
    responses : gives the declared language where ``languages`` has none.
    codebook : a :class:`Codebook`, a path to a YAML codebook, or None (packaged one).
    languages : the ``languages`` table (detected language per answer).
    translations : ``translations`` table; answers with an English translation are also coded
        on it (rows with ``layer = "translation"`` for codes the original did not get).
    redacted_answers : when given, the redacted texts are coded instead of the originals, so
        that spans and sentences hold no personal data (``layer = "redacted"``).
    embedder : semantic matching of sentences to the codes' examples: None (off, the
        default), ``"auto"`` (the optional English MiniLM backend if installed, English
        sentences only) or an object with ``transform(texts, langs)`` / ``encode(texts)``.
        Off by default because it does not pay on the sample: with MiniLM the micro F1 against
        the truth drops from 0.75 to 0.72 (precision 0.71 → 0.64, recall 0.81 → 0.83) and
        the stage costs 37 s of CPU instead of 1 s (``benchmarks/bench_coding.py``).
    min_similarity : cosine a sentence needs to a code example for a semantic match.
    progress : called as ``progress(done, total)`` over the distinct texts.

    Returns
    -------
    pd.DataFrame
        The ``codes`` table (columns in the module docstring), sorted by response_id,
        question_id, start, code_id.
    """
    cb = _codebook_arg(codebook)
    min_similarity = check_float("min_similarity", min_similarity, 0.0, 1.0)
    if progress is not None and not callable(progress):
        raise ParameterError("The 'progress' parameter must be callable or None. "
                             f"Got {type(progress).__name__} instead")
    emb, emb_langs = _resolve_embedder(embedder)
    ft = free_text_answers(answers, questions)
    ft["language"] = answer_languages(ft, responses, languages)
    ft["layer"] = "original"
    if redacted_answers is not None:
        schema.require(redacted_answers, "redacted_answers",
                       ["response_id", "question_id", "text"], stage="coding")
        red = redacted_answers.drop_duplicates(["response_id", "question_id"])
        red_map = dict(zip(zip(red["response_id"].astype(str), red["question_id"].astype(str),
                               strict=True), red["text"], strict=True))
        keys = list(zip(ft["response_id"], ft["question_id"], strict=True))
        has = [isinstance(red_map.get(k), str) for k in keys]
        ft.loc[has, "value"] = [red_map[k] for k, h in zip(keys, has, strict=True) if h]
        ft.loc[has, "layer"] = "redacted"
    units = [ft]
    if translations is not None and len(translations):
        schema.require(translations, _translations_schema(),
                       ["response_id", "question_id", "language", "text"], stage="coding")
        tr = translations[translations["language"].astype(str) == "en"]
        tr = tr.drop_duplicates(["response_id", "question_id"])
        tr = tr.merge(ft[["response_id", "question_id"]], on=["response_id", "question_id"])
        if len(tr):
            units.append(pd.DataFrame({
                "response_id": tr["response_id"].astype(str).to_numpy(),
                "question_id": tr["question_id"].astype(str).to_numpy(),
                "value": tr["text"].astype(str).to_numpy(), "language": "en",
                "layer": "translation"}))
    allu = pd.concat(units, ignore_index=True)
    context = _question_context(questions, cb)

    # distinct (text, language) pairs are coded once
    codes_u, first = distinct(zip(allu["value"], allu["language"].fillna(""), strict=True))
    n_u = len(first)
    log.info("Coding %d answers (%d distinct texts) with codebook %r", len(allu), n_u, cb.name)
    u_text = allu["value"].to_numpy()[first]
    u_lang = allu["language"].to_numpy()[first]
    u_sents: list[list[tuple[int, int]]] = []
    u_hits: list[list[_Hit]] = []
    step = max(1, n_u // 100)
    for i in range(n_u):
        text = str(u_text[i])
        lang = u_lang[i] if isinstance(u_lang[i], str) else None
        sents = split_sentences(text)
        u_sents.append(sents)
        u_hits.append(_code_text(text, lang, cb, sents))
        if progress is not None and (i % step == 0 or i == n_u - 1):
            progress(i + 1, n_u)
    if any(c.patterns for c in cb.leaves):
        _pattern_hits(cb, u_text, u_lang, u_sents, u_hits)
    if emb is not None:
        _semantic_hits(cb, emb, emb_langs, min_similarity, u_text, u_lang, u_sents, u_hits)

    rows = []
    for r, (rid, qid, lang, layer, cu) in enumerate(zip(
            allu["response_id"], allu["question_id"], allu["language"], allu["layer"], codes_u,
            strict=True)):
        hits = u_hits[cu]
        if not hits:
            continue
        text = str(u_text[cu])
        sents = u_sents[cu]
        ctx = context.get(qid, set())
        strong = {h.code_id for h in hits if h.kind != "weak"}
        weak_n: dict[str, int] = defaultdict(int)
        for h in hits:
            if h.kind == "weak" and h.code_id not in strong:
                weak_n[h.code_id] += 1
        for h in hits:
            if h.kind == "weak":
                if h.code_id in strong:
                    continue
                if h.code_id not in ctx and weak_n[h.code_id] < 2:
                    continue
                method, score = "lexical_weak", 1.0
            else:
                method = {"strong": "lexical"}.get(h.kind, h.kind)
                score = h.score
            ss, se = sents[h.sent]
            rows.append((rid, qid, h.code_id, text[h.start:h.end], h.start, h.end, text[ss:se],
                         method, score, ss, se, lang, layer, h.cue, r))
    cols = ["response_id", "question_id", "code_id", "span", "start", "end", "sentence",
            "method", "score", "sentence_start", "sentence_end", "language", "layer", "cue",
            "_row"]
    out = pd.DataFrame(rows, columns=cols)
    if len(out) and (out["layer"] == "translation").any():
        have = set(zip(out.loc[out["layer"] != "translation", "response_id"],
                       out.loc[out["layer"] != "translation", "question_id"],
                       out.loc[out["layer"] != "translation", "code_id"], strict=True))
        tr_rows = out["layer"] == "translation"
        dup = [k in have for k in zip(out["response_id"], out["question_id"], out["code_id"],
                                      strict=True)]
        out = out[~(tr_rows & pd.Series(dup, index=out.index))]
    out = out.sort_values(["response_id", "question_id", "layer", "start", "code_id", "_row"],
                          kind="mergesort").drop(columns="_row").reset_index(drop=True)
    return schema.conform(out, CODES)


def _pattern_hits(cb: Codebook, u_text, u_lang, u_sents, u_hits) -> None:
    from . import nlp

    matchers = _compile_patterns(tuple(cb.leaves))
    by_lang: dict[str | None, list[int]] = defaultdict(list)
    for i, lang in enumerate(u_lang):
        lang = lang if isinstance(lang, str) else None
        if lang in matchers or _ANY in matchers:
            by_lang[lang].append(i)
    for lang, idx in sorted(by_lang.items(), key=lambda kv: str(kv[0])):
        pipe = nlp.pipeline(lang)
        ms = [m for k, m in matchers.items() if k in (lang, _ANY)]
        for i, doc in zip(idx, pipe.pipe([str(u_text[i]) for i in idx], batch_size=256),
                          strict=True):
            have = {(h.code_id, h.sent) for h in u_hits[i]}
            starts = [s for s, _ in u_sents[i]]
            for m in ms:
                for mid, a, b in m(doc):
                    code_id = pipe.vocab.strings[mid].split("\x1f")[0]
                    cs, ce = doc[a].idx, doc[b - 1].idx + len(doc[b - 1])
                    si = max(0, int(np.searchsorted(starts, cs, side="right")) - 1)
                    if not u_sents[i] or (code_id, si) in have:
                        continue
                    have.add((code_id, si))
                    u_hits[i].append(_Hit(code_id, cs, ce, si, "pattern",
                                          f"pattern:{pipe.vocab.strings[mid]}"))


def _semantic_hits(cb: Codebook, emb: _Embedder, emb_langs: frozenset[str] | None,
                   min_similarity: float, u_text, u_lang, u_sents, u_hits) -> None:
    ex_codes, ex_texts, ex_langs = [], [], []
    for code in cb.leaves:
        for lang, ex in code.all_examples():
            if emb_langs is None or lang in emb_langs:
                ex_codes.append(code.id)
                ex_texts.append(ex)
                ex_langs.append(lang)
    if not ex_texts:
        return
    E = emb(ex_texts, ex_langs)
    sent_keys: dict[tuple[str, str | None], int] = {}
    sent_list, sent_langs, owners = [], [], []
    for i, sents in enumerate(u_sents):
        lang = u_lang[i] if isinstance(u_lang[i], str) else None
        if emb_langs is not None and lang not in emb_langs:
            continue
        for si, (s, e) in enumerate(sents):
            t = str(u_text[i])[s:e]
            if len(t.split()) < 4:
                continue
            k = (t, lang)
            if k not in sent_keys:
                sent_keys[k] = len(sent_list)
                sent_list.append(t)
                sent_langs.append(lang)
            owners.append((i, si, sent_keys[k]))
    if not sent_list:
        return
    S = np.vstack([emb(sent_list[j:j + 512], sent_langs[j:j + 512])
                   for j in range(0, len(sent_list), 512)])
    sims = S @ E.T
    code_arr = np.array(ex_codes, dtype=object)
    for i, si, k in owners:
        row = sims[k]
        best: dict[str, tuple[float, int]] = {}
        for j in np.flatnonzero(row >= min_similarity):
            c = code_arr[j]
            if c not in best or row[j] > best[c][0]:
                best[c] = (float(row[j]), int(j))
        have = {(h.code_id, h.sent) for h in u_hits[i]}
        s, e = u_sents[i][si]
        for c, (sim, j) in sorted(best.items()):
            if (c, si) not in have:
                u_hits[i].append(_Hit(c, s, e, si, "semantic", f"example:{ex_texts[j]}",
                                      round(sim, 4)))


def answer_codes(codes: pd.DataFrame, *, min_score: float = 0.0) -> pd.DataFrame:
    """One row per (response_id, question_id, code_id) with the best score and the number of
    sentences coded: response_id, question_id, code_id, score, n_sentences, methods."""
    schema.require(codes, CODES, ["response_id", "question_id", "code_id", "score"])
    c = codes[codes["score"].fillna(0) >= min_score]
    g = c.groupby(["response_id", "question_id", "code_id"], sort=True, observed=True)
    out = g.agg(score=("score", "max"), n_sentences=("code_id", "size"),
                methods=("method", lambda s: ",".join(sorted(set(map(str, s)))))).reset_index()
    return out


_MEASURE_COLS = ["code_id", "n_gold", "n_pred", "n_tp", "precision", "recall", "f1"]


def measure_codes(codes: pd.DataFrame, truth: pd.DataFrame, *,
                  codebook: Codebook | str | os.PathLike | None = None) -> pd.DataFrame:
    """Precision, recall and F1 of ``codes`` against a truth table (for tests and benchmarks).

    Measured at the answer level: a (response_id, question_id, code_id) triple counts once,
    however many sentences carry the code. ``truth`` has ``response_id``, ``question_id`` and
    either ``code_id`` or ``element_id``; element ids are turned into codes through the codes'
    ``related_elements`` (an element related to several codes makes each of them gold). Only
    codes that can be gold are measured (with ``element_id``, the codes that have related
    elements); machine codes on answers without any truth row count as false positives.

    Returns
    -------
    pd.DataFrame
        One row per measured code (codebook order), then ``(micro)`` (pooled counts) and
        ``(macro)`` (mean of the per-code values): code_id, n_gold, n_pred, n_tp, precision,
        recall, f1 (NaN where undefined).
    """
    cb = _codebook_arg(codebook)
    schema.require(codes, CODES, ["response_id", "question_id", "code_id"], stage="measure")
    if not isinstance(truth, pd.DataFrame) or not {"response_id", "question_id"} <= set(
            truth.columns) or not ({"code_id", "element_id"} & set(truth.columns)):
        raise ParameterError("The 'truth' parameter must be a DataFrame with response_id, "
                             "question_id and code_id or element_id columns")
    gold: set[tuple[str, str, str]] = set()
    if "code_id" in truth.columns:
        measured = [c.id for c in cb.leaves if c.id in set(truth["code_id"].astype(str))]
        gold = {(str(r), str(q), str(c)) for r, q, c in zip(
            truth["response_id"], truth["question_id"], truth["code_id"], strict=True)}
    else:
        el2codes: dict[str, list[str]] = defaultdict(list)
        for c in cb.leaves:
            for e in c.related_elements:
                el2codes[e].append(c.id)
        measured = [c.id for c in cb.leaves if c.related_elements]
        gold = {(str(r), str(q), c) for r, q, e in zip(
            truth["response_id"], truth["question_id"], truth["element_id"], strict=True)
            for c in el2codes.get(str(e), ())}
    pred = {(str(r), str(q), str(c)) for r, q, c in zip(
        codes["response_id"], codes["question_id"], codes["code_id"], strict=True)}

    def row(code_id: str, g: int, p: int, tp: int) -> dict[str, Any]:
        prec = tp / p if p else np.nan
        rec = tp / g if g else np.nan
        f1 = 2 * tp / (g + p) if g + p else np.nan
        return {"code_id": code_id, "n_gold": g, "n_pred": p, "n_tp": tp, "precision": prec,
                "recall": rec, "f1": f1}

    rows = []
    for c in measured:
        gc = {k for k in gold if k[2] == c}
        pc = {k for k in pred if k[2] == c}
        rows.append(row(c, len(gc), len(pc), len(gc & pc)))
    out = pd.DataFrame(rows, columns=_MEASURE_COLS)
    tot = out[["n_gold", "n_pred", "n_tp"]].sum()
    micro = row("(micro)", int(tot["n_gold"]), int(tot["n_pred"]), int(tot["n_tp"]))
    macro = {"code_id": "(macro)", **{k: int(tot[k]) for k in ("n_gold", "n_pred", "n_tp")},
             **{m: float(out[m].mean()) if len(out) else np.nan
                for m in ("precision", "recall", "f1")}}
    return pd.concat([out, pd.DataFrame([micro, macro], columns=_MEASURE_COLS)],
                     ignore_index=True)


# =============================================================================================
# Human coding round-trip: coding sheets and agreement
# =============================================================================================

SHEET_CODING = "coding"
SHEET_CODEBOOK = "codebook"
SHEET_INSTRUCTIONS = "instructions"
SHEET_META = "meta"
_FIXED = ["item", "response_id", "question_id", "question", "stakeholder_type", "language",
          "answer"]
_TRUE = {"1", "x", "yes", "true", "y"}
_FALSE = {"0", "", "no", "false", "n", "-"}
RARE_PREVALENCE = 0.05
RARE_MIN_POSITIVES = 5

INSTRUCTIONS = """How to code
1. Read each answer in the sheet "coding" (one row per answer; personal data is replaced by
   placeholders such as [PERSON]).
2. For every code that applies to the answer, type 1 in that code's column. Leave the cell
   empty (or type 0) when the code does not apply. An answer can have several codes, or none.
3. Codes, definitions, what to include and exclude, and examples are in the sheet "codebook".
   Grouping codes (parents) are not coded directly.
4. Code the answer as written, in its own language; do not guess what the respondent meant.
5. Use the "comment" column for doubts. Do not edit, add, delete or re-order rows, and do not
   change the answer text or the ids: the sheet is checked when it is read back.
6. Code on your own: do not compare with the other coder until both sheets are returned.
"""


@dataclass
class CodingResult:
    """Filled coding sheets read back, with agreement statistics.

    Attributes
    ----------
    human : long table coder, item, response_id, question_id, code_id, value (0/1).
    agreement : one row per code: code_id, n_items, n_coders, prevalence (share of 1s over
        coders and items), n_positive (1s over coders), pct_agreement (mean over coder pairs),
        cohens_kappa (mean over coder pairs), krippendorff_alpha (nominal), warning.
    alpha : Krippendorff's α (nominal) over all items × codes.
    vs_machine : one row per coder and code (and ``code_id = "(all)"``): pct_agreement,
        cohens_kappa, precision and recall of the machine codes against the coder, n_human,
        n_machine, n_both. Empty when no ``codes`` were given.
    coders : coder labels, in file order.
    sample_id : id of the exported sample the sheets belong to.
    warnings : human-readable warnings (codes whose κ is unstable because they are rare).
    comments : the coders' comments, ``"<coder>: item <n>: <comment>"`` (free text written by
        the coders: kept out of the manifest and the published reports).
    """

    human: pd.DataFrame
    agreement: pd.DataFrame
    alpha: float
    vs_machine: pd.DataFrame
    coders: list[str]
    sample_id: str
    warnings: list[str] = field(default_factory=list)
    comments: list[str] = field(default_factory=list)


def _text_hash(*parts: object) -> str:
    h = hashlib.sha256()
    for p in parts:
        h.update(str(p).encode("utf-8"))
        h.update(b"\x00")
    return h.hexdigest()[:16]


def _allocate(sizes: pd.Series, n: int) -> pd.Series:
    """Proportional allocation of ``n`` over strata (largest remainder), at least one per
    stratum while ``n`` allows, never more than a stratum holds."""
    sizes = sizes[sizes > 0]
    total = int(sizes.sum())
    n = min(n, total)
    alloc = pd.Series(0, index=sizes.index, dtype=int)
    if n == 0:
        return alloc
    order = sorted(sizes.index, key=lambda k: (-int(sizes[k]), str(k)))
    if n >= len(order):
        alloc[:] = 1
    else:
        for k in order[:n]:
            alloc[k] = 1
        return alloc
    rest = n - int(alloc.sum())
    while rest > 0:
        room = sizes - alloc
        quota = sizes / total * n - alloc
        quota[room <= 0] = -np.inf
        if not np.isfinite(quota.max()):
            break
        cands = quota[quota == quota.max()].index
        pick = sorted(cands, key=lambda k: (-int(sizes[k]), str(k)))[0]
        alloc[pick] += 1
        rest -= 1
    return alloc


def sample_for_coding(
    answers: pd.DataFrame, questions: pd.DataFrame, responses: pd.DataFrame, *,
    n: int = 100, seed: int = 0, languages: pd.DataFrame | None = None,
    redacted_answers: pd.DataFrame | None = None, min_words: int = 3,
) -> pd.DataFrame:
    """Reproducible sample of free-text answers stratified by stakeholder type × language.

    Returns item, response_id, question_id, question, stakeholder_type, language, answer
    (redacted text; without ``redacted_answers`` only answers of respondents who chose public
    publication are eligible), stratum.
    """
    n = check_int("n", n, 1)
    seed = check_int("seed", seed, 0)
    min_words = check_int("min_words", min_words, 0)
    schema.require(responses, "responses", ["response_id", "stakeholder_type"], stage="coding")
    ft = free_text_answers(answers, questions)
    ft["language"] = answer_languages(ft, responses, languages)
    resp = responses.drop_duplicates("response_id").set_index(
        responses.drop_duplicates("response_id")["response_id"].astype(str))
    ft["stakeholder_type"] = ft["response_id"].map(resp["stakeholder_type"].astype(object))
    ft["stakeholder_type"] = ft["stakeholder_type"].fillna("not_disclosed")
    if redacted_answers is not None:
        schema.require(redacted_answers, "redacted_answers",
                       ["response_id", "question_id", "text"], stage="coding")
        red = redacted_answers.drop_duplicates(["response_id", "question_id"])
        m = dict(zip(zip(red["response_id"].astype(str), red["question_id"].astype(str),
                         strict=True), red["text"], strict=True))
        ft["answer"] = [m.get(k) for k in zip(ft["response_id"], ft["question_id"],
                                               strict=True)]
        ft = ft[ft["answer"].map(lambda x: isinstance(x, str))]
    else:
        pub = ft["response_id"].map(resp["publication"].astype(object)) \
            if "publication" in resp.columns else pd.Series("anonymous", index=ft.index)
        dropped = int((pub != "public").sum())
        if dropped:
            log.warning("No redacted_answers given: %d answers of respondents who did not "
                        "choose public publication are left out of the coding sample", dropped)
        ft = ft[(pub == "public").to_numpy()].assign(answer=lambda d: d["value"])
    ft = ft[ft["answer"].str.split().str.len() >= min_words]
    qtext = dict(zip(questions["question_id"].astype(str),
                     questions["text"].astype(str) if "text" in questions.columns else "",
                     strict=True))
    ft = ft.sort_values(["response_id", "question_id"], kind="mergesort").reset_index(drop=True)
    ft["stratum"] = ft["stakeholder_type"].astype(str) + "|" + ft["language"].fillna("?")
    sizes = ft.groupby("stratum").size()
    alloc = _allocate(sizes, n)
    rng = np.random.default_rng(seed)
    picked = []
    for stratum in sorted(alloc.index):
        k = int(alloc[stratum])
        if k == 0:
            continue
        idx = np.flatnonzero((ft["stratum"] == stratum).to_numpy())
        picked.extend(idx[np.sort(rng.permutation(len(idx))[:k])])
    out = ft.iloc[sorted(picked)].copy()
    order = rng.permutation(len(out))       # items in a random (seeded) order
    out = out.iloc[order].reset_index(drop=True)
    out.insert(0, "item", np.arange(1, len(out) + 1))
    out["question"] = out["question_id"].map(qtext)
    return out[["item", "response_id", "question_id", "question", "stakeholder_type",
                "language", "answer", "stratum"]]


def export_coding_sheets(
    answers: pd.DataFrame,
    questions: pd.DataFrame,
    responses: pd.DataFrame,
    codes: pd.DataFrame | None,
    out_dir: str | os.PathLike,
    *,
    n: int = 100,
    coders: int = 2,
    seed: int = 0,
    codebook: Codebook | str | os.PathLike | None = None,
    languages: pd.DataFrame | None = None,
    redacted_answers: pd.DataFrame | None = None,
) -> list[Path]:
    """Write one XLSX coding sheet per coder for a stratified, reproducible sample.

    Each workbook has the sheets ``coding`` (one row per answer: item, ids, question,
    stakeholder type, language, the redacted answer, one column per code with a 0/1 drop-down,
    comment), ``codebook``, ``instructions`` and a hidden ``meta`` sheet (sample id, coder,
    seed, codebook hash and a checksum per row, used by :func:`import_coding_sheets`). Machine
    codes are not shown (blind coding); ``codes`` is accepted for symmetry with the import
    and only used to log how many sampled answers the machine coded.

    Returns the paths written: ``<out_dir>/coding_sheet_coder<k>.xlsx``.
    """
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    coders = check_int("coders", coders, 1, 26)
    cb = _codebook_arg(codebook)
    sample = sample_for_coding(answers, questions, responses, n=n, seed=seed,
                               languages=languages, redacted_answers=redacted_answers)
    if sample.empty:
        raise ParameterError("No free-text answer can be sampled for coding",
                             fix="pass redacted_answers (anonymous answers are only quoted "
                                 "redacted) or lower min_words")
    if codes is not None and len(codes):
        coded = set(zip(codes["response_id"].astype(str), codes["question_id"].astype(str),
                        strict=True))
        n_coded = sum(k in coded for k in zip(sample["response_id"], sample["question_id"],
                                              strict=True))
        log.info("Coding sample: %d of %d answers have machine codes", n_coded, len(sample))
    leaves = cb.leaves
    sample_id = _text_hash(seed, cb.name, *sample["response_id"], *sample["question_id"])[:12]
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    paths = []
    header_fill = PatternFill("solid", fgColor="DDDDDD")
    for k in range(1, coders + 1):
        wb = Workbook()
        ws = wb.active
        ws.title = SHEET_CODING
        head = _FIXED + [c.id for c in leaves] + ["comment"]
        ws.append(head)
        for col, _ in enumerate(head, start=1):
            cell = ws.cell(row=1, column=col)
            cell.font = Font(bold=True)
            cell.fill = header_fill
            cell.alignment = Alignment(wrap_text=True, vertical="top", text_rotation=(
                90 if col > len(_FIXED) and col < len(head) else 0))
        for rec in sample.itertuples(index=False):
            ws.append([int(rec.item), rec.response_id, rec.question_id, rec.question,
                       rec.stakeholder_type, rec.language or "", rec.answer]
                      + [None] * len(leaves) + [None])
        first_code = len(_FIXED) + 1
        last_code = len(_FIXED) + len(leaves)
        dv = DataValidation(type="list", formula1='"1,0"', allow_blank=True,
                            showErrorMessage=True, errorTitle="0 or 1",
                            error="Type 1 if the code applies, leave empty (or 0) if not.")
        dv.add(f"{get_column_letter(first_code)}2:{get_column_letter(last_code)}"
               f"{len(sample) + 1}")
        ws.add_data_validation(dv)
        widths = {"item": 6, "response_id": 18, "question_id": 10, "question": 30,
                  "stakeholder_type": 16, "language": 6, "answer": 80}
        for col, name in enumerate(head, start=1):
            ws.column_dimensions[get_column_letter(col)].width = widths.get(
                name, 30 if name == "comment" else 5)
        for row in ws.iter_rows(min_row=2, max_col=len(_FIXED)):
            for cell in row:
                cell.alignment = Alignment(wrap_text=True, vertical="top")
        ws.freeze_panes = ws.cell(row=2, column=first_code)
        ws.row_dimensions[1].height = 150

        wcb = wb.create_sheet(SHEET_CODEBOOK)
        frame = cb.to_frame()
        wcb.append(list(frame.columns))
        for rec in frame.itertuples(index=False):
            wcb.append([("" if (v is None or (isinstance(v, float) and np.isnan(v))) else
                         (str(v) if not isinstance(v, bool) else ("yes" if v else "")))
                        for v in rec])
        for col, w in zip("ABCDEFGHI", (24, 14, 30, 60, 40, 40, 60, 16, 8), strict=True):
            wcb.column_dimensions[col].width = w
        for row in wcb.iter_rows(min_row=1):
            for cell in row:
                cell.alignment = Alignment(wrap_text=True, vertical="top")

        wi = wb.create_sheet(SHEET_INSTRUCTIONS)
        for line in INSTRUCTIONS.splitlines():
            wi.append([line])
        wi.column_dimensions["A"].width = 100

        wm = wb.create_sheet(SHEET_META)
        wm.append(["key", "value"])
        for key, val in (("sample_id", sample_id), ("coder", f"coder{k}"), ("seed", seed),
                         ("n", len(sample)), ("codebook", cb.name),
                         ("codebook_sha256", cb.sha256()),
                         ("codes", ",".join(c.id for c in leaves))):
            wm.append([key, val])
        wm.append([])
        wm.append(["item", "response_id", "question_id", "checksum"])
        for rec in sample.itertuples(index=False):
            wm.append([int(rec.item), rec.response_id, rec.question_id,
                       _text_hash(rec.response_id, rec.question_id, rec.answer)])
        wm.sheet_state = "hidden"
        p = out / f"coding_sheet_coder{k}.xlsx"
        wb.save(p)
        paths.append(p)
    log.info("Wrote %d coding sheets with %d answers each to %s", coders, len(sample), out)
    return paths


def _read_sheet(path: Path, cb: Codebook | None) -> tuple[dict, pd.DataFrame, list[str]]:
    from openpyxl import load_workbook

    try:
        wb = load_workbook(path, data_only=True)
    except Exception as exc:  # openpyxl raises many types on a broken file
        raise CodingSheetError(f"Cannot read coding sheet {path.name!r}",
                               found=f"{type(exc).__name__}: {str(exc)[:200]}",
                               expected="an XLSX file written by export_coding_sheets") from exc
    for name in (SHEET_CODING, SHEET_META):
        if name not in wb.sheetnames:
            raise CodingSheetError(f"Coding sheet {path.name!r} has no {name!r} sheet",
                                   found=f"sheets {bounded_list(wb.sheetnames)}",
                                   fix="return the workbook as exported, without renaming or "
                                       "deleting sheets")
    meta_rows = list(wb[SHEET_META].iter_rows(values_only=True))
    meta: dict[str, Any] = {}
    checks: dict[int, tuple[str, str, str]] = {}
    in_items = False
    for row in meta_rows[1:]:
        if not row or row[0] is None:
            continue
        if row[0] == "item":
            in_items = True
            continue
        if in_items:
            checks[int(row[0])] = (str(row[1]), str(row[2]), str(row[3]))
        else:
            meta[str(row[0])] = row[1]
    if "sample_id" not in meta or not checks:
        raise CodingSheetError(f"The meta sheet of {path.name!r} was changed",
                               fix="export the sheets again")
    rows = list(wb[SHEET_CODING].iter_rows(values_only=True))
    if not rows:
        raise CodingSheetError(f"The coding sheet of {path.name!r} is empty")
    head = ["" if h is None else str(h).strip() for h in rows[0]]
    if head[:len(_FIXED)] != _FIXED:
        raise CodingSheetError(f"The first columns of {path.name!r} were changed",
                               expected=", ".join(_FIXED),
                               found=bounded_list(head[:len(_FIXED)], 7))
    code_cols = [h for h in head[len(_FIXED):] if h and h != "comment"]
    exported = str(meta.get("codes") or "").split(",")
    valid = set(cb.ids) if cb is not None else set(exported)
    unknown = [c for c in code_cols if c not in valid]
    if unknown:
        hints = "".join(did_you_mean(u, sorted(valid)) for u in unknown[:3])
        raise CodingSheetError(f"{path.name}: unknown code column(s) {bounded_list(unknown)}"
                               f"{hints}", expected=f"codes {bounded_list(sorted(valid), 8)}",
                               fix="restore the code ids in the header row")
    missing = [c for c in exported if c and c not in code_cols]
    if missing:
        raise CodingSheetError(f"{path.name}: code column(s) {bounded_list(missing)} were "
                               "deleted", fix="restore the columns (leave them empty if the "
                                              "code never applies)")
    comments: list[str] = []
    recs = []
    seen_items: set[int] = set()
    edited, bad_values, extra = [], [], []
    ci = {h: i for i, h in enumerate(head)}
    for r, row in enumerate(rows[1:], start=2):
        if row is None or all(v is None or str(v).strip() == "" for v in row):
            continue
        row = list(row) + [None] * (len(head) - len(row))
        try:
            item = int(row[0])
        except (TypeError, ValueError):
            extra.append(f"row {r}")
            continue
        if item not in checks or item in seen_items:
            extra.append(f"row {r} (item {item})")
            continue
        seen_items.add(item)
        rid, qid, chk = checks[item]
        answer = "" if row[ci["answer"]] is None else str(row[ci["answer"]])
        if (str(row[1]), str(row[2])) != (rid, qid) or _text_hash(rid, qid, answer) != chk:
            edited.append(f"row {r} (item {item})")
            continue
        for c in code_cols:
            v = row[ci[c]]
            s = "" if v is None else str(v).strip().lower()
            if isinstance(v, bool):
                s = "1" if v else "0"
            if isinstance(v, (int, float)) and not isinstance(v, bool) and float(v) in (0, 1):
                s = str(int(v))
            if s in _TRUE:
                val = 1
            elif s in _FALSE:
                val = 0
            else:
                bad_values.append(f"{c}{r}={v!r}")
                continue
            recs.append((item, rid, qid, c, val))
        if "comment" in ci and row[ci["comment"]] not in (None, ""):
            comments.append(f"{meta.get('coder')}: item {item}: {str(row[ci['comment']])[:200]}")
    problems = []
    if edited:
        problems.append(f"edited ids or answer text in {bounded_list(edited)}")
    lost = sorted(set(checks) - seen_items)
    if lost:
        problems.append(f"missing item(s) {bounded_list(lost)}")
    if extra:
        problems.append(f"rows that are not exported items: {bounded_list(extra)}")
    if bad_values:
        problems.append(f"values other than 1/0/empty: {bounded_list(bad_values)}")
    if problems:
        raise CodingSheetError(f"{path.name}: " + "; ".join(problems),
                               fix="undo the edits (rows and answer texts must stay as "
                                   "exported; code cells take 1, 0 or nothing)")
    human = pd.DataFrame(recs, columns=["item", "response_id", "question_id", "code_id",
                                        "value"])
    return meta, human, comments


def _kappa(a: np.ndarray, b: np.ndarray) -> float:
    from sklearn.metrics import cohen_kappa_score

    if len(a) == 0:
        return float("nan")
    if np.unique(np.concatenate([a, b])).size < 2:
        return float("nan")
    with np.errstate(divide="ignore", invalid="ignore"):
        return float(cohen_kappa_score(a, b, labels=[0, 1]))


def _alpha(mat: np.ndarray) -> float:
    import krippendorff

    if mat.size == 0 or np.unique(mat[~np.isnan(mat)]).size < 2:
        return float("nan")
    return float(krippendorff.alpha(reliability_data=mat, level_of_measurement="nominal"))


def import_coding_sheets(
    paths: Iterable[str | os.PathLike],
    *,
    codes: pd.DataFrame | None = None,
    codebook: Codebook | str | os.PathLike | None = None,
) -> CodingResult:
    """Read filled coding sheets back and measure agreement (see :class:`CodingResult`).

    Every sheet is validated against its hidden ``meta`` sheet: code ids in the header must be
    codebook ids, no row may be missing, added, or have its ids or answer text edited, and code
    cells take 1, 0 or nothing (``x`` counts as 1). Errors name the file, the rows and the
    cells. All sheets must come from one export (same sample id) and have distinct coders.
    With ``codes`` (the machine ``codes`` table), each coder is compared with the machine.
    A warning is added for codes whose κ is unstable because they are rare (prevalence below
    5 %, or fewer than 5 positive codings).
    """
    cb = _codebook_arg(codebook) if codebook is not None else _default_codebook()
    paths = [Path(p) for p in paths]
    if not paths:
        raise ParameterError("The 'paths' parameter must name at least one coding sheet")
    metas, frames, warnings, comments = [], [], [], []
    for p in paths:
        meta, human, notes = _read_sheet(p, cb)
        metas.append(meta)
        frames.append(human.assign(coder=str(meta.get("coder") or p.stem)))
        comments.extend(notes)
    sample_ids = {str(m["sample_id"]) for m in metas}
    if len(sample_ids) > 1:
        raise CodingSheetError("The coding sheets come from different exports",
                               found=f"sample ids {bounded_list(sorted(sample_ids))}",
                               fix="import sheets of one export together")
    coders = [str(m.get("coder")) for m in metas]
    dup = sorted({c for c in coders if coders.count(c) > 1})
    if dup:
        raise CodingSheetError(f"Coder(s) {bounded_list(dup)} appear in several files",
                               fix="import one sheet per coder")
    human = pd.concat(frames, ignore_index=True)[["coder", "item", "response_id", "question_id",
                                                  "code_id", "value"]]
    human = human.sort_values(["coder", "item", "code_id"], kind="mergesort").reset_index(
        drop=True)
    code_ids = [c.id for c in cb.leaves if c.id in set(human["code_id"])]
    items = sorted(set(human["item"]))
    cube = np.full((len(coders), len(items), len(code_ids)), np.nan)
    ii = {it: k for k, it in enumerate(items)}
    cc = {c: k for k, c in enumerate(code_ids)}
    ki = {c: k for k, c in enumerate(coders)}
    cube[human["coder"].map(ki).to_numpy(), human["item"].map(ii).to_numpy(),
         human["code_id"].map(cc).to_numpy()] = human["value"].to_numpy(dtype=float)
    rows = []
    for c, j in cc.items():
        mat = cube[:, :, j]
        n_pos = int(np.nansum(mat))
        prev = float(np.nanmean(mat)) if mat.size else float("nan")
        pcts, kappas = [], []
        for a in range(len(coders)):
            for b in range(a + 1, len(coders)):
                x, y = mat[a], mat[b]
                ok = ~(np.isnan(x) | np.isnan(y))
                pcts.append(float(np.mean(x[ok] == y[ok])) if ok.any() else np.nan)
                kappas.append(_kappa(x[ok].astype(int), y[ok].astype(int)))
        warn = ""
        if len(coders) > 1 and (prev < RARE_PREVALENCE or prev > 1 - RARE_PREVALENCE
                                or n_pos < RARE_MIN_POSITIVES):
            warn = (f"kappa unstable: code is rare ({n_pos} positive codings in "
                    f"{len(items)} items x {len(coders)} coders, prevalence {prev:.1%})")
            warnings.append(f"{c}: {warn}")
        rows.append({
            "code_id": c, "n_items": len(items), "n_coders": len(coders), "prevalence": prev,
            "n_positive": n_pos,
            "pct_agreement": float(np.nanmean(pcts)) if pcts else np.nan,
            "cohens_kappa": (float(np.nanmean(kappas)) if kappas and not all(
                np.isnan(kappas)) else np.nan),
            "krippendorff_alpha": _alpha(mat) if len(coders) > 1 else np.nan,
            "warning": warn or None,
        })
    agreement = pd.DataFrame(rows, columns=["code_id", "n_items", "n_coders", "prevalence",
                                            "n_positive", "pct_agreement", "cohens_kappa",
                                            "krippendorff_alpha", "warning"])
    alpha = _alpha(cube.reshape(len(coders), -1)) if len(coders) > 1 else float("nan")
    vs = _vs_machine(human, codes, code_ids, coders) if codes is not None else pd.DataFrame(
        columns=_VS_COLS)
    sid = sample_ids.pop()
    log.info("Imported %d coding sheets (%d items, %d codes): alpha %.3f", len(paths),
             len(items), len(code_ids), alpha)
    return CodingResult(human=human, agreement=agreement, alpha=alpha, vs_machine=vs,
                        coders=coders, sample_id=sid, warnings=warnings, comments=comments)


_VS_COLS = ["coder", "code_id", "n_items", "n_human", "n_machine", "n_both", "pct_agreement",
            "cohens_kappa", "precision", "recall"]


def _vs_machine(human: pd.DataFrame, codes: pd.DataFrame, code_ids: list[str],
                coders: list[str]) -> pd.DataFrame:
    schema.require(codes, CODES, ["response_id", "question_id", "code_id"])
    machine = set(zip(codes["response_id"].astype(str), codes["question_id"].astype(str),
                      codes["code_id"].astype(str), strict=True))
    h = human.assign(machine=[int((r, q, c) in machine) for r, q, c in zip(
        human["response_id"], human["question_id"], human["code_id"], strict=True)])
    rows = []
    for coder in coders:
        hc = h[h["coder"] == coder]
        for c in [*code_ids, "(all)"]:
            sub = hc if c == "(all)" else hc[hc["code_id"] == c]
            x = sub["value"].to_numpy(dtype=int)
            y = sub["machine"].to_numpy(dtype=int)
            both = int((x & y).sum())
            rows.append({
                "coder": coder, "code_id": c, "n_items": int(sub["item"].nunique()),
                "n_human": int(x.sum()), "n_machine": int(y.sum()), "n_both": both,
                "pct_agreement": float(np.mean(x == y)) if len(x) else np.nan,
                "cohens_kappa": _kappa(x, y),
                "precision": both / int(y.sum()) if y.sum() else np.nan,
                "recall": both / int(x.sum()) if x.sum() else np.nan,
            })
    return pd.DataFrame(rows, columns=_VS_COLS)


def agreement_table(result: CodingResult) -> pd.DataFrame:
    """The ``coding_agreement`` table (see :data:`consultation.schema.CODING_AGREEMENT`) of
    imported coding sheets.

    Rows ``comparison = "coders"``: one per code (as in ``result.agreement``) and ``(all)``
    (every item × code cell pooled; Krippendorff's α over all of them). Rows
    ``comparison = "machine_vs_<coder>"``: each coder against the machine codes, per code and
    ``(all)``, with the machine's precision and recall taking the coder as the truth.
    """
    if not isinstance(result, CodingResult):
        raise ParameterError("The 'result' parameter must be the CodingResult of "
                             f"import_coding_sheets. Got {type(result).__name__} instead")
    rows: list[dict[str, Any]] = []
    ag = result.agreement
    for rec in ag.to_dict("records"):
        rows.append({"comparison": "coders", **{k: rec[k] for k in (
            "code_id", "n_items", "n_coders", "n_positive", "prevalence", "pct_agreement",
            "cohens_kappa", "krippendorff_alpha", "warning")}})
    h = result.human
    n_coders = len(result.coders)
    if len(h):
        wide = h.pivot_table(index=["item", "code_id"], columns="coder", values="value",
                             aggfunc="first")
        pcts, kappas = [], []
        for a in range(n_coders):
            for b in range(a + 1, n_coders):
                x, y = wide[result.coders[a]], wide[result.coders[b]]
                ok = x.notna() & y.notna()
                pcts.append(float((x[ok] == y[ok]).mean()) if ok.any() else np.nan)
                kappas.append(_kappa(x[ok].to_numpy(int), y[ok].to_numpy(int)))
        n_pos = int(h["value"].sum())
        rows.insert(0, {
            "comparison": "coders", "code_id": "(all)", "n_items": int(h["item"].nunique()),
            "n_coders": n_coders, "n_positive": n_pos,
            "prevalence": n_pos / len(h),
            "pct_agreement": float(np.nanmean(pcts)) if pcts else np.nan,
            "cohens_kappa": (float(np.nanmean(kappas)) if kappas and not all(
                np.isnan(kappas)) else np.nan),
            "krippendorff_alpha": result.alpha, "warning": None})
    n_codes = max(1, int(h["code_id"].nunique())) if len(h) else 1
    for rec in result.vs_machine.to_dict("records"):
        n_items = int(rec["n_items"])
        cells = n_items * (n_codes if rec["code_id"] == "(all)" else 1)
        prev = rec["n_human"] / cells if cells else np.nan
        warn = None
        if rec["code_id"] != "(all)" and (rec["n_human"] < RARE_MIN_POSITIVES
                                          or not RARE_PREVALENCE <= prev <= 1 - RARE_PREVALENCE):
            warn = (f"kappa unstable: code is rare ({int(rec['n_human'])} positive codings by "
                    f"{rec['coder']} in {n_items} items, prevalence {prev:.1%})")
        rows.append({"comparison": f"machine_vs_{rec['coder']}", "code_id": rec["code_id"],
                     "n_items": n_items, "n_coders": 1, "n_positive": int(rec["n_human"]),
                     "prevalence": prev, "pct_agreement": rec["pct_agreement"],
                     "cohens_kappa": rec["cohens_kappa"], "precision": rec["precision"],
                     "recall": rec["recall"], "warning": warn})
    out = pd.DataFrame(rows, columns=schema.CODING_AGREEMENT.names)
    # coders first, then each coder's machine comparison; "(all)" first within each
    comp_order = {c: k for k, c in enumerate(
        ["coders", *(f"machine_vs_{c}" for c in result.coders)])}
    out = out.assign(_c=out["comparison"].map(comp_order),
                     _a=(out["code_id"] != "(all)").astype(int))
    out = out.sort_values(["_c", "_a"], kind="mergesort").drop(columns=["_c", "_a"])
    out["sample_id"] = result.sample_id
    return schema.conform(out, schema.CODING_AGREEMENT)


def _workspace(workspace: Any):
    from .workspace import Workspace

    return workspace if isinstance(workspace, Workspace) else Workspace.open(workspace)


def _table_or_none(ws: Any, name: str) -> pd.DataFrame | None:
    return ws.read(name) if name in ws.tables else None


def export_coding(
    workspace: Any, out_dir: str | os.PathLike | None = None, *, n: int = 100,
    coders: int = 2, seed: int = 0, codebook: Codebook | str | os.PathLike | None = None,
) -> list[Path]:
    """:func:`export_coding_sheets` for a workspace: reads its tables (``languages``,
    ``redacted_answers`` and ``codes`` when present) and writes the sheets to ``out_dir``
    (default ``<workspace>/coding``); the export is recorded in the manifest
    (stage ``coding_export``)."""
    ws = _workspace(workspace)
    out = Path(out_dir) if out_dir is not None else ws.path / "coding"
    opt = {name: _table_or_none(ws, name) for name in ("codes", "languages",
                                                        "redacted_answers")}
    t0 = time.perf_counter()
    paths = export_coding_sheets(ws["answers"], ws["questions"], ws["responses"], opt["codes"],
                                 out, n=n, coders=coders, seed=seed, codebook=codebook,
                                 languages=opt["languages"],
                                 redacted_answers=opt["redacted_answers"])
    ws.record_stage("coding_export", parameters={
        "n": n, "coders": coders, "seed": seed,
        "codebook": str(codebook) if isinstance(codebook, (str, os.PathLike)) else
        (codebook.name if isinstance(codebook, Codebook) else "micro_credentials")},
        seconds=round(time.perf_counter() - t0, 3), outputs=[str(p) for p in paths])
    ws.save_manifest()
    return paths


def import_coding(
    workspace: Any, paths: Iterable[str | os.PathLike], *,
    codebook: Codebook | str | os.PathLike | None = None,
) -> CodingResult:
    """:func:`import_coding_sheets` for a workspace: compares the coders with each other and
    with the workspace's ``codes`` (when present), writes the ``coding_agreement`` table
    (:func:`agreement_table`) and records stage ``coding_agreement`` in the manifest (also as
    ``agreement`` under the ``coding`` stage, where the report's methods annex looks)."""
    ws = _workspace(workspace)
    paths = [Path(p) for p in paths]
    t0 = time.perf_counter()
    res = import_coding_sheets(paths, codes=_table_or_none(ws, "codes"), codebook=codebook)
    table = agreement_table(res)
    ws.write("coding_agreement", table)
    summary = {"sample_id": res.sample_id, "coders": res.coders,
               "n_items": int(res.human["item"].nunique()) if len(res.human) else 0,
               "krippendorff_alpha": None if np.isnan(res.alpha) else round(res.alpha, 4),
               "n_comments": len(res.comments)}
    ws.record_stage("coding_agreement", parameters={"sheets": [p.name for p in paths]},
                    seconds=round(time.perf_counter() - t0, 3),
                    outputs={"coding_agreement": len(table)}, **summary)
    coding_stage = ws.manifest.get("stages", {}).get("coding")
    if isinstance(coding_stage, dict):
        coding_stage["agreement"] = summary
    ws.add_warnings(res.warnings, stage="coding_agreement")
    ws.save_manifest()
    return res
