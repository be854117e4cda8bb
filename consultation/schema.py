"""The canonical tables of a consultation workspace: one place that says what each column is.

Every stage checks its inputs with :func:`require` and shapes its outputs with :func:`conform`,
so a table that leaves a stage always has the declared columns, in the declared order, with the
declared dtypes. Extra columns are allowed and kept (after the declared ones).

Column dtypes are pandas dtype names, plus ``"list"`` for a column holding Python lists of
strings (stored as a Parquet list column).
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from .errors import SchemaError, bounded_list, did_you_mean

__all__ = [
    "SCHEMAS",
    "Column",
    "TableSchema",
    "conform",
    "describe",
    "empty",
    "register",
    "require",
]


@dataclass(frozen=True)
class Column:
    """One column: its name, dtype, whether a stage must provide it, and what it means."""

    name: str
    dtype: str
    description: str
    required: bool = False  # non-nullable columns are always required
    nullable: bool = True
    personal: bool = False  # holds personal data: never published as such


@dataclass(frozen=True)
class TableSchema:
    name: str
    description: str
    columns: tuple[Column, ...]
    key: tuple[str, ...] = ()
    extra: dict = field(default_factory=dict)

    @property
    def names(self) -> list[str]:
        return [c.name for c in self.columns]

    @property
    def required(self) -> list[str]:
        return [c.name for c in self.columns if c.required or not c.nullable]

    @property
    def personal(self) -> list[str]:
        return [c.name for c in self.columns if c.personal]

    def column(self, name: str) -> Column:
        for c in self.columns:
            if c.name == name:
                return c
        raise KeyError(name)


S, I, F, B, T, L = "string", "Int64", "float64", "boolean", "datetime64[ns, UTC]", "list"  # noqa: E741

RESPONSES = TableSchema(
    "responses",
    "One row per contribution (respondent). Every input record is here or in `rejects`.",
    (
        Column("response_id", S, "Stable id `<source>:<native id>`, e.g. `eusurvey:F529892`.",
               nullable=False),
        Column("consultation_id", S, "Consultation the contribution answers."),
        Column("source_format", S, "Reader that produced the row (eusurvey, hys_scraper, …).",
               nullable=False),
        Column("source_file", S, "Input file (relative to the source root)."),
        Column("source_row", I, "1-based record number in the source file."),
        Column("submitted_at", T, "Submission time, UTC."),
        Column("language", S, "Declared language, ISO 639-1."),
        Column("language_raw", S, "Declared language as exported."),
        Column("stakeholder_type", S, "Canonical stakeholder type (see taxonomy).",
               nullable=False),
        Column("stakeholder_type_raw", S, "Stakeholder label as exported."),
        Column("country", S, "ISO 3166-1 alpha-3."),
        Column("country_raw", S, "Country as exported."),
        Column("organisation", S, "Organisation name (organisations only)."),
        Column("organisation_size", S, "micro | small | medium | large."),
        Column("organisation_size_raw", S, "Organisation size as exported."),
        Column("transparency_register_id", S, "EU Transparency Register number, if given."),
        Column("registered", B, "Organisation with a Transparency Register number "
               "(null for individuals and undisclosed profiles)."),
        Column("scope", S, "Scope of the organisation (national, regional, …)."),
        Column("publication", S, "`public` (with personal information) | `anonymous`."),
        Column("first_name", S, "Contributor's first name.", required=False, personal=True),
        Column("surname", S, "Contributor's surname.", required=False, personal=True),
        Column("email", S, "Contributor's e-mail.", required=False, personal=True),
    ),
    key=("response_id",),
)

QUESTIONS = TableSchema(
    "questions",
    "One row per question, matrix parent or matrix sub-item.",
    (
        Column("question_id", S, "Stable id within the consultation (`q07`, `q07.3`).",
               nullable=False),
        Column("consultation_id", S, "Consultation the question belongs to."),
        Column("section", S, "Questionnaire section, when the export says."),
        Column("text", S, "Full question text (for sub-items: the sub-item label).",
               required=True),
        Column("kind", S, "single_choice | multi_choice | rating | free_text | upload.",
               nullable=False),
        Column("parent_id", S, "Matrix parent's question_id, for matrix sub-items."),
        Column("is_group", B, "True for a matrix parent that holds no answers itself."),
        Column("options", L, "Observed or declared answer options (choice and rating kinds)."),
        Column("source_column", I, "0-based column index in the source export, if tabular."),
        Column("source_header", S, "Column header as exported."),
        Column("n_answers", I, "Non-blank answers to this question."),
    ),
    key=("consultation_id", "question_id"),
)

ANSWERS = TableSchema(
    "answers",
    "Long table: one row per non-blank answer of a response to a question.",
    (
        Column("response_id", S, "Response the answer belongs to.", nullable=False),
        Column("question_id", S, "Question answered.", nullable=False),
        Column("value", S, "The answer as text (free text as written).", required=True),
        Column("choices", L, "Selected options, for choice kinds."),
        Column("rating", F, "Numeric rating, for rating kinds (NaN for 'No opinion')."),
        Column("no_opinion", B, "The respondent chose 'No opinion' / 'Don't know'."),
    ),
    key=("response_id", "question_id"),
)

DOCUMENTS = TableSchema(
    "documents",
    "Attached position papers, with extracted text.",
    (
        Column("document_id", S, "Stable id `<response_id>:<n>`.", nullable=False),
        Column("response_id", S, "Response that attached the document.", nullable=False),
        Column("filename", S, "File name as given by the source (never used as a path as is)."),
        Column("path", S, "Resolved file inside the source folder, if found."),
        Column("text", S, "Extracted text."),
        Column("extraction_status", S,
               "ok | empty | missing_file | unsupported | failed.", nullable=False),
        Column("extraction_error", S, "Why extraction failed, if it did."),
        Column("n_chars", I, "Length of the extracted text."),
        Column("sha256", S, "Hash of the file, when found."),
    ),
    key=("document_id",),
)

REJECTS = TableSchema(
    "rejects",
    "Input records that could not become responses, with the reason. Nothing is dropped.",
    (
        Column("source", S, "Source format (reader).", nullable=False),
        Column("file", S, "Input file."),
        Column("row", I, "1-based record number in the file."),
        Column("field", S, "Field at fault, if one."),
        Column("locator", S, "Human-readable `file row N field F`.", nullable=False),
        Column("reason", S, "Short machine-readable reason, e.g. `duplicate_id`.",
               nullable=False),
        Column("detail", S, "One sentence for a human."),
        Column("raw", S, "The raw record, as JSON (truncated to 10,000 characters)."),
    ),
)

SCHEMAS: dict[str, TableSchema] = {
    s.name: s for s in (RESPONSES, QUESTIONS, ANSWERS, DOCUMENTS, REJECTS)
}

# -- enrichment ----------------------------------------------------------------------------------
LANGUAGES = TableSchema(
    "languages",
    "Detected language of every free-text answer and document (per answer, not per respondent).",
    (
        Column("response_id", S, "Response.", nullable=False),
        Column("question_id", S, "Question (or `document:<document_id>` for documents).",
               nullable=False),
        Column("language", S, "Detected language, ISO 639-1 (null if undecidable)."),
        Column("confidence", F, "Confidence of the decision in [0, 1]."),
        Column("declared_language", S, "The respondent's declared language."),
        Column("method", S, "lingua | context (short text resolved from declared/other "
               "answers) | declared | none."),
        Column("is_short", B, "Too short for reliable detection on its own."),
        Column("is_mixed", B, "Several languages detected in the text."),
        Column("mismatch", B, "Detected language differs from the declared one."),
        Column("n_chars", I, "Length of the text."),
    ),
    key=("response_id", "question_id"),
)

REDACTED_ANSWERS = TableSchema(
    "redacted_answers",
    "Free-text answers safe to quote: personal data replaced by typed placeholders "
    "([PERSON], [EMAIL], [PHONE], [ADDRESS], [ID]).",
    (
        Column("response_id", S, "Response.", nullable=False),
        Column("question_id", S, "Question.", nullable=False),
        Column("text", S, "Answer text with placeholders.", required=True),
        Column("n_redactions", I, "Number of spans replaced."),
        Column("types", L, "Placeholder types used."),
        Column("publication", S, "The respondent's publication choice (drives the policy)."),
    ),
    key=("response_id", "question_id"),
)

REDACTIONS = TableSchema(
    "redactions",
    "Where personal data was found: spans into the original answer (no personal text stored).",
    (
        Column("response_id", S, "Response.", nullable=False),
        Column("question_id", S, "Question or `document:<document_id>`.", nullable=False),
        Column("start", I, "Start offset in the original text.", nullable=False),
        Column("end", I, "End offset in the original text.", nullable=False),
        Column("type", S, "PERSON | EMAIL | PHONE | ADDRESS | ID.", nullable=False),
        Column("method", S, "Recognizer that found it."),
        Column("score", F, "Recognizer score."),
        Column("applied", B, "Replaced in redacted_answers (policy by publication choice)."),
    ),
)

REDACTED_DOCUMENTS = TableSchema(
    "redacted_documents",
    "Position-paper texts safe to quote, with the same placeholders as `redacted_answers`.",
    (
        Column("document_id", S, "Document.", nullable=False),
        Column("response_id", S, "Response that attached it.", nullable=False),
        Column("text", S, "Document text with placeholders.", required=True),
        Column("n_redactions", I, "Number of spans replaced."),
    ),
    key=("document_id",),
)

CAMPAIGNS = TableSchema(
    "campaigns",
    "Organised campaigns: groups of near-identical (or translated) responses.",
    (
        Column("campaign_id", S, "Stable id `C001`…, ordered by size.", nullable=False),
        Column("size", I, "Number of member responses.", nullable=False),
        Column("n_exact", I, "Members whose text is an exact (normalised) copy."),
        Column("n_translated", I, "Members linked as translations."),
        Column("representative_text", S, "Text of the medoid member (redacted)."),
        Column("representative_response_id", S, "Medoid member."),
        Column("languages", L, "Languages of the members."),
        Column("stakeholder_mix", S, "JSON object: stakeholder type -> members."),
        Column("question_ids", L, "Questions where the campaign text appears."),
        Column("first_submitted_at", T, "Earliest member submission."),
        Column("last_submitted_at", T, "Latest member submission."),
    ),
    key=("campaign_id",),
)

CAMPAIGN_MEMBERS = TableSchema(
    "campaign_members",
    "Which responses belong to which campaign.",
    (
        Column("response_id", S, "Member response.", nullable=False),
        Column("campaign_id", S, "Campaign.", nullable=False),
        Column("variant", S, "exact | near | translated."),
        Column("similarity", F, "Similarity to the campaign's representative text."),
    ),
    key=("response_id",),
)

CLOSED_STATS = TableSchema(
    "closed_stats",
    "Counts and shares of closed answers by group, with a chi-square test per question.",
    (
        Column("question_id", S, "Choice or rating question (sub-item for matrices).",
               nullable=False),
        Column("parent_id", S, "Matrix parent, if any."),
        Column("group_by", S, "stakeholder_type | country | organisation_size | all.",
               nullable=False),
        Column("group", S, "Group value (`all` for the overall row).", nullable=False),
        Column("option", S, "Answer option, or `(no opinion)` / `(blank)`.", nullable=False),
        Column("n", I, "Respondents choosing the option.", nullable=False),
        Column("n_group", I, "Respondents in the group (blank included)."),
        Column("share", F, "n / respondents in the group who answered (no opinion and "
               "blank excluded)."),
        Column("mean_rating", F, "Mean rating of the group (rating questions)."),
        Column("chi2", F, "Chi-square statistic, answer × group (same on every row)."),
        Column("p_value", F, "p-value of the chi-square test."),
        Column("cramers_v", F, "Cramér's V effect size."),
        Column("campaigns", S, "`all` (every response) | `once` (each campaign counted once)."),
    ),
)

for _s in (LANGUAGES, REDACTED_ANSWERS, REDACTIONS, REDACTED_DOCUMENTS, CAMPAIGNS,
           CAMPAIGN_MEMBERS, CLOSED_STATS):
    SCHEMAS[_s.name] = _s

# -- coding and topics ---------------------------------------------------------------------------
CODES = TableSchema(
    "codes",
    "Deductive codes of free-text answers (`consultation.coding.code_answers`): one row per "
    "answer, code and sentence.",
    (
        Column("response_id", S, "Response.", nullable=False),
        Column("question_id", S, "Question.", nullable=False),
        Column("code_id", S, "Code of the codebook.", nullable=False),
        Column("span", S, "Matched text (the reason for the code)."),
        Column("start", I, "Start offset of the span in the coded text."),
        Column("end", I, "End offset of the span in the coded text."),
        Column("sentence", S, "Sentence holding the match."),
        Column("method", S, "lexical | lexical_weak | pattern | semantic."),
        Column("score", F, "1 for a cue, 0.5 for a lone weak cue, cosine for semantic matches."),
        Column("sentence_start", I, "Start offset of the sentence."),
        Column("sentence_end", I, "End offset of the sentence."),
        Column("language", S, "Language whose cues were applied."),
        Column("layer", S, "original | redacted | translation: the text the offsets refer to."),
        Column("cue", S, "The cue, pattern or example that matched."),
    ),
)

CODING_AGREEMENT = TableSchema(
    "coding_agreement",
    "Agreement of the human coders with each other (`comparison = coders`) and of the machine "
    "codes with each coder (`comparison = machine_vs_<coder>`), per code and over all codes "
    "(`code_id = (all)`), from filled coding sheets (`consult coding import`).",
    (
        Column("comparison", S, "`coders` | `machine_vs_<coder>`.", nullable=False),
        Column("code_id", S, "Code, or `(all)` for every code together.", nullable=False),
        Column("n_items", I, "Answers coded."),
        Column("n_coders", I, "Human coders compared (1 for a machine comparison)."),
        Column("n_positive", I, "Codings with the code applied (over coders; for machine "
               "comparisons, by the coder)."),
        Column("prevalence", F, "n_positive / (items × coders)."),
        Column("pct_agreement", F, "Share of items on which the two sides agree (mean over "
               "coder pairs)."),
        Column("cohens_kappa", F, "Cohen's κ (mean over coder pairs; NaN when one value only)."),
        Column("krippendorff_alpha", F, "Krippendorff's α, nominal (coders only; over all "
               "items × codes on the `(all)` row)."),
        Column("precision", F, "Machine comparisons: share of machine codes the coder gave."),
        Column("recall", F, "Machine comparisons: share of the coder's codes the machine gave."),
        Column("warning", S, "Why κ is unstable (a rare code), if it is."),
        Column("sample_id", S, "Id of the exported coding sample."),
    ),
    key=("comparison", "code_id"),
)

TOPICS = TableSchema(
    "topics",
    "Topics of each topic model (per question, or `all` across questions).",
    (
        Column("model_id", S, "Model: the question_id it was fitted on, or `all`.",
               nullable=False),
        Column("topic_id", I, "Topic number within the model (-1 = outliers).", nullable=False),
        Column("label", S, "Short label: the top keywords.", nullable=False),
        Column("keywords", L, "Top keywords (lemmas), most relevant first."),
        Column("keyword_scores", L, "c-TF-IDF relevance of each keyword (as text)."),
        Column("size", I, "Answers (or chunks) assigned to the topic."),
        Column("share", F, "size / all answers of the model."),
        Column("npmi", F, "Coherence of the topic's top-10 keywords (c_npmi)."),
        Column("code_id", S, "Codebook code the topic overlaps most (if any)."),
        Column("code_overlap", F, "Share of the topic's answers that carry code_id."),
        Column("seed_code_id", S, "Code whose answers seeded the topic (guided)."),
        Column("main_language", S, "Most common language of the topic's answers."),
        Column("language_share", F, "Share of main_language in the topic."),
        Column("representative_response_id", S, "Answer closest to the topic centre."),
        Column("representative_question_id", S, "Its question."),
        Column("representative_text", S, "Its text (redacted; never the unredacted text of an "
               "anonymous respondent)."),
    ),
    key=("model_id", "topic_id"),
)

TOPIC_ASSIGNMENTS = TableSchema(
    "topic_assignments",
    "Topic of every free-text answer, per model.",
    (
        Column("model_id", S, "Model (question_id or `all`).", nullable=False),
        Column("response_id", S, "Response.", nullable=False),
        Column("question_id", S, "Question.", nullable=False),
        Column("topic_id", I, "Topic (-1 = outlier / too short to model).", nullable=False),
        Column("similarity", F, "Cosine similarity to the topic centre."),
        Column("language", S, "Language of the text modelled."),
        Column("in_fit", B, "The text was in the fitting sample (else transformed)."),
        Column("reassigned", B, "Outlier reassigned to its nearest topic."),
    ),
    key=("model_id", "response_id", "question_id"),
)

TOPICS_BY_GROUP = TableSchema(
    "topics_by_group",
    "Topics by stakeholder group: counts and shares of responses.",
    (
        Column("model_id", S, "Model.", nullable=False),
        Column("topic_id", I, "Topic.", nullable=False),
        Column("label", S, "Topic label."),
        Column("group_by", S, "stakeholder_type (or another responses column).",
               nullable=False),
        Column("group", S, "Group value.", nullable=False),
        Column("campaigns", S, "`all` (every response) | `once` (a campaign counted once).",
               nullable=False),
        Column("n", I, "Responses of the group in the topic.", nullable=False),
        Column("n_group", I, "Responses of the group that answered (in the model)."),
        Column("share", F, "n / n_group."),
        Column("share_of_topic", F, "n / responses in the topic."),
    ),
)

TOPIC_QUALITY = TableSchema(
    "topic_quality",
    "Quality of each topic model.",
    (
        Column("model_id", S, "Model.", nullable=False),
        Column("n_docs", I, "Texts modelled."),
        Column("n_fit", I, "Distinct texts the model was fitted on."),
        Column("n_topics", I, "Topics (outliers excluded)."),
        Column("npmi", F, "Mean c_npmi of the topics (top-10 words, window 10)."),
        Column("diversity", F, "Unique words in the top-25 of all topics / (25 × topics)."),
        Column("outlier_share", F, "Share of texts left as outliers."),
        Column("language_purity", F, "Mean share of a topic's main language (weighted by "
               "size)."),
        Column("language_nmi", F, "Normalised mutual information topic × language."),
        Column("backend", S, "Embedding backend."),
        Column("reduction", S, "Dimension reduction."),
        Column("clustering", S, "Clustering."),
        Column("seed", I, "Random seed."),
    ),
    key=("model_id",),
)

for _s in (CODES, CODING_AGREEMENT, TOPICS, TOPIC_ASSIGNMENTS, TOPICS_BY_GROUP, TOPIC_QUALITY):
    SCHEMAS[_s.name] = _s


def register(schema: TableSchema) -> TableSchema:
    """Add a table schema (used by later stages and by ``standards_draft``)."""
    SCHEMAS[schema.name] = schema
    return schema


def _schema(table: str | TableSchema) -> TableSchema:
    if isinstance(table, TableSchema):
        return table
    try:
        return SCHEMAS[table]
    except KeyError:
        raise SchemaError(
            f"Unknown table {table!r}{did_you_mean(table, list(SCHEMAS))}",
            expected=f"one of {bounded_list(sorted(SCHEMAS), 20)}",
        ) from None


def require(
    df: pd.DataFrame, table: str | TableSchema, columns: Iterable[str] | None = None,
    *, stage: str | None = None,
) -> None:
    """Raise :class:`SchemaError` if ``df`` lacks required columns of ``table``.

    ``columns`` narrows the check to what a stage actually reads.
    """
    schema = _schema(table)
    if not isinstance(df, pd.DataFrame):
        raise SchemaError(
            f"Table {schema.name!r} is not a DataFrame",
            expected="a pandas DataFrame",
            found=type(df).__name__,
        )
    wanted = list(columns) if columns is not None else schema.required
    missing = [c for c in wanted if c not in df.columns]
    if missing:
        hints = "".join(did_you_mean(m, list(df.columns)) for m in missing[:5])
        where = f" for stage {stage!r}" if stage else ""
        raise SchemaError(
            f"Table {schema.name!r} misses column(s) {bounded_list(missing)}{where}{hints}",
            expected=f"columns {bounded_list(wanted, 12)}",
            found=f"columns {bounded_list(list(df.columns), 12)}",
            fix="pass the table produced by the previous stage, or rename the columns",
        )


def _as_list(v: object) -> list[str] | None:
    if v is None:
        return None
    if type(v) is list and all(type(x) is str for x in v):
        return v  # already a list of strings (the common case): not copied
    if isinstance(v, float) and np.isnan(v):
        return None
    if isinstance(v, (list, tuple, np.ndarray)):
        return [str(x) for x in v]
    return [str(v)]


def _lists_of_str(values: np.ndarray) -> bool:
    """Whether every value is None or a list of ``str`` (checked in C-speed passes)."""
    kinds = set(map(type, values))
    if not kinds <= {list, type(None)}:
        return False
    items = itertools.chain.from_iterable(v for v in values if v is not None)
    return set(map(type, items)) <= {str}


def _cast(series: pd.Series, dtype: str) -> pd.Series:
    if dtype == L:
        if series.dtype == object and _lists_of_str(series.to_numpy()):
            return series.copy(deep=False)  # already lists of strings (the common case)
        return series.map(_as_list).astype(object)
    if dtype == T:
        return pd.to_datetime(series, utc=True, errors="raise")
    if dtype == B:
        return series.astype("boolean")
    if dtype == F:
        return pd.to_numeric(series, errors="raise").astype("float64")
    if dtype == I:
        return pd.to_numeric(series, errors="raise").astype("Int64")
    return series.astype(dtype)


def conform(df: pd.DataFrame, table: str | TableSchema) -> pd.DataFrame:
    """Return a new frame with the schema's columns first, in order, cast to their dtypes.

    Optional columns that are absent are added as nulls; required ones must be present. Extra
    columns are kept after the declared ones. The input is never modified.
    """
    schema = _schema(table)
    require(df, schema)
    out = {}
    n = len(df)
    for col in schema.columns:
        if col.name in df.columns:
            try:
                out[col.name] = _cast(df[col.name], col.dtype).reset_index(drop=True)
            except (TypeError, ValueError) as exc:
                raise SchemaError(
                    f"Column {col.name!r} of table {schema.name!r} cannot be read as {col.dtype}",
                    found=str(exc)[:200],
                ) from exc
        else:
            out[col.name] = _cast(pd.Series([None] * n, dtype=object), col.dtype)
        if not col.nullable and out[col.name].isna().any():
            bad = int(out[col.name].isna().sum())
            raise SchemaError(
                f"Column {col.name!r} of table {schema.name!r} has {bad} null value(s)",
                expected="no nulls in this column",
            )
    for extra in df.columns:
        if extra not in out:
            out[extra] = df[extra].reset_index(drop=True)
    return pd.DataFrame(out, index=pd.RangeIndex(n))


def empty(table: str | TableSchema) -> pd.DataFrame:
    """An empty, correctly typed table."""
    schema = _schema(table)
    return conform(pd.DataFrame({c: [] for c in schema.required}), schema)


def describe(tables: Mapping[str, TableSchema] | None = None) -> str:
    """Markdown documentation of the schemas (used by the README and ``consult info``)."""
    lines = []
    for schema in (tables or SCHEMAS).values():
        lines.append(f"### `{schema.name}`\n{schema.description}\n")
        lines.append("| column | dtype | meaning |\n|---|---|---|")
        for c in schema.columns:
            flag = " (personal data)" if c.personal else ""
            lines.append(f"| `{c.name}` | {c.dtype} | {c.description}{flag} |")
        lines.append("")
    return "\n".join(lines)
