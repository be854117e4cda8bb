"""Shared pieces of the readers: decoding, tabular records, profile mapping, rejects, documents."""

from __future__ import annotations

import csv
import io
import json
import logging
import re
import zipfile
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pandas as pd

from .. import taxonomy
from ..errors import EmptyInputError, FormatError, InputError
from ..workspace import file_sha256

log = logging.getLogger(__name__)

BRUSSELS = ZoneInfo("Europe/Brussels")
MAX_CELL = 10 * 1024 * 1024  # bytes; bigger cells are still read but flagged
MAX_RAW_JSON = 10_000
MAX_DOCUMENT_BYTES = 50 * 1024 * 1024
MAX_DOCX_UNCOMPRESSED = 200 * 1024 * 1024
MAX_PDF_PAGES = 300
UNMAPPED = "unmapped"  # stakeholder label we could not map: kept raw, reported, never guessed

csv.field_size_limit(64 * 1024 * 1024)


# -- the result of one reader ------------------------------------------------------------------
@dataclass
class SourceTables:
    """What a reader returns for one source: canonical rows (not yet conformed) and accounting."""

    format: str
    path: Path
    consultation_id: str
    responses: list[dict[str, Any]] = field(default_factory=list)
    questions: list[dict[str, Any]] = field(default_factory=list)
    answers: list[dict[str, Any]] = field(default_factory=list)
    documents: list[dict[str, Any]] = field(default_factory=list)
    rejects: list[dict[str, Any]] = field(default_factory=list)
    n_records: int = 0
    files: list[Path] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def reject(self, file: str, row: int | None, reason: str, detail: str,
               raw: Any = None, field_name: str | None = None) -> None:
        locator = f"{file}" + (f" row {row}" if row is not None else "")
        if field_name:
            locator += f" field {field_name!r}"
        self.rejects.append({
            "source": self.format, "file": file, "row": row, "field": field_name,
            "locator": locator, "reason": reason, "detail": detail, "raw": raw_json(raw),
        })

    def frame(self, name: str) -> pd.DataFrame:
        return pd.DataFrame(getattr(self, name))


def raw_json(raw: Any) -> str | None:
    if raw is None:
        return None
    try:
        text = json.dumps(raw, ensure_ascii=False, default=str)
    except (TypeError, ValueError):
        text = repr(raw)
    return text if len(text) <= MAX_RAW_JSON else text[:MAX_RAW_JSON] + "…[truncated]"


# -- text decoding -----------------------------------------------------------------------------
_SURROGATES = re.compile(r"[\udc80-\udcff]+")


def decode_bytes(data: bytes, name: str) -> tuple[str, list[str]]:
    """Decode an export's bytes: UTF-8 (BOM or not), UTF-16 with BOM, cp1252 patches inside UTF-8.

    Returns the text and warnings. Raises :class:`FormatError` for binary content.
    """
    warnings: list[str] = []
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16"), [f"{name}: decoded as UTF-16"]
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    head = data[:65536]
    if b"\x00" in head and head.count(b"\x00") > len(head) // 10:
        raise FormatError(
            f"{name} is not a text file",
            expected="a UTF-8 (or UTF-16) text export",
            found="binary content (NUL bytes)",
            fix="pass the CSV/JSON export itself, or an XLSX file with the .xlsx extension",
        )
    text = data.decode("utf-8", errors="surrogateescape")
    if _SURROGATES.search(text):
        n = 0

        def _repair(m: re.Match[str]) -> str:
            nonlocal n
            n += 1
            return m.group(0).encode("utf-8", "surrogateescape").decode("cp1252", "replace")

        text = _SURROGATES.sub(_repair, text)
        warnings.append(f"{name}: {n} byte sequence(s) were not UTF-8 and were read as cp1252")
    if "\x00" in text:
        text = text.replace("\x00", "")
        warnings.append(f"{name}: NUL characters removed")
    return text, warnings


def read_text(path: Path) -> tuple[str, list[str]]:
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(f"Cannot read {str(path)!r}", found=str(exc),
                         fix="check the path and its permissions") from exc
    if not data.strip():
        raise EmptyInputError(f"{path.name} is empty", expected="an export with a header row",
                              found="0 bytes of content", fix="check that the download finished")
    return decode_bytes(data, path.name)


# -- tabular records ---------------------------------------------------------------------------
@dataclass
class Tabular:
    header: list[str]
    rows: Iterator[tuple[int, list[Any]]]  # (1-based record number, cells)
    warnings: list[str]


def sniff_delimiter(sample: str) -> str:
    first = sample.split("\n", 1)[0]
    counts = {d: first.count(d) for d in (";", ",", "\t", "|")}
    best = max(counts, key=counts.get)
    return best if counts[best] else ","


def read_csv(path: Path, delimiter: str | None = None) -> Tabular:
    text, warnings = read_text(path)
    delim = delimiter or sniff_delimiter(text[:65536])
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delim, quotechar='"',
                        doublequote=True, strict=False)
    try:
        header = next(reader)
    except (StopIteration, csv.Error) as exc:
        raise EmptyInputError(f"{path.name} has no header row", found=str(exc)) from None

    def rows() -> Iterator[tuple[int, list[Any]]]:
        n = 0
        while True:
            try:
                row = next(reader)
            except StopIteration:
                return
            except csv.Error as exc:  # pragma: no cover - csv in non-strict mode rarely raises
                n += 1
                yield n, [f"<csv error: {exc}>"]
                continue
            if not row or all(c == "" for c in row):
                continue
            n += 1
            yield n, row

    return Tabular([h.strip("\ufeff") for h in header], rows(), warnings)


def read_xlsx(path: Path) -> Tabular:
    from openpyxl import load_workbook

    try:
        wb = load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:
        raise FormatError(f"{path.name} cannot be opened as an XLSX workbook",
                          found=f"{type(exc).__name__}: {str(exc)[:200]}",
                          fix="re-export the file, or save it as CSV") from exc
    sheets = [ws for ws in wb.worksheets if getattr(ws, "sheet_state", "visible") == "visible"]
    if not sheets:
        raise EmptyInputError(f"{path.name} has no visible sheet")
    ws = sheets[0]
    it = ws.iter_rows(values_only=True)
    try:
        header_row = next(it)
    except StopIteration:
        raise EmptyInputError(f"{path.name}: first sheet {ws.title!r} is empty") from None
    header = ["" if h is None else str(h) for h in header_row]
    while header and header[-1] == "":
        header.pop()
    warnings = [f"{path.name}: read sheet {ws.title!r} of {len(wb.worksheets)}"] \
        if len(wb.worksheets) > 1 else []

    def rows() -> Iterator[tuple[int, list[Any]]]:
        n = 0
        for raw in it:
            cells = ["" if v is None else v for v in raw]
            while len(cells) > len(header) and cells[-1] == "":
                cells.pop()
            if all(c == "" for c in cells):
                continue
            n += 1
            yield n, [c if isinstance(c, datetime) else str(c) for c in cells]
        wb.close()

    return Tabular(header, rows(), warnings)


def read_tabular(path: Path, delimiter: str | None = None) -> Tabular:
    if path.suffix.lower() in (".xlsx", ".xlsm"):
        return read_xlsx(path)
    return read_csv(path, delimiter)


# -- values ------------------------------------------------------------------------------------
def clean(v: Any) -> str | None:
    """Strip a cell; blank -> None."""
    if v is None:
        return None
    if isinstance(v, float) and v != v:
        return None
    s = str(v).strip()
    return s or None


_DATE_FORMATS = ("%d.%m.%Y %H:%M", "%d.%m.%Y %H:%M:%S", "%d/%m/%Y %H:%M", "%d/%m/%Y %H:%M:%S",
                 "%Y-%m-%d %H:%M:%S", "%Y/%m/%d %H:%M:%S", "%Y-%m-%d %H:%M", "%d.%m.%Y",
                 "%Y-%m-%d")


def parse_local_datetime(v: Any, tz: ZoneInfo = BRUSSELS) -> pd.Timestamp | None:
    """Parse a local (default Brussels) date-time into a UTC timestamp; None if blank.

    ISO strings with an offset or ``Z`` keep their own zone. Raises ValueError when unparseable.
    """
    if isinstance(v, datetime):
        dt = v
    else:
        s = clean(v)
        if s is None:
            return None
        dt = None
        for fmt in _DATE_FORMATS:
            try:
                dt = datetime.strptime(s, fmt)
                break
            except ValueError:
                continue
        if dt is None:
            dt = datetime.fromisoformat(s.replace("Z", "+00:00"))  # raises ValueError
    if dt.tzinfo is None:
        dt = dt.replace(tzinfo=tz)
    return pd.Timestamp(dt).tz_convert("UTC")


class ProfileMapper:
    """Maps raw profile labels to canonical ones and remembers every label it could not map."""

    def __init__(self) -> None:
        self.unknown: dict[str, Counter[str]] = {}

    def _note(self, kind: str, raw: str) -> None:
        self.unknown.setdefault(kind, Counter())[raw] += 1

    def stakeholder(self, raw: Any, *, us: bool = False) -> str:
        mapped = (taxonomy.map_us_category if us else taxonomy.map_stakeholder_type)(raw)
        if mapped is None:
            self._note("stakeholder_type", str(raw))
            return UNMAPPED
        return mapped

    def _simple(self, kind: str, fn: Any, raw: Any) -> str | None:
        if clean(raw) is None:
            return None
        mapped = fn(raw)
        if mapped is None:
            self._note(kind, str(raw).strip())
        return mapped

    def country(self, raw: Any) -> str | None:
        return self._simple("country", taxonomy.map_country, raw)

    def language(self, raw: Any) -> str | None:
        return self._simple("language", taxonomy.map_language, raw)

    def size(self, raw: Any) -> str | None:
        return self._simple("organisation_size", taxonomy.map_organisation_size, raw)

    def publication(self, raw: Any) -> str | None:
        return self._simple("publication", taxonomy.map_publication, raw)

    def profile(self, *, stakeholder_raw: Any, country_raw: Any, language_raw: Any,
                size_raw: Any, publication_raw: Any, organisation: Any, tr_number: Any,
                scope: Any, us: bool = False) -> dict[str, Any]:
        stype = self.stakeholder(stakeholder_raw, us=us)
        tr = clean(tr_number)
        is_org = taxonomy.is_organisation(stype)
        return {
            "stakeholder_type": stype,
            "stakeholder_type_raw": clean(stakeholder_raw),
            "country": self.country(country_raw),
            "country_raw": clean(country_raw),
            "language": self.language(language_raw),
            "language_raw": clean(language_raw),
            "organisation_size": self.size(size_raw),
            "organisation_size_raw": clean(size_raw),
            "publication": self.publication(publication_raw),
            "organisation": clean(organisation),
            "transparency_register_id": tr,
            "registered": (tr is not None) if is_org else None,
            "scope": clean(scope).lower() if clean(scope) else None,
        }

    def warnings(self, source: str) -> list[str]:
        out = []
        for kind, counter in sorted(self.unknown.items()):
            if not counter:
                continue
            labels = ", ".join(f"{k!r} ({n})" for k, n in counter.most_common(10))
            more = len(counter) - 10
            out.append(f"{source}: unknown {kind} label(s) kept raw: {labels}"
                       + (f" and {more} more" if more > 0 else ""))
        return out


# -- documents ---------------------------------------------------------------------------------
def index_files(root: Path, max_depth: int = 3, limit: int = 100_000) -> dict[str, Path]:
    """Map file names (case-folded) under ``root`` to paths, for linking uploads by name."""
    index: dict[str, Path] = {}
    root = root.resolve()
    stack = [(root, 0)]
    seen = 0
    while stack and seen < limit:
        d, depth = stack.pop()
        try:
            entries = sorted(d.iterdir())
        except OSError:
            continue
        for p in entries:
            if p.is_symlink():
                continue
            if p.is_dir():
                if depth < max_depth and not p.name.startswith("."):
                    stack.append((p, depth + 1))
            elif p.is_file():
                seen += 1
                index.setdefault(p.name.casefold(), p)
    return index


def safe_name(filename: str) -> str:
    """The last path component of an untrusted file name (no traversal)."""
    return re.split(r"[\\/]", filename.strip())[-1].strip()


def extract_text(path: Path) -> tuple[str | None, str, str | None]:
    """Extract text from a .txt/.md/.pdf/.docx file: ``(text, status, error)``.

    Never raises for a bad file; status is ok | empty | unsupported | failed.
    """
    try:
        size = path.stat().st_size
    except OSError as exc:
        return None, "failed", str(exc)
    if size > MAX_DOCUMENT_BYTES:
        return None, "failed", f"file larger than {MAX_DOCUMENT_BYTES // (1024 * 1024)} MB"
    suffix = path.suffix.lower()
    try:
        if suffix in (".txt", ".md", ".text"):
            text, _ = decode_bytes(path.read_bytes(), path.name)
        elif suffix == ".pdf":
            text = _pdf_text(path)
        elif suffix == ".docx":
            text = _docx_text(path)
        else:
            return None, "unsupported", f"no text extractor for {suffix or 'files without suffix'}"
    except Exception as exc:  # any parser failure is recorded per document, never fatal
        return None, "failed", f"{type(exc).__name__}: {str(exc)[:200]}"
    text = (text or "").strip()
    return (text, "ok", None) if text else (None, "empty", "no extractable text")


def _pdf_text(path: Path) -> str:
    from pypdf import PdfReader

    logging.getLogger("pypdf").setLevel(logging.ERROR)
    reader = PdfReader(str(path))
    if reader.is_encrypted:
        try:
            if not reader.decrypt(""):
                raise ValueError("encrypted PDF")
        except Exception as exc:
            raise ValueError("encrypted PDF") from exc
    pages = reader.pages[:MAX_PDF_PAGES]
    return "\n\n".join((p.extract_text() or "").strip() for p in pages)


def _docx_text(path: Path) -> str:
    with zipfile.ZipFile(path) as zf:
        total = sum(i.file_size for i in zf.infolist())
        if total > MAX_DOCX_UNCOMPRESSED:
            raise ValueError(f"DOCX expands to {total} bytes (zip bomb guard)")
    import docx

    d = docx.Document(str(path))
    parts = [p.text for p in d.paragraphs]
    for table in d.tables:
        for row in table.rows:
            parts.append(" | ".join(c.text for c in row.cells))
    return "\n".join(parts)


def make_document(document_id: str, response_id: str, filename: str | None,
                  path: Path | None, *, root: Path | None = None,
                  text_path: Path | None = None, url: str | None = None) -> dict[str, Any]:
    """Build a ``documents`` row; ``text_path`` is a ready text extraction (e.g. HYS scraper)."""
    row: dict[str, Any] = {"document_id": document_id, "response_id": response_id,
                           "filename": filename, "path": None, "text": None,
                           "extraction_status": "missing_file", "extraction_error": None,
                           "n_chars": None, "sha256": None, "url": url}
    src = text_path if text_path is not None and text_path.is_file() else path
    if src is None or not src.is_file():
        row["extraction_error"] = "file not found beside the export"
        return row
    row["path"] = str(src.relative_to(root)) if root and src.is_relative_to(root) else src.name
    row["sha256"] = file_sha256(src)
    text, status, error = extract_text(src)
    row.update(text=text, extraction_status=status, extraction_error=error,
               n_chars=len(text) if text else 0)
    return row
