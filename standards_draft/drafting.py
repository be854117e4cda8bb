"""Evidence-linked draft of the standard: every clause carries a note with its evidence.

The draft follows the catalogue's kinds in order (for micro-credentials: definition, standard
elements, principles, roadmap actions). Each clause is the element's ``clause`` text with a
numbered note that gives the voices for and against it by stakeholder group (one respondent
one voice, a campaign once), the closed-question result, and quote ids with their (redacted)
text. Clauses whose support is weak or contested are flagged. A final section lists the
evidence for proposed amendments: contested or mostly conditional elements, elements with net
opposition, and themes from ``codes`` / ``topics`` that no element covers.

Templates are deterministic; no language model is involved. Output: Markdown
(:meth:`Draft.to_markdown`, notes as Markdown footnotes) and DOCX (:meth:`Draft.to_docx`,
numbered endnotes with the quote text, because python-docx has no footnote API).
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd

from consultation import schema as cs

from .catalogue import Catalogue, Element
from .errors import DraftingError, EvidenceError, check_number
from .schema import ELEMENT_SUMMARY, EVIDENCE

__all__ = ["Amendment", "Clause", "Draft", "Note", "draft_standard"]

log = logging.getLogger(__name__)

GROUP_NAMES = {
    "eu_citizen": "EU citizens", "non_eu_citizen": "non-EU citizens",
    "academic_research_institution": "academic/research", "business_association":
    "business associations", "company": "companies", "consumer_organisation": "consumer org.",
    "environmental_organisation": "environmental org.", "ngo": "NGOs",
    "public_authority": "public authorities", "trade_union": "trade unions", "other": "other",
    "not_disclosed": "not disclosed",
}


@dataclass
class Note:
    """A numbered evidence note attached to a clause."""

    number: int
    element_id: str
    text: str  # counts by group and closed-question result
    quotes: list[tuple[str, str, str]] = field(default_factory=list)  # (evidence_id, who, text)


@dataclass
class Clause:
    element_id: str
    kind: str
    label: str
    text: str
    note: int
    flags: list[str] = field(default_factory=list)
    mandatory: bool | None = None
    source: str = ""


@dataclass
class Amendment:
    kind: str  # contested | conditional | opposed | uncovered_code | uncovered_topic
    element_id: str | None
    title: str
    text: str
    evidence_ids: list[str] = field(default_factory=list)
    n_voices: int = 0


@dataclass
class Draft:
    """The draft standard: sections of clauses, numbered notes, proposed amendments."""

    title: str
    sections: list[tuple[str, list[Clause]]]
    notes: list[Note]
    amendments: list[Amendment]
    intro: str = ""

    def clause(self, element_id: str) -> Clause:
        for _, clauses in self.sections:
            for c in clauses:
                if c.element_id == element_id:
                    return c
        raise KeyError(element_id)

    def note(self, number: int) -> Note:
        return self.notes[number - 1]

    # -- Markdown ------------------------------------------------------------------------
    def to_markdown(self) -> str:
        """The draft as Markdown; notes are Markdown footnotes ``[^n]``."""
        out = [f"# {self.title}", ""]
        if self.intro:
            out += [self.intro, ""]
        for si, (heading, clauses) in enumerate(self.sections, 1):
            out += [f"## {si}. {heading}", ""]
            last_group = None
            for ci, c in enumerate(clauses, 1):
                group = ("Mandatory elements" if c.mandatory else "Optional elements") \
                    if c.mandatory is not None else None
                if group and group != last_group:
                    out += [f"### {group}", ""]
                    last_group = group
                flags = "".join(f" **[{f}]**" for f in c.flags)
                out.append(f"{si}.{ci} ({c.element_id}) {c.text}[^{c.note}]{flags}")
                out.append("")
        out += ["## Evidence for proposed amendments", ""]
        if not self.amendments:
            out += ["No amendment is indicated by the evidence.", ""]
        for a in self.amendments:
            ids = f" Evidence: {', '.join(a.evidence_ids)}." if a.evidence_ids else ""
            out.append(f"- **{a.title}** — {a.text}{ids}")
        out.append("")
        for n in self.notes:
            lines = [n.text]
            for eid, who, q in n.quotes:
                lines.append(f"{eid} ({who}): “{_one_line(q)}”")
            out.append(f"[^{n.number}]: " + " ".join(lines[:1]) + "".join(
                f"<br>{x}" for x in lines[1:]))
        return "\n".join(out).rstrip() + "\n"

    # -- DOCX ----------------------------------------------------------------------------
    def to_docx(self, path: str | Path) -> Path:
        """Write the draft as DOCX with numbered endnotes (quote text included)."""
        try:
            import docx
            from docx.enum.text import WD_COLOR_INDEX
            from docx.shared import Pt
        except ImportError as exc:  # pragma: no cover - python-docx is a dependency
            raise DraftingError("python-docx is not installed",
                                fix="pip install python-docx") from exc
        p = Path(path)
        doc = docx.Document()
        doc.core_properties.title = self.title
        doc.add_heading(self.title, level=0)
        if self.intro:
            doc.add_paragraph(self.intro)
        for si, (heading, clauses) in enumerate(self.sections, 1):
            doc.add_heading(f"{si}. {heading}", level=1)
            last_group = None
            for ci, c in enumerate(clauses, 1):
                group = ("Mandatory elements" if c.mandatory else "Optional elements") \
                    if c.mandatory is not None else None
                if group and group != last_group:
                    doc.add_heading(group, level=2)
                    last_group = group
                para = doc.add_paragraph()
                para.add_run(f"{si}.{ci} ").bold = True
                para.add_run(f"({c.element_id}) {c.text}")
                sup = para.add_run(str(c.note))
                sup.font.superscript = True
                for f in c.flags:
                    r = para.add_run(f"  [{f}]")
                    r.bold = True
                    r.font.highlight_color = WD_COLOR_INDEX.YELLOW
        doc.add_heading("Evidence for proposed amendments", level=1)
        if not self.amendments:
            doc.add_paragraph("No amendment is indicated by the evidence.")
        for a in self.amendments:
            para = doc.add_paragraph(style="List Bullet")
            para.add_run(a.title).bold = True
            para.add_run(f" — {a.text}")
            if a.evidence_ids:
                para.add_run(f" Evidence: {', '.join(a.evidence_ids)}.")
        doc.add_heading("Notes: evidence", level=1)
        for n in self.notes:
            para = doc.add_paragraph()
            para.add_run(f"{n.number}. ").bold = True
            para.add_run(n.text)
            for eid, who, q in n.quotes:
                qp = doc.add_paragraph()
                qp.paragraph_format.left_indent = Pt(18)
                qp.add_run(f"{eid} ({who}): ").italic = True
                qp.add_run(f"“{_one_line(q)}”")
        try:
            p.parent.mkdir(parents=True, exist_ok=True)
            doc.save(str(p))
        except OSError as exc:
            raise DraftingError(f"Cannot write the DOCX draft to {p}", found=str(exc)) from exc
        return p

    def to_dict(self) -> dict:
        return {
            "title": self.title,
            "sections": [{"heading": h, "clauses": [c.__dict__ for c in cl]}
                         for h, cl in self.sections],
            "notes": [n.__dict__ for n in self.notes],
            "amendments": [a.__dict__ for a in self.amendments],
        }


def _one_line(text: str, limit: int = 400) -> str:
    t = " ".join(str(text).split())
    return t if len(t) <= limit else t[: limit - 1].rstrip() + "…"


def _group_counts(rows: pd.DataFrame, col: str) -> str:
    parts = []
    for g, n in zip(rows["group"], rows[col], strict=True):
        if int(n) > 0:
            parts.append(f"{GROUP_NAMES.get(g, g)} {int(n)}")
    return ", ".join(parts)


def _note_text(e: Element, summ: pd.DataFrame) -> str:
    allrow = summ[summ["group"].eq("all")]
    if allrow.empty:
        return "No evidence traced."
    r = allrow.iloc[0]
    groups = summ[summ["group"].ne("all")]
    n_s, n_c, n_o, n_n = (int(r["n_support"]), int(r["n_conditional"]),
                          int(r["n_oppose"]), int(r["n_neutral"]))
    pos = n_s + n_c + n_o
    bits = [f"{pos} of {int(r['n_group'])} voices take a position"
            f" (one respondent one voice, campaigns once)."]
    if n_s:
        bits.append(f"Support {n_s}: {_group_counts(groups, 'n_support')}.")
    if n_c:
        bits.append(f"Conditional support {n_c}: {_group_counts(groups, 'n_conditional')}.")
    if n_o:
        bits.append(f"Opposition {n_o}: {_group_counts(groups, 'n_oppose')}.")
    if n_n:
        bits.append(f"{n_n} only mention it.")
    if int(r["n_closed"]):
        mean = r["mean_rating"]
        mean_txt = f", mean rating {mean:.1f}" if pd.notna(mean) else ""
        bits.append(f"Closed question: {int(r['n_closed_support'])} of {int(r['n_closed'])} "
                    f"in favour, {int(r['n_closed_oppose'])} against{mean_txt}.")
    sizes = json.loads(r["campaign_sizes"] or "{}")
    if sizes:
        bits.append("Campaigns (counted once): " + ", ".join(
            f"{k} ({v} responses)" for k, v in sorted(sizes.items())) + ".")
    bits.append(f"Strength {r['strength']:.2f}, contestedness {r['contestedness']:.2f}.")
    if e.sources:
        bits.append(f"Source: {e.citation()}.")
    return " ".join(bits)


def draft_standard(
    catalogue: Catalogue,
    evidence: pd.DataFrame,
    element_summary: pd.DataFrame,
    *,
    codes: pd.DataFrame | None = None,
    topics: pd.DataFrame | None = None,
    title: str | None = None,
    max_quotes: int = 3,
    min_voices: int = 5,
) -> Draft:
    """Write the evidence-linked draft standard.

    Parameters
    ----------
    catalogue : Catalogue
    evidence, element_summary : DataFrame
        From :func:`~standards_draft.evidence.trace_evidence`.
    codes : DataFrame, optional
        Coded answers (``response_id, question_id, code_id`` [, ``label``]); codes that are not
        element ids and whose answers carry no element evidence become amendment candidates.
    topics : DataFrame, optional
        Topics (``topic_id, label, keywords, size`` [, ``representative_text``,
        ``main_language``]); topics of at least ``min_voices`` answers that no element's cues
        match become amendment candidates.
    title : str, optional
        Defaults to the catalogue title.
    max_quotes : int, default 3
        Quotes per note (taken from ``element_summary.top_evidence_ids``: diverse by group and
        language, redacted).
    min_voices : int, default 5
        Smallest number of voices for an amendment candidate.

    Returns
    -------
    Draft
        ``.sections`` (heading, clauses), ``.notes``, ``.amendments``; ``.to_markdown()``,
        ``.to_docx(path)``.
    """
    check_number("max_quotes", max_quotes, kind=int, low=0)
    check_number("min_voices", min_voices, kind=int, low=1)
    cs.require(evidence, EVIDENCE, ["evidence_id", "element_id", "stance", "quote"],
               stage="draft")
    cs.require(element_summary, ELEMENT_SUMMARY,
               ["element_id", "group", "n_support", "n_conditional", "n_oppose", "weak",
                "contested", "top_evidence_ids"], stage="draft")
    unknown = sorted(set(element_summary["element_id"].astype(str)) - set(catalogue.ids))
    if unknown:
        raise EvidenceError(f"element_summary has element ids the catalogue lacks: "
                            f"{', '.join(unknown[:5])}",
                            fix="pass the catalogue the evidence was traced with")
    quote_of = dict(zip(evidence["evidence_id"].astype(str), evidence["quote"], strict=True))
    who_of = {
        eid: f"{GROUP_NAMES.get(str(st), str(st))}, {lang}"
        for eid, st, lang in zip(
            evidence["evidence_id"].astype(str),
            evidence["stakeholder_type"].astype("string").fillna("?")
            if "stakeholder_type" in evidence else ["?"] * len(evidence),
            evidence["language"].astype("string").fillna("?")
            if "language" in evidence else ["?"] * len(evidence), strict=True)}
    by_elem = {k: g for k, g in element_summary.groupby("element_id", sort=False)}
    sections: list[tuple[str, list[Clause]]] = []
    notes: list[Note] = []
    for kind in catalogue.kind_order():
        elements = catalogue.of_kind(kind)
        if not elements:
            continue
        clauses = []
        ordered = sorted(elements, key=lambda e: (e.mandatory is False,)) \
            if any(e.mandatory is not None for e in elements) else elements
        for e in ordered:
            summ = by_elem.get(e.id, element_summary.iloc[0:0])
            number = len(notes) + 1
            quotes = []
            allrow = summ[summ["group"].eq("all")] if len(summ) else summ
            if len(allrow):
                for eid in list(allrow.iloc[0]["top_evidence_ids"] or [])[:max_quotes]:
                    q = quote_of.get(eid)
                    if q is not None and not pd.isna(q):
                        quotes.append((eid, who_of.get(eid, "?"), str(q)))
            notes.append(Note(number, e.id, _note_text(e, summ), quotes))
            flags = []
            if len(allrow):
                r = allrow.iloc[0]
                if bool(r["contested"]):
                    flags.append("contested")
                if bool(r["weak"]):
                    flags.append("weak support")
            else:
                flags.append("no evidence")
            clauses.append(Clause(e.id, e.kind, e.label, e.clause, number, flags,
                                  e.mandatory, e.citation()))
        sections.append((catalogue.kinds.get(kind, {}).get("label", kind), clauses))
    amendments = _element_amendments(catalogue, evidence, element_summary, min_voices)
    if codes is not None:
        amendments += _code_amendments(catalogue, evidence, codes, min_voices)
    if topics is not None:
        amendments += _topic_amendments(catalogue, topics, min_voices)
    intro = ("Draft generated from the consultation evidence. Each clause's note counts the "
             "respondents for and against it (one respondent one voice; organised campaigns "
             "counted once) and quotes redacted answers by their evidence id. Flags: "
             "[contested] at least a third of positions oppose; [weak support] fewer than "
             f"{min_voices} positions or a lower 95% bound of support below 50%.")
    return Draft(title or catalogue.title or "Draft standard", sections, notes, amendments,
                 intro)


def _ids(evidence: pd.DataFrame, element_id: str, stance: str, k: int = 5) -> list[str]:
    sub = evidence[evidence["element_id"].eq(element_id) & evidence["stance"].eq(stance)
                   & evidence["quote"].notna()]
    if "score" in sub:
        sub = sub.sort_values(["score", "evidence_id"], ascending=[False, True])
    return list(dict.fromkeys(sub["evidence_id"].astype(str)))[:k]


def _element_amendments(cat: Catalogue, evidence: pd.DataFrame, summary: pd.DataFrame,
                        min_voices: int) -> list[Amendment]:
    out = []
    allrows = summary[summary["group"].eq("all")]
    for e in cat.elements:
        rows = allrows[allrows["element_id"].eq(e.id)]
        if rows.empty:
            continue
        r = rows.iloc[0]
        n_s, n_c, n_o = int(r["n_support"]), int(r["n_conditional"]), int(r["n_oppose"])
        pos = n_s + n_c + n_o
        if pos < min_voices:
            continue
        if n_o > n_s + n_c:
            out.append(Amendment(
                "opposed", e.id, f"Reconsider {e.id} ({e.label})",
                f"More voices oppose ({n_o}) than support it ({n_s + n_c}, of which {n_c} "
                f"conditionally).", _ids(evidence, e.id, "oppose"), pos))
        elif bool(r["contested"]):
            out.append(Amendment(
                "contested", e.id, f"Amend {e.id} ({e.label})",
                f"Contested: {n_o} voices oppose, {n_s} support, {n_c} support with conditions.",
                _ids(evidence, e.id, "oppose", 3) + _ids(evidence, e.id, "conditional", 2), pos))
        elif min_voices <= n_c and n_c >= n_s:
            out.append(Amendment(
                "conditional", e.id, f"Add conditions to {e.id} ({e.label})",
                f"{n_c} of {pos} voices support it only with conditions; their conditions are "
                f"in the quoted evidence.", _ids(evidence, e.id, "conditional"), pos))
    return out


def _code_amendments(cat: Catalogue, evidence: pd.DataFrame, codes: pd.DataFrame,
                     min_voices: int) -> list[Amendment]:
    col = "code_id" if "code_id" in codes.columns else ("code" if "code" in codes.columns
                                                       else None)
    if col is None or "response_id" not in codes.columns:
        log.warning("codes has no code_id/response_id columns; uncovered codes skipped")
        return []
    text = evidence[evidence["source"].isin(["answer", "document"])]
    linked = set(zip(text["response_id"].astype(str),
                     text["question_id"].astype("string").fillna(""), strict=True))
    qcol = codes["question_id"].astype("string").fillna("") if "question_id" in codes \
        else pd.Series([""] * len(codes), index=codes.index)
    labels = codes["label"] if "label" in codes.columns else codes[col]
    out = []
    df = pd.DataFrame({"code": codes[col].astype(str), "rid": codes["response_id"].astype(str),
                       "qid": qcol, "label": labels.astype(str)})
    for code, g in df.groupby("code", sort=True):
        if code in cat:
            continue
        n_resp = g["rid"].nunique()
        if n_resp < min_voices:
            continue
        covered = sum((r, q) in linked for r, q in zip(g["rid"], g["qid"], strict=True))
        share = covered / len(g)
        if share < 0.5:
            out.append(Amendment(
                "uncovered_code", None, f"Theme not in the catalogue: {g['label'].iloc[0]}",
                f"Code {code!r} is on {len(g)} answers of {n_resp} respondents; only "
                f"{share:.0%} of them link to any catalogue element. Consider a new element "
                f"or clause.", [], n_resp))
    return out


def _topic_amendments(cat: Catalogue, topics: pd.DataFrame, min_voices: int
                      ) -> list[Amendment]:
    from .evidence import link_passages

    if "label" not in topics.columns:
        log.warning("topics has no label column; uncovered topics skipped")
        return []
    out = []
    size = topics["size"] if "size" in topics.columns else pd.Series([0] * len(topics),
                                                                       index=topics.index)
    for i, row in topics.iterrows():
        tid = row.get("topic_id")
        if tid is not None and not pd.isna(tid) and int(tid) < 0:
            continue
        n = int(size.loc[i]) if not pd.isna(size.loc[i]) else 0
        if n < min_voices:
            continue
        kws = row.get("keywords")
        if isinstance(kws, (list, tuple, np.ndarray)):  # Parquet gives list columns as arrays
            kw_text = " ".join(map(str, kws))
        else:
            kw_text = "" if kws is None or (isinstance(kws, float) and kws != kws) else str(kws)
        lang = row.get("main_language") if isinstance(row.get("main_language"), str) else "en"
        probe = [str(row["label"]), kw_text]
        rep = row.get("representative_text")
        if isinstance(rep, str) and rep.strip():
            probe.append(rep)
        hits = {h["element_id"] for t in probe for h in link_passages(t, lang, cat)}
        if not hits:
            model = row.get("model_id", "")
            out.append(Amendment(
                "uncovered_topic", None, f"Topic not in the catalogue: {row['label']}",
                f"Topic {tid} ({model}) groups {n} answers and matches no element's cues. "
                f"Keywords: {kw_text[:200]}.", [], n))
    return out


def amendments_frame(draft: Draft) -> pd.DataFrame:
    """The draft's amendments as a table (for reports)."""
    return pd.DataFrame([{**a.__dict__, "evidence_ids": list(a.evidence_ids)}
                         for a in draft.amendments])
