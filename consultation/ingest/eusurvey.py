"""EUSurvey "contributions" export (CSV or XLSX), as the Commission publishes it.

One row per contribution; profile columns first, then one column per question (one per sub-item
for matrix questions, headed ``<question>\\n: <sub-item>``). See DESIGN.md, "EUSurvey export".
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import FormatError
from .common import (
    ProfileMapper,
    SourceTables,
    clean,
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


def read(path: Path, *, consultation_id: str | None = None, root: Path | None = None,
         delimiter: str | None = None) -> SourceTables:
    """Read one EUSurvey contributions export (``.csv`` or ``.xlsx``)."""
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

    # Pass 1: row-level checks; keep accepted rows for kind inference.
    accepted: list[tuple[int, list[Any], str, Any]] = []
    seen: dict[str, int] = {}
    fname = path.name
    ncol = len(header)
    for rownum, row in tab.rows:
        out.n_records += 1
        raw = dict(zip(header, row, strict=False)) if len(row) <= ncol else row
        if len(row) != ncol:
            extra = row[ncol:]
            if len(row) > ncol and all(clean(c) is None for c in extra):
                row = row[:ncol]
            else:
                out.reject(fname, rownum, "field_count",
                           f"expected {ncol} fields, found {len(row)} (a quote left open, or a "
                           "truncated row)", raw)
                continue
        ref = clean(row[profile_idx["reference"]])
        if ref is None:
            out.reject(fname, rownum, "missing_id", "the Reference cell is blank", raw,
                       header[profile_idx["reference"]])
            continue
        if ref in seen:
            out.reject(fname, rownum, "duplicate_id",
                       f"Reference {short(ref)} already read on row {seen[ref]}", raw,
                       header[profile_idx["reference"]])
            continue
        submitted = None
        if "submitted" in profile_idx:
            cell = row[profile_idx["submitted"]]
            try:
                submitted = parse_local_datetime(cell)
            except (ValueError, OverflowError):
                out.reject(fname, rownum, "bad_date",
                           f"{short(cell)} is not a date (expected dd.mm.yyyy hh:mm)", raw,
                           header[profile_idx["submitted"]])
                continue
        seen[ref] = rownum
        accepted.append((rownum, row, ref, submitted))

    # Questions: group matrix sub-items, number parents in column order, infer kinds.
    def col_values(c: _Column) -> list[str]:
        vals = (clean(r[c.index]) for _, r, _, _ in accepted)
        return [v for v in vals if v is not None]

    groups: list[list[_Column]] = []
    for c in question_cols:
        if (c.parent_text is not None and groups and groups[-1][0].parent_text == c.parent_text):
            groups[-1].append(c)
        else:
            groups.append([c])
    col_kind: dict[int, str] = {}
    col_qid: dict[int, str] = {}
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
                col_kind[c.index], col_qid[c.index] = kind, sub
                out.questions.append(_question_row(sub, cid, c.label, kind, qid, c, None))
        else:
            c = group[0]
            kind = infer_kind(c.header, col_values(c))
            follows = prev_qid if _FOLLOW_UP_RE.match(c.label) and kind == "free_text" else None
            col_kind[c.index], col_qid[c.index] = kind, qid
            out.questions.append(_question_row(qid, cid, c.label, kind, None, c, follows))
        prev_qid = qid

    # Pass 2: responses, answers, documents.
    mapper = ProfileMapper()
    files = None
    options: dict[str, Counter[str]] = {}
    n_answers: Counter[str] = Counter()

    def cell(row: list[Any], name: str) -> Any:
        return row[profile_idx[name]] if name in profile_idx else None

    for rownum, row, ref, submitted in accepted:
        rid = f"{FORMAT}:{ref}"
        resp = {"response_id": rid, "consultation_id": cid, "source_format": FORMAT,
                "source_file": fname, "source_row": rownum, "submitted_at": submitted,
                "first_name": clean(cell(row, "first_name")),
                "surname": clean(cell(row, "surname")), "email": clean(cell(row, "email"))}
        resp.update(mapper.profile(
            stakeholder_raw=cell(row, "stakeholder"), country_raw=cell(row, "country"),
            language_raw=cell(row, "language"), size_raw=cell(row, "size"),
            publication_raw=cell(row, "publication"), organisation=cell(row, "organisation"),
            tr_number=cell(row, "tr_number"), scope=cell(row, "scope")))
        out.responses.append(resp)
        n_doc = 0
        for c in question_cols:
            value = clean(row[c.index])
            if value is None:
                continue
            kind, qid = col_kind[c.index], col_qid[c.index]
            ans = parse_answer(kind, value)
            out.answers.append({"response_id": rid, "question_id": qid, **ans})
            n_answers[qid] += 1
            if ans["choices"] and kind != "free_text":
                options.setdefault(qid, Counter()).update(ans["choices"])
            if kind == "upload":
                if files is None:
                    files = index_files(root)
                for name in (safe_name(p) for p in value.split(";")):
                    if not name:
                        continue
                    n_doc += 1
                    out.documents.append(make_document(
                        f"{rid}:{n_doc}", rid, name, files.get(name.casefold()), root=root))
    children: dict[str, list[dict[str, Any]]] = {}
    for q in out.questions:
        if q["parent_id"] is not None:
            children.setdefault(q["parent_id"], []).append(q)
    by_id = {q["question_id"]: q for q in out.questions}
    for q in out.questions:
        if q["is_group"]:
            subs = children.get(q["question_id"], [])
            q["n_answers"] = sum(n_answers[s["question_id"]] for s in subs)
            merged: Counter[str] = Counter()
            for s in subs:
                merged.update(options.get(s["question_id"], {}))
            q["options"] = _ordered_options(merged, q["kind"])
        else:
            q["n_answers"] = n_answers[q["question_id"]]
            if q["kind"] in ("single_choice", "multi_choice", "rating"):
                q["options"] = _ordered_options(options.get(q["question_id"], Counter()),
                                                q["kind"])
    for q in out.questions:
        if q["parent_id"] is not None:
            q["options"] = by_id[q["parent_id"]]["options"]
    out.warnings.extend(mapper.warnings(f"{FORMAT} {fname}"))
    return out


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
