"""Read a workspace and decide what the published report says (format-neutral).

:func:`collect_report` turns the tables of a workspace into a :class:`~.model.Report`: the
Commission's factual summary (consultation, respondents, campaigns, views per question, position
papers, annex of organisations), the synopsis for the Council Recommendation (per catalogue
element: support, opposition and conditions by stakeholder group, contestedness, key quotes with
evidence IDs, and the evidence-linked draft) and the methods annex generated from the manifest.

Every section renders from whatever tables the workspace has: a section whose tables are missing
says so in one line, and a missing column is logged (and listed in the build notes), never
silently skipped. Only published columns (:mod:`consultation.safety`) and redacted text reach
the report.
"""

from __future__ import annotations

import ast
import importlib.util
import inspect
import json
import logging
import math
import re
from collections.abc import Callable, Iterable
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
from rapidfuzz import fuzz

from consultation import safety
from consultation.workspace import Workspace

from . import figures
from .model import (
    Bullets,
    Explorer,
    Figure,
    Markdown,
    Para,
    Quote,
    Report,
    Section,
    Table,
    clean_text,
)

__all__ = ["collect_report", "is_synthetic"]

log = logging.getLogger(__name__)

try:  # the project's labels and palette (consultation.charts)
    from consultation.charts import ORGANISATION_SIZE_LABELS, STAKEHOLDER_LABELS, group_label
except ImportError:  # pragma: no cover - charts is part of the toolkit
    STAKEHOLDER_LABELS = {}
    ORGANISATION_SIZE_LABELS = {}

    def group_label(group_by: str, group: str) -> str:
        return str(group).replace("_", " ").capitalize()

SAMPLE_MARKER = "microcredentials_2021_sample"
INDIVIDUAL_TYPES = ("eu_citizen", "non_eu_citizen")
STANCES = ("support", "conditional", "oppose")
STANCE_LABELS = {"support": "Support", "conditional": "Conditional support",
                 "oppose": "Opposition", "neutral": "Neutral"}
SOURCE_LABELS = {"eusurvey": "EUSurvey questionnaire", "hys_scraper": "Have Your Say feedback",
                 "hys_api": "Have Your Say feedback (portal API)",
                 "regulations_gov": "regulations.gov comments", "generic": "Generic export"}
KIND_LABELS = {"single_choice": "single choice", "multi_choice": "multiple choice",
               "rating": "rating", "free_text": "open question", "upload": "upload"}
_GROUP_ORDER = {k: i for i, k in enumerate(STAKEHOLDER_LABELS)}
SHORT_LABELS = {"eu_citizen": "EU citizens", "non_eu_citizen": "Non-EU citizens",
                "academic_research_institution": "Academia / research",
                "business_association": "Business assoc.", "company": "Companies",
                "consumer_organisation": "Consumer orgs", "environmental_organisation":
                "Environmental orgs", "ngo": "NGOs", "public_authority": "Public authorities",
                "trade_union": "Trade unions", "other": "Other", "not_disclosed": "Not disclosed"}
"""Short stakeholder labels for table column headers."""
N_QUOTES_OPEN = 4
EXPLORER_MAX = 20_000  # evidence rows embedded in the HTML explorer
N_QUOTES_ELEMENT = 3
QUOTE_MAX = 600


# ------------------------------------------------------------------------------------------------
# formatting
# ------------------------------------------------------------------------------------------------

def fmt_int(n: object) -> str:
    try:
        if n is None or pd.isna(n):
            return "–"
    except (TypeError, ValueError):
        pass
    return f"{int(n):,}"


def fmt_pct(x: object, digits: int = 0) -> str:
    try:
        x = float(x)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return "–"
    if not math.isfinite(x):
        return "–"
    if 0 < x < 0.005 and digits == 0:
        return "<1%"
    return f"{100 * x:.{digits}f}%"


def fmt_share(n: int, total: int) -> str:
    return fmt_pct(n / total) if total else "–"


def fmt_num(x: object, digits: int = 2) -> str:
    try:
        x = float(x)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return "–"
    return f"{x:.{digits}f}" if math.isfinite(x) else "–"


def fmt_p(p: object) -> str:
    try:
        p = float(p)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return "–"
    if not math.isfinite(p):
        return "–"
    return "< 0.001" if p < 0.001 else f"{p:.3f}"


def fmt_date(ts: object) -> str:
    try:
        t = pd.Timestamp(ts)
    except (TypeError, ValueError):
        return "–"
    if pd.isna(t):
        return "–"
    return f"{t.day} {t.strftime('%B %Y')}"


def trim(text: str, limit: int = QUOTE_MAX) -> str:
    """Collapse whitespace; cut at a sentence (else word) boundary before ``limit`` chars."""
    text = " ".join(clean_text(text).split())
    if len(text) <= limit:
        return text
    cut = text[:limit]
    ends = [m.end() for m in re.finditer(r"[.!?…](?=\s)", cut)]
    if ends and ends[-1] > limit * 0.5:
        return cut[: ends[-1]] + " […]"
    return cut.rsplit(" ", 1)[0].rstrip(",;:") + " […]"


def short(text: str, limit: int = 110) -> str:
    text = " ".join(clean_text(text).split())
    return text if len(text) <= limit else text[: limit - 1].rsplit(" ", 1)[0] + "…"


def stakeholder_label(code: object) -> str:
    code = clean_text(code) or "not_disclosed"
    return STAKEHOLDER_LABELS.get(code) or group_label("stakeholder_type", code)


def country_label(code: object) -> str:
    code = clean_text(code)
    return group_label("country", code) if code else "Not disclosed"


def size_label(code: object) -> str:
    code = clean_text(code)
    if not code:
        return "Not given"
    return ORGANISATION_SIZE_LABELS.get(code) or code.capitalize()


_LANG_CACHE: dict[str, str] = {"el": "Greek", "und": "Undetermined"}


def language_label(code: object) -> str:
    code = clean_text(code)
    if not code:
        return "Unknown"
    if code not in _LANG_CACHE:
        name = code
        try:
            import pycountry

            lang = pycountry.languages.get(alpha_2=code)
            if lang is not None:
                name = re.sub(r"\s*\(.*\)$", "", lang.name)
        except (ImportError, KeyError, LookupError):  # pragma: no cover
            pass
        _LANG_CACHE[code] = name
    return _LANG_CACHE[code]


def _first_paragraph(doc: str | None) -> str:
    if not doc:
        return ""
    para = inspect.cleandoc(doc).split("\n\n", 1)[0]
    return " ".join(para.split())


# ------------------------------------------------------------------------------------------------
# reading the workspace defensively
# ------------------------------------------------------------------------------------------------

class _Ctx:
    """Cached table access; every missing table or column is logged and noted once."""

    def __init__(self, ws: Workspace, out_dir: Path) -> None:
        self.ws = ws
        self.out_dir = out_dir
        self.manifest: dict[str, Any] = ws.manifest or {}
        self._cache: dict[str, pd.DataFrame | None] = {}
        self.notes: list[str] = []
        self._noted: set[str] = set()
        self.codebook_labels: dict[str, str] | None = None

    def note(self, message: str) -> None:
        if message not in self._noted:
            self._noted.add(message)
            self.notes.append(message)
            log.warning("report: %s", message)

    def get(self, name: str) -> pd.DataFrame | None:
        if name not in self._cache:
            self._cache[name] = self.ws.read(name) if name in self.ws else None
        return self._cache[name]

    def has(self, name: str) -> bool:
        return self.get(name) is not None

    def need(self, name: str, df: pd.DataFrame, cols: Iterable[str], what: str) -> bool:
        """True if ``df`` has all ``cols``; else note which are missing and what is omitted."""
        missing = [c for c in cols if c not in df.columns]
        if missing:
            self.note(f"Table '{name}' has no column(s) {', '.join(missing)}: {what} omitted.")
            return False
        return True

    def pick(self, name: str, df: pd.DataFrame, candidates: Iterable[str],
             what: str) -> str | None:
        """The first of ``candidates`` that ``df`` has (noted when none)."""
        candidates = list(candidates)
        for c in candidates:
            if c in df.columns:
                return c
        self.note(f"Table '{name}' has none of the columns {', '.join(candidates)}: "
                  f"{what} omitted.")
        return None


def is_synthetic(manifest: dict[str, Any]) -> bool:
    """True when the manifest says so or an input path is the bundled synthetic sample."""
    if manifest.get("synthetic"):
        return True
    paths = [str(i.get("path", "")) for i in manifest.get("inputs", [])]
    params = manifest.get("stages", {}).get("ingest", {}).get("parameters", {}) or {}
    paths += [str(s) for s in params.get("sources", []) or []]
    return any(SAMPLE_MARKER in p for p in paths)


# ------------------------------------------------------------------------------------------------
# shared lookups
# ------------------------------------------------------------------------------------------------

class _Lookups:
    def __init__(self, ctx: _Ctx) -> None:
        self.ctx = ctx
        r = ctx.get("responses")
        self.responses = r if r is not None else pd.DataFrame(
            columns=["response_id", "stakeholder_type", "country", "publication"])
        rid = self.responses["response_id"].astype(str)
        self.type_of = dict(zip(rid, self.responses["stakeholder_type"].astype("string")
                                .fillna("not_disclosed"), strict=True))
        self.country_of = dict(zip(rid, self.responses.get(
            "country", pd.Series([None] * len(rid))).astype(object), strict=True))
        self.publication_of = dict(zip(rid, self.responses.get(
            "publication", pd.Series([None] * len(rid))).astype(object), strict=True))
        lang = ctx.get("languages")
        self.language_of: dict[tuple[str, str], str] = {}
        if lang is not None and {"response_id", "question_id", "language"} <= set(lang.columns):
            self.language_of = {
                (str(a), str(b)): clean_text(c)
                for a, b, c in zip(lang["response_id"], lang["question_id"], lang["language"],
                                   strict=True) if clean_text(c)}
        cm = ctx.get("campaign_members")
        self.campaign_of: dict[str, str] = {}
        if cm is not None and {"response_id", "campaign_id"} <= set(cm.columns):
            self.campaign_of = dict(zip(cm["response_id"].astype(str),
                                        cm["campaign_id"].astype(str), strict=True))
        q = ctx.get("questions")
        self.questions = q if q is not None else pd.DataFrame(
            columns=["question_id", "text", "kind", "parent_id", "is_group"])
        self.qtext = dict(zip(self.questions["question_id"].astype(str),
                              self.questions["text"].map(clean_text), strict=True))
        self.personal = self._personal_strings()
        self.own_names = self._anonymous_own_names()
        self.scrubbed: dict[str, int] = {}

    def source_line(self, response_id: str, question_id: str | None = None,
                    document: bool = False) -> str:
        t = self.type_of.get(response_id, "not_disclosed")
        parts = [stakeholder_label(t)]
        if t == "not_disclosed" and self.publication_of.get(response_id) == "anonymous":
            parts = ["Respondent who chose anonymous publication"]
        c = self.country_of.get(response_id)
        if clean_text(c):
            parts.append(country_label(c))
        lang = self.language_of.get((response_id, question_id or ""))
        if lang:
            parts.append(f"written in {language_label(lang)}")
        if document:
            parts.append("position paper")
        return ", ".join(parts)

    def _personal_strings(self) -> dict[tuple[str, str], list[tuple[str, str]]]:
        """Personal strings found by the redaction stage, per (response_id, question_id).

        Used to scrub quotes as a last line of defence (a quote should already be redacted)."""
        red = self.ctx.get("redactions")
        out: dict[tuple[str, str], list[tuple[str, str]]] = {}
        if red is None or not {"response_id", "question_id", "start", "end", "type"} <= set(
                red.columns):
            return out
        if "applied" in red.columns:
            red = red[red["applied"].fillna(True).astype(bool)]
        if red.empty:
            return out
        texts: dict[tuple[str, str], str] = {}
        ans = self.ctx.get("answers")
        if ans is not None:
            keys = set(zip(red["response_id"].astype(str), red["question_id"].astype(str),
                           strict=True))
            sub = ans[[(a, b) in keys for a, b in zip(ans["response_id"].astype(str),
                                                        ans["question_id"].astype(str),
                                                        strict=True)]]
            texts.update({(str(a), str(b)): clean_text(v) for a, b, v in
                          zip(sub["response_id"], sub["question_id"], sub["value"], strict=True)})
        docs = self.ctx.get("documents")
        if docs is not None and {"document_id", "text"} <= set(docs.columns):
            for d, rid, t in zip(docs["document_id"], docs["response_id"], docs["text"],
                                 strict=True):
                texts[(str(rid), f"document:{d}")] = clean_text(t)
        for rid, qid, s, e, typ in zip(red["response_id"].astype(str),
                                       red["question_id"].astype(str), red["start"], red["end"],
                                       red["type"].astype(str), strict=True):
            t = texts.get((rid, qid))
            if t is None or pd.isna(s) or pd.isna(e):
                continue
            piece = t[int(s):int(e)].strip()
            if len(piece) >= 3:
                out.setdefault((rid, qid), []).append((piece, typ))
        return out

    def _anonymous_own_names(self) -> dict[str, list[tuple[str, str]]]:
        """Names that identify an anonymous respondent through its own position paper.

        A respondent who chose anonymous publication may still name its organisation in the
        paper it attached ("Position of the Holmbrook Adult Education Network"). Capitalised
        multi-word names (and acronyms) that occur in that paper and in no other document are
        taken as such self-identification and replaced by ``[ORGANISATION]`` in every quote of
        the respondent. Names shared by several documents ("European Qualifications
        Framework") are never touched."""
        docs = self.ctx.get("redacted_documents")
        if docs is None or "text" not in docs.columns:
            docs = self.ctx.get("documents")
        if docs is None or not {"response_id", "text"} <= set(docs.columns):
            return {}
        found: dict[str, set[str]] = {}
        for rid, text in zip(docs["response_id"].astype(str), docs["text"], strict=True):
            found.setdefault(rid, set()).update(_names_in(clean_text(text)))
        counts: dict[str, int] = {}
        for names in found.values():
            for n in names:
                counts[n] = counts.get(n, 0) + 1
        out: dict[str, list[tuple[str, str]]] = {}
        for rid, names in found.items():
            if self.publication_of.get(rid) == "public":
                continue
            own = sorted(n for n in names if counts[n] == 1)
            if own:
                out[rid] = [(n, "ORGANISATION") for n in own]
        return out

    def scrub_pairs(self) -> list[tuple[str, str]]:
        """Every known personal or self-identifying string with its placeholder type."""
        pairs = {p for spans in self.personal.values() for p in spans}
        pairs |= {p for names in self.own_names.values() for p in names}
        return sorted(pairs, key=lambda p: (-len(p[0]), p[0]))

    def scrub_everywhere(self, text: str) -> str:
        """Scrub text that mixes respondents (the draft): every known string, everywhere."""
        new, n = safety.scrub(text, self.scrub_pairs())
        if n:
            self.scrubbed["(draft)"] = self.scrubbed.get("(draft)", 0) + n
        return new

    def scrub(self, text: str, response_id: str, question_id: str) -> str:
        spans = [*self.personal.get((response_id, question_id), []),
                 *self.own_names.get(response_id, [])]
        if not spans:
            return text
        new, n = safety.scrub(text, spans)
        if n:
            self.scrubbed[response_id] = self.scrubbed.get(response_id, 0) + n
        return new


_CAP = r"[A-ZÀ-ÖØ-ÞĄĆĘŁŃŚŹŻ][\w'’\-]*"
_CONN = (r"(?:of|for|de|del|della|la|le|les|der|die|das|dla|i|di|du|des|and|und|et|y|e|&|für|"
         r"van|voor|do|da|na|w)")
_NAME_RE = re.compile(rf"\b{_CAP}(?:(?:[ \t]+{_CONN})?[ \t]+{_CAP}){{1,6}}")
_ACRONYM_RE = re.compile(r"\b[A-Z]{3,6}\b")
_LEAD_WORDS = {"About", "For", "From", "By", "At", "In", "On", "The", "Der", "Die", "Das", "La",
               "Le", "Les", "El", "Il", "Lo", "De", "Het", "Of", "To", "With", "Dear"}


def _names_in(text: str) -> set[str]:
    """Capitalised multi-word names and acronyms of a text (leading function words dropped)."""
    out: set[str] = set()
    for m in _NAME_RE.finditer(text):
        words = m.group(0).split()
        while words and words[0] in _LEAD_WORDS:
            words = words[1:]
        if len(words) >= 2:
            out.add(" ".join(words))
    out.update(_ACRONYM_RE.findall(text))
    return out


# ------------------------------------------------------------------------------------------------
# sections
# ------------------------------------------------------------------------------------------------

def _count_table(values: pd.Series, label: Callable[[object], str], caption: str,
                 header: str, *, order: list[str] | None = None, last: Iterable[str] = (),
                 total: int | None = None, limit: int | None = None,
                 unit: str = "Contributions") -> Table:
    vc = values.astype("string").fillna("not_disclosed").value_counts()
    total = int(vc.sum()) if total is None else total
    last = list(last)
    if order:
        keys = [k for k in order if k in vc.index] + sorted(k for k in vc.index if k not in order)
    else:
        keys = sorted(vc.index, key=lambda k: (k in last, -int(vc[k]), label(k)))
    rows = [[label(k), fmt_int(vc[k]), fmt_share(int(vc[k]), total)] for k in keys]
    if limit and len(rows) > limit:
        rest = rows[limit:]
        n_rest = sum(int(vc[k]) for k in keys[limit:])
        rows = [*rows[:limit], [f"{len(rest)} other values", fmt_int(n_rest),
                                fmt_share(n_rest, total)]]
    rows.append(["Total", fmt_int(total), "100%" if total else "–"])
    return Table(caption=caption, header=[header, unit, "Share"], rows=rows)


def _section_consultation(ctx: _Ctx, lk: _Lookups) -> Section:
    sec = Section("consultation", "The consultation", page_break=False)
    r = ctx.get("responses")
    if r is None:
        return sec.add(Para("The workspace holds no responses: ingest was not run."))
    acc = (ctx.manifest.get("accounting") or {}).get("totals") or {}
    n = len(r)
    dates = pd.to_datetime(r["submitted_at"], utc=True) if "submitted_at" in r else None
    if dates is not None and dates.notna().any():
        period = f"between {fmt_date(dates.min())} and {fmt_date(dates.max())}"
    else:
        period = "(submission dates not available)"
    cons = sorted({clean_text(c) for c in r.get("consultation_id", pd.Series([], dtype=object))
                   if clean_text(c)})
    channels = r["source_format"].astype("string").fillna("unknown").value_counts()
    channel_txt = ", ".join(f"{SOURCE_LABELS.get(k, k)} ({fmt_int(v)})"
                            for k, v in sorted(channels.items(), key=lambda kv: (-kv[1], kv[0])))
    docs = ctx.get("documents")
    n_docs = 0 if docs is None else len(docs)
    lead = (f"{fmt_int(n)} contributions were received {period} through "
            f"{channel_txt or 'an unknown channel'}. Respondents attached {fmt_int(n_docs)} "
            f"document{'s' if n_docs != 1 else ''}.")
    if cons:
        lead += f" Consultation: {', '.join(cons)}."
    sec.add(Para(lead, "lead"))
    rows = [["Records read from the exports", fmt_int(acc.get("n_records", n))],
            ["Valid contributions", fmt_int(acc.get("n_responses", n))],
            ["Records set aside (see the methods annex)", fmt_int(acc.get("n_rejects", 0))],
            ["Answers (all questions)", fmt_int(acc.get("n_answers", "–"))],
            ["Attached documents", fmt_int(n_docs)]]
    if docs is not None and "extraction_status" in docs:
        ok = int(docs["extraction_status"].astype("string").eq("ok").sum())
        rows.append(["… of which with extracted text", fmt_int(ok)])
    ra = ctx.get("redacted_answers")
    if ra is not None:
        rows.append(["Free-text answers", fmt_int(len(ra))])
    sec.add(Table("Key figures", ["", "Number"], rows))
    if dates is not None and dates.notna().any():
        months = dates.dropna().dt.tz_convert("UTC").dt.strftime("%Y-%m")
        vc = months.value_counts().sort_index()
        sec.add(Table("Contributions by month of submission", ["Month", "Contributions",
                                                               "Share"],
                      [[pd.Timestamp(k + "-01").strftime("%B %Y"), fmt_int(v),
                        fmt_share(int(v), n)] for k, v in vc.items()]))
    return sec


def _section_respondents(ctx: _Ctx, lk: _Lookups, charts_dir: Path) -> Section:
    sec = Section("respondents", "Who responded")
    r = ctx.get("responses")
    if r is None:
        return sec.add(Para("The workspace holds no responses: ingest was not run."))
    n = len(r)
    st = r["stakeholder_type"].astype("string").fillna("not_disclosed")
    n_nd = int(st.eq("not_disclosed").sum())
    n_ind = int(st.isin(INDIVIDUAL_TYPES).sum())
    n_org = n - n_nd - n_ind
    pub = r["publication"].astype("string") if "publication" in r else pd.Series([], "string")
    n_anon = int(pub.eq("anonymous").sum())
    sec.add(Para(
        f"Of the {fmt_int(n)} respondents, {fmt_int(n_ind)} ({fmt_share(n_ind, n)}) answered as "
        f"individuals and {fmt_int(n_org)} ({fmt_share(n_org, n)}) on behalf of an "
        f"organisation. {fmt_int(n_anon)} ({fmt_share(n_anon, n)}) chose anonymous "
        f"publication; {fmt_int(n_nd)} profiles give no stakeholder type and are reported as "
        "'Not disclosed' (they are counted, never dropped).", "lead"))
    order = list(STAKEHOLDER_LABELS) or None
    by_type = sec.sub("respondents-type", "By stakeholder type")
    fig = figures.respondents_by_type(st, charts_dir)
    if fig is not None:
        by_type.add(fig)
    by_type.add(_count_table(st, stakeholder_label, "Respondents by stakeholder type",
                             "Stakeholder type", order=order))
    if "registered" in r.columns:
        orgs = r[~st.isin([*INDIVIDUAL_TYPES, "not_disclosed"])]
        reg = orgs["registered"].astype("boolean")
        rows = []
        for t in [k for k in (order or sorted(orgs["stakeholder_type"].unique()))
                  if k in set(orgs["stakeholder_type"])]:
            m = orgs["stakeholder_type"].eq(t).to_numpy()
            yes, no = int(reg[m].eq(True).sum()), int(reg[m].eq(False).sum())
            rows.append([stakeholder_label(t), fmt_int(yes), fmt_int(no),
                         fmt_int(int(m.sum()) - yes - no), fmt_int(int(m.sum()))])
        y, no_ = int(reg.eq(True).sum()), int(reg.eq(False).sum())
        rows.append(["Total", fmt_int(y), fmt_int(no_), fmt_int(len(orgs) - y - no_),
                     fmt_int(len(orgs))])
        by_type.add(Table(
            "Organisations in and outside the EU Transparency Register",
            ["Stakeholder type", "Registered", "Not registered", "Unknown", "Total"], rows,
            note="Better Regulation practice reports organisations without a Transparency "
                 "Register number as their own group."))
    else:
        ctx.need("responses", r, ["registered"], "registered vs non-registered organisations")
    if "publication" in r.columns:
        by_type.add(_count_table(pub.map(lambda v: {"public": "public", "anonymous": "anonymous"}
                                         .get(v, "not_disclosed") if pd.notna(v)
                                         else "not_disclosed"),
                                 lambda k: {"public": "Published with personal information",
                                            "anonymous": "Published anonymously"}.get(
                                     str(k), "Not stated"),
                                 "Publication choice", "Publication"))
    if "country" in r.columns:
        cs = sec.sub("respondents-country", "By country")
        fig = figures.respondents_by_country(r["country"], charts_dir)
        if fig is not None:
            cs.add(fig)
        cs.add(_count_table(r["country"], lambda k: country_label(None if k == "not_disclosed"
                                                                  else k),
                            "Respondents by country", "Country", last=["not_disclosed"]))
    else:
        ctx.need("responses", r, ["country"], "respondents by country")
    if "organisation_size" in r.columns:
        ss = sec.sub("respondents-size", "By organisation size")
        orgs = r[~st.isin(list(INDIVIDUAL_TYPES))]
        ss.add(_count_table(orgs["organisation_size"].astype("string").fillna("not_disclosed"),
                            lambda k: size_label(None if k == "not_disclosed" else k),
                            "Organisations (and undisclosed profiles) by size",
                            "Organisation size",
                            order=["micro", "small", "medium", "large", "not_disclosed"]))
    if "language" in r.columns:
        ls = sec.sub("respondents-language", "By language")
        ls.add(_count_table(r["language"], lambda k: language_label(
            None if k == "not_disclosed" else k), "Respondents by declared language of their "
            "contribution", "Language", last=["not_disclosed"]))
        lang = ctx.get("languages")
        if lang is not None and "language" in lang.columns:
            is_doc = lang["question_id"].astype(str).str.startswith("document:")
            ls.add(_count_table(lang.loc[~is_doc, "language"], lambda k: language_label(
                None if k == "not_disclosed" else k), "Free-text answers by detected language",
                "Language", last=["not_disclosed"], unit="Answers"))
    return sec


def _section_campaigns(ctx: _Ctx, lk: _Lookups) -> Section:
    sec = Section("campaigns", "Campaigns")
    camp = ctx.get("campaigns")
    if camp is None:
        return sec.add(Para("Campaign detection was not run."))
    n_resp = len(lk.responses)
    if camp.empty:
        return sec.add(Para(f"No organised campaign was found among the {fmt_int(n_resp)} "
                            "contributions."))
    if not ctx.need("campaigns", camp, ["campaign_id", "size"], "the campaigns table"):
        return sec
    camp = camp.sort_values(["size", "campaign_id"], ascending=[False, True], kind="stable")
    n_members = int(camp["size"].sum())
    sec.add(Para(
        f"{fmt_int(len(camp))} campaign{'s' if len(camp) != 1 else ''} "
        f"{'were' if len(camp) != 1 else 'was'} found: {fmt_int(n_members)} contributions "
        f"({fmt_share(n_members, n_resp)} of all) submitted the same text, an edited copy of it "
        "or a translation. Campaign contributions are counted like any other in this report; "
        "the closed-question statistics are also available with each campaign counted once "
        "(evidence annex).", "lead"))
    rows = []
    for _, c in camp.iterrows():
        langs = c.get("languages")
        langs = ", ".join(language_label(x) for x in langs) if isinstance(
            langs, (list, tuple, np.ndarray)) else "–"
        mix = c.get("stakeholder_mix")
        try:
            mix_d = json.loads(mix) if isinstance(mix, str) else {}
        except ValueError:
            mix_d = {}
        mix_txt = ", ".join(f"{stakeholder_label(k)} {v}" for k, v in
                            sorted(mix_d.items(), key=lambda kv: (-kv[1], kv[0])))
        variants = []
        for col, word in (("n_exact", "exact"), ("n_near", "edited"),
                          ("n_translated", "translated")):
            if col in c and pd.notna(c[col]) and int(c[col]):
                variants.append(f"{int(c[col])} {word}")
        period = (f"{fmt_date(c.get('first_submitted_at'))} – "
                  f"{fmt_date(c.get('last_submitted_at'))}")
        qs = c.get("question_ids")
        qs = ", ".join(map(str, qs)) if isinstance(qs, (list, tuple, np.ndarray)) else "–"
        rows.append([clean_text(c["campaign_id"]), fmt_int(c["size"]),
                     ", ".join(variants) or "–", langs, qs, period, mix_txt or "–"])
    sec.add(Table("Campaigns found", ["Campaign", "Members", "Copies", "Languages", "Questions",
                                      "Submitted", "Stakeholder types"], rows,
                  align=["l", "r", "l", "l", "l", "l", "l"],
                  widths=[9, 9, 14, 12, 10, 14, 32]))
    if "representative_text" in camp.columns:
        for _, c in camp.iterrows():
            txt = clean_text(c.get("representative_text"))
            if txt:
                sec.add(Quote(trim(txt, 900), f"Campaign {clean_text(c['campaign_id'])}: text "
                              f"of the most typical member ({fmt_int(c['size'])} members)"))
    else:
        ctx.need("campaigns", camp, ["representative_text"], "campaign texts")
    return sec


# -- views per question --------------------------------------------------------------------------

def _question_order(q: pd.DataFrame) -> pd.DataFrame:
    q = q.copy()
    col = q["source_column"] if "source_column" in q else pd.Series(np.nan, index=q.index)
    col = pd.to_numeric(col, errors="coerce")
    # matrix parents sit at their first sub-item's column
    if "parent_id" in q:
        first = (pd.DataFrame({"p": q["parent_id"], "c": col}).dropna()
                 .groupby("p")["c"].min())
        col = col.fillna(q["question_id"].map(first))
    q["_order"] = col.fillna(1e9)
    q["_nat"] = q["question_id"].astype(str).map(_natural_key)
    return q.sort_values(["_order", "_nat"], kind="stable")


def _natural_key(s: str) -> tuple:
    return tuple(int(p) if p.isdigit() else p for p in re.split(r"(\d+)", s))


def _chart_figures(ctx: _Ctx, qid: str, table: str = "charts") -> list[Figure]:
    charts = ctx.get(table)
    if charts is None or "question_id" not in charts.columns:
        return []
    sel = charts[charts["question_id"].astype(str).eq(qid)]
    if "campaigns" in sel.columns and sel["campaigns"].astype("string").eq("all").any():
        sel = sel[sel["campaigns"].astype("string").eq("all")]
    if "group_by" in sel.columns and sel["group_by"].astype("string").eq(
            "stakeholder_type").any():
        sel = sel[sel["group_by"].astype("string").isin(["stakeholder_type", "all"])]
    out = []
    for _, c in sel.sort_values("chart_id", kind="stable").iterrows():
        png = _resolve_chart(ctx.ws.path, clean_text(c.get("png")))
        if png is None:
            ctx.note(f"Chart file {clean_text(c.get('png'))!r} of chart "
                     f"{clean_text(c.get('chart_id'))!r} not found: chart omitted.")
            continue
        out.append(Figure(id=f"chart-{clean_text(c['chart_id'])}", title=clean_text(c["title"]),
                          alt=clean_text(c.get("alt_text")) or clean_text(c["title"]), png=png))
    return out


def _resolve_chart(ws_path: Path, rel: str) -> Path | None:
    if not rel or Path(rel).is_absolute() or ".." in Path(rel).parts:
        return None
    for base in (ws_path, ws_path / "charts"):
        p = base / rel
        if p.is_file():
            return p
    return None


def _closed_block(ctx: _Ctx, qid: str, kind: str, st: pd.DataFrame) -> list:
    """Overall distribution table and the test sentence of a choice question."""
    blocks: list = []
    overall = st[(st["question_id"] == qid) & (st["group_by"] == "all")]
    if overall.empty:
        return [Para("No closed-question statistics for this question.", "note")]
    first = overall.iloc[0]
    opts = overall[overall["option_kind"].astype(str).eq("option")] if "option_kind" in \
        overall else overall
    if "option_order" in opts:
        opts = opts.sort_values("option_order", kind="stable")
    n_ans = int(first["n_answered"]) if "n_answered" in first and pd.notna(
        first["n_answered"]) else None
    rows = [[clean_text(o["option"]), fmt_int(o["n"]), fmt_pct(o.get("share"))]
            for _, o in opts.iterrows()]
    extra = []
    for col, label in (("n_no_opinion", "No opinion"), ("n_blank", "No answer")):
        if col in first and pd.notna(first[col]) and int(first[col]):
            extra.append(f"{label}: {fmt_int(first[col])}")
    note = ("Shares are of the respondents who chose at least one option"
            if kind == "multi_choice" else "Shares are of the respondents who chose an option")
    note += (f" ({fmt_int(n_ans)})." if n_ans is not None else ".")
    if kind == "multi_choice":
        note += " Several options could be chosen."
    if extra:
        note += " " + "; ".join(extra) + "."
    blocks.append(Table("Answers of all respondents", ["Answer", "Respondents", "Share"], rows,
                        note=note.strip()))
    blocks.append(_test_para(st, qid))
    return blocks


def _test_para(st: pd.DataFrame, qid: str, label: str | None = None) -> Para:
    grp = st[(st["question_id"] == qid) & (st["group_by"] == "stakeholder_type")]
    prefix = f"{label}: " if label else ""
    if grp.empty:
        return Para(prefix + "No breakdown by stakeholder type is available.", "note")
    g = grp.iloc[0]
    p = g.get("p_adjusted") if "p_adjusted" in grp.columns and pd.notna(
        g.get("p_adjusted")) else g.get("p_value")
    p_word = "adjusted p" if "p_adjusted" in grp.columns and pd.notna(g.get("p_adjusted")) \
        else "p"
    try:
        pf = float(p)
    except (TypeError, ValueError):
        pf = float("nan")
    if not math.isfinite(pf):
        why = clean_text(g.get("test_note")) or "too few answers"
        return Para(prefix + f"Differences between stakeholder types were not tested ({why}).",
                    "note")
    v = fmt_num(g.get("cramers_v"))
    if pf < 0.05:
        txt = (f"Answers differ between stakeholder types (chi-square test, {p_word} = "
               f"{fmt_p(pf)}, Cramér's V = {v}).")
    else:
        txt = (f"No significant difference between stakeholder types (chi-square test, "
               f"{p_word} = {fmt_p(pf)}, Cramér's V = {v}).")
    return Para(prefix + txt, "note")


def _matrix_table(ctx: _Ctx, pid: str, items: list[str], st: pd.DataFrame,
                  lk: _Lookups) -> Table:
    rows = []
    mids = []
    for qid in items:
        ov = st[(st["question_id"] == qid) & (st["group_by"] == "all")]
        if ov.empty:
            continue
        opts = ov[ov["option_kind"].astype(str).eq("option")]
        vals = pd.to_numeric(opts.get("rating_value"), errors="coerce")
        if vals.notna().any():
            mid = (vals.min() + vals.max()) / 2
        else:
            mid = float("nan")
        mids.append(mid)
        share = opts["share"].fillna(0).to_numpy(float)
        hi = float(share[(vals > mid).to_numpy()].sum()) if math.isfinite(mid) else float("nan")
        lo = float(share[(vals < mid).to_numpy()].sum()) if math.isfinite(mid) else float("nan")
        f = ov.iloc[0]
        grp = st[(st["question_id"] == qid) & (st["group_by"] == "stakeholder_type")]
        p = float("nan")
        if not grp.empty:
            g = grp.iloc[0]
            p = g.get("p_adjusted") if pd.notna(g.get("p_adjusted", np.nan)) else g.get(
                "p_value")
        rows.append([lk.qtext.get(qid, qid), fmt_int(f.get("n_answered")),
                     fmt_num(f.get("mean_rating"), 1), fmt_pct(hi), fmt_pct(lo),
                     fmt_int(f.get("n_no_opinion")), fmt_p(p)])
    hi_lbl, lo_lbl = "High (above mid-point)", "Low (below mid-point)"
    return Table("Ratings of each item (all respondents)",
                 ["Item", "Rated", "Mean", hi_lbl, lo_lbl, "No opinion",
                  "p (by stakeholder type)"], rows,
                 note="Shares are of the respondents who gave a rating. The last column is the "
                      "p-value of a chi-square test of rating × stakeholder type (adjusted for "
                      "multiple testing when available); below 0.05 the groups differ.")


def _quote_candidates(ctx: _Ctx, lk: _Lookups, qid: str) -> pd.DataFrame:
    ra = ctx.get("redacted_answers")
    if ra is None:
        return pd.DataFrame(columns=["response_id", "text"])
    sub = ra[ra["question_id"].astype(str).eq(qid)][["response_id", "text"]].copy()
    sub["response_id"] = sub["response_id"].astype(str)
    sub["text"] = sub["text"].map(lambda t: " ".join(clean_text(t).split()))
    sub["n"] = sub["text"].str.len()
    placeholders = sub["text"].str.count(r"\[(?:PERSON|EMAIL|PHONE|ADDRESS|ID)\]")
    sub = sub[(sub["n"] >= 60) & (placeholders <= 1)]
    sub = sub[~sub["response_id"].isin(set(lk.campaign_of))]
    sub["group"] = sub["response_id"].map(lk.type_of).fillna("not_disclosed")
    return sub


def _pick_quotes(cands: pd.DataFrame, k: int, prefer: int = 280) -> pd.DataFrame:
    """Up to ``k`` typical answers from different stakeholder groups (deterministic)."""
    if cands.empty:
        return cands
    c = cands.copy()
    c["_dist"] = (c["n"] - prefer).abs()
    c = c.sort_values(["_dist", "response_id"], kind="stable")
    sizes = cands["group"].value_counts()
    groups = sorted(sizes.index, key=lambda g: (-int(sizes[g]), g))
    picked: list[int] = []
    seen_text: set[str] = set()
    for g in groups:
        for idx, row in c[c["group"] == g].iterrows():
            if row["text"] in seen_text:
                continue
            picked.append(idx)
            seen_text.add(row["text"])
            break
        if len(picked) >= k:
            break
    return c.loc[picked]


def _model_col(df: pd.DataFrame) -> str | None:
    for c in ("question_id", "model_id"):
        if c in df.columns:
            return c
    return None


def _answered(ctx: _Ctx, lk: _Lookups, qid: str) -> pd.DataFrame:
    """Respondents who answered ``qid``: response_id and stakeholder group."""
    src = ctx.get("redacted_answers")
    if src is None:
        src = ctx.get("answers")
    if src is None:
        return pd.DataFrame(columns=["response_id", "group"])
    ids = src.loc[src["question_id"].astype(str).eq(qid), "response_id"].astype(str)
    out = pd.DataFrame({"response_id": ids.drop_duplicates().to_numpy()})
    out["group"] = out["response_id"].map(lk.type_of).fillna("not_disclosed")
    return out


def _group_share_table(pairs: pd.DataFrame, answered: pd.DataFrame, labels: dict[str, str],
                       caption: str, first_header: str, *, limit: int = 15,
                       n_groups: int = 5, note: str | None = None) -> Table:
    """Rows = keys (codes, topics); columns = answers, share of all, share per large group.

    ``pairs`` holds distinct (response_id, key); shares are of the respondents of a group who
    answered the question.
    """
    p = pairs.drop_duplicates(["response_id", "key"]).copy()
    p["group"] = p["response_id"].map(dict(zip(answered["response_id"], answered["group"],
                                               strict=True))).fillna("not_disclosed")
    n_all = max(len(answered), 1)
    sizes = answered["group"].value_counts()
    groups = sorted(sizes.index, key=lambda g: (-int(sizes[g]), g))[:n_groups]
    counts = p.groupby("key").size()
    by_group = p.groupby(["key", "group"]).size()
    keys = sorted(counts.index, key=lambda k: (-int(counts[k]), _natural_key(str(k))))
    rows = []
    for k in keys[:limit]:
        row = [labels.get(str(k), str(k)), fmt_int(counts[k]), fmt_share(int(counts[k]), n_all)]
        for g in groups:
            row.append(fmt_share(int(by_group.get((k, g), 0)), int(sizes[g])))
        rows.append(row)
    header = [first_header, "Answers", f"All (n={n_all})",
              *[f"{SHORT_LABELS.get(g) or stakeholder_label(g)} (n={int(sizes[g])})"
                for g in groups]]
    notes = ["Shares are of the respondents in each group who answered the question"]
    if len(keys) > limit:
        notes.append(f"the {limit} most frequent of {len(keys)} are shown (all are in the "
                     "evidence annex)")
    if len(sizes) > n_groups:
        notes.append(f"the {n_groups} largest stakeholder groups are shown")
    if note:
        notes.append(note)
    widths = [30.0, 10.0, 10.0] + [50.0 / max(len(groups), 1)] * len(groups)
    return Table(caption, header, rows, note="; ".join(notes) + ".", widths=widths)


def _topics_blocks(ctx: _Ctx, lk: _Lookups, qid: str) -> tuple[list, list[Quote]]:
    topics = ctx.get("topics")
    if topics is None:
        return [], []
    mcol = _model_col(topics)
    if mcol is None:
        ctx.note("Table 'topics' has neither question_id nor model_id: topics omitted.")
        return [], []
    if not ctx.need("topics", topics, ["topic_id", "label"], "topics"):
        return [], []
    assign = ctx.get("topic_assignments")
    t = topics[topics[mcol].astype(str).eq(qid)].copy()
    a = None
    if assign is not None and {"response_id", "question_id", "topic_id"} <= set(assign.columns):
        acol = _model_col(assign) if "model_id" in assign.columns else None
        a = assign[assign["question_id"].astype(str).eq(qid)]
        if acol == "model_id":
            model = qid if not t.empty else "all"
            a = a[a["model_id"].astype(str).eq(model)]
    if t.empty and (topics[mcol].astype(str) == "all").any() and a is not None and len(a):
        t = topics[topics[mcol].astype(str).eq("all")].copy()  # one model over all questions
    if t.empty:
        return [Para("No topics were modelled for this question.", "note")], []
    t["_tid"] = pd.to_numeric(t["topic_id"], errors="coerce")
    labels = {str(int(i)) if pd.notna(i) else "": clean_text(lab) for i, lab in
              zip(t["_tid"], t["label"], strict=True)}
    blocks: list = []
    quotes: list[Quote] = []
    answered = _answered(ctx, lk, qid)
    if a is not None and len(a):
        tid = pd.to_numeric(a["topic_id"], errors="coerce")
        n_out = int((tid == -1).sum())
        pairs = pd.DataFrame({"response_id": a["response_id"].astype(str).to_numpy(),
                              "key": tid.astype("Int64").astype(str).to_numpy()})
        pairs = pairs[tid.to_numpy() != -1]
        kw = {str(int(i)): ", ".join(map(str, list(k)[:6])) for i, k in
              zip(t["_tid"], t.get("keywords", pd.Series([None] * len(t))), strict=True)
              if pd.notna(i) and isinstance(k, (list, tuple, np.ndarray))}
        lab2 = {k: (f"{v} ({kw[k]})" if k in kw and kw[k] and kw[k] not in v else v)
                for k, v in labels.items()}
        note = (f"{fmt_int(n_out)} answers fit no topic (outliers)" if n_out else None)
        blocks.append(_group_share_table(pairs, answered, lab2, "Topics in the answers, by "
                                         "stakeholder type", "Topic", note=note))
    else:
        size = "size" if "size" in t.columns else None
        tt = t[t["_tid"] != -1]
        if size:
            tt = tt.sort_values([size, "_tid"], ascending=[False, True], kind="stable")
        total = float(pd.to_numeric(t[size], errors="coerce").sum()) if size else 0.0
        rows = [[clean_text(r["label"]), fmt_int(r[size]) if size else "–",
                 fmt_share(int(r[size]), int(total)) if size and total else "–"]
                for _, r in tt.iterrows()]
        blocks.append(Table("Topics in the answers", ["Topic", "Answers", "Share"], rows))
        tbg = ctx.get("topics_by_group")
        if tbg is not None and _model_col(tbg) and {"topic_id", "group", "share"} <= set(
                tbg.columns):
            g = tbg[tbg[_model_col(tbg)].astype(str).eq(qid)]
            if "group_by" in g.columns:
                g = g[g["group_by"].astype(str).eq("stakeholder_type")]
            if "campaigns" in g.columns and g["campaigns"].astype(str).eq("all").any():
                g = g[g["campaigns"].astype(str).eq("all")]
            g = g[pd.to_numeric(g["topic_id"], errors="coerce") != -1]
            if not g.empty:
                g = g.assign(topic_key=pd.to_numeric(g["topic_id"]).astype(int).astype(str))
                blocks.append(_pivot_table(g, "topic_key", "group", "share",
                                           "Topics by stakeholder type (share of the group's "
                                           "answers)", row_labels={str(int(i)): labels.get(
                                               str(int(i)), str(i)) for i in tt["_tid"]}))
    if "representative_text" in t.columns:
        tt = t[t["_tid"] != -1]
        if "size" in tt.columns:
            tt = tt.sort_values(["size", "_tid"], ascending=[False, True], kind="stable")
        for _, r in tt.head(3).iterrows():
            txt = clean_text(r.get("representative_text"))
            rid = clean_text(r.get("representative_response_id"))
            rq = clean_text(r.get("representative_question_id")) or qid
            if txt and len(txt) >= 40 and rq == qid:
                quotes.append(Quote(lk.scrub(trim(txt), rid, rq),
                                    f"{lk.source_line(rid, rq)}; topic: "
                                    f"{clean_text(r['label'])}"))
    return blocks, quotes


def _pivot_table(df: pd.DataFrame, row: str, col: str, val: str, caption: str, *,
                 row_labels: dict[str, str] | None = None, as_share: bool = True,
                 max_cols: int = 6) -> Table:
    d = df[[row, col, val]].copy()
    d[row] = d[row].astype(str)
    d[col] = d[col].astype(str)
    d[val] = pd.to_numeric(d[val], errors="coerce")
    weight = d.groupby(col)[val].sum().sort_values(ascending=False)
    cols = sorted(weight.index, key=lambda g: (-float(weight[g]), g))
    dropped = cols[max_cols:]
    cols = cols[:max_cols]
    piv = d.pivot_table(index=row, columns=col, values=val, aggfunc="sum", sort=True)
    order = list(row_labels) if row_labels else sorted(piv.index, key=_natural_key)
    rows = []
    for rkey in order:
        if rkey not in piv.index:
            continue
        cells = []
        for c in cols:
            v = piv.at[rkey, c] if c in piv.columns else np.nan
            cells.append("–" if pd.isna(v) else fmt_pct(v) if as_share else fmt_int(v))
        rows.append([(row_labels or {}).get(rkey, rkey), *cells])
    note = None
    if dropped:
        note = (f"The {len(cols)} largest groups are shown; {len(dropped)} smaller groups are in "
                "the evidence annex.")
    return Table(caption, ["", *[SHORT_LABELS.get(c) or stakeholder_label(c) for c in cols]],
                 rows, note=note)


@lru_cache(maxsize=16)
def _load_yaml_cached(path: str, mtime: float) -> Any:
    import yaml

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    return yaml.load(Path(path).read_text(encoding="utf-8"), Loader=loader)


def _load_yaml(path: Path) -> Any:
    """Parse a YAML file (safe loader, libyaml when available), cached by path and mtime."""
    return _load_yaml_cached(str(path), path.stat().st_mtime)


def _codebook_labels(ctx: _Ctx, ids: set[str]) -> dict[str, str]:
    """Code labels from the codebook the coding stage used (or a packaged one covering them)."""
    import yaml

    if ctx.codebook_labels is not None:
        missing = ids - set(ctx.codebook_labels)
        if not missing:
            return ctx.codebook_labels
        ids = ids | set(ctx.codebook_labels)

    cands: list[Path] = []
    params = (ctx.manifest.get("stages", {}).get("coding") or {}).get("parameters") or {}
    v = params.get("codebook")
    if isinstance(v, str) and v.endswith((".yaml", ".yml")):
        cands.append(Path(v))
    root = Path(__file__).resolve().parents[2] / "consultation" / "codebooks"
    cands += sorted(root.glob("*.yaml"))
    best: dict[str, str] = {}
    for p in cands:
        try:
            data = _load_yaml(p)
        except (OSError, yaml.YAMLError):
            continue
        codes = data.get("codes") if isinstance(data, dict) else None
        if not isinstance(codes, list):
            continue
        labels = {str(c.get("id")): clean_text(c.get("label")) for c in codes
                  if isinstance(c, dict) and c.get("id")}
        if len(ids & set(labels)) > len(ids & set(best)):
            best = labels
    if ids - set(best):
        ctx.note(f"{len(ids - set(best))} code(s) have no label in a codebook: shown by id.")
    ctx.codebook_labels = best
    return best


def _codes_blocks(ctx: _Ctx, lk: _Lookups, qid: str) -> list:
    codes = ctx.get("codes")
    if codes is None or not ctx.need("codes", codes, ["response_id", "question_id", "code_id"],
                                     "codes by stakeholder type"):
        return []
    c = codes[codes["question_id"].astype(str).eq(qid)]
    if c.empty:
        return [Para("No code of the codebook was found in these answers.", "note")]
    pairs = pd.DataFrame({"response_id": c["response_id"].astype(str).to_numpy(),
                          "key": c["code_id"].astype(str).to_numpy()})
    labels = _codebook_labels(ctx, set(pairs["key"]))
    return [_group_share_table(pairs, _answered(ctx, lk, qid), labels,
                               "Codes (themes of the codebook), by stakeholder type", "Code")]


def _section_questions(ctx: _Ctx, lk: _Lookups) -> Section:
    sec = Section("questions", "Views per question")
    q = ctx.get("questions")
    if q is None:
        return sec.add(Para("The workspace holds no questions: ingest was not run."))
    st = ctx.get("closed_stats")
    if st is None:
        sec.add(Para("Closed-question statistics were not computed (the closed_stats stage was "
                     "not run): closed questions are listed without results.", "note"))
    elif "campaigns" in st.columns:
        st = st[st["campaigns"].astype("string").fillna("all").eq("all")]
    if ctx.get("topics") is None:
        sec.add(Para("Topic modelling was not run: open questions are summarised by counts, "
                     "languages and representative quotes.", "note"))
    if ctx.get("codes") is None:
        sec.add(Para("Coding was not run: no codebook results are shown.", "note"))
    qo = _question_order(q)
    children: dict[str, list[str]] = {}
    if "parent_id" in qo:
        for qid, pid in zip(qo["question_id"].astype(str), qo["parent_id"], strict=True):
            if pd.notna(pid):
                children.setdefault(str(pid), []).append(qid)
    n_resp = max(len(lk.responses), 1)
    ra = ctx.get("redacted_answers")
    ans = ctx.get("answers")
    n_by_q = (ans["question_id"].astype(str).value_counts() if ans is not None
              else pd.Series(dtype=int))
    for _, row in qo.iterrows():
        qid = str(row["question_id"])
        kind = clean_text(row.get("kind"))
        if pd.notna(row.get("parent_id")) or kind == "upload":
            continue
        text = clean_text(row.get("text"))
        follows = row.get("follows_id")
        title = f"{qid}: {short(text, 120)}"
        if isinstance(follows, str) and follows:
            title = f"{qid}: {short(text, 60)} (follow-up to {follows})"
        qs = sec.sub(f"q-{_slug(qid)}", title)
        n_ans = int(n_by_q.get(qid, 0)) if not children.get(qid) else int(
            n_by_q.reindex(children[qid]).fillna(0).max())
        meta = f"Question {qid}, {KIND_LABELS.get(kind, kind)}"
        meta += (f"; {fmt_int(n_ans)} respondents answered ({fmt_share(n_ans, n_resp)})."
                 if kind != "rating" or not children.get(qid) else ".")
        if len(text) > 120 or (isinstance(follows, str) and follows):
            qs.add(Para(text, "question"))
        qs.add(Para(meta, "meta"))
        if kind in ("single_choice", "multi_choice", "rating"):
            for fig in _chart_figures(ctx, qid):
                qs.add(fig)
            if st is None:
                continue
            if children.get(qid):
                qs.add(_matrix_table(ctx, qid, children[qid], st, lk))
                for item in children[qid]:
                    figs = _chart_figures(ctx, item)
                    if figs:
                        sub = qs.sub(f"q-{_slug(item)}",
                                     f"{item}: {short(lk.qtext.get(item, item), 100)}")
                        sub.add(*figs)
                        sub.add(_test_para(st, item))
            elif kind == "rating":
                qs.add(_test_para(st, qid))
            else:
                qs.add(*_closed_block(ctx, qid, kind, st))
        elif kind == "free_text":
            _open_question(ctx, lk, qs, qid, ra)
    return sec


def _slug(s: str) -> str:
    return re.sub(r"[^A-Za-z0-9_-]+", "-", s).strip("-").lower() or "x"


def _open_question(ctx: _Ctx, lk: _Lookups, qs: Section, qid: str,
                   ra: pd.DataFrame | None) -> None:
    lang = ctx.get("languages")
    if lang is not None and {"question_id", "language"} <= set(lang.columns):
        vc = lang.loc[lang["question_id"].astype(str).eq(qid), "language"].astype(
            "string").fillna("und").value_counts()
        tot = int(vc.sum())
        if tot:
            parts = [f"{language_label(k if k != 'und' else None)} {fmt_share(int(v), tot)}"
                     for k, v in sorted(vc.items(), key=lambda kv: (-kv[1], kv[0]))[:6]]
            more = "" if len(vc) <= 6 else f" and {len(vc) - 6} more"
            qs.add(Para(f"Languages of the answers: {', '.join(parts)}{more}.", "note"))
    if lk.campaign_of and ra is not None:
        on_q = ra.loc[ra["question_id"].astype(str).eq(qid), "response_id"].astype(str)
        n_c = int(on_q.isin(set(lk.campaign_of)).sum())
        if n_c:
            qs.add(Para(f"{fmt_int(n_c)} of the answers belong to campaigns (see Campaigns); "
                        "they are not quoted here.", "note"))
    tblocks, tquotes = _topics_blocks(ctx, lk, qid)
    qs.add(*tblocks)
    qs.add(*_chart_figures(ctx, qid, "topic_charts"))
    qs.add(*_codes_blocks(ctx, lk, qid))
    if ra is None:
        qs.add(Para("Redaction was not run: no answer is quoted.", "note"))
        return
    if tquotes:
        qs.add(Para("Representative answers of the largest topics (redacted):", "note"))
        qs.add(*tquotes)
        return
    picked = _pick_quotes(_quote_candidates(ctx, lk, qid), N_QUOTES_OPEN)
    if picked.empty:
        qs.add(Para("No answer long enough to quote.", "note"))
        return
    qs.add(Para("Representative answers (redacted; chosen by typical length from different "
                "stakeholder types, campaign copies excluded):", "note"))
    for _, r in picked.iterrows():
        text = lk.scrub(trim(r["text"]), r["response_id"], qid)
        qs.add(Quote(text, lk.source_line(r["response_id"], qid)))


# -- elements (synopsis, position papers) --------------------------------------------------------

class _Elements:
    """Labels, kinds and order of catalogue elements (from the tables or the catalogue)."""

    def __init__(self, ctx: _Ctx, ids: Iterable[str]) -> None:
        self.meta: dict[str, dict[str, Any]] = {}
        self.kinds: dict[str, tuple[int, str]] = {}
        ids = sorted({str(i) for i in ids}, key=_natural_key)
        cat = self._catalogue(ctx, ids)
        self.title = clean_text(cat.get("title")) if cat else ""
        if cat:
            for k, v in (cat.get("kinds") or {}).items():
                self.kinds[str(k)] = (int(v.get("order", 99)), clean_text(v.get("label", k)))
            for i, e in enumerate(cat.get("elements") or []):
                self.meta[str(e.get("id"))] = {
                    "label": clean_text(e.get("label")), "kind": clean_text(e.get("kind")),
                    "description": " ".join(clean_text(e.get("description")).split()),
                    "order": i}
        for name in ("element_summary", "elements"):
            df = ctx.get(name)
            if df is None or "element_id" not in df.columns:
                continue
            for _, r in df.drop_duplicates("element_id").iterrows():
                m = self.meta.setdefault(str(r["element_id"]), {"order": 10_000})
                for c in ("label", "kind", "description"):
                    if c in df.columns and clean_text(r.get(c)) and not m.get(c):
                        m[c] = clean_text(r[c])
        for i, e in enumerate(ids):
            m = self.meta.setdefault(e, {"order": 20_000 + i})
            m.setdefault("label", e)
            m.setdefault("kind", "other")
            m.setdefault("description", "")
        if not cat and any(m["label"] == e for e, m in self.meta.items()):
            ctx.note("No element catalogue or labels found: elements are shown by id.")

    @staticmethod
    def _catalogue(ctx: _Ctx, ids: list[str]) -> dict | None:
        import yaml

        cands: list[Path] = []
        for stage in ("trace", "tracing", "evidence", "draft"):
            params = (ctx.manifest.get("stages", {}).get(stage) or {}).get("parameters") or {}
            for key in ("catalogue", "elements", "catalogue_path"):
                v = params.get(key)
                if isinstance(v, str) and v.endswith((".yaml", ".yml")):
                    cands.append(Path(v))
        root = Path(__file__).resolve().parent.parent / "catalogues"
        cands += sorted(root.glob("*.yaml"))
        for p in cands:
            try:
                data = _load_yaml(p)
            except (OSError, yaml.YAMLError):
                continue
            if not isinstance(data, dict):
                continue
            known = {str(e.get("id")) for e in data.get("elements") or [] if isinstance(e, dict)}
            if ids and set(ids) <= known:
                return data
        return None

    def kind_of(self, e: str) -> str:
        return self.meta.get(e, {}).get("kind", "other")

    def kind_label(self, k: str) -> str:
        return self.kinds.get(k, (99, k.replace("_", " ").capitalize()))[1]

    def kind_order(self, k: str) -> int:
        return self.kinds.get(k, (99, k))[0]

    def label(self, e: str) -> str:
        return self.meta.get(e, {}).get("label", e)

    def sort(self, ids: Iterable[str]) -> list[str]:
        return sorted({str(i) for i in ids}, key=lambda e: (
            self.kind_order(self.kind_of(e)), self.meta.get(e, {}).get("order", 30_000),
            _natural_key(e)))


def _evidence_frame(ctx: _Ctx, lk: _Lookups) -> pd.DataFrame | None:
    ev = ctx.get("evidence")
    if ev is None:
        return None
    if not ctx.need("evidence", ev, ["evidence_id", "element_id", "response_id", "stance",
                                     "quote"], "the evidence"):
        return None
    for c, what in (("question_id", "question of each quote"),
                    ("score", "quote ranking by score"), ("campaign_id", "campaign flags")):
        if c not in ev.columns:
            ctx.note(f"Table 'evidence' has no column {c}: {what} omitted.")
    e = safety.published(ev, "evidence")
    e["response_id"] = e["response_id"].astype(str)
    e["evidence_id"] = e["evidence_id"].astype(str)
    e["element_id"] = e["element_id"].astype(str)
    e["stance"] = e["stance"].astype("string").fillna("neutral").str.lower()
    for c in ("question_id", "document_id", "campaign_id", "source"):
        if c not in e.columns:
            e[c] = pd.Series([None] * len(e), dtype=object)
        e[c] = e[c].astype(object).where(e[c].notna(), None)
    if e["campaign_id"].isna().all() and lk.campaign_of:
        e["campaign_id"] = e["response_id"].map(lk.campaign_of)
        e["campaign_id"] = e["campaign_id"].astype(object).where(e["campaign_id"].notna(), None)
    e["score"] = pd.to_numeric(e["score"], errors="coerce") if "score" in e.columns else np.nan
    if "stakeholder_type" in e.columns:
        e["group"] = e["stakeholder_type"].astype("string").fillna(
            e["response_id"].map(lk.type_of)).fillna("not_disclosed")
    else:
        e["group"] = e["response_id"].map(lk.type_of).fillna("not_disclosed")
    e["is_document"] = (e["source"].astype(str).eq("document") | e["document_id"].notna()
                        | e["question_id"].astype(str).str.startswith("document:"))
    e["_lang_key"] = [f"document:{d}" if d is not None else str(q) for q, d in
                      zip(e["question_id"], e["document_id"], strict=True)]
    looked_up = [lk.language_of.get((r, k)) for r, k in zip(e["response_id"], e["_lang_key"],
                                                            strict=True)]
    if "language" in e.columns:
        e["language"] = [clean_text(a) or b for a, b in zip(e["language"], looked_up,
                                                            strict=True)]
    else:
        e["language"] = looked_up
    e["quote"] = pd.Series(
        [lk.scrub(" ".join(clean_text(t).split()), r, k) if clean_text(t) else ""
         for t, r, k in zip(e["quote"], e["response_id"], e["_lang_key"], strict=True)],
        index=e.index, dtype="string").fillna("")
    return e.sort_values(["element_id", "evidence_id"], kind="stable").reset_index(drop=True)


def _key_quotes(ev: pd.DataFrame, k: int, prefer: Iterable[str] = ()) -> list[dict]:
    """Up to ``k`` quotes: the tracing stage's picks (``prefer``) first, then best-scored, one
    per stance and respondent, one per campaign. Returns evidence rows as dicts."""
    e = ev[(ev["quote"].str.len() >= 40) & ev["stance"].isin(STANCES)]
    if e.empty:
        return []
    e = e.assign(_s=e["score"].fillna(0.0), _len=(e["quote"].str.len() - 250).abs())
    e = e.sort_values(["_s", "_len", "evidence_id"], ascending=[False, True, True],
                      kind="stable")
    recs = e.to_dict("records")
    picked: list[dict] = []
    seen_resp: set[str] = set()
    seen_camp: set[str] = set()

    def take(r: dict) -> bool:
        if any(p is r for p in picked) or r["response_id"] in seen_resp or (
                r["campaign_id"] and r["campaign_id"] in seen_camp):
            return False
        if any(fuzz.partial_ratio(r["quote"].lower(), p["quote"].lower()) >= 90
               for p in picked):  # near-duplicate wording (copied sentences)
            return False
        picked.append(r)
        seen_resp.add(r["response_id"])
        if r["campaign_id"]:
            seen_camp.add(r["campaign_id"])
        return True

    by_id = {r["evidence_id"]: r for r in recs}
    prefer = [str(x) for x in prefer]
    for eid in prefer:
        if len(picked) >= k:
            break
        if eid in by_id:
            take(by_id[eid])
    if not prefer:
        for stance in STANCES:  # one per stance first
            for r in recs:
                if r["stance"] == stance and take(r):
                    break
    for r in recs:
        if len(picked) >= k:
            break
        take(r)
    order = {s: i for i, s in enumerate(STANCES)}
    return sorted(picked[:k], key=lambda r: (order.get(r["stance"], 9), r["evidence_id"]))


def _quote_from_evidence(r: dict, lk: _Lookups,
                         elements: _Elements | None = None) -> Quote:
    where = ("position paper" if r["is_document"] else
             f"answer to {r['question_id']}" if r["question_id"] else "answer")
    src = lk.source_line(r["response_id"], None)
    if r.get("language"):
        src += f", written in {language_label(r['language'])}"
    stance = STANCE_LABELS.get(r["stance"], r["stance"])
    el = f"{r['element_id']} {elements.label(r['element_id'])}" if elements else r["element_id"]
    note = (f"Evidence {r['evidence_id']}: {stance.lower()} on {el}; {where} of response "
            f"{r['response_id']}")
    if r.get("campaign_id"):
        note += f" (campaign {r['campaign_id']})"
    return Quote(trim(r["quote"]), f"{src}; {where}", evidence_id=r["evidence_id"],
                 stance=r["stance"], note=note + ".")


_EXTRA = ("contestedness", "strength", "n_voices", "mean_rating", "n_closed",
          "n_closed_support", "n_closed_oppose", "weak", "contested", "top_evidence_ids")


def _summary_counts(ctx: _Ctx, ev: pd.DataFrame | None) -> pd.DataFrame | None:
    """element × group: support / conditional / oppose voices (+ contestedness, strength …)."""
    es = ctx.get("element_summary")
    if es is not None and ctx.need("element_summary", es, ["element_id"], "the synopsis"):
        d = es.copy()
        if "group_by" in d.columns:
            d = d[d["group_by"].astype(str).isin(["all", "stakeholder_type"])]
        gcol = "group" if "group" in d.columns else (
            "stakeholder_type" if "stakeholder_type" in d.columns else None)
        d["element_id"] = d["element_id"].astype(str)
        d["group"] = d[gcol].astype("string").fillna("all") if gcol else "all"
        for s in STANCES:
            col = f"n_{s}"
            if col not in d.columns:
                ctx.note(f"Table 'element_summary' has no column {col}: shown as 0.")
                d[col] = 0
            d[col] = pd.to_numeric(d[col], errors="coerce").fillna(0).astype(int)
        for c in ("contestedness", "strength"):
            if c not in d.columns:
                ctx.note(f"Table 'element_summary' has no column {c}: shown as '–'.")
        for c in _EXTRA:
            if c not in d.columns:
                d[c] = np.nan if c != "top_evidence_ids" else None
        return d[["element_id", "group", "n_support", "n_conditional", "n_oppose", *_EXTRA]]
    if ev is None:
        return None
    ctx.note("No element_summary table: support and opposition are counted from the evidence "
             "(distinct respondents per element, stance and stakeholder type).")
    d = ev[ev["stance"].isin(STANCES)].drop_duplicates(["element_id", "response_id", "stance"])
    piv = d.groupby(["element_id", "group", "stance"]).size().unstack(fill_value=0)
    piv = piv.reindex(columns=list(STANCES), fill_value=0).reset_index()
    piv = piv.rename(columns={s: f"n_{s}" for s in STANCES})
    for c in _EXTRA:
        piv[c] = np.nan if c != "top_evidence_ids" else None
    return piv


def _totals(counts: pd.DataFrame) -> pd.DataFrame:
    """One row per element: the 'all' rows if present, else the sum over groups."""
    is_all = counts["group"].isin(["all", "All", "(all)"])
    alls, groups = counts[is_all], counts[~is_all]
    ncols = [f"n_{s}" for s in STANCES]
    summed = groups.groupby("element_id")[ncols].sum()
    if not alls.empty:
        out = alls.drop_duplicates("element_id").set_index("element_id")
        out = out[[*ncols, *_EXTRA]]
        missing = summed.index.difference(out.index)
        if len(missing):
            out = pd.concat([out, summed.loc[missing]])
        return out
    out = summed.copy()
    for c in _EXTRA:
        out[c] = np.nan if c != "top_evidence_ids" else None
    return out


def _flag(t: pd.Series) -> str:
    flags = []
    if t.get("contested") is True or (pd.notna(t.get("contested")) and bool(t.get("contested"))):
        flags.append("contested")
    if pd.notna(t.get("weak")) and bool(t.get("weak")):
        flags.append("weak evidence")
    return ", ".join(flags)


def _section_synopsis(ctx: _Ctx, lk: _Lookups, ev: pd.DataFrame | None,
                      elements: _Elements | None, charts_dir: Path, draft_md: str | None
                      ) -> Section:
    sec = Section("synopsis", "Synopsis for the Council Recommendation")
    counts = _summary_counts(ctx, ev)
    if counts is None or elements is None:
        sec.add(Para("Evidence tracing was not run: no synopsis by element is available."))
    else:
        sec.add(Para(
            "For each element of the catalogue (definition, European standard elements, "
            "principles, roadmap actions) the tables count the voices whose answers, position "
            "papers or closed answers support it, support it under conditions, or oppose it, by "
            "stakeholder type. One respondent is one voice and a campaign counts once. "
            "Contestedness is 0 when all positions agree and 1 when they are evenly split; "
            "strength is the lower bound of the share in favour. Key quotes are redacted and "
            "carry their evidence ID; every piece of evidence is in the evidence explorer "
            "(HTML) and the evidence annex (XLSX).", "lead"))
        tot = _totals(counts)
        ev_by_el = dict(tuple(ev.groupby("element_id", sort=False))) if ev is not None else {}
        kinds = sorted({elements.kind_of(e) for e in tot.index},
                       key=lambda k: (elements.kind_order(k), k))
        for kind in kinds:
            ids = [e for e in elements.sort(tot.index) if elements.kind_of(e) == kind]
            ks = sec.sub(f"synopsis-{_slug(kind)}", elements.kind_label(kind))
            fig = figures.elements_chart(kind, elements.kind_label(kind), [
                (e, elements.label(e), int(tot.at[e, "n_support"]),
                 int(tot.at[e, "n_conditional"]), int(tot.at[e, "n_oppose"])) for e in ids],
                charts_dir)
            if fig is not None:
                ks.add(fig)
            rows = []
            for e in ids:
                t = tot.loc[e]
                rows.append([f"{e} {elements.label(e)}", fmt_int(t["n_support"]),
                             fmt_int(t["n_conditional"]), fmt_int(t["n_oppose"]),
                             fmt_num(t["contestedness"]), fmt_num(t["strength"]), _flag(t)])
            ks.add(Table(f"{elements.kind_label(kind)}: positions (voices)",
                         ["Element", "Support", "Conditional", "Oppose", "Contested",
                          "Strength", "Note"], rows,
                         align=["l", "r", "r", "r", "r", "r", "l"],
                         widths=[35, 10, 12, 10, 11, 10, 12]))
            for e in ids:
                es = ks.sub(f"el-{_slug(e)}", f"{e} {elements.label(e)}")
                _element_detail(es, e, counts, tot.loc[e], ev, lk, elements, ev_by_el)
    ds = sec.sub("draft", "Evidence-linked draft text")
    if draft_md:
        ds.add(Markdown(draft_md))
    else:
        ds.add(Para("Drafting was not run: no draft text is available."))
    return sec


def _element_detail(es: Section, e: str, counts: pd.DataFrame, t: pd.Series,
                    ev: pd.DataFrame | None, lk: _Lookups, elements: _Elements,
                    ev_by_el: dict[str, pd.DataFrame]) -> None:
    desc = elements.meta.get(e, {}).get("description")
    if desc:
        es.add(Para(desc, "question"))
    g = counts[(counts["element_id"] == e) & ~counts["group"].isin(["all", "All", "(all)"])]
    g = g[(g[[f"n_{s}" for s in STANCES]].sum(axis=1)) > 0]
    g = g.assign(_o=g["group"].map(_GROUP_ORDER).fillna(99)).sort_values(
        ["_o", "group"], kind="stable")
    facts = []
    if pd.notna(t.get("contestedness")):
        facts.append(f"contestedness {fmt_num(t['contestedness'])}")
    if pd.notna(t.get("strength")):
        facts.append(f"strength {fmt_num(t['strength'])}")
    flag = _flag(t)
    if flag:
        facts.append(flag)
    n_closed = t.get("n_closed")
    if pd.notna(n_closed) and int(n_closed):
        closed = (f"{fmt_int(n_closed)} closed answers on related questions "
                  f"({fmt_int(t.get('n_closed_support'))} read as support, "
                  f"{fmt_int(t.get('n_closed_oppose'))} as opposition")
        if pd.notna(t.get("mean_rating")):
            closed += f"; mean rating {fmt_num(t['mean_rating'], 1)}"
        facts.append(closed + ")")
    if facts:
        es.add(Para(f"{e}: " + "; ".join(facts) + ".", "meta"))
    if not g.empty:
        rows = [[stakeholder_label(r["group"]), fmt_int(r["n_support"]),
                 fmt_int(r["n_conditional"]), fmt_int(r["n_oppose"])] for _, r in g.iterrows()]
        rows.append(["Total", fmt_int(t["n_support"]), fmt_int(t["n_conditional"]),
                     fmt_int(t["n_oppose"])])
        es.add(Table(f"{e}: positions by stakeholder type (voices)",
                     ["Stakeholder type", "Support", "Conditional", "Oppose"], rows))
    else:
        es.add(Para("No respondent took a position on this element.", "note"))
    if ev is not None:
        prefer = t.get("top_evidence_ids")
        prefer = [str(x) for x in prefer] if isinstance(prefer, (list, tuple, np.ndarray)) \
            else []
        for r in _key_quotes(ev_by_el.get(e, ev.iloc[:0]), N_QUOTES_ELEMENT, prefer=prefer):
            es.add(_quote_from_evidence(r, lk, elements))


def _section_papers(ctx: _Ctx, lk: _Lookups, ev: pd.DataFrame | None,
                    elements: _Elements | None) -> Section:
    sec = Section("position-papers", "Position papers")
    docs = ctx.get("documents")
    if docs is None or docs.empty:
        return sec.add(Para("No position papers were attached."))
    n = len(docs)
    n_ok = int(docs["extraction_status"].astype("string").eq("ok").sum()) if \
        "extraction_status" in docs else n
    resp_ids = docs["response_id"].astype(str)
    n_resp = resp_ids.nunique()
    sec.add(Para(f"{fmt_int(n_resp)} respondents attached {fmt_int(n)} documents; the text of "
                 f"{fmt_int(n_ok)} could be extracted and analysed.", "lead"))
    types = resp_ids.drop_duplicates().map(lk.type_of).fillna("not_disclosed")
    sec.add(_count_table(types, stakeholder_label, "Respondents who attached a document, by "
                         "stakeholder type", "Stakeholder type", order=list(STAKEHOLDER_LABELS),
                         unit="Respondents"))
    lang = ctx.get("languages")
    if lang is not None and "language" in lang.columns:
        dl = lang[lang["question_id"].astype(str).str.startswith("document:")]
        if not dl.empty:
            sec.add(_count_table(dl["language"], language_label, "Documents by language",
                                 "Language", unit="Documents"))
    if "extraction_status" in docs:
        bad = docs["extraction_status"].astype("string").fillna("unknown")
        bad = bad[bad.ne("ok")]
        if len(bad):
            sec.add(Para("Documents without extracted text: " + ", ".join(
                f"{k} {v}" for k, v in sorted(bad.value_counts().items())) + ".", "note"))
    if ev is None or elements is None:
        sec.add(Para("Evidence tracing was not run: the positions taken in the papers are not "
                     "summarised.", "note"))
        return sec
    d = ev[ev["is_document"]]
    if d.empty:
        sec.add(Para("The tracing found no evidence in the position papers.", "note"))
        return sec
    per = d[d["stance"].isin(STANCES)].drop_duplicates(["element_id", "response_id", "stance"])
    piv = per.groupby(["element_id", "stance"]).size().unstack(fill_value=0).reindex(
        columns=list(STANCES), fill_value=0)
    piv["papers"] = d.groupby("element_id")["response_id"].nunique()
    piv = piv.sort_values("papers", ascending=False, kind="stable")
    top = sorted(piv.index, key=lambda e: (-int(piv.at[e, "papers"]), _natural_key(e)))[:12]
    rows = [[f"{e} {elements.label(e)}", fmt_int(piv.at[e, "papers"]),
             fmt_int(piv.at[e, "support"]), fmt_int(piv.at[e, "conditional"]),
             fmt_int(piv.at[e, "oppose"])] for e in top]
    sec.add(Para(f"The papers take positions on {fmt_int(len(piv))} elements of the catalogue. "
                 "The most discussed:", "body"))
    sec.add(Table("Elements most discussed in position papers", ["Element", "Papers", "Support",
                                                                 "Conditional", "Oppose"], rows))
    quotes = []
    for e in top[:5]:
        quotes.extend(_quote_from_evidence(r, lk, elements)
                      for r in _key_quotes(d[d["element_id"] == e], 1))
    if quotes:
        sec.add(Para("Quotes from position papers (redacted):", "note"))
        sec.add(*quotes)
    return sec


def _annex_organisations(ctx: _Ctx, lk: _Lookups) -> Section:
    sec = Section("annex-organisations", "Annex A. Organisations that submitted position papers")
    docs = ctx.get("documents")
    r = ctx.get("responses")
    if docs is None or r is None or docs.empty:
        return sec.add(Para("No position papers were attached."))
    ids = sorted(set(docs["response_id"].astype(str)))
    pub = safety.published(r, "responses")
    pub = pub[pub["response_id"].astype(str).isin(ids)]
    named = pub[pub["organisation"].notna() & pub["organisation"].astype(str).str.strip().ne("")] \
        if "organisation" in pub else pub.iloc[:0]
    rows = []
    for _, x in named.iterrows():
        rows.append([clean_text(x["organisation"]), stakeholder_label(x.get("stakeholder_type")),
                     country_label(x.get("country")),
                     "Yes" if x.get("registered") is True else "No"])
    rows.sort(key=lambda row: (row[0].casefold(), row[1], row[2]))
    n_hidden = len(ids) - len(named)
    sec.add(Para(f"Organisations are named only where the respondent chose publication with "
                 f"personal information. {fmt_int(n_hidden)} further documents came from "
                 "individuals or from respondents who chose anonymous publication; they are not "
                 "named.", "lead"))
    if rows:
        sec.add(Table("Organisations that submitted position papers",
                      ["Organisation", "Stakeholder type", "Country", "Transparency Register"],
                      rows, align=["l", "l", "l", "l"]))
    return sec


# -- methods annex (from the manifest) -----------------------------------------------------------

_STAGE_CODE = {
    "ingest": ("consultation.ingest", "ingest"),
    "languages": ("consultation.enrich.language", "detect_languages"),
    "redaction": ("consultation.enrich.redaction", "redact_answers"),
    "campaigns": ("consultation.enrich.campaigns", "CampaignDetector"),
    "closed_stats": ("consultation.enrich.closed", "closed_question_stats"),
    "coding": ("consultation.coding", "code_answers"),
    "topics": ("consultation.topics", "TopicModeller"),
    "trace": ("standards_draft.evidence", "trace_evidence"),
    "tracing": ("standards_draft.evidence", "trace_evidence"),
    "evidence": ("standards_draft.evidence", "trace_evidence"),
}
_SKIP_PARAMS = {"progress", "redactor", "documents", "languages_table", "redacted_answers",
                "campaign_members"}


@lru_cache(maxsize=32)
def _module_ast(mod_name: str) -> ast.Module | None:
    """Parse a module's source without importing it (importing would load heavy libraries)."""
    try:
        spec = importlib.util.find_spec(mod_name)
    except (ImportError, ValueError):
        return None
    if spec is None or not spec.origin or not spec.origin.endswith(".py"):
        return None
    try:
        return ast.parse(Path(spec.origin).read_text(encoding="utf-8"))
    except (OSError, SyntaxError, ValueError):
        return None


def _signature_defaults(mod_name: str, obj_name: str) -> dict[str, object]:
    """Keyword-only parameters with literal defaults of a function (or a class's __init__)."""
    tree = _module_ast(mod_name)
    if tree is None:
        return {}
    fn = None
    for node in tree.body:
        if isinstance(node, ast.FunctionDef) and node.name == obj_name:
            fn = node
        elif isinstance(node, ast.ClassDef) and node.name == obj_name:
            fn = next((n for n in node.body if isinstance(n, ast.FunctionDef)
                       and n.name == "__init__"), None)
    if fn is None:
        return {}
    out: dict[str, object] = {}
    for arg, default in zip(fn.args.kwonlyargs, fn.args.kw_defaults, strict=True):
        if default is None or arg.arg in _SKIP_PARAMS:
            continue
        try:
            value = ast.literal_eval(default)
        except (ValueError, TypeError, SyntaxError, MemoryError, RecursionError):
            continue
        if isinstance(value, (bool, int, float, str, tuple)):  # None: an optional table/object
            out[arg.arg] = value
    return out


def _effective_params(stage: str, recorded: dict[str, Any]) -> list[tuple[str, str, str]]:
    """(name, value, 'set' | 'default') from the stage's signature merged with the manifest."""
    out: dict[str, tuple[str, str]] = {}
    mod_name, obj_name = _STAGE_CODE.get(stage, (None, None))
    if mod_name and obj_name:
        for k, v in _signature_defaults(mod_name, obj_name).items():
            out[k] = (_param_text(v), "default")
    for k, v in sorted((recorded or {}).items()):
        if k in _SKIP_PARAMS:
            continue
        out[k] = (_param_text(v), "set")
    return [(k, v, how) for k, (v, how) in sorted(out.items())]


def _param_text(v: object) -> str:
    if isinstance(v, (list, tuple)):
        items = [str(x) for x in v]
        return ", ".join(items) if len(items) <= 30 else ", ".join(items[:30]) + " …"
    if isinstance(v, dict):
        return json.dumps(v, ensure_ascii=False, sort_keys=True, default=str)
    return "none" if v is None else str(v)


def _stage_doc(stage: str) -> str:
    mod_name = _STAGE_CODE.get(stage, (None, None))[0]
    tree = _module_ast(mod_name) if mod_name else None
    return _first_paragraph(ast.get_docstring(tree)) if tree is not None else ""


def _rel_input(path: str, sources: list[str]) -> str:
    p = Path(path)
    for s in sorted(sources, key=len, reverse=True):
        sp = Path(s)
        try:
            return str(Path(sp.name) / p.relative_to(sp))
        except ValueError:
            if p == sp:
                return sp.name
    return p.name


def _annex_methods(ctx: _Ctx, lk: _Lookups) -> Section:
    sec = Section("annex-methods", "Annex B. Methods")
    m = ctx.manifest
    stages = m.get("stages", {}) or {}
    sec.add(Para("This annex is generated from the workspace manifest and the code that ran: "
                 "inputs with their SHA-256 hashes, row accounting, the parameters of every "
                 "stage (defaults included) and the package versions.", "lead"))
    # data sources
    s = sec.sub("methods-sources", "Data sources")
    sources = [str(x) for x in ((stages.get("ingest") or {}).get("parameters") or {}).get(
        "sources", []) or []]
    rows = [[_rel_input(str(i.get("path", "")), sources), clean_text(i.get("format")),
             fmt_int(i.get("bytes")), clean_text(i.get("sha256"))]
            for i in sorted(m.get("inputs", []), key=lambda i: str(i.get("path", "")))]
    if rows:
        s.add(Table("Input files", ["File", "Format", "Bytes", "SHA-256"], rows,
                    align=["l", "l", "r", "l"]))
    else:
        s.add(Para("The manifest lists no input files."))
    docs = ctx.get("documents")
    if docs is not None and "sha256" in docs.columns:
        s.add(Para(f"{fmt_int(docs['sha256'].notna().sum())} attached documents were hashed "
                   "(SHA-256, listed per document in the workspace).", "note"))
    # accounting
    a = sec.sub("methods-accounting", "Row accounting")
    acc = (m.get("accounting") or {}).get("totals") or {}
    if acc:
        rows = [["Records read", fmt_int(acc.get("n_records"))],
                ["Contributions (responses)", fmt_int(acc.get("n_responses"))],
                ["Records set aside (rejects)", fmt_int(acc.get("n_rejects"))]]
        for reason, k in sorted((acc.get("rejects_by_reason") or {}).items()):
            rows.append([f"… {reason.replace('_', ' ')}", fmt_int(k)])
        rows += [["Answers", fmt_int(acc.get("n_answers"))],
                 ["Documents", fmt_int(acc.get("n_documents"))]]
        a.add(Table("Every record read lands in exactly one of responses or rejects",
                    ["", "Number"], rows))
    else:
        a.add(Para("The manifest has no row accounting."))
    rej = ctx.get("rejects")
    if rej is not None and not rej.empty:
        pr = safety.published(rej, "rejects")
        a.add(Table("Records set aside", ["Where", "Reason"],
                    [[clean_text(x.get("locator")), clean_text(x.get("reason")).replace("_", " ")]
                     for _, x in pr.iterrows()][:50], align=["l", "l"],
                    note=None if len(pr) <= 50 else f"First 50 of {len(pr)}; all are in the "
                    "evidence annex."))
    # languages
    lg = sec.sub("methods-languages", "Languages")
    lang = ctx.get("languages")
    if lang is None:
        lg.add(Para("Language detection was not run: answers are attributed to the respondent's "
                    "declared language."))
    else:
        lg.add(Para(_stage_doc("languages") or "Language of each free-text answer.", "body"))
        txt = [f"{fmt_int(len(lang))} texts were classified"]
        if "method" in lang:
            vc = lang["method"].astype("string").fillna("none").value_counts()
            txt.append("by method: " + ", ".join(f"{k} {fmt_int(v)}" for k, v in
                                                 sorted(vc.items(), key=lambda kv: kv[0])))
        for col, word in (("mismatch", "differ from the declared language"),
                          ("is_short", "were too short to classify alone"),
                          ("is_mixed", "mix several languages")):
            if col in lang:
                txt.append(f"{fmt_int(lang[col].fillna(False).astype(bool).sum())} {word}")
        lg.add(Para("; ".join(txt) + ".", "body"))
        tr = ctx.get("translations")
        lg.add(Para(f"Translations: {fmt_int(len(tr))} translated texts were imported and used as "
                    "an extra text layer." if tr is not None else
                    "Translations: none were imported; answers are analysed and quoted in the "
                    "language they were written in.", "body"))
        _params_table(lg, "languages", stages)
    # campaigns
    cp = sec.sub("methods-campaigns", "Campaign rule")
    if ctx.get("campaigns") is None:
        cp.add(Para("Campaign detection was not run."))
    else:
        cp.add(Para(_stage_doc("campaigns"), "body"))
        _params_table(cp, "campaigns", stages)
    # redaction
    rd = sec.sub("methods-redaction", "Redaction rule")
    red = ctx.get("redactions")
    if ctx.get("redacted_answers") is None:
        rd.add(Para("Redaction was not run: no free text is quoted."))
    else:
        rd.add(Para(_stage_doc("redaction"), "body"))
        if red is not None and "type" in red:
            applied = red[red["applied"].fillna(True).astype(bool)] if "applied" in red else red
            vc = applied["type"].astype("string").value_counts()
            rd.add(Table("Personal data replaced by placeholders", ["Placeholder", "Spans"],
                         [[f"[{k}]", fmt_int(v)] for k, v in sorted(vc.items())]))
        _params_table(rd, "redaction", stages)
    # closed statistics
    cs = sec.sub("methods-closed", "Closed questions")
    if ctx.get("closed_stats") is None:
        cs.add(Para("Closed-question statistics were not computed."))
    else:
        cs.add(Para(_stage_doc("closed_stats") or "Counts and shares by group with a chi-square "
                    "test per question.", "body"))
        _params_table(cs, "closed_stats", stages)
    # topics
    tp = sec.sub("methods-topics", "Topic model")
    if ctx.get("topics") is None:
        tp.add(Para("Topic modelling was not run."))
    else:
        tp.add(Para(_stage_doc("topics") or "Topics per open question.", "body"))
        _params_table(tp, "topics", stages)
        tq = ctx.get("topic_quality")
        if tq is not None:
            tq = safety.published(tq, "topic_quality")
            tp.add(_frame_table(tq, "Topic quality metrics"))
        else:
            tp.add(Para("No topic quality metrics were recorded.", "note"))
    # coding
    cd = sec.sub("methods-coding", "Coding")
    if ctx.get("codes") is None:
        cd.add(Para("Coding was not run."))
    else:
        cd.add(Para(_stage_doc("coding") or "Codebook coding of open answers.", "body"))
        _params_table(cd, "coding", stages)
        ag = ctx.get("coding_agreement")
        info = (stages.get("coding") or {}).get("agreement")
        if ag is not None:
            cd.add(_frame_table(safety.published(ag, "coding_agreement"),
                                "Agreement with imported human coding"))
        elif info:
            cd.add(Para(f"Agreement with imported human coding: {_param_text(info)}.", "body"))
        else:
            cd.add(Para("No human coding was imported: agreement was not measured.", "note"))
    # tracing
    tr_sec = sec.sub("methods-tracing", "Evidence tracing")
    if ctx.get("evidence") is None:
        tr_sec.add(Para("Evidence tracing was not run."))
    else:
        key = next((k for k in ("trace", "tracing", "evidence") if k in stages), "trace")
        tr_sec.add(Para(_stage_doc("trace") or "Passages of answers and position papers linked "
                        "to catalogue elements with a stance.", "body"))
        ev = ctx.get("evidence")
        if "method" in ev.columns:
            vc = ev["method"].astype("string").fillna("unknown").value_counts()
            tr_sec.add(Table("Evidence by method", ["Method", "Pieces of evidence"],
                             [[k, fmt_int(v)] for k, v in sorted(vc.items())]))
        _params_table(tr_sec, key, stages)
    # software
    sw = sec.sub("methods-software", "Software, versions and seeds")
    vers = m.get("versions") or {}
    if vers:
        sw.add(Table("Package versions", ["Package", "Version"],
                     [[k, clean_text(v)] for k, v in sorted(vers.items())], align=["l", "l"]))
    seeds = []
    for st_name in sorted(stages):
        for name, val, how in _effective_params(st_name, (stages[st_name] or {}).get(
                "parameters") or {}):
            if name in ("seed", "random_state", "random_seed"):
                seeds.append(f"{st_name}: {name} = {val} ({how})")
    sw.add(Para("Seeds: " + ("; ".join(seeds) if seeds else "no stage recorded a seed") + ".",
                "body"))
    warns = m.get("warnings") or []
    if warns:
        sw.add(Para("Warnings recorded in the manifest:", "body"))
        sw.add(Bullets([f"{clean_text(w.get('stage'))}: {clean_text(w.get('message'))}"
                        for w in warns][:50]))
    return sec


def _params_table(sec: Section, stage: str, stages: dict[str, Any]) -> None:
    info = stages.get(stage)
    if info is None:
        sec.add(Para(f"The manifest has no record of the {stage} stage.", "note"))
        return
    rows = _effective_params(stage, (info or {}).get("parameters") or {})
    if rows:
        sec.add(Table(f"Parameters of the {stage} stage", ["Parameter", "Value", "Source"],
                      [[k, v, "as set" if how == "set" else "default"] for k, v, how in rows],
                      align=["l", "l", "l"]))


def _frame_table(df: pd.DataFrame, caption: str, limit: int = 60) -> Table:
    rows = []
    for _, r in df.head(limit).iterrows():
        rows.append([fmt_num(v, 3) if isinstance(v, float) else clean_text(v) for v in r])
    return Table(caption, [str(c) for c in df.columns], rows,
                 note=None if len(df) <= limit else f"First {limit} of {len(df)} rows.")


# ------------------------------------------------------------------------------------------------
# sheets (XLSX / CSV)
# ------------------------------------------------------------------------------------------------

def _sheets(ctx: _Ctx, lk: _Lookups, ev: pd.DataFrame | None, elements: _Elements | None
            ) -> tuple[dict[str, pd.DataFrame], dict[str, str], dict[str, pd.DataFrame]]:
    sheets: dict[str, pd.DataFrame] = {}
    notes: dict[str, str] = {}
    csv_only: dict[str, pd.DataFrame] = {}
    r = ctx.get("responses")
    if r is not None:
        rows = []
        n = len(r)
        dims = [("stakeholder_type", stakeholder_label), ("country", country_label),
                ("organisation_size", size_label), ("language", language_label),
                ("publication", lambda v: clean_text(v) or "not stated"),
                ("registered", lambda v: {True: "registered", False: "not registered"}.get(
                    v, "not applicable"))]
        for dim, lab in dims:
            if dim not in r.columns:
                continue
            vals = r[dim].astype(object).where(r[dim].notna(), None)
            vc = pd.Series([("" if v is None else str(v)) for v in vals]).value_counts()
            for k in sorted(vc.index, key=lambda k: (-int(vc[k]), k)):
                orig = None if k == "" else (k == "True" if dim == "registered" else k)
                rows.append({"dimension": dim, "value": k or "(blank)",
                             "label": lab(orig) if orig is not None or dim != "registered"
                             else "not applicable",
                             "n": int(vc[k]), "share": round(int(vc[k]) / n, 4) if n else None})
        sheets["Respondents summary"] = pd.DataFrame(rows)
        notes["Respondents summary"] = "Respondents by stakeholder type, country, size, language."
        pub = safety.published(r, "responses")
        pub.insert(pub.columns.get_loc("stakeholder_type") + 1, "stakeholder_label",
                   pub["stakeholder_type"].map(stakeholder_label))
        pub["campaign_id"] = pub["response_id"].astype(str).map(lk.campaign_of)
        sheets["Responses"] = pub
        notes["Responses"] = ("One row per contribution; organisation names only for "
                              "organisations that chose publication with personal information.")
    q = ctx.get("questions")
    if q is not None:
        sheets["Questions"] = safety.published(_question_order(q).drop(
            columns=["_order", "_nat"]), "questions")
        notes["Questions"] = "The questionnaire: question ids, texts and kinds."
    st = ctx.get("closed_stats")
    if st is not None:
        keep = [c for c in ("question_id", "campaigns", "group_by", "group", "option", "n",
                            "n_group", "share", "mean_rating") if c in st.columns]
        s = safety.published(st, "closed_stats", columns=keep)
        if "group" in s.columns and "group_by" in s.columns:
            s.insert(s.columns.get_loc("group") + 1, "group_label",
                     [group_label(str(a), str(b)) for a, b in zip(s["group_by"], s["group"],
                                                                  strict=True)])
        once = s["campaigns"].astype(str).eq("once") if "campaigns" in s.columns else None
        if once is not None and once.any():
            sheets["Closed questions"] = s[~once.to_numpy()].reset_index(drop=True)
            csv_only["Closed questions campaigns once"] = s[once.to_numpy()].reset_index(
                drop=True)
            notes["Closed questions"] = (
                "Counts and shares per question × group × option, every response counted "
                "(question texts in 'Questions'); the same with each campaign counted once is "
                "in tables/closed_questions_campaigns_once.csv.")
        else:
            sheets["Closed questions"] = s
            notes["Closed questions"] = ("Counts and shares per question × group × option "
                                         "(question texts in 'Questions').")
        tcols = [c for c in ("question_id", "campaigns", "group_by", "n_test", "dof", "chi2",
                             "p_value", "p_adjusted", "cramers_v", "test_note")
                 if c in st.columns]
        if {"chi2", "p_value"} <= set(tcols):
            t = st[st["group_by"].astype(str).ne("all")] if "group_by" in st else st
            t = safety.published(t, "closed_stats", columns=tcols).drop_duplicates(
                [c for c in ("question_id", "campaigns", "group_by") if c in tcols])
            sheets["Closed question tests"] = t.reset_index(drop=True)
            notes["Closed question tests"] = ("Chi-square test of answer × group per question "
                                              "and grouping (p adjusted for multiple testing).")
    for name, title in (("codes", "Codes"), ("topics", "Topics"),
                        ("topics_by_group", "Topics by group"),
                        ("topic_quality", "Topic quality")):
        df = ctx.get(name)
        if df is None:
            continue
        cols = None
        if name == "codes":
            cols = [c for c in ("response_id", "question_id", "code_id", "method", "score",
                                "language") if c in df.columns]
        sheets[title] = safety.published(df, name, columns=cols)
        if name == "codes":
            labels = _codebook_labels(ctx, set(df["code_id"].astype(str))) \
                if "code_id" in df.columns else {}
            sheets[title].insert(3, "code_label", sheets[title]["code_id"].astype(str).map(
                labels))
            notes[title] = "Codebook codes found in each free-text answer (one row per match)."
    if ev is not None:
        cols = [c for c in ("evidence_id", "element_id", "source", "stance", "response_id",
                            "question_id", "document_id", "group", "language", "campaign_id",
                            "method", "score", "quote") if c in ev.columns]
        e = ev[cols].rename(columns={"group": "stakeholder_type"})
        if elements is not None:
            e.insert(2, "element_label", e["element_id"].map(elements.label))
        text = e["quote"].str.len() > 0
        sheets["Evidence"] = e[text].reset_index(drop=True)
        notes["Evidence"] = ("Every traced passage of an answer or position paper (redacted "
                             "quote) with its element and stance.")
        closed = [c for c in ev.columns if c in ("evidence_id", "element_id", "source",
                                                 "stance", "response_id", "question_id",
                                                 "group", "campaign_id", "rating", "choice",
                                                 "stance_cue")]
        if (~text).any():
            csv_only["Evidence closed answers"] = ev.loc[~text.to_numpy(), closed].rename(
                columns={"group": "stakeholder_type"}).reset_index(drop=True)
            notes["Evidence"] += (f" The {fmt_int(int((~text).sum()))} pieces of evidence from "
                                  "closed answers (no quote) are in "
                                  "tables/evidence_closed_answers.csv.")
    es = ctx.get("element_summary")
    if es is not None:
        sheets["Element summary"] = safety.published(es, "element_summary")
    camp = ctx.get("campaigns")
    if camp is not None:
        sheets["Campaigns"] = safety.published(camp, "campaigns")
        cm = ctx.get("campaign_members")
        if cm is not None:
            sheets["Campaign members"] = safety.published(cm, "campaign_members")
    ra = ctx.get("redacted_answers")
    if ra is not None:
        a = safety.published(ra, "redacted_answers")
        a.insert(2, "stakeholder_type", a["response_id"].astype(str).map(lk.type_of))
        a["text"] = [lk.scrub(clean_text(t), str(rid), str(q)) for t, rid, q in
                     zip(a["text"], a["response_id"], a["question_id"], strict=True)]
        sheets["Open answers (redacted)"] = a
        notes["Open answers (redacted)"] = "Free-text answers with personal data replaced."
    rej = ctx.get("rejects")
    if rej is not None:
        sheets["Rejects"] = safety.published(rej, "rejects")
    return sheets, notes, csv_only


# ------------------------------------------------------------------------------------------------
# entry point
# ------------------------------------------------------------------------------------------------

def _draft_markdown(draft: Any, ws: Workspace) -> str | None:
    if draft is None:
        p = ws.path / "draft.md"
        return p.read_text(encoding="utf-8") if p.is_file() else None
    if isinstance(draft, str):
        return draft
    if isinstance(draft, Path):
        return draft.read_text(encoding="utf-8")
    to_md = getattr(draft, "to_markdown", None)
    if callable(to_md):
        return str(to_md())
    raise TypeError(f"draft must be None, markdown text, a Path or an object with "
                    f"to_markdown(); got {type(draft).__name__}")


_FOOTDEF_RE = re.compile(r"^\[\^([^\]\s]+)\]:[ \t]*(.*)$", re.M)
_FOOTREF_RE = re.compile(r"\[\^([^\]\s]+)\]")


def prepare_markdown(md: str) -> str:
    """CommonMark for the renderers: footnotes ``[^n]`` become ``[n]`` with the definitions
    collected under "Notes", and ``<br>`` becomes a hard line break (raw HTML stays off)."""
    notes = [(m.group(1), m.group(2)) for m in _FOOTDEF_RE.finditer(md)]
    body = _FOOTDEF_RE.sub("", md)
    body = _FOOTREF_RE.sub(r"[\1]", body)
    body = re.sub(r"<br\s*/?>", "  \n", body, flags=re.I).rstrip()
    if notes:
        body += "\n\n### Notes\n"
        for n, text in notes:
            parts = [p.strip() for p in re.split(r"<br\s*/?>", text, flags=re.I) if p.strip()]
            body += f"\n**[{n}]** " + "  \n".join(parts) + "\n"
    return re.sub(r"\n{3,}", "\n\n", body) + "\n"


def collect_report(ws: Workspace, out_dir: Path, *, generated_at: str,
                   draft: Any = None) -> Report:
    """Build the format-neutral :class:`Report` of a workspace (charts go to ``out_dir``)."""
    ctx = _Ctx(ws, out_dir)
    lk = _Lookups(ctx)
    charts_dir = out_dir / "charts"
    synthetic = is_synthetic(ctx.manifest)
    ev = _evidence_frame(ctx, lk)
    ids: set[str] = set()
    if ev is not None:
        ids |= set(ev["element_id"])
    es = ctx.get("element_summary")
    if es is not None and "element_id" in es.columns:
        ids |= set(es["element_id"].astype(str))
    elements = _Elements(ctx, ids) if ids else None
    draft_md = _draft_markdown(draft, ws)
    if draft_md:
        draft_md = lk.scrub_everywhere(prepare_markdown(clean_text(draft_md)))

    cons = sorted({clean_text(c) for c in lk.responses.get("consultation_id", [])
                   if clean_text(c)})
    title = "Public consultation: factual summary report"
    subtitle = clean_text(ctx.manifest.get("title"))
    if not subtitle and elements is not None and elements.title:
        subtitle = elements.title
    if not subtitle:
        subtitle = ", ".join(c.replace("_", " ") for c in cons) or "Consultation"
        subtitle = subtitle[:1].upper() + subtitle[1:]
    notice = ("This report was generated from the bundled synthetic sample of the 2021 "
              "micro-credentials consultation. No respondent, organisation, answer or figure "
              "in it is real.") if synthetic else ""
    generated_line = (f"Generated {generated_at} by consultation-toolkit from workspace "
                      f"'{ws.path.name}'.")

    intro = Section("about", "About this report")
    if synthetic:
        intro.add(Para(f"SYNTHETIC DATA: {notice}", "warning"))
    intro.add(Para(
        "This report summarises the contributions to a public consultation: who responded, "
        "what they answered to each question, the campaigns and position papers, and what "
        "respondents said about each element of the proposed Council Recommendation. It is a "
        "factual summary: it counts and quotes contributions and does not weigh them. "
        "Quotes are redacted (personal data replaced by placeholders such as [PERSON]); "
        "organisations are named only where they chose publication with personal "
        "information.", "body"))

    sections = [intro, _section_consultation(ctx, lk), _section_respondents(ctx, lk, charts_dir),
                _section_campaigns(ctx, lk), _section_questions(ctx, lk),
                _section_papers(ctx, lk, ev, elements),
                _section_synopsis(ctx, lk, ev, elements, charts_dir, draft_md)]
    explorer = Section("evidence-explorer", "Evidence explorer", screen_only=True)
    explorer_rows: list[dict[str, Any]] = []
    if ev is None:
        explorer.add(Para("Evidence tracing was not run: there is no evidence to explore."))
    else:
        explorer.add(Para("Filter the traced evidence by element, stakeholder type, stance and "
                          "language. Quotes are redacted; the evidence ID links a quote to the "
                          "evidence annex (XLSX).", "body"))
        explorer.add(Explorer("The evidence explorer is part of the HTML report; the evidence "
                              "annex (XLSX) lists every piece of evidence."))
        q = ev[ev["quote"].str.len() > 0]
        if len(q) > EXPLORER_MAX:  # keep the page light: the best-scored per element
            per = max(1, EXPLORER_MAX // max(q["element_id"].nunique(), 1))
            q = (q.assign(_s=q["score"].fillna(0.0))
                 .sort_values(["element_id", "_s", "evidence_id"], ascending=[True, False, True],
                              kind="stable").groupby("element_id", sort=False).head(per))
            n_all = int((ev["quote"].str.len() > 0).sum())
            explorer.add(Para(f"The explorer holds the {fmt_int(len(q))} best-scored quotes "
                              f"({fmt_int(per)} per element) of {fmt_int(n_all)}; the "
                              "evidence annex has them all.", "note"))
        kind_of = {e: elements.kind_label(elements.kind_of(e)) for e in set(q["element_id"])} \
            if elements else {}
        for r in q[["evidence_id", "element_id", "group", "stance", "language", "is_document",
                    "question_id", "campaign_id", "quote"]].to_dict("records"):
            e = r["element_id"]
            explorer_rows.append({
                "id": r["evidence_id"], "element": e,
                "element_label": f"{e} {elements.label(e)}" if elements else e,
                "kind": kind_of.get(e, ""),
                "group": stakeholder_label(r["group"]),
                "stance": STANCE_LABELS.get(r["stance"], r["stance"]),
                "language": language_label(r["language"]) if r["language"] else "Unknown",
                "source": "Position paper" if r["is_document"] else
                f"Answer to {r['question_id']}" if r["question_id"] else "Answer",
                "campaign": r["campaign_id"] or "",
                "quote": trim(r["quote"], 1200)})
        order = {e: i for i, e in enumerate(elements.sort(ev["element_id"]))} if elements else {}
        explorer_rows.sort(key=lambda x: (order.get(x["element"], 10**6), x["id"]))
    sections.append(explorer)
    sections += [_annex_organisations(ctx, lk), _annex_methods(ctx, lk)]
    sheets, sheet_notes, csv_only = _sheets(ctx, lk, ev, elements)
    if lk.scrubbed:
        ctx.note(f"{fmt_int(sum(lk.scrubbed.values()))} personal or self-identifying strings in "
                 f"quotes of {fmt_int(len(lk.scrubbed))} respondents were replaced by "
                 "placeholders at publication (personal data the redaction stage missed, or "
                 "anonymous respondents naming their organisation in their position paper).")
    if ctx.notes:
        notes_sec = sections[-1].sub("methods-notes", "Build notes")
        notes_sec.add(Para("Notes from building this report (missing tables or columns, and "
                           "text replaced at publication):", "body"))
        notes_sec.add(Bullets(list(ctx.notes)))
    return Report(title=title, subtitle=subtitle, generated_at=generated_at,
                  synthetic=synthetic, synthetic_notice=notice, generated_line=generated_line,
                  sections=sections,
                  evidence=explorer_rows,
                  explorer_filters=[("element_label", "Element"), ("group", "Stakeholder type"),
                                    ("stance", "Stance"), ("language", "Language")],
                  sheets=sheets, sheet_notes=sheet_notes, csv_only=csv_only,
                  notes=list(ctx.notes), scrub_pairs=lk.scrub_pairs())
