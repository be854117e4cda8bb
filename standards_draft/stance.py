"""Rule-based stance of a passage toward an element: support, conditional, oppose or neutral.

Per-language lexicons (``lexicons/stance.yaml``, extendable from a catalogue's
``stance_cues``) name explicit opposition, negative judgements, support and demands, negators,
conditions, concessions, hedges, "reversers" (reduce, avoid, lack of) and restrictive words.
The rules work on the clause that holds the element's cue (clauses are cut at concessions such
as "but", "aber", "mais" and at ";"), in this order:

1. a hedge ("not sure", "keine Meinung") or a question -> neutral;
2. a condition ("only if", "provided that", "nur wenn", "à condition que", "pod warunkiem")
   anywhere in the sentence -> conditional;
3. explicit opposition ("we oppose", "lehnen ... ab", "nous nous opposons") not itself
   negated -> oppose;
4. a negated support word ("do not support", "should not", "nie powinny") -> oppose, unless a
   restrictive word follows ("should not be limited to", "must not exclude") -> support;
5. a negative judgement ("unnecessary", "bureaucratic burden", "would exclude") not reversed
   ("reduce the burden", "without bureaucracy", "lack of recognition") -> oppose;
6. support in the element's clause followed by a concession with a demand ("useful, but it
   must stay voluntary") -> conditional;
7. otherwise support (the cue says which word decided, or ``default``).

Opposition and conditions are separate decisions, so "we cannot support it unless ..." is
conditional and "we oppose ... in its proposed form" is opposition.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

import yaml

from .cues import CueIndex, WordTable, match_group, parse_cue, positions_of
from .errors import CueSyntaxError, LexiconError
from .text import Token, tokenize

__all__ = ["CATEGORIES", "StanceLexicon", "classify_stance", "default_lexicon"]

_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

CATEGORIES = ("oppose", "negative", "positive", "negator", "condition", "weak_condition",
              "concession", "demand", "hedge", "reverse", "restrict")
NEG_WINDOW = 3  # words a negator may precede a support word by
NEG_AFTER = {"de": 4, "nl": 4}  # words a negator may follow it by ("unterstützen wir nicht")
# words after a condition word that make it no condition ("where possible", "si es necesario")
_NOT_CONDITION = frozenset("""possible possibly feasible applicable appropriate relevant
    necessary needed moglich notig erforderlich sinnvoll possibles necessaire pertinent
    posible posibles necesario procede possibile possibili necessario opportuno possivel
    mozliwe mozliwosc konieczne mogelijk nodig noodzakelijk""".split())
_NEGATION_WORDS = frozenset("not no nicht pas non nie niet nao".split())
_SEMI = re.compile(r"[;:]|\s[–—-]+\s")


@dataclass(frozen=True)
class StanceResult:
    stance: str
    cue: str


class StanceLexicon:
    """Compiled stance cues for each language (categories in :data:`CATEGORIES`)."""

    def __init__(self, raw: Mapping[str, Mapping[str, Sequence[str]]],
                 table: WordTable | None = None) -> None:
        self.table = table if table is not None else WordTable()
        self.index: dict[str, dict[str, CueIndex]] = {}
        for lang, cats in raw.items():
            if not isinstance(cats, Mapping):
                raise LexiconError(f"Stance lexicon for {lang!r} must map categories to cues")
            per = {}
            for cat in CATEGORIES:
                cues = []
                for text in cats.get(cat) or []:
                    try:
                        cues.append(parse_cue(text, self.table, tag=cat))
                    except CueSyntaxError as exc:
                        raise LexiconError(f"Stance cue {text!r} ({lang}.{cat}) cannot be parsed",
                                           found=exc.what) from None
                per[cat] = CueIndex(cues)
            unknown = set(cats) - set(CATEGORIES)
            if unknown:
                raise LexiconError(f"Unknown stance categories {sorted(unknown)} for {lang!r}",
                                   expected=f"categories among {', '.join(CATEGORIES)}")
            self.index[lang] = per
        self.languages = tuple(sorted(self.index))

    @classmethod
    def load(cls, path: str | Path | None = None,
             extra: Mapping[str, Mapping[str, Sequence[str]]] | None = None,
             table: WordTable | None = None) -> StanceLexicon:
        """Read a lexicon YAML (default: the packaged one), optionally merged with ``extra``."""
        p = Path(path) if path else Path(str(resources.files("standards_draft") / "lexicons"
                                             / "stance.yaml"))
        try:
            raw = yaml.load(p.read_text(encoding="utf-8"), Loader=_LOADER) or {}
        except (OSError, yaml.YAMLError) as exc:
            raise LexiconError(f"Stance lexicon {p} cannot be read", found=str(exc)[:200]) from exc
        merged = {k: {c: list(v or []) for c, v in cats.items()} for k, cats in raw.items()}
        for lang, cats in (extra or {}).items():
            tgt = merged.setdefault(lang, {})
            for c, v in cats.items():
                tgt.setdefault(c, []).extend(v or [])
        return cls(merged, table)

    def _lang(self, lang: str | None) -> str:
        return lang if lang in self.index else "en"

    def spans(self, lang: str | None, ids: Sequence[frozenset[int]],
              where: Mapping[int, list[int]] | None = None,
              ) -> dict[str, list[tuple[int, int, str]]]:
        """All stance cue spans in a sentence: category -> [(start, end, cue text)]."""
        per = self.index.get(self._lang(lang), {})
        if where is None:
            where = positions_of(ids)
        out: dict[str, list[tuple[int, int, str]]] = {}
        for cat, idx in per.items():
            found = []
            for cue in idx.candidates(ids):
                for group in cue.index[:1]:
                    for s, e in match_group(group, ids, where=where):
                        if len(cue.index) == 1 or all(match_group(g, ids, where=where)
                                                      for g in cue.index[1:]):
                            found.append((s, e, cue.text))
            if found:
                out[cat] = sorted(set(found))
        return out

    # -- classification -------------------------------------------------------------------
    def classify(self, tokens: Sequence[Token], lang: str | None,
                 positions: Sequence[int] = (), text: str | None = None,
                 offset: int = 0, ids: Sequence[frozenset[int]] | None = None,
                 spans: dict | None = None) -> StanceResult:
        """Stance of a sentence (tokens) toward the element whose cue sits at ``positions``.

        ``text`` (with ``offset``, the text's position in the tokens' coordinates) lets the
        rules see punctuation (clauses, commas). ``ids`` / ``spans`` may pass precomputed word
        ids and :meth:`spans` of the sentence.
        """
        if ids is None:
            ids = self.table.token_ids(tokens)
        sp = spans if spans is not None else self.spans(lang, ids, positions_of(ids))
        n = len(tokens)
        # punctuation between tokens: clause cuts (; : dashes) and commas
        cuts = {s for s, _e, _c in sp.get("concession", [])}
        commas: set[int] = set()
        if text is not None:
            for k in range(1, n):
                gap = text[tokens[k - 1].end - offset:tokens[k].start - offset]
                if _SEMI.search(gap):
                    cuts.add(k)
                if "," in gap:
                    commas.add(k)
        bounds = sorted({0, n, *cuts})
        clauses = [(bounds[i], bounds[i + 1]) for i in range(len(bounds) - 1)
                   if bounds[i] < bounds[i + 1]] or [(0, n)]
        anchor = min(positions) if positions else 0
        last = max(positions) if positions else 0
        ci = next((i for i, (a, b) in enumerate(clauses) if a <= anchor < b), 0)
        c_start, c_end = clauses[ci]

        def inside(cat: str, a: int = c_start, b: int = c_end) -> list[tuple[int, int, str]]:
            return [x for x in sp.get(cat, []) if a <= x[0] < b]

        negators = sp.get("negator", [])
        after = NEG_AFTER.get(lang or "", 2)

        def negated(start: int, end: int) -> tuple[int, int, str] | None:
            for ns, ne, nc in negators:
                if ns < start and start - ne < NEG_WINDOW and ns >= c_start:
                    return (ns, ne, nc)
                if end <= ns < end + after and ns < c_end:
                    return (ns, ne, nc)
            return None

        def clause_end(k: int) -> int:
            """End of the condition clause starting at token k (next comma or cut)."""
            nxt = [c for c in (*commas, *cuts) if c > k + 1]
            return min(nxt) if nxt else n

        if inside("hedge"):
            return StanceResult("neutral", "hedge:" + inside("hedge")[0][2])
        if text is not None and text.rstrip().endswith("?") and not sp.get("oppose"):
            return StanceResult("neutral", "question")
        in_condition = False

        def hedged_condition(e: int, weak: bool = False) -> bool:
            """'where possible', 'if necessary', 'si no' (otherwise): no real condition."""
            nxt = {t.form for t in tokens[e:e + 3]}
            return bool(nxt & _NOT_CONDITION) or (
                weak and e < n and tokens[e].form in _NEGATION_WORDS)

        for s, e, c in sp.get("condition", []):
            if hedged_condition(e):
                continue
            if positions and s < anchor < clause_end(s):
                in_condition = True  # the element is what the condition asks for
                continue
            return StanceResult("conditional", "condition:" + c)
        for s, e, c in sp.get("weak_condition", []):
            if s > last and c_start <= s < c_end and not hedged_condition(e, weak=True):
                return StanceResult("conditional", "condition:" + c)
        if in_condition:
            return StanceResult("support", "in-condition")
        for s, e, c in inside("oppose"):
            if not negated(s, e):
                return StanceResult("oppose", "oppose:" + c)
        restrict = sp.get("restrict", [])
        for s, e, c in inside("positive"):
            neg = negated(s, e)
            if neg is None:
                continue
            hi = max(e, neg[1])
            if any(hi <= rs <= hi + NEG_WINDOW + 1 for rs, _re, _rc in restrict):
                return StanceResult("support", "negated-restriction:" + c)
            if neg[1] < n and tokens[neg[1] - 1].form == "not" and tokens[neg[1]].form in (
                    "only", "just", "least", "solely", "merely"):
                continue  # "not only ... but also"
            return StanceResult("oppose", f"negated:{neg[2]} {c}")
        reverse = sp.get("reverse", [])
        for s, e, c in inside("negative"):
            if any(rs < s and s - re_ <= NEG_WINDOW for rs, re_, _rc in reverse):
                continue
            if negated(s, e) and not c.startswith(("not", "nicht", "pas", "no ", "non", "nie",
                                                    "niet", "nao")):
                continue
            return StanceResult("oppose", "negative:" + c)
        pos = inside("positive")
        if len(clauses) > 1 and ci + 1 < len(clauses):
            a, b = clauses[ci + 1]
            if inside("concession", a, b) and inside("demand", a, b):
                return StanceResult("conditional", "concession:" + inside("concession", a, b)[0][2])
        if ci > 0 and inside("demand") and inside("concession"):
            pa, pb = clauses[ci - 1]
            if inside("positive", pa, pb):
                return StanceResult("conditional", "concession:" + inside("concession")[0][2])
        if pos:
            return StanceResult("support", "support:" + pos[0][2])
        return StanceResult("support", "default")


@lru_cache(maxsize=4)
def default_lexicon() -> StanceLexicon:
    """The packaged stance lexicon (cached)."""
    return StanceLexicon.load()


def classify_stance(text: str, lang: str | None, element=None, *,
                    lexicon: StanceLexicon | None = None) -> tuple[str, str]:
    """Stance of ``text`` toward ``element`` (an :class:`~standards_draft.catalogue.Element`
    or None for the whole text): ``(stance, cue)``.

    >>> classify_stance("We support a list of trusted providers only if it is open.", "en")
    ('conditional', 'condition:only if|only when|...')  # doctest: +SKIP
    """
    lex = lexicon or default_lexicon()
    tokens = tokenize(text or "", lang)
    positions: list[int] = []
    if element is not None:
        from .evidence import _element_positions

        positions = _element_positions(element, tokens, lang, lex.table)
    res = lex.classify(tokens, lang, positions, text=text, offset=0)
    return res.stance, res.cue
