"""Helpers for exploring evidence interactively (``notebooks/03_evidence_and_drafting``).

Pure functions over the catalogue and the ``evidence`` / ``element_summary`` tables; nothing is
written to a workspace (:func:`trace_workspace` traces into memory), so an analyst can try a
changed catalogue entry and compare before adopting it.

>>> from standards_draft import load_catalogue
>>> from standards_draft.explore import catalogue_table, edit_element
>>> cat = load_catalogue()
>>> catalogue_table(cat).loc[0, "element_id"]
'D1'
>>> edit_element(cat, "R3", label="Trusted providers")["R3"].label
'Trusted providers'
"""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np
import pandas as pd

from consultation import schema as cs
from consultation.errors import did_you_mean

from .catalogue import Catalogue, _compile_check
from .errors import DraftParameterError, EvidenceError, check_number
from .schema import ELEMENT_SUMMARY, EVIDENCE, STANCES

__all__ = [
    "SOURCES",
    "SUMMARY_VALUES",
    "catalogue_table",
    "compare_summaries",
    "contested_elements",
    "draft_table",
    "edit_element",
    "element_evidence",
    "element_matrix",
    "evidence_changes",
    "trace_workspace",
]

SOURCES = ("answer", "document", "closed")
"""Where evidence comes from: open answers, position papers, closed answers."""

SUMMARY_VALUES = ("n_voices", "n_support", "n_conditional", "n_oppose", "n_neutral",
                  "share_support", "share_conditional", "share_oppose", "n_text_voices",
                  "n_closed", "mean_rating", "strength", "net_support", "contestedness")
"""Numeric ``element_summary`` columns :func:`element_matrix` can show."""

_CUE_KEYS = ("cues", "weak_cues", "exclude", "veto")


def _as_set(name: str, value: str | Sequence[str] | None,
            allowed: Sequence[str] | None = None) -> set[str] | None:
    if value is None:
        return None
    vals = [value] if isinstance(value, str) else value
    if not all(isinstance(v, str) for v in vals):
        raise DraftParameterError(f"The {name!r} parameter must be a string or a list of "
                                  f"strings. Got {value!r} instead")
    if allowed is not None:
        bad = [v for v in vals if v not in allowed]
        if bad:
            raise DraftParameterError(
                f"The {name!r} parameter must be one of {', '.join(map(repr, allowed))}. "
                f"Got {bad[0]!r} instead{did_you_mean(bad[0], list(allowed))}")
    return set(vals)


def _stakeholder_order() -> list[str]:
    from consultation.charts import STAKEHOLDER_LABELS

    return list(STAKEHOLDER_LABELS)


def _labels(summary: pd.DataFrame) -> dict[str, str]:
    if "label" not in summary.columns:
        return {}
    s = summary.drop_duplicates("element_id")
    return dict(zip(s["element_id"].astype(str), s["label"].astype(str), strict=True))


# ============================================================================================
# Catalogue
# ============================================================================================

def catalogue_table(catalogue: Catalogue) -> pd.DataFrame:
    """The catalogue as a table, one row per element in catalogue order.

    Returns
    -------
    DataFrame
        ``element_id``, ``kind``, ``label``, ``clause`` (the draft text), ``source`` (citation),
        ``mandatory``, ``languages`` (with cues), ``n_cues``, ``n_weak_cues``,
        ``n_closed_questions``, ``threshold`` (JSON of per-language thresholds, if any).
    """
    if not isinstance(catalogue, Catalogue):
        raise EvidenceError("`catalogue` is not a Catalogue",
                            expected="the result of load_catalogue()",
                            found=type(catalogue).__name__)
    cov = catalogue.coverage()
    rows = []
    for e in catalogue:
        rows.append({
            "element_id": e.id, "kind": e.kind, "label": e.label, "clause": e.clause,
            "source": e.citation(), "mandatory": e.mandatory,
            "languages": ", ".join(cov.get(e.id, [])),
            "n_cues": sum(len(v) for v in e.cues.values()),
            "n_weak_cues": sum(len(v) for v in e.weak_cues.values()),
            "n_closed_questions": len(e.closed_questions),
            "threshold": (", ".join(f"{k}: {v:g}" for k, v in sorted(e.threshold.items()))
                          if e.threshold else ""),
        })
    out = pd.DataFrame(rows)
    out["mandatory"] = out["mandatory"].astype("boolean")
    return out


def _merge_cues(current: Mapping[str, tuple[str, ...]], add: Mapping[str, Sequence[str]] | None,
                remove: Mapping[str, Sequence[str]] | None, languages: Sequence[str],
                element_id: str, key: str) -> dict[str, tuple[str, ...]]:
    out = {k: tuple(v) for k, v in current.items()}
    for name, change in (("add", add), ("remove", remove)):
        if change is None:
            continue
        if not isinstance(change, Mapping):
            raise DraftParameterError(f"The '{name}_{key}' parameter must map a language (or "
                                      "'any') to a list of cues, e.g. {'en': ['digital "
                                      f"wallet']}}. Got {change!r} instead")
        for lang, cues in change.items():
            if lang != "any" and lang not in languages:
                raise DraftParameterError(
                    f"Language {lang!r} of '{name}_{key}' is not a language of the catalogue"
                    f"{did_you_mean(str(lang), list(languages))}",
                    expected=f"one of {', '.join(languages)} or 'any'")
            cues = [cues] if isinstance(cues, str) else list(cues)
            if name == "add":
                out[lang] = tuple(dict.fromkeys([*out.get(lang, ()), *map(str, cues)]))
            else:
                missing = [c for c in cues if c not in out.get(lang, ())]
                if missing:
                    raise DraftParameterError(
                        f"Element {element_id!r} has no {key} {missing[0]!r} in {lang!r}"
                        f"{did_you_mean(str(missing[0]), list(out.get(lang, ())))}")
                out[lang] = tuple(c for c in out.get(lang, ()) if c not in cues)
                if not out[lang]:
                    del out[lang]
    return out


def edit_element(catalogue: Catalogue, element_id: str, *, label: str | None = None,
                 description: str | None = None, clause: str | None = None,
                 add_cues: Mapping[str, Sequence[str]] | None = None,
                 remove_cues: Mapping[str, Sequence[str]] | None = None,
                 add_weak_cues: Mapping[str, Sequence[str]] | None = None,
                 remove_weak_cues: Mapping[str, Sequence[str]] | None = None,
                 threshold: Mapping[str, float] | float | None = None) -> Catalogue:
    """A copy of the catalogue with one element changed (the original is not modified).

    Parameters
    ----------
    catalogue : Catalogue
    element_id : the element to change.
    label, description, clause : new texts.
    add_cues, remove_cues, add_weak_cues, remove_weak_cues : ``{language: [cue, …]}``
        (``any`` for every language), in the catalogue's cue syntax; checked like the
        catalogue file.
    threshold : link threshold: a number (every language) or ``{language: number}`` with an
        optional ``default`` key.

    Returns
    -------
    Catalogue
        Pass it to :func:`trace_workspace` to see what the change does to the evidence. To
        adopt it, edit the catalogue YAML the same way and run ``consult trace --catalogue``.
    """
    if not isinstance(catalogue, Catalogue):
        raise EvidenceError("`catalogue` is not a Catalogue",
                            expected="the result of load_catalogue()",
                            found=type(catalogue).__name__)
    if element_id not in catalogue:
        raise DraftParameterError(f"Unknown element {element_id!r}"
                                  f"{did_you_mean(str(element_id), catalogue.ids)}",
                                  expected=f"one of {', '.join(catalogue.ids)}")
    e = catalogue[element_id]
    changes: dict[str, Any] = {}
    for name, value in (("label", label), ("description", description), ("clause", clause)):
        if value is not None:
            if not isinstance(value, str) or not value.strip():
                raise DraftParameterError(f"The {name!r} parameter must be a non-empty "
                                          f"string. Got {value!r} instead")
            changes[name] = " ".join(value.split())
    if add_cues is not None or remove_cues is not None:
        changes["cues"] = _merge_cues(e.cues, add_cues, remove_cues, catalogue.languages,
                                      element_id, "cues")
    if add_weak_cues is not None or remove_weak_cues is not None:
        changes["weak_cues"] = _merge_cues(e.weak_cues, add_weak_cues, remove_weak_cues,
                                           catalogue.languages, element_id, "weak_cues")
    if threshold is not None:
        th = {"default": threshold} if not isinstance(threshold, Mapping) else dict(threshold)
        for k, v in th.items():
            check_number(f"threshold[{k!r}]", v, low=0.0, low_open=True)
        changes["threshold"] = {str(k): float(v) for k, v in th.items()}
    new = dataclasses.replace(e, **changes)
    cat = dataclasses.replace(catalogue, elements=tuple(
        new if x.id == element_id else x for x in catalogue.elements), _by_id={})
    _compile_check(cat, f"edit of element {element_id!r}")
    return cat


def trace_workspace(workspace: Any, catalogue: Catalogue | str | os.PathLike | None = None,
                    **params: Any) -> dict[str, pd.DataFrame]:
    """Trace the catalogue over a workspace's tables in memory (nothing is written).

    The same inputs as ``consult trace`` (:func:`consultation.pipeline.trace`): answers,
    questions, responses and, when present, languages, redacted answers and documents,
    documents, campaign members and codes. ``params`` go to
    :func:`~standards_draft.evidence.trace_evidence` (``threshold``, ``thresholds``,
    ``bm25_weight`` …).

    Returns
    -------
    dict
        ``{"evidence": DataFrame, "element_summary": DataFrame}``.
    """
    from consultation.workspace import Workspace

    from .catalogue import load_catalogue
    from .evidence import trace_evidence

    ws = workspace if isinstance(workspace, Workspace) else Workspace.open(workspace)
    cat = catalogue if isinstance(catalogue, Catalogue) else load_catalogue(catalogue)

    def opt(name: str) -> pd.DataFrame | None:
        return ws.read(name) if name in ws else None

    return trace_evidence(
        cat, ws["answers"], ws["questions"], ws["responses"], languages=opt("languages"),
        redacted_answers=opt("redacted_answers"), documents=opt("documents"),
        redacted_documents=opt("redacted_documents"),
        campaign_members=opt("campaign_members"), codes=opt("codes"), **params)


# ============================================================================================
# Evidence and summaries
# ============================================================================================

def element_evidence(evidence: pd.DataFrame, *, element_id: str | Sequence[str] | None = None,
                     stakeholder_type: str | Sequence[str] | None = None,
                     stance: str | Sequence[str] | None = None,
                     source: str | Sequence[str] | None = None,
                     language: str | Sequence[str] | None = None,
                     quotable_only: bool = False) -> pd.DataFrame:
    """Evidence rows filtered by element, group, stance, source and language.

    Every filter takes one value or a list; None keeps everything. Unknown element ids,
    stances and sources are errors (with a "did you mean").

    Parameters
    ----------
    evidence : the ``evidence`` table.
    quotable_only : keep only rows with a quotable (redacted) passage.

    Returns
    -------
    DataFrame
        The matching rows (all ``evidence`` columns), strongest link first within each
        element (elements in evidence order).
    """
    cs.require(evidence, EVIDENCE, ["evidence_id", "element_id", "response_id", "source",
                                    "stance"], stage="explore")
    if not isinstance(quotable_only, bool):
        raise DraftParameterError(f"The 'quotable_only' parameter must be a bool. Got "
                                  f"{quotable_only!r} instead")
    ids = list(dict.fromkeys(evidence["element_id"].astype(str)))
    keep = pd.Series(True, index=evidence.index)
    want = _as_set("element_id", element_id)
    if want is not None:
        unknown = sorted(want - set(ids))
        if unknown:
            raise DraftParameterError(
                f"No evidence for element {unknown[0]!r}{did_you_mean(unknown[0], ids)}",
                expected=f"one of {', '.join(ids)}" if ids else "an element with evidence")
        keep &= evidence["element_id"].astype(str).isin(want)
    for col, value, allowed in (("stance", stance, STANCES), ("source", source, SOURCES),
                                ("stakeholder_type", stakeholder_type, None),
                                ("language", language, None)):
        vals = _as_set(col, value, allowed)
        if vals is not None:
            keep &= evidence[col].astype("string").isin(vals).fillna(False)
    if quotable_only:
        keep &= evidence["quote_available"].fillna(False).astype(bool) if (
            "quote_available" in evidence.columns) else evidence["quote"].notna()
    out = evidence[keep].copy()
    order = {e: i for i, e in enumerate(ids)}
    out["_o"] = out["element_id"].astype(str).map(order)
    out["_s"] = pd.to_numeric(out["score"], errors="coerce").fillna(0.0) if (
        "score" in out.columns) else 0.0
    out = out.sort_values(["_o", "_s", "evidence_id"], ascending=[True, False, True],
                          kind="mergesort")
    return out.drop(columns=["_o", "_s"]).reset_index(drop=True)


def element_matrix(element_summary: pd.DataFrame, *, value: str = "net_support",
                   with_labels: bool = True) -> pd.DataFrame:
    """Elements (rows) × stakeholder groups (columns) of one ``element_summary`` measure.

    Parameters
    ----------
    element_summary : the ``element_summary`` table.
    value : one of :data:`SUMMARY_VALUES`: ``net_support`` (default; -1 all against … +1 all
        in favour), ``n_voices``, ``share_support``, ``contestedness`` ….
    with_labels : index ``<element_id>: <label>`` (else the element id).

    Returns
    -------
    DataFrame
        Columns ``all`` then the stakeholder types in the Commission's order (groups without
        voices are NaN for the shares and ratios).
    """
    cs.require(element_summary, ELEMENT_SUMMARY, ["element_id", "group", value]
               if value in element_summary.columns else ["element_id", "group"],
               stage="explore")
    if not isinstance(value, str) or value not in SUMMARY_VALUES:
        raise DraftParameterError(
            f"The 'value' parameter must be one of {', '.join(SUMMARY_VALUES)}. Got {value!r} "
            f"instead{did_you_mean(str(value), list(SUMMARY_VALUES))}")
    if value not in element_summary.columns:
        raise EvidenceError(f"element_summary has no column {value!r}",
                            fix="re-run `consult trace`")
    s = element_summary
    elements = list(dict.fromkeys(s["element_id"].astype(str)))
    present = set(s["group"].astype(str))
    order = _stakeholder_order()
    groups = (["all"] if "all" in present else []) + [g for g in order if g in present] + \
        sorted(present - set(order) - {"all"})
    piv = s.pivot_table(index="element_id", columns="group", values=value, aggfunc="first",
                        dropna=False).reindex(index=elements, columns=groups)
    if with_labels:
        lab = _labels(s)
        piv.index = [f"{e}: {lab.get(e, '')}" if lab.get(e) else e for e in piv.index]
    piv.index.name = "element"
    piv.columns.name = value
    return piv


def contested_elements(element_summary: pd.DataFrame, *, group: str = "all",
                       min_contestedness: float | None = None) -> pd.DataFrame:
    """Elements on which respondents are split, most contested first.

    Parameters
    ----------
    element_summary : the ``element_summary`` table.
    group : ``all`` or a stakeholder type (split within that group).
    min_contestedness : keep elements with ``contestedness`` at least this (0 unanimous … 1
        evenly split); None: the rows flagged ``contested`` by the trace (≥ 0.5).

    Returns
    -------
    DataFrame
        ``element_id``, ``label``, ``n_voices``, ``n_support``, ``n_conditional``,
        ``n_oppose``, ``contestedness``, ``net_support``, ``strength``, ``weak``,
        ``most_opposed_by`` (the stakeholder group with the largest share opposing, with that
        share), ``top_quotes``.
    """
    cs.require(element_summary, ELEMENT_SUMMARY,
               ["element_id", "group", "n_voices", "n_support", "n_conditional", "n_oppose",
                "contestedness", "contested"], stage="explore")
    groups = sorted(set(element_summary["group"].astype(str)))
    if not isinstance(group, str) or group not in groups:
        raise DraftParameterError(f"The 'group' parameter must be one of {', '.join(groups)}. "
                                  f"Got {group!r} instead{did_you_mean(str(group), groups)}")
    if min_contestedness is not None:
        check_number("min_contestedness", min_contestedness, low=0.0, high=1.0)
    s = element_summary[element_summary["group"].astype(str).eq(group)]
    c = s["contestedness"].astype(float).fillna(0.0)
    keep = (c >= float(min_contestedness)) if min_contestedness is not None else \
        s["contested"].fillna(False).astype(bool)
    out = s[keep.to_numpy()].copy()
    by_type = element_summary[~element_summary["group"].astype(str).eq("all")]
    opp: dict[str, str] = {}
    if "share_oppose" in by_type.columns:
        from consultation.charts import group_label

        for eid, d in by_type.groupby(by_type["element_id"].astype(str)):
            d = d[d["n_oppose"].fillna(0).astype(int) > 0]
            if len(d):
                d = d.sort_values(["share_oppose", "group"], ascending=[False, True],
                                  kind="mergesort")
                opp[eid] = (f"{group_label('stakeholder_type', str(d['group'].iloc[0]))} "
                            f"({100 * float(d['share_oppose'].iloc[0]):.0f}%)")
    out["most_opposed_by"] = [opp.get(str(e), "") for e in out["element_id"]]
    out["_c"] = out["contestedness"].astype(float)
    out = out.sort_values(["_c", "n_voices", "element_id"], ascending=[False, False, True],
                          kind="mergesort")
    cols = [c for c in ("element_id", "label", "n_voices", "n_support", "n_conditional",
                        "n_oppose", "contestedness", "net_support", "strength", "weak",
                        "most_opposed_by", "top_quotes") if c in out.columns]
    return out[cols].reset_index(drop=True)


def compare_summaries(before: pd.DataFrame, after: pd.DataFrame, *, group: str = "all",
                      columns: Sequence[str] = ("n_voices", "n_support", "n_conditional",
                                                "n_oppose", "net_support")) -> pd.DataFrame:
    """What changed between two ``element_summary`` tables (e.g. before / after editing an
    element and re-tracing), for one group.

    Returns
    -------
    DataFrame
        ``element_id``, ``label``, then ``<col>_before``, ``<col>_after``, ``<col>_change``
        for each column, and ``changed`` (any column differs); changed elements first.
    """
    for df in (before, after):
        cs.require(df, ELEMENT_SUMMARY, ["element_id", "group", *columns], stage="explore")
    bad = [c for c in columns if c not in SUMMARY_VALUES]
    if bad:
        raise DraftParameterError(f"The 'columns' parameter must hold columns of "
                                  f"{', '.join(SUMMARY_VALUES)}. Got {bad[0]!r} instead"
                                  f"{did_you_mean(bad[0], list(SUMMARY_VALUES))}")
    b = before[before["group"].astype(str).eq(group)].set_index("element_id")
    a = after[after["group"].astype(str).eq(group)].set_index("element_id")
    ids = list(dict.fromkeys([*b.index.astype(str), *a.index.astype(str)]))
    lab = {**_labels(before), **_labels(after)}
    out = pd.DataFrame({"element_id": ids, "label": [lab.get(e, "") for e in ids]})
    changed = np.zeros(len(ids), dtype=bool)
    for c in columns:
        vb = pd.to_numeric(b[c].reindex(ids), errors="coerce").astype(float).to_numpy()
        va = pd.to_numeric(a[c].reindex(ids), errors="coerce").astype(float).to_numpy()
        out[f"{c}_before"], out[f"{c}_after"], out[f"{c}_change"] = vb, va, va - vb
        same = np.isclose(np.nan_to_num(vb, nan=np.inf), np.nan_to_num(va, nan=np.inf),
                          equal_nan=True) | (np.isnan(vb) & np.isnan(va))
        changed |= ~same
    out["changed"] = changed
    out["_o"] = ~out["changed"]
    return out.sort_values("_o", kind="mergesort").drop(columns="_o").reset_index(drop=True)


_PASSAGE_KEY = ("element_id", "response_id", "source", "question_id", "document_id", "start",
                "end")


def evidence_changes(before: pd.DataFrame, after: pd.DataFrame, *,
                     element_id: str | Sequence[str] | None = None) -> pd.DataFrame:
    """Evidence gained or lost between two traces (e.g. before / after editing an element).

    A piece of evidence is identified by its element, response, source, question, document and
    passage offsets (``evidence_id`` is renumbered by every trace, so it is not used).

    Returns
    -------
    DataFrame
        ``change`` (``added`` | ``removed`` | ``stance`` when the same passage changed stance),
        then the ``after`` row (the ``before`` row for removed evidence), with
        ``stance_before`` for stance changes; ordered by element as in ``after``.
    """
    for df in (before, after):
        cs.require(df, EVIDENCE, [*_PASSAGE_KEY, "stance"], stage="explore")
    want = _as_set("element_id", element_id)

    def keyed(df: pd.DataFrame) -> pd.DataFrame:
        d = df if want is None else df[df["element_id"].astype(str).isin(want)]
        d = d.copy()
        d["_key"] = list(zip(*(d[c].astype("string").fillna("").tolist()
                               for c in _PASSAGE_KEY), strict=True)) if len(d) else []
        return d

    b, a = keyed(before), keyed(after)
    bkeys = dict(zip(b["_key"], b["stance"].astype(str), strict=True))
    akeys = set(a["_key"])
    added = a[~a["_key"].isin(set(bkeys))].assign(change="added")
    same = a[a["_key"].isin(set(bkeys))]
    moved = same[np.array([bkeys[k] != str(s) for k, s in zip(
        same["_key"], same["stance"], strict=True)], dtype=bool)]
    moved = moved.assign(change="stance", stance_before=[bkeys[k] for k in moved["_key"]])
    removed = b[~b["_key"].isin(akeys)].assign(change="removed")
    out = pd.concat([added, moved, removed], ignore_index=True)
    if "stance_before" not in out.columns:
        out["stance_before"] = None
    order = {e: i for i, e in enumerate(dict.fromkeys(
        [*a["element_id"].astype(str), *b["element_id"].astype(str)]))}
    out["_o"] = out["element_id"].astype(str).map(order)
    out = out.sort_values(["_o", "change", "response_id"], kind="mergesort")
    cols = ["change", *[c for c in out.columns if c not in ("change", "_key", "_o")]]
    return out[cols].reset_index(drop=True)


def draft_table(draft: Any) -> pd.DataFrame:
    """The clauses of a :class:`~standards_draft.drafting.Draft` as a table.

    Returns
    -------
    DataFrame
        ``number`` (``<section>.<clause>``), ``section``, ``element_id``, ``text``,
        ``mandatory``, ``flags`` (e.g. ``contested``), ``note`` (the evidence note's text).
    """
    if not hasattr(draft, "sections") or not hasattr(draft, "notes"):
        raise DraftParameterError("The 'draft' parameter must be a Draft (draft_standard()). "
                                  f"Got {type(draft).__name__} instead")
    notes = {n.number: n.text for n in draft.notes}
    rows = []
    for si, (heading, clauses) in enumerate(draft.sections, 1):
        for ci, c in enumerate(clauses, 1):
            rows.append({"number": f"{si}.{ci}", "section": heading, "element_id": c.element_id,
                         "text": c.text, "mandatory": c.mandatory,
                         "flags": ", ".join(c.flags), "note": notes.get(c.note, "")})
    out = pd.DataFrame(rows, columns=["number", "section", "element_id", "text", "mandatory",
                                      "flags", "note"])
    out["mandatory"] = out["mandatory"].astype("boolean")
    return out
