"""Have Your Say feedback: the scraper layout and the portal API's JSON pages.

Scraper layout (``hys_scraper``): a folder with ``feedbacks.csv``, ``attachments.csv`` and
``attachments_text/<feedback id>.txt``. API layout (``hys_api``): ``brpapi/allFeedback`` pages,
records under ``_embedded.feedback`` (older pages) or ``content`` (newer ones).
Both give one question, ``feedback``; attachments become ``documents``.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from ..errors import FormatError
from .common import (
    ProfileMapper,
    SourceTables,
    child_file,
    clean,
    index_files,
    load_json,
    make_document,
    parse_local_datetime,
    read_csv,
    read_text,
    safe_name,
    scalar,
    short,
)

SCRAPER = "hys_scraper"
API = "hys_api"
QUESTION_ID = "feedback"
_SCRAPER_REQUIRED = ("id", "feedback", "user_type")


def _question(cid: str) -> dict[str, Any]:
    return {"question_id": QUESTION_ID, "consultation_id": cid,
            "text": "Feedback on the initiative (Have Your Say)", "kind": "free_text",
            "parent_id": None, "is_group": False, "options": None, "source_column": None,
            "source_header": "feedback", "n_answers": 0, "follows_id": None}


def looks_like_scraper(header: list[str]) -> bool:
    return all(c in header for c in _SCRAPER_REQUIRED)


def read_scraper(folder: Path, *, consultation_id: str | None = None) -> SourceTables:
    """Read the ``hys_scraper`` folder layout."""
    folder = folder.resolve()
    fpath = folder / "feedbacks.csv" if folder.is_dir() else folder
    root = fpath.parent
    tab = read_csv(fpath, ",")
    header = tab.header
    if not looks_like_scraper(header):
        raise FormatError(
            f"{fpath.name} is not a Have Your Say scraper feedback file",
            expected=f"columns {', '.join(_SCRAPER_REQUIRED)}",
            found=f"columns {header[:8]!r}",
            fix="pass --format to pick another reader",
        )
    rows: list[tuple[int, dict[str, str]]] = []
    out = SourceTables(SCRAPER, fpath, consultation_id or "", files=[fpath],
                       warnings=tab.warnings)
    for rownum, cells in tab.rows:
        out.n_records += 1
        if len(cells) != len(header):
            out.reject(fpath.name, rownum, "field_count",
                       f"expected {len(header)} fields, found {len(cells)}", cells)
            continue
        rows.append((rownum, dict(zip(header, cells, strict=True))))
    if not out.consultation_id:
        pubs = sorted({r["publication_id"] for _, r in rows if r.get("publication_id")})
        out.consultation_id = f"hys:{pubs[0]}" if len(pubs) == 1 else f"hys:{root.name}"
    attachments: dict[str, list[str]] = {}
    apath = root / "attachments.csv"
    if apath.is_file():
        out.files.append(apath)
        atab = read_csv(apath, ",")
        for _, cells in atab.rows:
            rec = dict(zip(atab.header, cells, strict=False))
            if clean(rec.get("id")):
                attachments.setdefault(rec["id"].strip(), []).append(rec.get("filename") or "")
    text_dir = root / "attachments_text"
    _emit(out, ((n, r, r) for n, r in rows), fpath.name, root, attachments, text_dir,
          api=False)
    return out


def _records_from_json(doc: Any) -> list[dict[str, Any]] | None:
    if isinstance(doc, list):
        return doc
    if isinstance(doc, dict):
        emb = doc.get("_embedded")
        if isinstance(emb, dict) and isinstance(emb.get("feedback"), list):
            return emb["feedback"]
        if isinstance(doc.get("content"), list):
            return doc["content"]
    return None


def looks_like_api(doc: Any) -> bool:
    recs = _records_from_json(doc)
    return bool(recs) and isinstance(recs[0], dict) and "feedback" in recs[0] and (
        "userType" in recs[0] or "dateFeedback" in recs[0])


def read_api(paths: Iterable[Path], *, consultation_id: str | None = None,
             root: Path | None = None) -> SourceTables:
    """Read one or more portal API pages (JSON)."""
    paths = sorted(paths)
    root = (root or paths[0].parent).resolve()
    out = SourceTables(API, paths[0], consultation_id or "", files=list(paths))
    records: list[tuple[int, dict[str, Any], str]] = []
    for p in paths:
        text, warns = read_text(p)
        out.warnings.extend(warns)
        doc = load_json(text, p.name)
        recs = _records_from_json(doc)
        if recs is None:
            top = list(doc)[:8] if isinstance(doc, dict) else type(doc).__name__
            raise FormatError(f"{p.name} is not a Have Your Say API page",
                              expected="records under '_embedded.feedback' or 'content'",
                              found=f"top-level {top}")
        for i, rec in enumerate(recs, start=1):
            records.append((i, rec, p.name))
    rows = []
    for i, rec, fname in records:
        out.n_records += 1
        if not isinstance(rec, dict):
            out.reject(fname, i, "not_a_record", f"expected an object, found {type(rec).__name__}",
                       rec)
            continue
        rows.append((i, _api_to_flat(rec), rec, fname))
    if not out.consultation_id:
        pubs = sorted({str(r["publication_id"]) for _, r, _, _ in rows if r.get("publication_id")})
        out.consultation_id = f"hys:{pubs[0]}" if len(pubs) == 1 else f"hys:{root.name}"
    attachments = {str(r["id"]): [scalar(a.get("fileName")) or scalar(a.get("documentId"))
                                  or "" for a in _list(raw.get("attachments"))
                                  if isinstance(a, dict)]
                   for _, r, raw, _ in rows if r.get("id") is not None}
    by_file: dict[str, list] = {}
    for n, flat, raw, fname in rows:
        by_file.setdefault(fname, []).append((n, flat, raw))
    for fname, recs in by_file.items():
        _emit(out, recs, fname, root, attachments, root / "attachments_text", api=True)
    return out


def _list(v: Any) -> list[Any]:
    return v if isinstance(v, list) else []


def _api_to_flat(rec: dict[str, Any]) -> dict[str, Any]:
    """The API record's fields as text; a field of the wrong JSON type (list, object,
    boolean) becomes None, and an id that is neither a string nor an integer too."""
    rid = rec.get("id")
    fields = {
        "language": "language", "country": "country", "user_type": "userType",
        "organization": "organization", "first_name": "firstName", "surname": "surname",
        "feedback": "feedback", "date_feedback": "dateFeedback", "publication": "publication",
        "publication_id": "publicationId", "company_size": "companySize",
        "tr_number": "trNumber", "scope": "scope", "governance_level": "governanceLevel",
        "status": "status"}
    flat: dict[str, Any] = {k: scalar(rec.get(v)) for k, v in fields.items()}
    flat["id"] = str(rid) if isinstance(rid, (str, int)) and not isinstance(rid, bool) else None
    return flat


def _emit(out: SourceTables, rows: Iterable[tuple[int, dict[str, Any], Any]], fname: str,
          root: Path, attachments: dict[str, list[str]], text_dir: Path, *, api: bool) -> None:
    mapper = ProfileMapper()
    seen: dict[str, int] = {}
    files: dict[str, Path] | None = None
    n_answers = 0
    for rownum, r, raw in rows:
        fid = clean(r.get("id"))
        if fid is None:
            out.reject(fname, rownum, "missing_id", "the feedback id is blank (or not a "
                       "string or an integer)", raw, "id")
            continue
        if fid in seen:
            out.reject(fname, rownum, "duplicate_id", f"id {short(fid)} already read on row "
                       f"{seen[fid]}", raw, "id")
            continue
        try:
            submitted = parse_local_datetime(r.get("date_feedback"))
        except (ValueError, OverflowError, TypeError):
            out.reject(fname, rownum, "bad_date", f"{short(r.get('date_feedback'))} is not a date",
                       raw, "date_feedback")
            continue
        seen[fid] = rownum
        rid = f"hys:{fid}"
        resp = {"response_id": rid, "consultation_id": out.consultation_id,
                "source_format": out.format, "source_file": fname, "source_row": rownum,
                "submitted_at": submitted, "first_name": clean(r.get("first_name")),
                "surname": clean(r.get("surname")), "status": clean(r.get("status")),
                "governance_level": clean(r.get("governance_level"))}
        resp.update(mapper.profile(
            stakeholder_raw=r.get("user_type"), country_raw=r.get("country"),
            language_raw=r.get("language"), size_raw=r.get("company_size"),
            publication_raw=r.get("publication"), organisation=r.get("organization"),
            tr_number=r.get("tr_number"), scope=r.get("scope")))
        out.responses.append(resp)
        text = clean(r.get("feedback"))
        if text is not None:
            n_answers += 1
            out.answers.append({"response_id": rid, "question_id": QUESTION_ID, "value": text,
                                "choices": None, "rating": None, "no_opinion": False})
        for k, filename in enumerate(attachments.get(fid, []), start=1):
            name = safe_name(filename) if filename else None
            # the id is untrusted: only a plain file name inside attachments_text/ is read
            text_path = child_file(text_dir, f"{fid}.txt") if k == 1 else None
            path = None
            if name:
                if files is None:
                    files = index_files(root)
                path = files.get(name.casefold())
            out.documents.append(make_document(f"{rid}:{k}", rid, name, path, root=root,
                                               text_path=text_path))
    q = _question(out.consultation_id)
    q["n_answers"] = n_answers
    if not any(x["question_id"] == QUESTION_ID for x in out.questions):
        out.questions.append(q)
    else:
        out.questions[0]["n_answers"] += n_answers
    out.warnings.extend(mapper.warnings(f"{out.format} {fname}"))


def sniff_scraper_header(path: Path) -> list[str]:
    with open(path, encoding="utf-8-sig", errors="replace", newline="") as fh:
        return next(csv.reader(fh), [])
