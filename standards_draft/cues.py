"""Search cues: a tiny pattern language over folded words and lemmas, compiled for speed.

Syntax (one cue is one string)::

    cue      := group (" + " group)*            all groups occur in the sentence, any order
    group    := segment (" ... " segment)*      up to ``GAP`` other words between segments
    segment  := phrase ("|" phrase)*            alternatives
    phrase   := word (" " word)*                consecutive words
    word     := "learner" | "recogn*" | "*anerkenn*" | "*ship" | "#"
                (exact word or lemma | prefix | part of a compound | suffix | any number)

Cues are folded like the text (case and accents ignored; hyphens and apostrophes split
words), so ``micro-credential*`` is the phrase ``micro credential*``. A trailing ``@0.5`` sets a
cue's weight. Matching never scans every cue: each distinct word pattern gets an id, each
vocabulary form is resolved once to the set of pattern ids it satisfies (exact lookups, then
prefixes, then compound parts), and a cue is only tried when its first segment's words occur.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from .errors import CueSyntaxError
from .text import TOKEN_RE, Token, fold

__all__ = ["GAP", "Cue", "CueIndex", "WordTable", "match_cue", "match_group", "parse_cue",
           "positions_of"]

GAP = 3  # words allowed between the segments of a group ("...")


@dataclass(frozen=True)
class Cue:
    """A compiled cue: ``groups[g][s][a]`` is the tuple of word ids of alternative ``a`` of
    segment ``s`` of group ``g``."""

    text: str
    groups: tuple[tuple[tuple[tuple[int, ...], ...], ...], ...]
    weight: float = 1.0
    tag: object = None  # what the cue belongs to (element id, stance category, ...)
    index: tuple = field(default=(), compare=False, repr=False)  # segments by first word

    def __post_init__(self) -> None:
        if not self.index:
            object.__setattr__(self, "index", tuple(
                tuple(_by_first(seg) for seg in g) for g in self.groups))


class WordTable:
    """Registry of word patterns and the cache resolving vocabulary forms to pattern ids."""

    def __init__(self) -> None:
        self._ids: dict[tuple[str, str], int] = {}
        self.exact: dict[str, set[int]] = defaultdict(set)
        self.prefix: dict[str, set[int]] = defaultdict(set)
        self.infix: list[tuple[str, int]] = []
        self.suffix: list[tuple[str, int]] = []
        self._cache: dict[str, frozenset[int]] = {}
        self._max_prefix = 0
        self.number: int | None = None  # id of the `#` pattern (any number), once used

    def add(self, pattern: str) -> int:
        """Id of a word pattern (``recogn*``, ``*ship``, ``*anerkenn*``, ``learner``)."""
        pat = pattern
        if pat == "#":
            if self.number is None:
                self.number = len(self._ids)
                self._ids[("number", "#")] = self.number
                self._cache.clear()
            return self.number
        if pat.startswith("*") and pat.endswith("*") and len(pat) > 2:
            key = ("infix", pat[1:-1])
        elif pat.endswith("*") and len(pat) > 1:
            key = ("prefix", pat[:-1])
        elif pat.startswith("*") and len(pat) > 1:
            key = ("suffix", pat[1:])
        else:
            key = ("exact", pat)
        if "*" in key[1] or not key[1]:
            raise CueSyntaxError(f"Bad word pattern {pattern!r}",
                                 expected="word, prefix*, *suffix or *part*")
        if key in self._ids:
            return self._ids[key]
        wid = len(self._ids)
        self._ids[key] = wid
        kind, text = key
        if kind == "exact":
            self.exact[text].add(wid)
        elif kind == "prefix":
            self.prefix[text].add(wid)
            self._max_prefix = max(self._max_prefix, len(text))
        elif kind == "infix":
            self.infix.append((text, wid))
        else:
            self.suffix.append((text, wid))
        self._cache.clear()
        return wid

    def __len__(self) -> int:
        return len(self._ids)

    def ids(self, form: str) -> frozenset[int]:
        """Pattern ids a folded form satisfies (cached)."""
        hit = self._cache.get(form)
        if hit is not None:
            return hit
        out: set[int] = set()
        ex = self.exact.get(form)
        if ex:
            out |= ex
        for k in range(1, min(len(form), self._max_prefix) + 1):
            p = self.prefix.get(form[:k])
            if p:
                out |= p
        for sub, wid in self.infix:
            if sub in form:
                out.add(wid)
        for suf, wid in self.suffix:
            if form.endswith(suf):
                out.add(wid)
        if self.number is not None and form.isdigit():
            out.add(self.number)
        res = frozenset(out)
        self._cache[form] = res
        return res

    def token_ids(self, tokens: Sequence[Token]) -> list[frozenset[int]]:
        """Pattern ids of each token (its form and its lemma)."""
        out = []
        for t in tokens:
            a = self.ids(t.form)
            out.append(a if t.lemma == t.form else a | self.ids(t.lemma))
        return out


def _words(phrase: str) -> list[str]:
    """Split a phrase into folded word patterns, keeping ``*`` wildcards and ``#``."""
    out = []
    for chunk in phrase.split():
        if chunk == "#":
            out.append("#")
            continue
        lead = chunk.startswith("*")
        trail = chunk.endswith("*")
        parts = TOKEN_RE.findall(fold(chunk))
        if not parts:
            continue
        if lead:
            parts[0] = "*" + parts[0]
        if trail:
            parts[-1] = parts[-1] + "*"
        out.extend(parts)
    return out


def parse_cue(text: str, table: WordTable, *, tag: object = None, weight: float = 1.0) -> Cue:
    """Compile one cue string (see the module docstring) against ``table``."""
    if not isinstance(text, str) or not text.strip():
        raise CueSyntaxError("Empty cue", expected="a non-empty string", found=repr(text))
    body = text.strip()
    if "@" in body:
        body, _, w = body.rpartition("@")
        try:
            weight = float(w)
        except ValueError:
            raise CueSyntaxError(f"Bad cue weight in {text!r}", expected="`cue @0.5`",
                                 found=w) from None
        body = body.strip()
    if body.endswith(("+", "|", "...")) or body.startswith(("+", "|", "...")):
        raise CueSyntaxError(f"Cue {text!r} starts or ends with a separator",
                             expected="words on both sides of ' + ', ' ... ' and '|'",
                             fix="remove the stray separator")
    groups = []
    for g in body.split(" + "):
        segments = []
        for s in g.split(" ... "):
            alts = []
            for a in s.split("|"):
                words = _words(a)
                if not words:
                    raise CueSyntaxError(f"Cue {text!r} has an empty alternative {a!r}",
                                         expected="letters or digits in every alternative",
                                         fix="remove the stray '|' or separator")
                alts.append(tuple(table.add(w) for w in words))
            if not alts:
                raise CueSyntaxError(f"Cue {text!r} has an empty part",
                                     expected="words on both sides of ' + ', ' ... ' and '|'",
                                     fix="remove the stray separator")
            segments.append(tuple(alts))
        groups.append(tuple(segments))
    return Cue(text, tuple(groups), weight, tag)


def positions_of(ids: Sequence[frozenset[int]]) -> dict[int, list[int]]:
    """Inverted index of a sentence: word id -> token positions holding it."""
    where: dict[int, list[int]] = defaultdict(list)
    for i, s in enumerate(ids):
        for w in s:
            where[w].append(i)
    return where


def _match_alt(alt: tuple[int, ...], ids: Sequence[frozenset[int]], i: int,
               mask: frozenset[int]) -> int:
    """End index if phrase ``alt`` matches at ``i`` (no masked token), else -1."""
    if i + len(alt) > len(ids):
        return -1
    for j, w in enumerate(alt):
        if w not in ids[i + j] or (mask and (i + j) in mask):
            return -1
    return i + len(alt)


def _by_first(segment: tuple[tuple[int, ...], ...]) -> dict[int, list[tuple[int, ...]]]:
    out: dict[int, list[tuple[int, ...]]] = defaultdict(list)
    for alt in segment:
        out[alt[0]].append(alt)
    return out


def _ends_at(seg: dict[int, list[tuple[int, ...]]], ids: Sequence[frozenset[int]], i: int,
             mask: frozenset[int]) -> list[int]:
    out = []
    for w in ids[i]:
        alts = seg.get(w)
        if alts:
            for alt in alts:
                e = _match_alt(alt, ids, i, mask)
                if e >= 0:
                    out.append(e)
    return out


def match_group(group, ids: Sequence[frozenset[int]], mask: frozenset[int] = frozenset(),
                where: Mapping[int, list[int]] | None = None) -> list[tuple[int, int]]:
    """All (start, end) token spans where ``group`` matches.

    ``group`` is a compiled group of a :class:`Cue` (``cue.index[g]``, segments indexed by
    their first word) or its raw form (``cue.groups[g]``).
    """
    if where is None:
        where = positions_of(ids)
    segs = group if group and isinstance(group[0], dict) else [_by_first(s) for s in group]
    first = segs[0]
    starts: set[int] = set()
    for w in first.keys() & where.keys():
        starts.update(where[w])
    spans = []
    for i in sorted(starts):
        ends = _ends_at(first, ids, i, mask)
        for seg in segs[1:]:
            if not ends:
                break
            nxt: set[int] = set()
            cand: set[int] = set()
            for w in seg.keys() & where.keys():
                cand.update(where[w])
            for k in cand:
                if any(e <= k <= e + GAP for e in ends):
                    nxt.update(_ends_at(seg, ids, k, mask))
            ends = list(nxt)
        if ends:
            spans.append((i, min(ends)))
    return spans


def match_cue(cue: Cue, ids: Sequence[frozenset[int]], mask: frozenset[int] = frozenset(),
              where: Mapping[int, list[int]] | None = None) -> list[tuple[int, int]] | None:
    """Spans of every group when all groups match (first span of each group), else None."""
    if where is None:
        where = positions_of(ids)
    out = []
    for group in cue.index:
        spans = match_group(group, ids, mask, where)
        if not spans:
            return None
        out.append(spans[0])
    return out


class CueIndex:
    """Cues of one purpose, indexed by the word ids of their first group's first segment."""

    def __init__(self, cues: Iterable[Cue]) -> None:
        self.cues = list(cues)
        self._by_word: dict[int, list[int]] = defaultdict(list)
        for ci, cue in enumerate(self.cues):
            anchors = {alt[0] for alt in cue.groups[0][0]}
            for w in anchors:
                self._by_word[w].append(ci)

    def __len__(self) -> int:
        return len(self.cues)

    def candidates(self, ids: Sequence[frozenset[int]]) -> list[Cue]:
        present: set[int] = set().union(*ids) if ids else set()
        hit: set[int] = set()
        for w in present & self._by_word.keys():
            hit.update(self._by_word[w])
        return [self.cues[i] for i in sorted(hit)]

    def matches(self, ids: Sequence[frozenset[int]], mask: frozenset[int] = frozenset(),
                where: Mapping[int, list[int]] | None = None,
                ) -> list[tuple[Cue, list[tuple[int, int]]]]:
        """Every cue that matches, with its group spans."""
        out = []
        cands = self.candidates(ids)
        if cands and where is None:
            where = positions_of(ids)
        for cue in cands:
            spans = match_cue(cue, ids, mask, where)
            if spans is not None:
                out.append((cue, spans))
        return out
