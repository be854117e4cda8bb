"""EUSurvey "contributions" export (CSV or XLSX), as the Commission publishes it.

One row per contribution; profile columns first, then one column per question (one per sub-item
for matrix questions, headed ``<question>\\n: <sub-item>``). See DESIGN.md, "EUSurvey export".
"""

from __future__ import annotations

import contextlib
import re
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from .. import schema as sch
from ..errors import FormatError
from .common import (
    ProfileMapper,
    SourceTables,
    clean,
    gc_paused,
    index_files,
    make_document,
    parse_local_datetime,
    read_tabular,
    safe_name,
    short,
)

FORMAT = "eusurvey"

# normalised header -> profile field. Headers are matched after _norm(); long EUSurvey question
# forms are matched by prefix (_PROFILE_PREFIXES).
_PROFILE_ALIASES: dict[str, str] = {
    "reference": "reference", "contribution id": "reference", "case id": "reference",
    "feedback date": "submitted", "creation date": "submitted", "created": "submitted",
    "submission date": "submitted", "date": "submitted",
    "language": "language", "languages": "language", "survey language": "language",
    "user type": "stakeholder", "i am giving my contribution as": "stakeholder",
    "first name": "first_name", "surname": "surname", "last name": "surname",
    "email": "email", "e mail": "email", "email this won t be published": "email",
    "scope": "scope", "organisation name": "organisation", "organization name": "organisation",
    "organisation": "organisation", "transparency register number": "tr_number",
    "transparency register": "tr_number", "organisation size": "size",
    "organization size": "size", "country": "country", "country of origin": "country",
    "publication privacy settings": "publication", "publication privacy": "publication",
}
_PROFILE_PREFIXES = (("i am giving my contribution as", "stakeholder"),
                     ("publication privacy", "publication"), ("email", "email"),
                     ("transparency register", "tr_number"))

RATING_RE = re.compile(r"^\s*(\d{1,2})\s*(?:[-–—:.)]|$)")
NO_OPINION_RE = re.compile(
    r"^\s*(no opinion|don'?t know|do not know|i don'?t know|n/?a|not applicable|no answer|"
    r"keine meinung|wei(ß|ss) nicht|sans opinion|ne sais pas|sin opini[oó]n|no s[eé]|"
    r"nessuna opinione|non so|brak zdania|nie wiem|geen mening|weet niet|sem opini[aã]o|"
    r"n[aã]o sei)\s*\.?\s*$", re.IGNORECASE)
FILENAME_RE = re.compile(r"^[^\n]{1,255}\.(pdf|docx?|odt|rtf|txt|xlsx?|pptx?|ods|odp|zip)$",
                         re.IGNORECASE)
_FOLLOW_UP_RE = re.compile(r"^(other|please|if other|if so|if yes|if no|explain|specify)",
                           re.IGNORECASE)
_MATRIX_RE = re.compile(r"^(.*)\n\s*:\s*(.*)$", re.DOTALL)


def _norm(h: str) -> str:
    return re.sub(r"[^0-9a-z]+", " ", h.casefold()).strip()


def profile_field(header: str) -> str | None:
    n = _norm(header)
    if n in _PROFILE_ALIASES:
        return _PROFILE_ALIASES[n]
    for prefix, name in _PROFILE_PREFIXES:
        if n.startswith(prefix):
            return name
    return None


def looks_like_eusurvey(header: list[str]) -> bool:
    fields = {profile_field(h) for h in header}
    return "reference" in fields and len(fields & {"submitted", "stakeholder", "publication",
                                                   "country", "language"}) >= 2


@dataclass
class _Column:
    index: int
    header: str
    parent_text: str | None  # matrix question text
    label: str  # question text or sub-item label


def _split_header(i: int, h: str) -> _Column:
    m = _MATRIX_RE.match(h)
    if m and m.group(1).strip() and m.group(2).strip():
        return _Column(i, h, m.group(1).strip(), m.group(2).strip())
    return _Column(i, h, None, h.strip())


def infer_kind(header: str, values: list[str]) -> str:
    """Infer a question kind from its header and non-blank answers."""
    if "upload" in _norm(header) or (values and all(FILENAME_RE.match(v) for v in values)):
        return "upload"
    if not values:
        return "free_text"
    n_rating = sum(bool(RATING_RE.match(v)) for v in values)
    n_noop = sum(bool(NO_OPINION_RE.match(v)) for v in values)
    if n_rating and (n_rating + n_noop) >= 0.9 * len(values):
        return "rating"
    items = [[p.strip() for p in v.split(";") if p.strip()] for v in values]
    distinct = Counter(p for ps in items for p in ps)
    lengths = [len(p) for p in distinct]
    if (len(distinct) <= 40 and max(lengths, default=0) <= 300
            and sum(lengths) / max(len(lengths), 1) <= 120
            and len(values) >= 2 * len(distinct)):
        return "multi_choice" if any(len(ps) > 1 for ps in items) else "single_choice"
    return "free_text"


def parse_answer(kind: str, value: str) -> dict[str, Any]:
    """One answer cell -> value / choices / rating / no_opinion."""
    out: dict[str, Any] = {"value": value, "choices": None, "rating": None, "no_opinion": False}
    if kind == "rating":
        m = RATING_RE.match(value)
        if m:
            out["rating"] = float(m.group(1))
        elif NO_OPINION_RE.match(value):
            out["no_opinion"] = True
        out["choices"] = [value]
    elif kind in ("single_choice", "multi_choice"):
        parts = [p.strip() for p in value.split(";")] if kind == "multi_choice" else [value]
        out["choices"] = [p for p in parts if p]
        out["no_opinion"] = any(NO_OPINION_RE.match(p) for p in out["choices"])
    return out


#: Accepted rows whose answers decide each question column's kind (all rows of smaller exports).
INFER_ROWS = 50_000
#: Rows turned into answers at a time (each chunk goes to the answer sink or is kept).
CHUNK_ROWS = 20_000


def read(path: Path, *, consultation_id: str | None = None, root: Path | None = None,
         delimiter: str | None = None,
         answer_sink: Callable[[pd.DataFrame], None] | None = None) -> SourceTables:
    """Read one EUSurvey contributions export (``.csv`` or ``.xlsx``).

    The export is streamed: rows are checked as they are read, the kind of every question
    column is inferred from the first :data:`INFER_ROWS` accepted rows (the whole export when
    it is smaller), and answers are produced :data:`CHUNK_ROWS` rows at a time, as conformed
    ``answers`` frames handed to ``answer_sink`` (e.g. a Parquet writer) or, without one, kept
    in ``answer_frames``. Responses are kept as conformed frames (``response_frames``), so
    memory grows with the responses, not with the answer cells.
    """
    root = (root or path.parent).resolve()
    tab = read_tabular(path, delimiter)
    header = tab.header
    if not looks_like_eusurvey(header):
        raise FormatError(
            f"{path.name} is not an EUSurvey contributions export",
            expected="profile columns such as 'Reference', 'Feedback date', 'User type', "
                     "'Country', 'Publication privacy settings' followed by question columns",
            found=f"{len(header)} columns starting {header[:4]!r}",
            fix="pass --format to pick another reader, or --format generic --mapping FILE",
        )
    cid = consultation_id or (path.parent.name if path.stem.lower() in
                              ("contributions", "export", "responses") else path.stem)
    # the reader appends to tab.warnings while rows are read (e.g. cells over MAX_CELL)
    out = SourceTables(FORMAT, path, cid, files=[path], warnings=tab.warnings)
    profile_idx: dict[str, int] = {}
    question_cols: list[_Column] = []
    for i, h in enumerate(header):
        f = profile_field(h)
        if f and f not in profile_idx and not question_cols:
            profile_idx[f] = i
        else:
            question_cols.append(_split_header(i, h))
    fname = path.name
    builder = _Answers(out, question_cols, profile_idx, root, answer_sink)
    pending: list[tuple[int, list[Any], str, Any]] = []
    with gc_paused():  # millions of small lists, no cycles: the collector would only rescan them
        for accepted in _accepted_rows(tab, out, header, profile_idx, fname):
            pending.append(accepted)
            if builder.kinds is None:
                if len(pending) < INFER_ROWS:
                    continue
                builder.infer(pending)
            if len(pending) >= CHUNK_ROWS:
                builder.emit(pending)
                pending = []
        if builder.kinds is None:
            builder.infer(pending)
        builder.emit(pending)
        builder.finish()
    out.warnings.extend(builder.mapper.warnings(f"{FORMAT} {fname}"))
    return out


def _accepted_rows(tab: Any, out: SourceTables, header: list[str], profile_idx: dict[str, int],
                   fname: str) -> Iterator[tuple[int, list[Any], str, Any]]:
    """Row-level checks (field count, Reference, duplicates, date); rejects are recorded in
    ``out`` and the accepted rows yielded as (record number, cells, reference, submitted)."""
    seen: dict[str, int] = {}
    dates: dict[Any, Any] = {}  # date cell -> parsed (a cache)
    ncol = len(header)
    i_ref = profile_idx["reference"]
    i_date = profile_idx.get("submitted")

    def raw(row: list[Any]) -> Any:
        return dict(zip(header, row, strict=False)) if len(row) <= ncol else row

    for rownum, row in tab.rows:
        out.n_records += 1
        if len(row) != ncol:
            if len(row) > ncol and all(clean(c) is None for c in row[ncol:]):
                row = row[:ncol]
            else:
                out.reject(fname, rownum, "field_count",
                           f"expected {ncol} fields, found {len(row)} (a quote left open, or a "
                           "truncated row)", raw(row))
                continue
        ref = clean(row[i_ref])
        if ref is None:
            out.reject(fname, rownum, "missing_id", "the Reference cell is blank", raw(row),
                       header[i_ref])
            continue
        if ref in seen:
            out.reject(fname, rownum, "duplicate_id",
                       f"Reference {short(ref)} already read on row {seen[ref]}", raw(row),
                       header[i_ref])
            continue
        submitted = None
        if i_date is not None:
            cell = row[i_date]
            try:
                submitted = dates[cell]
            except (KeyError, TypeError):
                try:
                    submitted = parse_local_datetime(cell)
                except (ValueError, OverflowError):
                    submitted = _BAD_DATE
                if len(dates) > 200_000:  # exports share submission minutes; stay bounded
                    dates.clear()
                with contextlib.suppress(TypeError):
                    dates[cell] = submitted
            if submitted is _BAD_DATE:
                out.reject(fname, rownum, "bad_date",
                           f"{short(cell)} is not a date (expected dd.mm.yyyy hh:mm)", raw(row),
                           header[i_date])
                continue
        seen[ref] = rownum
        yield rownum, row, ref, submitted


_BAD_DATE = object()


def _objects(items: list[Any]) -> np.ndarray:
    """A 1-d object array of ``items`` (lists stay list objects, not a 2-d array)."""
    return np.fromiter(items, dtype=object, count=len(items))


class _Answers:
    """Questions (inferred once), then responses, answers and documents chunk by chunk."""

    def __init__(self, out: SourceTables, question_cols: list[_Column],
                 profile_idx: dict[str, int], root: Path,
                 sink: Callable[[pd.DataFrame], None] | None) -> None:
        self.out, self.cols, self.profile_idx, self.root = out, question_cols, profile_idx, root
        self.sink = sink
        self.kinds: dict[int, str] | None = None
        self.qids: dict[int, str] = {}
        self.mapper = ProfileMapper()
        self.files: dict[str, Path] | None = None
        # per column: distinct cell value -> (choices, rating, no_opinion) and its count
        self.parsed: dict[int, dict[str, tuple[tuple[str, ...] | None, float | None, bool]]] = {}
        self.counts: dict[int, Counter[str]] = {}
        self.n_answers: Counter[str] = Counter()

    def infer(self, rows: list[tuple[int, list[Any], str, Any]]) -> None:
        """Group matrix sub-items, number parents in column order, infer kinds from ``rows``."""
        out, cid = self.out, self.out.consultation_id

        def col_values(c: _Column) -> list[str]:
            vals = (clean(r[c.index]) for _, r, _, _ in rows)
            return [v for v in vals if v is not None]

        groups: list[list[_Column]] = []
        for c in self.cols:
            if (c.parent_text is not None and groups
                    and groups[-1][0].parent_text == c.parent_text):
                groups[-1].append(c)
            else:
                groups.append([c])
        kinds: dict[int, str] = {}
        width = max(2, len(str(len(groups))))
        prev_qid = None
        for n, group in enumerate(groups, start=1):
            qid = f"q{n:0{width}d}"
            if group[0].parent_text is not None:
                pooled = [v for c in group for v in col_values(c)]
                kind = infer_kind(group[0].parent_text, pooled)
                out.questions.append({
                    "question_id": qid, "consultation_id": cid, "text": group[0].parent_text,
                    "kind": kind, "parent_id": None, "is_group": True, "options": None,
                    "source_column": None, "source_header": group[0].parent_text,
                    "n_answers": None, "follows_id": None,
                })
                for k, c in enumerate(group, start=1):
                    sub = f"{qid}.{k}"
                    kinds[c.index], self.qids[c.index] = kind, sub
                    out.questions.append(_question_row(sub, cid, c.label, kind, qid, c, None))
            else:
                c = group[0]
                kind = infer_kind(c.header, col_values(c))
                follows = prev_qid if _FOLLOW_UP_RE.match(c.label) and kind == "free_text" \
                    else None
                kinds[c.index], self.qids[c.index] = kind, qid
                out.questions.append(_question_row(qid, cid, c.label, kind, None, c, follows))
            prev_qid = qid
        self.kinds = kinds
        for c in self.cols:
            self.parsed[c.index] = {}
            self.counts[c.index] = Counter()

    def _cell(self, row: list[Any], name: str) -> Any:
        return row[self.profile_idx[name]] if name in self.profile_idx else None

    def emit(self, rows: list[tuple[int, list[Any], str, Any]]) -> None:
        """Responses, answers and documents of ``rows`` (kinds must be inferred)."""
        assert self.kinds is not None
        for start in range(0, len(rows), CHUNK_ROWS):
            self._emit(rows[start:start + CHUNK_ROWS])

    def _emit(self, rows: list[tuple[int, list[Any], str, Any]]) -> None:
        if not rows:
            return
        out, cell, kinds = self.out, self._cell, self.kinds
        fname = out.path.name
        responses: list[dict[str, Any]] = []
        for rownum, row, ref, submitted in rows:
            resp = {"response_id": f"{FORMAT}:{ref}", "consultation_id": out.consultation_id,
                    "source_format": FORMAT, "source_file": fname, "source_row": rownum,
                    "submitted_at": submitted,
                    "first_name": clean(cell(row, "first_name")),
                    "surname": clean(cell(row, "surname")), "email": clean(cell(row, "email"))}
            resp.update(self.mapper.profile(
                stakeholder_raw=cell(row, "stakeholder"), country_raw=cell(row, "country"),
                language_raw=cell(row, "language"), size_raw=cell(row, "size"),
                publication_raw=cell(row, "publication"),
                organisation=cell(row, "organisation"), tr_number=cell(row, "tr_number"),
                scope=cell(row, "scope")))
            responses.append(resp)
        out.response_frames.append(sch.conform(pd.DataFrame(responses), "responses"))
        rids = np.array([r["response_id"] for r in responses], dtype=object)
        # column by column (the cells of a column are cleaned, and choice cells parsed once per
        # distinct value), then put back in row order: response, then questionnaire column
        parts: list[tuple[np.ndarray, int, str, list[str], list[Any]]] = []
        cells = list(zip(*(r for _, r, _, _ in rows), strict=True))  # columns of the chunk
        for pos, c in enumerate(self.cols):
            kind, qid = kinds[c.index], self.qids[c.index]
            col = [v.strip() if type(v) is str else (clean(v) or "") for v in cells[c.index]]
            idx = [i for i, v in enumerate(col) if v]
            if not idx:
                continue
            vals = [col[i] for i in idx]
            parsed = None
            if kind not in ("free_text", "upload"):
                memo, counts = self.parsed[c.index], self.counts[c.index]
                counts.update(vals)
                for v in counts.keys() - memo.keys():
                    a = parse_answer(kind, v)
                    ch = a["choices"]
                    memo[v] = (None if ch is None else tuple(ch), a["rating"], a["no_opinion"])
                parsed = [memo[v] for v in vals]
            parts.append((np.asarray(idx, dtype=np.int64), pos, qid, vals, parsed))
            self.n_answers[qid] += len(idx)
        if parts:
            row_idx = np.concatenate([p[0] for p in parts])
            col_pos = np.concatenate([np.full(len(p[0]), p[1], dtype=np.int64) for p in parts])
            order = np.lexsort((col_pos, row_idx))
            qid_col = np.concatenate([np.full(len(p[0]), p[2], dtype=object) for p in parts])
            values = _objects([v for p in parts for v in p[3]])
            parsed = [t for p in parts for t in (p[4] or [None] * len(p[3]))]
            choices = _objects([None if t is None or t[0] is None else list(t[0])
                                for t in parsed])
            ratings = np.array([np.nan if t is None or t[1] is None else t[1] for t in parsed],
                               dtype=float)
            no_ops = np.array([t is not None and t[2] for t in parsed], dtype=bool)
            frame = pd.DataFrame({
                "response_id": rids[row_idx[order]], "question_id": qid_col[order],
                "value": values[order], "choices": choices[order],
                "rating": ratings[order], "no_opinion": no_ops[order]})
        else:
            frame = pd.DataFrame({c: [] for c in sch.SCHEMAS["answers"].names})
        out.n_answers += len(frame)
        if self.sink is not None:
            self.sink(frame)  # the sink conforms (a TableWriter does)
        else:
            out.answer_frames.append(sch.conform(frame, "answers"))
        self._documents(rows, rids)

    def _documents(self, rows: list[tuple[int, list[Any], str, Any]], rids: np.ndarray) -> None:
        """Position papers named in upload cells (numbered per response across columns)."""
        uploads = [c.index for c in self.cols if self.kinds[c.index] == "upload"]
        if not uploads:
            return
        for (_, row, _, _), rid in zip(rows, rids, strict=True):
            n_doc = 0
            for i in uploads:
                value = clean(row[i])
                if value is None:
                    continue
                if self.files is None:
                    self.files = index_files(self.root)
                for name in (safe_name(x) for x in value.split(";")):
                    if not name:
                        continue
                    n_doc += 1
                    self.out.documents.append(make_document(
                        f"{rid}:{n_doc}", rid, name, self.files.get(name.casefold()),
                        root=self.root))

    def finish(self) -> None:
        """Answer counts and options (most frequent first; ratings by value) of every question."""
        out = self.out
        options: dict[str, Counter[str]] = {}
        for c in self.cols:
            qid, parsed = self.qids[c.index], self.parsed[c.index]
            for value, n in self.counts[c.index].items():
                ch = parsed[value][0]
                if ch:
                    opt = options.setdefault(qid, Counter())
                    for x in ch:
                        opt[x] += n
        children: dict[str, list[dict[str, Any]]] = {}
        for q in out.questions:
            if q["parent_id"] is not None:
                children.setdefault(q["parent_id"], []).append(q)
        by_id = {q["question_id"]: q for q in out.questions}
        for q in out.questions:
            if q["is_group"]:
                subs = children.get(q["question_id"], [])
                q["n_answers"] = sum(self.n_answers[s["question_id"]] for s in subs)
                merged: Counter[str] = Counter()
                for s in subs:
                    merged.update(options.get(s["question_id"], {}))
                q["options"] = _ordered_options(merged, q["kind"])
            else:
                q["n_answers"] = self.n_answers[q["question_id"]]
                if q["kind"] in ("single_choice", "multi_choice", "rating"):
                    q["options"] = _ordered_options(options.get(q["question_id"], Counter()),
                                                    q["kind"])
        for q in out.questions:
            if q["parent_id"] is not None:
                q["options"] = by_id[q["parent_id"]]["options"]


def _question_row(qid: str, cid: str, text: str, kind: str, parent: str | None, c: _Column,
                  follows: str | None) -> dict[str, Any]:
    return {"question_id": qid, "consultation_id": cid, "text": text, "kind": kind,
            "parent_id": parent, "is_group": False, "options": None,
            "source_column": c.index, "source_header": c.header, "n_answers": 0,
            "follows_id": follows}


def _ordered_options(counter: Counter[str] | dict, kind: str) -> list[str] | None:
    if not counter:
        return None
    if kind == "rating":
        def key(o: str) -> tuple[int, float, str]:
            m = RATING_RE.match(o)
            return (0, -float(m.group(1)), o) if m else (1, 0.0, o)
        return sorted(counter, key=key)
    return [o for o, _ in sorted(counter.items(), key=lambda kv: (-kv[1], kv[0]))]
