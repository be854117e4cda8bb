"""Any CSV/XLSX with a small YAML mapping of its columns to the canonical fields.

Mapping format (all keys but ``columns.id`` optional)::

    source: mysurvey            # response_id prefix -> "mysurvey:<id>" (default "generic")
    consultation_id: my-consultation
    delimiter: ";"              # CSV only; sniffed when absent
    timezone: Europe/Brussels   # for dates without an offset
    columns:                    # canonical field: column header in the file
      id: Respondent ID
      submitted_at: Date
      stakeholder_type: Type
      country: Country
      language: Language
      organisation: Organisation
      organisation_size: Size
      transparency_register_id: TR number
      publication: Publish?
      scope: Scope
      first_name: First name
      surname: Last name
      email: Email
    values:                     # raw label -> canonical value, checked before the taxonomy
      stakeholder_type: {Uni: academic_research_institution}
      publication: {"yes": public, "no": anonymous}
    questions:                  # default: every column not mapped above, kind inferred
      - {column: "Your views", id: q1, kind: free_text, text: "What are your views?"}
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import yaml

from .. import taxonomy
from ..errors import MappingError, bounded_list, did_you_mean
from . import eusurvey
from .common import (
    ProfileMapper,
    SourceTables,
    clean,
    parse_local_datetime,
    read_tabular,
    short,
)

FORMAT = "generic"
KINDS = ("single_choice", "multi_choice", "rating", "free_text", "upload")
_TOP_KEYS = ("source", "consultation_id", "delimiter", "timezone", "columns", "values",
             "questions")
_FIELDS = ("id", "submitted_at", "stakeholder_type", "country", "language", "organisation",
           "organisation_size", "transparency_register_id", "publication", "scope",
           "first_name", "surname", "email")
_ID_RE = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.-]{0,63}")
_VALUE_FIELDS = {"stakeholder_type": taxonomy.STAKEHOLDER_TYPES,
                 "publication": ("public", "anonymous"),
                 "organisation_size": taxonomy.ORGANISATION_SIZES}


def load_mapping(path: Path) -> dict[str, Any]:
    """Read and validate a mapping file; raises :class:`MappingError` with the fix."""
    try:
        m = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise MappingError(f"Cannot read mapping file {str(path)!r}", found=str(exc)[:200],
                           fix="check the path and the YAML syntax") from exc
    return validate_mapping(m, str(path))


def validate_mapping(m: Any, name: str = "mapping") -> dict[str, Any]:
    if not isinstance(m, dict):
        raise MappingError(f"{name} is not a YAML mapping", expected="keys such as 'columns'",
                           found=type(m).__name__)
    for key in m:
        if key not in _TOP_KEYS:
            raise MappingError(f"{name}: unknown key {key!r}{did_you_mean(str(key), _TOP_KEYS)}",
                               expected=f"keys {bounded_list(_TOP_KEYS, 10)}")
    for key in ("source", "consultation_id", "delimiter", "timezone"):
        if m.get(key) is not None and not isinstance(m[key], str):
            raise MappingError(f"{name}: '{key}' must be a string",
                               found=f"{type(m[key]).__name__} {m[key]!r:.80}")
    if m.get("delimiter") is not None and len(m["delimiter"]) != 1:
        raise MappingError(f"{name}: 'delimiter' must be one character",
                           found=repr(m["delimiter"])[:80], fix="e.g. delimiter: \";\"")
    if m.get("source") is not None and not _ID_RE.fullmatch(m["source"]):
        raise MappingError(f"{name}: 'source' must be a short name of letters, digits, '_', "
                           "'.' or '-'", found=repr(m["source"])[:80])
    for key, kind in (("columns", dict), ("values", dict), ("questions", list)):
        if m.get(key) is not None and not isinstance(m[key], kind):
            raise MappingError(f"{name}: '{key}' must be a "
                               f"{'mapping' if kind is dict else 'list'}",
                               found=f"{type(m[key]).__name__} {m[key]!r:.80}")
    cols = m.get("columns")
    if isinstance(cols, dict):
        bad = {k: v for k, v in cols.items() if v is not None and not isinstance(v, str)}
        if bad:
            raise MappingError(f"{name}: every entry of 'columns' must be a column header "
                               f"(text)", found=repr(bad)[:200])
    if not isinstance(cols, dict) or not clean(cols.get("id")):
        raise MappingError(f"{name}: 'columns.id' is required",
                           expected="columns: {id: <header of the respondent id column>, …}",
                           found=repr(cols)[:200])
    for key in cols:
        if key not in _FIELDS:
            raise MappingError(f"{name}: unknown field columns.{key}"
                               f"{did_you_mean(str(key), _FIELDS)}",
                               expected=f"fields {bounded_list(_FIELDS, 13)}")
    for field_name, table in (m.get("values") or {}).items():
        allowed = _VALUE_FIELDS.get(field_name)
        if allowed is None or not isinstance(table, dict):
            raise MappingError(f"{name}: values.{field_name} is not supported",
                               expected=f"a dict under one of {bounded_list(_VALUE_FIELDS)}")
        bad = [v for v in table.values() if v not in allowed]
        if bad:
            raise MappingError(f"{name}: values.{field_name} maps to unknown value(s) "
                               f"{bounded_list(bad)}",
                               expected=f"one of {bounded_list(allowed, 12)}")
    for q in m.get("questions") or []:
        if not isinstance(q, dict) or not isinstance(q.get("column"), str):
            raise MappingError(f"{name}: every entry of 'questions' needs a 'column' (text)",
                               found=repr(q)[:200])
        for key in ("id", "text"):
            if q.get(key) is not None and not isinstance(q[key], str):
                raise MappingError(f"{name}: question '{key}' must be text",
                                   found=repr(q)[:200])
        if q.get("id") is not None and not _ID_RE.fullmatch(q["id"]):
            raise MappingError(f"{name}: question id {q['id']!r:.80} is not an identifier",
                               expected="letters, digits, '_', '.' or '-' (e.g. q1, q3.2)")
        if q.get("kind") is not None and q["kind"] not in KINDS:
            raise MappingError(f"{name}: question kind {q['kind']!r} is not supported"
                               f"{did_you_mean(str(q['kind']), KINDS)}",
                               expected=f"one of {', '.join(KINDS)}")
    if m.get("timezone"):
        try:
            ZoneInfo(m["timezone"])
        except (ZoneInfoNotFoundError, ValueError) as exc:
            raise MappingError(f"{name}: unknown timezone {m['timezone']!r}",
                               expected="an IANA name such as 'Europe/Brussels'") from exc
    return m


def read(path: Path, mapping: dict[str, Any], *, consultation_id: str | None = None
         ) -> SourceTables:
    m = validate_mapping(mapping)
    tab = read_tabular(path, m.get("delimiter"))
    header = tab.header
    cols: dict[str, str] = {k: v for k, v in m["columns"].items() if clean(v)}
    missing = [v for v in cols.values() if v not in header]
    if missing:
        hints = "".join(did_you_mean(x, header) for x in missing[:3])
        raise MappingError(f"{path.name}: mapped column(s) {bounded_list(missing)} not in the "
                           f"file{hints}", found=f"columns {bounded_list(header, 12)}",
                           fix="correct the headers in the mapping file")
    tz = ZoneInfo(m.get("timezone") or "Europe/Brussels")
    prefix = clean(m.get("source")) or FORMAT
    cid = consultation_id or clean(m.get("consultation_id")) or path.stem
    out = SourceTables(FORMAT, path, cid, files=[path], warnings=tab.warnings)
    idx = {h: i for i, h in reversed(list(enumerate(header)))}
    qspecs = m.get("questions")
    if qspecs is None:
        used = set(cols.values())
        qspecs = [{"column": h} for h in header if h not in used and h]
    for q in qspecs:
        if q["column"] not in idx:
            raise MappingError(f"{path.name}: question column {q['column']!r} not in the file"
                               f"{did_you_mean(q['column'], header)}")
    overrides = {k: {str(a).casefold(): b for a, b in v.items()}
                 for k, v in (m.get("values") or {}).items()}
    mapper = ProfileMapper()
    seen: dict[str, int] = {}
    accepted: list[tuple[int, list[Any], str, Any]] = []
    for rownum, row in tab.rows:
        out.n_records += 1
        if len(row) > len(header) and all(clean(c) is None for c in row[len(header):]):
            row = row[: len(header)]
        if len(row) != len(header):
            out.reject(path.name, rownum, "field_count",
                       f"expected {len(header)} fields, found {len(row)}", row)
            continue
        rid_raw = clean(row[idx[cols["id"]]])
        if rid_raw is None:
            out.reject(path.name, rownum, "missing_id", "the id cell is blank",
                       dict(zip(header, row, strict=False)), cols["id"])
            continue
        if rid_raw in seen:
            out.reject(path.name, rownum, "duplicate_id",
                       f"id {short(rid_raw)} already read on row {seen[rid_raw]}",
                       dict(zip(header, row, strict=False)), cols["id"])
            continue
        submitted = None
        if "submitted_at" in cols:
            try:
                submitted = parse_local_datetime(row[idx[cols["submitted_at"]]], tz)
            except (ValueError, OverflowError):
                out.reject(path.name, rownum, "bad_date", "the date cell is not a date",
                           dict(zip(header, row, strict=False)), cols["submitted_at"])
                continue
        seen[rid_raw] = rownum
        accepted.append((rownum, row, rid_raw, submitted))

    qrows = []
    for n, q in enumerate(qspecs, start=1):
        i = idx[q["column"]]
        values = [v for v in (clean(r[i]) for _, r, _, _ in accepted) if v is not None]
        kind = q.get("kind") or eusurvey.infer_kind(q["column"], values)
        qrows.append((i, clean(q.get("id")) or f"q{n:02d}", kind))
        out.questions.append({"question_id": qrows[-1][1], "consultation_id": cid,
                              "text": q.get("text") or q["column"], "kind": kind,
                              "parent_id": None, "is_group": False, "options": None,
                              "source_column": i, "source_header": q["column"],
                              "n_answers": len(values), "follows_id": None})

    def get(row: list[Any], name: str) -> Any:
        return row[idx[cols[name]]] if name in cols else None

    def override(resp: dict[str, Any], row: list[Any]) -> None:
        for name, table in overrides.items():
            raw = clean(get(row, name))
            if raw is not None and raw.casefold() in table:
                resp[name] = table[raw.casefold()]
                if name == "stakeholder_type":
                    tr = resp["transparency_register_id"]
                    resp["registered"] = ((tr is not None)
                                          if taxonomy.is_organisation(resp[name]) else None)

    for rownum, row, rid_raw, submitted in accepted:
        rid = f"{prefix}:{rid_raw}"
        resp = {"response_id": rid, "consultation_id": cid, "source_format": FORMAT,
                "source_file": path.name, "source_row": rownum, "submitted_at": submitted,
                "first_name": clean(get(row, "first_name")), "surname": clean(get(row, "surname")),
                "email": clean(get(row, "email"))}
        resp.update(mapper.profile(
            stakeholder_raw=get(row, "stakeholder_type"), country_raw=get(row, "country"),
            language_raw=get(row, "language"), size_raw=get(row, "organisation_size"),
            publication_raw=get(row, "publication"), organisation=get(row, "organisation"),
            tr_number=get(row, "transparency_register_id"), scope=get(row, "scope")))
        override(resp, row)
        out.responses.append(resp)
        for i, qid, kind in qrows:
            value = clean(row[i])
            if value is not None:
                out.answers.append({"response_id": rid, "question_id": qid,
                                    **eusurvey.parse_answer(kind, value)})
    for name, table in overrides.items():  # labels the mapping resolved are not unknown
        for raw in list(mapper.unknown.get(name, {})):
            if raw.casefold() in table:
                del mapper.unknown[name][raw]
    out.warnings.extend(mapper.warnings(f"{FORMAT} {path.name}"))
    return out
