"""Element catalogues: what a standard is made of, where each element comes from, and how
respondents talk about it (search cues per language, related closed questions).

>>> cat = load_catalogue()                      # the packaged micro-credentials catalogue
>>> cat["R3"].label
'List of trusted providers and quality-assurance processes'
>>> [e.id for e in cat.of_kind("roadmap")][:3]
['R1', 'R2', 'R3']

The YAML format is documented at the top of ``catalogues/micro_credentials.yaml``; another
consultation brings its own file with the same keys.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from consultation.errors import bounded_list, did_you_mean

from .errors import CatalogueError, CueSyntaxError
from .text import fold

__all__ = ["DEFAULT_KINDS", "Catalogue", "ClosedQuestion", "Element", "load_catalogue"]

_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

log = logging.getLogger(__name__)

DEFAULT_KINDS = {
    "definition": {"label": "Definition", "order": 1},
    "standard": {"label": "Standard elements", "order": 2},
    "principle": {"label": "Principles", "order": 3},
    "roadmap": {"label": "Roadmap actions", "order": 4},
}
_ID_RE = re.compile(r"^[A-Za-z][A-Za-z0-9_.-]{0,31}$")
_LANG_RE = re.compile(r"^[a-z]{2}$")
_REQUIRED = ("id", "kind", "label", "description")
_ELEMENT_KEYS = {"id", "kind", "label", "description", "clause", "source", "cues", "weak_cues",
                 "exclude", "veto", "context", "closed_questions", "mandatory", "threshold",
                 "notes"}
_CUE_KEYS = ("cues", "weak_cues", "exclude", "veto")
DEFAULT_RATING_SCALE = {"support_min": 4.0, "oppose_max": 2.0}
DEFAULT_CHOICE_OPTIONS = {
    "support": ["fully agree", "agree", "strongly agree", "yes"],
    "conditional": ["partly agree", "partially agree", "somewhat agree"],
    "oppose": ["disagree", "strongly disagree", "no"],
    "neutral": ["neutral", "neither agree nor disagree"],
}


@dataclass(frozen=True)
class ClosedQuestion:
    """A closed question related to an element, found by a pattern on ``questions.text``."""

    pattern: str
    parent_pattern: str | None = None
    polarity: str = "positive"  # positive: a high rating / agreeing = support
    use_for_stance: bool = True  # may a closed answer set the stance of text evidence?

    def matches(self, text: str, parent_text: str | None) -> bool:
        if not re.search(self.pattern, text or "", flags=re.IGNORECASE):
            return False
        if self.parent_pattern is None:
            return True
        return bool(re.search(self.parent_pattern, parent_text or "", flags=re.IGNORECASE))


@dataclass(frozen=True)
class Element:
    """One catalogue element (a definition component, standard element, principle, action)."""

    id: str
    kind: str
    label: str
    description: str
    clause: str
    sources: tuple[dict, ...] = ()
    cues: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    weak_cues: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    exclude: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    veto: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    context: tuple[str, ...] = ()
    closed_questions: tuple[ClosedQuestion, ...] = ()
    mandatory: bool | None = None
    threshold: Mapping[str, float] | None = None  # language -> link threshold ("default" key)

    def threshold_for(self, lang: str | None, default: float) -> float:
        """Link threshold for a passage language (catalogue value, else ``default``)."""
        if not self.threshold:
            return default
        return float(self.threshold.get(lang or "", self.threshold.get("default", default)))

    @property
    def languages(self) -> tuple[str, ...]:
        return tuple(sorted(k for k in self.cues if k != "any"))

    def citation(self, documents: Mapping[str, dict] | None = None) -> str:
        """Human-readable source, e.g. ``CR2022, Annex I, mandatory element 7``."""
        parts = []
        for s in self.sources:
            doc = s.get("document", "")
            parts.append(f"{doc}, {s['section']}" if s.get("section") else str(doc))
        return "; ".join(parts)


@dataclass
class Catalogue:
    """A validated element catalogue. Index with ``catalogue["R3"]``; iterate for elements."""

    name: str
    title: str
    elements: tuple[Element, ...]
    languages: tuple[str, ...]
    kinds: dict[str, dict]
    documents: dict[str, dict] = field(default_factory=dict)
    contexts: dict[str, tuple[str, ...]] = field(default_factory=dict)
    rating_scale: dict[str, float] = field(default_factory=lambda: dict(DEFAULT_RATING_SCALE))
    choice_options: dict[str, tuple[str, ...]] = field(default_factory=dict)
    stance_cues: dict[str, dict[str, list[str]]] = field(default_factory=dict)
    path: str | None = None
    _by_id: dict[str, Element] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        self._by_id = {e.id: e for e in self.elements}

    def __getitem__(self, element_id: str) -> Element:
        try:
            return self._by_id[element_id]
        except KeyError:
            raise KeyError(f"{element_id!r}{did_you_mean(element_id, list(self._by_id))}") from None

    def __contains__(self, element_id: object) -> bool:
        return element_id in self._by_id

    def __iter__(self) -> Iterator[Element]:
        return iter(self.elements)

    def __len__(self) -> int:
        return len(self.elements)

    @property
    def ids(self) -> list[str]:
        return [e.id for e in self.elements]

    def of_kind(self, kind: str) -> list[Element]:
        return [e for e in self.elements if e.kind == kind]

    def kind_order(self) -> list[str]:
        return sorted(self.kinds, key=lambda k: (self.kinds[k].get("order", 99), k))

    def coverage(self) -> dict[str, list[str]]:
        """Languages each element has cues for (``any`` cues count for every language)."""
        out = {}
        for e in self.elements:
            langs = set(e.cues) | set(e.weak_cues)
            out[e.id] = sorted(self.languages) if "any" in langs else sorted(langs)
        return out

    def choice_stance(self, option: str) -> str | None:
        """Stance a choice option stands for (``Partly agree`` -> conditional), or None."""
        key = fold(str(option)).strip()
        key = re.sub(r"^\d+\s*-\s*", "", key)
        for stance, options in self.choice_options.items():
            if key in options:
                return stance
        return None


def _fail(what: str, *, where: str, expected: str | None = None, found: str | None = None,
          fix: str | None = None) -> CatalogueError:
    return CatalogueError(f"{what} in catalogue {where}", expected=expected, found=found, fix=fix)


def _as_str_list(value: Any, what: str, where: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise _fail(f"{what} must be a list of non-empty strings", where=where,
                    found=repr(value)[:120])
    return tuple(value)


def _check_regex(pattern: Any, what: str, where: str) -> str:
    if not isinstance(pattern, str) or not pattern:
        raise _fail(f"{what} must be a non-empty regular expression", where=where,
                    found=repr(pattern))
    try:
        re.compile(pattern, flags=re.IGNORECASE)
    except re.error as exc:
        raise _fail(f"{what} {pattern!r} is not a valid regular expression", where=where,
                    found=str(exc)) from None
    return pattern


def _parse_element(raw: Any, i: int, kinds: Mapping[str, dict], languages: tuple[str, ...],
                   documents: Mapping[str, dict], contexts: Mapping[str, tuple[str, ...]],
                   where: str) -> Element:
    if not isinstance(raw, dict):
        raise _fail(f"Element #{i + 1} is not a mapping", where=where, found=repr(raw)[:80])
    missing = [k for k in _REQUIRED if not raw.get(k)]
    if missing:
        ident = raw.get("id", f"#{i + 1}")
        raise _fail(f"Element {ident!r} misses required key(s) {bounded_list(missing)}",
                    where=where, expected=f"keys {', '.join(_REQUIRED)}",
                    fix="add the keys (see the header of micro_credentials.yaml)")
    eid = str(raw["id"])
    if not _ID_RE.match(eid):
        raise _fail(f"Element id {eid!r} is not a valid id", where=where,
                    expected="a letter followed by up to 31 letters, digits, '_', '.', '-'")
    unknown = sorted(set(raw) - _ELEMENT_KEYS)
    if unknown:
        hint = did_you_mean(unknown[0], sorted(_ELEMENT_KEYS))
        raise _fail(f"Element {eid!r} has unknown key(s) {bounded_list(unknown)}{hint}",
                    where=where, expected=f"keys among {bounded_list(sorted(_ELEMENT_KEYS), 20)}")
    kind = str(raw["kind"])
    if kind not in kinds:
        raise _fail(f"Element {eid!r} has unknown kind {kind!r}{did_you_mean(kind, list(kinds))}",
                    where=where, expected=f"one of {bounded_list(list(kinds))}",
                    fix="use a declared kind or declare it under `kinds:`")
    cue_maps: dict[str, dict[str, tuple[str, ...]]] = {}
    for key in _CUE_KEYS:
        value = raw.get(key) or {}
        if not isinstance(value, dict):
            raise _fail(f"`{key}` of element {eid!r} must map languages to lists of cues",
                        where=where, found=type(value).__name__)
        out = {}
        for lang, cues in value.items():
            lang = str(lang)
            if lang != "any" and (not _LANG_RE.match(lang) or lang not in languages):
                raise _fail(f"Element {eid!r} has {key} for language {lang!r}, which the "
                            f"catalogue does not declare", where=where,
                            expected=f"one of {bounded_list(list(languages), 30)} or 'any'",
                            fix="add the language to `languages:` or fix the code")
            out[lang] = _as_str_list(cues, f"{key}.{lang} of element {eid!r}", where)
        cue_maps[key] = out
    if not any(cue_maps["cues"].values()) and not any(cue_maps["weak_cues"].values()):
        raise _fail(f"Element {eid!r} has no search cues", where=where,
                    expected="`cues:` with at least one language",
                    fix="add cues so that evidence can be traced")
    sources = raw.get("source") or []
    if isinstance(sources, dict):
        sources = [sources]
    if not isinstance(sources, list):
        raise _fail(f"`source` of element {eid!r} must be a list of {{document, section}}",
                    where=where)
    for s in sources:
        if not isinstance(s, dict) or "document" not in s:
            raise _fail(f"A source of element {eid!r} lacks `document`", where=where,
                        found=repr(s)[:80])
        if documents and s["document"] not in documents:
            raise _fail(f"Element {eid!r} cites unknown document {s['document']!r}"
                        f"{did_you_mean(str(s['document']), list(documents))}", where=where,
                        expected=f"one of {bounded_list(list(documents))}")
    ctx = _as_str_list(raw.get("context"), f"context of element {eid!r}", where)
    for c in ctx:
        if c not in contexts:
            raise _fail(f"Element {eid!r} uses unknown context {c!r}"
                        f"{did_you_mean(c, list(contexts))}", where=where,
                        expected=f"one of {bounded_list(list(contexts))}")
    closed = []
    for cq in raw.get("closed_questions") or []:
        if isinstance(cq, str):
            cq = {"pattern": cq}
        if not isinstance(cq, dict) or "pattern" not in cq:
            raise _fail(f"A closed question of element {eid!r} lacks `pattern`", where=where,
                        found=repr(cq)[:80])
        pol = cq.get("polarity", "positive")
        if pol not in ("positive", "negative"):
            raise _fail(f"Closed question polarity {pol!r} of element {eid!r} is invalid",
                        where=where, expected="positive or negative")
        closed.append(ClosedQuestion(
            _check_regex(cq["pattern"], f"Closed-question pattern of {eid!r}", where),
            _check_regex(cq["parent_pattern"], f"Parent pattern of {eid!r}", where)
            if cq.get("parent_pattern") else None,
            pol, bool(cq.get("use_for_stance", True))))
    threshold = raw.get("threshold")
    if threshold is not None:
        if isinstance(threshold, (int, float)) and not isinstance(threshold, bool):
            threshold = {"default": threshold}
        ok = isinstance(threshold, dict) and all(
            (k == "default" or k in languages) and isinstance(v, (int, float))
            and not isinstance(v, bool) and v > 0 for k, v in threshold.items())
        if not ok:
            raise _fail(f"Threshold of element {eid!r} must be a positive number or a mapping "
                        f"of declared languages (and 'default') to positive numbers",
                        where=where, found=repr(threshold)[:120])
        threshold = {str(k): float(v) for k, v in threshold.items()}
    return Element(
        id=eid, kind=kind, label=str(raw["label"]).strip(),
        description=" ".join(str(raw["description"]).split()),
        clause=" ".join(str(raw.get("clause") or raw["label"]).split()),
        sources=tuple(dict(s) for s in sources),
        cues=cue_maps["cues"], weak_cues=cue_maps["weak_cues"], exclude=cue_maps["exclude"],
        veto=cue_maps["veto"], context=ctx, closed_questions=tuple(closed),
        mandatory=raw.get("mandatory"), threshold=threshold,
    )


def _default_path() -> Path:
    return Path(str(resources.files("standards_draft") / "catalogues" / "micro_credentials.yaml"))


def load_catalogue(path: str | Path | None = None) -> Catalogue:
    """Load and validate an element catalogue (default: the packaged micro-credentials one).

    Raises :class:`~standards_draft.errors.CatalogueError` (code D100) naming the element and
    key at fault: unreadable YAML, missing required keys, duplicate ids, unknown kinds, cue
    languages the catalogue does not declare, unparsable cues or regular expressions.
    """
    p = Path(path) if path is not None else _default_path()
    where = str(p)
    try:
        raw = yaml.load(p.read_text(encoding="utf-8"), Loader=_LOADER)
    except FileNotFoundError:
        raise CatalogueError(f"Catalogue file {where} does not exist",
                             fix="pass the path of a catalogue YAML file") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise CatalogueError(f"Catalogue file {where} cannot be read", found=str(exc)) from exc
    except yaml.YAMLError as exc:
        raise CatalogueError(f"Catalogue file {where} is not valid YAML",
                             found=str(exc).replace("\n", " ")[:300]) from exc
    return catalogue_from_dict(raw, where=where)


def catalogue_from_dict(raw: Any, *, where: str = "<dict>") -> Catalogue:
    """Validate a parsed catalogue mapping (what :func:`load_catalogue` reads from YAML)."""
    if not isinstance(raw, dict) or not isinstance(raw.get("elements"), list):
        raise _fail("Top level must be a mapping with an `elements:` list", where=where,
                    found=type(raw).__name__)
    if not raw["elements"]:
        raise _fail("`elements:` is empty", where=where, expected="at least one element")
    kinds = raw.get("kinds") or DEFAULT_KINDS
    if not isinstance(kinds, dict):
        raise _fail("`kinds:` must map kind names to {label, order}", where=where)
    kinds = {str(k): dict(v or {}) for k, v in kinds.items()}
    languages = raw.get("languages")
    if languages is None:
        found = set()
        for e in raw["elements"]:
            if isinstance(e, dict):
                for key in _CUE_KEYS:
                    found.update(str(k) for k in (e.get(key) or {}) if k != "any")
        languages = sorted(found)
    languages = _as_str_list(languages, "`languages:`", where)
    bad = [x for x in languages if not _LANG_RE.match(x)]
    if bad:
        raise _fail(f"Language code(s) {bounded_list(bad)} are not ISO 639-1", where=where,
                    expected="two lower-case letters, e.g. 'de'")
    documents = raw.get("documents") or {}
    if not isinstance(documents, dict):
        raise _fail("`documents:` must map document keys to {title, url}", where=where)
    contexts_raw = raw.get("contexts") or {}
    contexts = {}
    for name, pats in contexts_raw.items():
        pats = _as_str_list(pats, f"context {name!r}", where)
        contexts[str(name)] = tuple(_check_regex(p, f"Context {name!r} pattern", where)
                                    for p in pats)
    elements = [_parse_element(r, i, kinds, languages, documents, contexts, where)
                for i, r in enumerate(raw["elements"])]
    seen: dict[str, int] = {}
    dups = []
    for e in elements:
        if e.id in seen:
            dups.append(e.id)
        seen[e.id] = 1
    if dups:
        raise _fail(f"Duplicate element id(s) {bounded_list(sorted(set(dups)))}", where=where,
                    expected="unique ids", fix="rename or merge the duplicates")
    scale = dict(DEFAULT_RATING_SCALE)
    scale.update({k: float(v) for k, v in (raw.get("rating_scale") or {}).items()})
    if scale["oppose_max"] >= scale["support_min"]:
        raise _fail("`rating_scale` oppose_max must be below support_min", where=where,
                    found=str(scale))
    options_raw = raw.get("choice_options") or DEFAULT_CHOICE_OPTIONS
    options = {}
    for stance, opts in options_raw.items():
        if stance not in ("support", "conditional", "oppose", "neutral"):
            raise _fail(f"`choice_options` has unknown stance {stance!r}", where=where,
                        expected="support, conditional, oppose or neutral")
        options[stance] = tuple(fold(o).strip() for o in _as_str_list(opts, stance, where))
    stance_cues = raw.get("stance_cues") or {}
    if not isinstance(stance_cues, dict):
        raise _fail("`stance_cues:` must map languages to {category: [cues]}", where=where)
    cat = Catalogue(
        name=str(raw.get("catalogue") or Path(where).stem), title=str(raw.get("title") or ""),
        elements=tuple(elements), languages=tuple(languages), kinds=kinds,
        documents={str(k): dict(v or {}) for k, v in documents.items()}, contexts=contexts,
        rating_scale=scale, choice_options=options,
        stance_cues={str(k): dict(v) for k, v in stance_cues.items()}, path=where,
    )
    _compile_check(cat, where)
    for eid, langs in cat.coverage().items():
        missing = sorted(set(cat.languages) - set(langs))
        if missing:
            log.info("Element %s has no cues for %s", eid, ", ".join(missing))
    return cat


def _compile_check(cat: Catalogue, where: str) -> None:
    """Parse every cue once so that syntax errors surface at load time, with their place."""
    from .cues import WordTable, parse_cue

    table = WordTable()
    for e in cat.elements:
        for key in _CUE_KEYS:
            for lang, cues in getattr(e, key).items():
                for c in cues:
                    try:
                        parse_cue(c, table)
                    except CueSyntaxError as exc:
                        raise CueSyntaxError(
                            f"Cue {c!r} ({key}.{lang} of element {e.id!r}) in catalogue "
                            f"{where} cannot be parsed: {exc.what}", expected=exc.expected,
                            fix=exc.fix) from None
