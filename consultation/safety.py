"""Output hygiene: one home for what may be published and how cells are written safely.

Every published output (HTML, DOCX, XLSX, PDF, CSV) goes through this module:

* :data:`PUBLISHED_COLUMNS` is an **allow-list**: for each table, the columns that may appear in
  a published output. A column that is not listed is never published (:func:`published` drops
  it and logs a warning). Names, e-mails, raw profile fields, file names and raw answer text are
  never listed; quotes come from the redacted tables only.
* :data:`NAMED_ONLY_IF_PUBLIC` lists the columns (organisation name, Transparency Register
  number) that are published only for **organisations whose respondent chose publication with
  personal information** (:func:`may_name`); for everyone else they are blanked.
* :func:`neutralise_formula` defuses spreadsheet formula injection: a text cell that starts with
  ``=``, ``+``, ``-``, ``@``, a tab or a carriage return (or their full-width forms) is prefixed
  with an apostrophe, so Excel, LibreOffice and Google Sheets show it as text.
  :func:`neutralise_frame` does it for a whole table and :func:`safe_csv` writes a neutralised
  CSV.
* :func:`scrub` replaces known personal strings in a text by typed placeholders (a last line of
  defence for quotes whose source missed a redaction).
"""

from __future__ import annotations

import csv
import logging
import os
from collections.abc import Iterable, Mapping
from pathlib import Path

import numpy as np
import pandas as pd

from . import schema as sch
from .errors import ParameterError, SchemaError, did_you_mean

__all__ = [
    "FORMULA_TRIGGERS",
    "NAMED_ONLY_IF_PUBLIC",
    "NATURAL_PERSON_TYPES",
    "PUBLISHED_COLUMNS",
    "may_name",
    "neutralise_formula",
    "neutralise_frame",
    "published",
    "safe_csv",
    "scrub",
]

log = logging.getLogger(__name__)

FORMULA_TRIGGERS: tuple[str, ...] = ("=", "+", "-", "@", "\t", "\r",
                                     "\uff1d", "\uff0b", "\uff0d", "\uff20")
"""First characters that make a spreadsheet treat a cell as a formula (with full-width forms)."""

NATURAL_PERSON_TYPES = frozenset({"eu_citizen", "non_eu_citizen"})
"""Stakeholder types of natural persons: their organisation fields are never published."""

_NOT_AN_ORGANISATION = NATURAL_PERSON_TYPES | {"not_disclosed"}

PUBLISHED_COLUMNS: dict[str, tuple[str, ...]] = {
    # ingest
    "responses": ("response_id", "consultation_id", "source_format", "submitted_at", "language",
                  "stakeholder_type", "country", "organisation_size", "registered", "scope",
                  "publication", "organisation", "transparency_register_id"),
    "questions": ("question_id", "consultation_id", "section", "text", "kind", "parent_id",
                  "is_group", "options", "n_answers", "follows_id"),
    "answers": ("response_id", "question_id", "choices", "rating", "no_opinion"),
    "documents": ("document_id", "response_id", "extraction_status", "n_chars"),
    "rejects": ("source", "file", "row", "field", "locator", "reason"),
    # enrichment
    "languages": ("response_id", "question_id", "language", "confidence", "declared_language",
                  "method", "is_short", "is_mixed", "mismatch", "n_chars"),
    "redacted_answers": ("response_id", "question_id", "text", "n_redactions", "types",
                         "publication"),
    "redacted_documents": ("document_id", "response_id", "n_redactions"),
    "redactions": ("response_id", "question_id", "start", "end", "type", "method", "applied"),
    "campaigns": ("campaign_id", "size", "n_exact", "n_near", "n_translated",
                  "representative_text", "representative_response_id", "languages",
                  "stakeholder_mix", "question_ids", "first_submitted_at", "last_submitted_at"),
    "campaign_members": ("response_id", "campaign_id", "variant", "similarity"),
    "closed_stats": ("question_id", "parent_id", "group_by", "group", "option", "option_kind",
                     "option_order", "rating_value", "question_kind", "n", "n_group",
                     "n_answered", "n_no_opinion", "n_blank", "share", "share_of_group",
                     "mean_rating", "chi2", "dof", "p_value", "p_adjusted", "cramers_v",
                     "n_test", "test_note", "campaigns"),
    "charts": ("chart_id", "question_id", "kind", "title", "alt_text", "png", "svg", "group_by",
               "campaigns"),
    # coding and topics (codes' matched spans and sentences are raw text: never listed)
    "codes": ("response_id", "question_id", "code_id", "start", "end", "method", "score",
              "language", "layer", "cue"),
    "codebook": ("code_id", "parent_id", "label", "definition", "related_elements",
                 "is_group"),
    "topics": ("model_id", "question_id", "topic_id", "label", "keywords", "keyword_scores",
               "size", "share", "npmi", "code_id", "code_overlap", "seed_code_id",
               "main_language", "language_share", "representative_response_id",
               "representative_question_id", "representative_text"),
    "topic_assignments": ("model_id", "response_id", "question_id", "topic_id", "similarity",
                          "language", "in_fit", "reassigned"),
    "topics_by_group": ("model_id", "question_id", "topic_id", "label", "group_by", "group",
                        "campaigns", "n", "n_group", "share", "share_of_topic"),
    "topic_quality": ("model_id", "question_id", "n_docs", "n_fit", "n_topics", "npmi",
                      "diversity", "outlier_share", "language_purity", "language_nmi",
                      "backend", "reduction", "clustering", "seed"),
    "coding_agreement": ("comparison", "code_id", "n_items", "n_coders", "n_positive",
                         "prevalence", "pct_agreement", "cohens_kappa", "krippendorff_alpha",
                         "precision", "recall", "warning"),
    # tracing (quotes come from redacted text; null when not quotable)
    "evidence": ("evidence_id", "element_id", "element_kind", "response_id", "question_id",
                 "document_id", "source", "start", "end", "quote", "quote_available",
                 "stance", "stance_cue", "score", "method", "cues", "campaign_id", "language",
                 "stakeholder_type", "publication", "rating", "choice"),
    "element_summary": ("element_id", "element_kind", "label", "group_by", "group", "n_group",
                        "n_voices", "n_support", "n_conditional", "n_oppose", "n_neutral",
                        "share_support", "share_conditional", "share_oppose", "n_text_voices",
                        "n_closed", "n_closed_support", "n_closed_oppose", "mean_rating",
                        "n_campaigns", "campaign_sizes", "strength", "net_support",
                        "contestedness", "weak", "contested", "top_evidence_ids",
                        "top_quotes"),
}
"""For each table, the columns that may appear in published outputs (everything else never)."""

NAMED_ONLY_IF_PUBLIC: dict[str, tuple[str, ...]] = {
    "responses": ("organisation", "transparency_register_id"),
}
"""Columns published only for organisations whose respondent chose publication with personal
information; blanked for natural persons, undisclosed profiles and anonymous respondents."""


def neutralise_formula(value: object) -> object:
    """Return ``value`` made safe for a spreadsheet cell.

    A string starting with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return (or a
    full-width ``＝ ＋ － ＠``) gets a leading apostrophe, so that spreadsheet software shows it
    as text instead of evaluating it. Other values (numbers, dates, ``None``) are returned as is.

    >>> neutralise_formula('=HYPERLINK("http://x","y")')
    '\\'=HYPERLINK("http://x","y")'
    >>> neutralise_formula("plain"), neutralise_formula(-3)
    ('plain', -3)
    """
    if isinstance(value, str) and value.startswith(FORMULA_TRIGGERS):
        return "'" + value
    return value


def _cell_text(value: object) -> object:
    """Lists, tuples and arrays become ``"a; b"`` (CSV/XLSX cells hold scalars)."""
    if isinstance(value, (list, tuple, np.ndarray)):
        return "; ".join(str(v) for v in value)
    return value


def neutralise_frame(df: pd.DataFrame) -> pd.DataFrame:
    """Copy of ``df`` whose text cells are neutralised (see :func:`neutralise_formula`).

    List cells are joined with ``"; "`` first. Numeric, boolean and datetime columns are kept
    as they are. The input is not modified.
    """
    out = df.copy()
    for col in out.columns:
        s = out[col]
        if s.dtype == object or isinstance(s.dtype, pd.StringDtype):
            out[col] = s.map(lambda v: neutralise_formula(_cell_text(v)), na_action="ignore")
    out.columns = [str(neutralise_formula(str(c))) for c in out.columns]
    return out


def safe_csv(df: pd.DataFrame, path: str | os.PathLike, **kwargs) -> Path:
    """Write ``df`` as a UTF-8 CSV with every text cell neutralised; return the path.

    Keyword arguments go to :meth:`pandas.DataFrame.to_csv` (``index`` defaults to False).
    Line ends are ``\\n`` and quoting is minimal, so two runs give identical bytes.
    """
    p = Path(path)
    p.parent.mkdir(parents=True, exist_ok=True)
    kwargs.setdefault("index", False)
    kwargs.setdefault("lineterminator", "\n")
    kwargs.setdefault("quoting", csv.QUOTE_MINIMAL)
    kwargs.setdefault("encoding", "utf-8")
    neutralise_frame(df).to_csv(p, **kwargs)
    return p


def may_name(responses: pd.DataFrame) -> pd.Series:
    """Which respondents' organisation may be named: a boolean Series indexed by response_id.

    True only for organisations (not a natural person, not an undisclosed profile) whose
    respondent chose publication with personal information (``publication == "public"``).
    """
    sch.require(responses, "responses", ["response_id", "stakeholder_type", "publication"],
                stage="may_name")
    ok = (responses["publication"].astype("string").fillna("").eq("public")
          & ~responses["stakeholder_type"].astype("string").fillna("not_disclosed")
          .isin(sorted(_NOT_AN_ORGANISATION)))
    return pd.Series(ok.to_numpy(dtype=bool), index=responses["response_id"].astype(str),
                     name="may_name")


def published(df: pd.DataFrame, table: str, *, responses: pd.DataFrame | None = None,
              columns: Iterable[str] | None = None) -> pd.DataFrame:
    """The publishable part of a table: allow-listed columns only, conditional ones blanked.

    Parameters
    ----------
    df : a table of the workspace (not modified).
    table : its name; must be a key of :data:`PUBLISHED_COLUMNS`.
    responses : the ``responses`` table, needed when ``df`` has a column of
        :data:`NAMED_ONLY_IF_PUBLIC` (for ``responses`` itself, ``df`` is used).
    columns : optional subset (and order) of the allowed columns to keep.

    Returns
    -------
    pd.DataFrame
        The allowed columns present in ``df`` (in allow-list order, or the order of
        ``columns``); columns flagged ``personal`` in the schema are always dropped.
    """
    if table not in PUBLISHED_COLUMNS:
        hint = did_you_mean(table, list(PUBLISHED_COLUMNS))
        raise ParameterError(
            f"Table {table!r} has no published-columns entry{hint}",
            expected="a table listed in consultation.safety.PUBLISHED_COLUMNS",
            fix="add the table and the columns that may be published to PUBLISHED_COLUMNS")
    allowed = list(PUBLISHED_COLUMNS[table])
    personal = set(sch.SCHEMAS[table].personal) if table in sch.SCHEMAS else set()
    if columns is not None:
        wanted = list(columns)
        bad = [c for c in wanted if c not in allowed]
        if bad:
            raise ParameterError(
                f"Column(s) {bad} of table {table!r} may not be published",
                expected=f"some of {allowed}")
        allowed = wanted
    keep = [c for c in allowed if c in df.columns and c not in personal]
    dropped = [c for c in df.columns if c not in PUBLISHED_COLUMNS[table] or c in personal]
    if dropped and columns is None:
        log.debug("published(%s): not publishing columns %s", table, dropped)
    out = df.loc[:, keep].copy()
    conditional = [c for c in NAMED_ONLY_IF_PUBLIC.get(table, ()) if c in out.columns]
    if conditional:
        ref = df if table == "responses" else responses
        if ref is None or "response_id" not in df.columns:
            raise SchemaError(
                f"Cannot decide which {conditional} of table {table!r} may be published",
                expected="the responses table (publication, stakeholder_type) and a "
                         "response_id column", fix="pass responses=…")
        ok = may_name(ref)
        allowed_rows = df["response_id"].astype(str).map(ok).fillna(False).astype(bool)
        for c in conditional:
            out[c] = out[c].astype(object).where(allowed_rows.to_numpy(), None)
    return out


def scrub(text: str, spans: Mapping[str, str] | Iterable[tuple[str, str]]) -> tuple[str, int]:
    """Replace every occurrence of the given personal strings by ``[TYPE]`` placeholders.

    ``spans`` maps (or lists pairs of) personal string → type (``PERSON``, ``EMAIL`` …).
    Longer strings are replaced first; strings shorter than 3 characters are ignored. Returns
    the new text and the number of replacements.
    """
    pairs = list(spans.items()) if isinstance(spans, Mapping) else list(spans)
    n = 0
    for needle, kind in sorted(pairs, key=lambda p: (-len(p[0]), p[0])):
        needle = needle.strip()
        if len(needle) < 3 or needle not in text:
            continue
        n += text.count(needle)
        text = text.replace(needle, f"[{kind}]")
    return text, n
