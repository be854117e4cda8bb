"""regulations.gov API v4 comments (one JSON file per comment, or list pages).

Each record's ``data.attributes`` holds ``comment`` (HTML), ``category`` (submitter type, mapped
to the canonical taxonomy and kept raw), ``organization``, ``postedDate``, ``receiveDate``,
``country``, ``stateProvinceRegion``, ``duplicateComments`` and ``trackingNbr``. Attachments
listed under ``included`` become ``documents`` (their files are not downloaded).
"""

from __future__ import annotations

import re
import warnings
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from ..errors import FormatError
from .common import (
    ProfileMapper,
    SourceTables,
    clean,
    load_json,
    parse_local_datetime,
    read_text,
    scalar,
    short,
)

FORMAT = "regulations_gov"
QUESTION_ID = "comment"
_REDACTED = re.compile(r"^\[?redacted\]?$", re.IGNORECASE)


def html_to_text(html: str | None) -> str | None:
    """Turn a comment's HTML fragment into plain text with paragraph breaks."""
    if html is None:
        return None
    if "<" not in html and "&" not in html:
        return clean(html)
    from bs4 import BeautifulSoup, MarkupResemblesLocatorWarning

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", MarkupResemblesLocatorWarning)
        soup = BeautifulSoup(html, "html.parser")
    for br in soup.find_all("br"):
        br.replace_with("\n")
    for block in soup.find_all(["p", "div", "li", "tr", "h1", "h2", "h3", "h4"]):
        block.insert_after("\n\n")
    text = soup.get_text()
    text = re.sub(r"[ \t\xa0]+", " ", text)
    text = re.sub(r" *\n *", "\n", text)
    text = re.sub(r"\n{3,}", "\n\n", text)
    return clean(text)


def _get(obj: Any, key: str) -> Any:
    return obj.get(key) if isinstance(obj, dict) else None


def _records(doc: Any) -> tuple[list[Any], list[Any]] | None:
    if not isinstance(doc, dict) or "data" not in doc:
        return None
    data = doc["data"]
    included = doc.get("included") or []
    if isinstance(data, dict):
        return [data], included if isinstance(included, list) else []
    if isinstance(data, list):
        return data, included if isinstance(included, list) else []
    return None


def looks_like_regulations_gov(doc: Any) -> bool:
    recs = _records(doc)
    if not recs or not recs[0]:
        return False
    first = recs[0][0]
    return isinstance(first, dict) and (first.get("type") == "comments" or (
        isinstance(first.get("attributes"), dict) and "commentOnDocumentId" in first["attributes"]))


def read(paths: Iterable[Path], *, consultation_id: str | None = None,
         root: Path | None = None) -> SourceTables:
    paths = sorted(paths)
    root = (root or paths[0].parent).resolve()
    out = SourceTables(FORMAT, paths[0], consultation_id or "", files=list(paths))
    mapper = ProfileMapper()
    seen: dict[str, str] = {}
    dockets: set[str] = set()
    pending: list[tuple[dict[str, Any], str, list[Any]]] = []
    for p in paths:
        text, warns = read_text(p)
        out.warnings.extend(warns)
        doc = load_json(text, p.name)
        recs = _records(doc)
        if recs is None:
            raise FormatError(f"{p.name} is not a regulations.gov comment",
                              expected="an API v4 object with 'data' (and 'data.attributes')",
                              found=f"top-level {type(doc).__name__}")
        data, included = recs
        for i, rec in enumerate(data, start=1):
            out.n_records += 1
            row = i if len(data) > 1 else None
            attrs = rec.get("attributes") if isinstance(rec, dict) else None
            cid = clean(scalar(rec.get("id"))) if isinstance(rec, dict) else None
            if isinstance(attrs, dict):  # wrong JSON types become None, never guessed
                attrs = {k: (v if k == "duplicateComments" else scalar(v))
                         for k, v in attrs.items()}
            if not isinstance(attrs, dict):
                out.reject(p.name, row, "not_a_record", "no 'attributes' object", rec)
                continue
            if cid is None:
                out.reject(p.name, row, "missing_id", "the comment id is blank", rec, "id")
                continue
            if cid in seen:
                out.reject(p.name, row, "duplicate_id", f"id {short(cid)} already read in "
                           f"{seen[cid]}", rec, "id")
                continue
            try:
                received = parse_local_datetime(attrs.get("receiveDate") or
                                                attrs.get("postedDate"))
                posted = parse_local_datetime(attrs.get("postedDate"))
            except (ValueError, TypeError, OverflowError):
                out.reject(p.name, row, "bad_date", f"receiveDate {short(attrs.get('receiveDate'))}"
                           " is not a date", rec, "receiveDate")
                continue
            seen[cid] = p.name
            if clean(attrs.get("docketId")):
                dockets.add(attrs["docketId"])
            pending.append(({"id": cid, "attrs": attrs, "received": received, "posted": posted,
                             "rec": rec, "row": row}, p.name, included))
    if not out.consultation_id:
        out.consultation_id = (f"regulations_gov:{sorted(dockets)[0]}" if len(dockets) == 1
                               else f"regulations_gov:{root.name}")
    n_answers = 0
    for item, fname, included in pending:
        cid, attrs = item["id"], item["attrs"]
        rid = f"{FORMAT}:{cid}"
        first, last = clean(attrs.get("firstName")), clean(attrs.get("lastName"))
        resp = {"response_id": rid, "consultation_id": out.consultation_id,
                "source_format": FORMAT, "source_file": fname, "source_row": item["row"],
                "submitted_at": item["received"], "posted_at": item["posted"],
                "first_name": None if first and _REDACTED.match(first) else first,
                "surname": None if last and _REDACTED.match(last) else last,
                "email": clean(attrs.get("email")),
                "region": clean(attrs.get("stateProvinceRegion")),
                "tracking_number": clean(attrs.get("trackingNbr")),
                "duplicate_comments": attrs.get("duplicateComments"),
                "title": clean(attrs.get("title"))}
        resp.update(mapper.profile(
            stakeholder_raw=attrs.get("category"), country_raw=attrs.get("country"),
            language_raw=None, size_raw=None, publication_raw=None,
            organisation=attrs.get("organization"), tr_number=None, scope=None, us=True))
        resp["publication"] = "public"  # regulations.gov posts comments with submitter info
        if isinstance(resp.get("duplicate_comments"), bool) or not isinstance(
                resp.get("duplicate_comments"), int):
            resp["duplicate_comments"] = None
        out.responses.append(resp)
        text = html_to_text(attrs.get("comment"))
        if text:
            n_answers += 1
            out.answers.append({"response_id": rid, "question_id": QUESTION_ID, "value": text,
                                "choices": None, "rating": None, "no_opinion": False})
        refs = _get(_get(_get(item["rec"], "relationships"), "attachments"), "data")
        ref_ids = {scalar(r.get("id")) for r in refs if isinstance(r, dict)} if isinstance(
            refs, list) else set()
        atts = [a for a in included if isinstance(a, dict) and a.get("type") == "attachments"
                and (not ref_ids or scalar(a.get("id")) in ref_ids)]
        for k, att in enumerate(atts, start=1):
            a = att.get("attributes") if isinstance(att.get("attributes"), dict) else {}
            fmts = a.get("fileFormats") if isinstance(a.get("fileFormats"), list) else []
            url = next((scalar(f.get("fileUrl")) for f in fmts if isinstance(f, dict)), None)
            name = clean(scalar(a.get("title"))) or clean(scalar(att.get("id")))
            out.documents.append({
                "document_id": f"{rid}:{k}", "response_id": rid, "filename": name, "path": None,
                "text": None, "extraction_status": "missing_file",
                "extraction_error": "attachment not downloaded (regulations.gov link only)",
                "n_chars": None, "sha256": None, "url": url})
    out.questions.append({"question_id": QUESTION_ID, "consultation_id": out.consultation_id,
                          "text": "Public comment (regulations.gov)", "kind": "free_text",
                          "parent_id": None, "is_group": False, "options": None,
                          "source_column": None, "source_header": "comment",
                          "n_answers": n_answers, "follows_id": None})
    out.warnings.extend(mapper.warnings(f"{FORMAT} {root.name}"))
    return out
