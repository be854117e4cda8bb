"""Shared pieces of the readers: decoding, tabular records, profile mapping, rejects, documents.

Limits
------
Consultation input is public and untrusted, so every reader is bounded in time and memory.
What goes over a limit is refused with a clear error, or kept and flagged; never a crash or a
hang. CSV exports are streamed (memory bounded by a block of text and one record); JSON and
XLSX exports are decoded in memory (about 3-5 times their size).

==========================  ============  =====================================================
limit                       value         what happens
==========================  ============  =====================================================
``MAX_EXPORT_BYTES``        1 GiB         a bigger JSON or XLSX export: :class:`InputError`
``MAX_CSV_BYTES``           64 GiB        a bigger CSV export: :class:`InputError`
``MAX_COLUMNS``             20,000        a wider table (header cells): :class:`FormatError`
``MAX_CELL``                10 MiB        a bigger cell is read in full and listed in the
                                          warnings
``MAX_RAW_JSON``            10,000 chars  a reject's ``raw`` copy is truncated beyond this
``MAX_JSON_DEPTH``          ~1,000        deeper JSON nesting: :class:`FormatError` (the limit
                                          of Python's parser, ``sys.getrecursionlimit()``)
``MAX_XLSX_UNCOMPRESSED``   500 MiB       an XLSX expanding to more (zip bomb):
                                          :class:`FormatError`
``MAX_DOCUMENT_BYTES``      50 MiB        a bigger attachment: ``extraction_status="failed"``
``MAX_DOCX_UNCOMPRESSED``   200 MiB       a DOCX expanding to more (zip bomb): ``failed``
``MAX_ZIP_RATIO``           200           an XLSX/DOCX member compressed more than 200:1 and
                                          expanding to more than 10 MiB: refused as a zip bomb
``MAX_PDF_PAGES``           300 pages     later pages of a PDF are not extracted
(pypdf's own)               75 MB         one decompressed PDF stream at most
                                          (``pypdf.filters.ZLIB_MAX_OUTPUT_LENGTH``)
==========================  ============  =====================================================

Attachments are looked up by their file name inside the source folder only
(:func:`safe_name`, :func:`child_file`); a name a respondent wrote is never used as a path.
Encrypted PDFs (without an empty password) and encrypted Office files are recorded as
``failed``. Readers never write files.
"""

from __future__ import annotations

import contextlib
import csv
import gc
import io
import itertools
import json
import logging
import re
import reprlib
import sys
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
MiB = 1024 * 1024
MAX_EXPORT_BYTES = 1024 * MiB  # one export file read whole (JSON, XLSX)
MAX_CSV_BYTES = 64 * 1024 * MiB  # one CSV export (streamed: memory does not grow with it)
MAX_COLUMNS = 20_000
MAX_CELL = 10 * MiB  # characters; bigger cells are still read but flagged
MAX_RAW_JSON = 10_000
MAX_JSON_DEPTH = sys.getrecursionlimit()  # Python's JSON parser
MAX_XLSX_UNCOMPRESSED = 500 * MiB
MAX_DOCUMENT_BYTES = 50 * MiB
MAX_DOCX_UNCOMPRESSED = 200 * MiB
MAX_ZIP_RATIO = 200
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
    # streaming readers hand over conformed frames instead of row dicts (and count answers
    # they passed to a sink)
    response_frames: list[pd.DataFrame] = field(default_factory=list)
    answer_frames: list[pd.DataFrame] = field(default_factory=list)
    n_answers: int = 0
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


def short(value: Any, limit: int = 80) -> str:
    """``repr(value)`` cut to ``limit`` characters, for messages about untrusted cells."""
    text = repr(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def scalar(value: Any) -> str | None:
    """A JSON field as text: strings as they are, finite numbers in decimal; booleans,
    lists, objects, NaN and blanks -> None (a field of the wrong type is not guessed)."""
    if isinstance(value, str):
        return value
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    if isinstance(value, float) and (value != value or value in (float("inf"), float("-inf"))):
        return None
    return str(value)


def load_json(text: str, name: str) -> Any:
    """Parse JSON text; malformed or too deeply nested input is a :class:`FormatError`.

    Nesting is bounded by Python's parser (``sys.getrecursionlimit()``, about 1,000 levels;
    :data:`MAX_JSON_DEPTH`); the readers only walk the top 3 levels of what it returns and
    flatten every field to text (:func:`scalar`), so nothing deeper is ever recursed into.
    """
    try:
        return json.loads(text)
    except RecursionError as exc:
        raise FormatError(f"{name} nests JSON deeper than {MAX_JSON_DEPTH} levels",
                          expected="an API export (fewer than 10 levels)",
                          fix="check the download, or pass the right --format") from exc
    except ValueError as exc:
        raise FormatError(f"{name} is not valid JSON", found=str(exc)[:200],
                          fix="check the download, or pass the right --format") from exc


def raw_json(raw: Any) -> str | None:
    if raw is None:
        return None
    try:
        text = json.dumps(raw, ensure_ascii=False, default=str)
    except (TypeError, ValueError, RecursionError):
        text = reprlib.repr(raw)
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


def check_size(path: Path, limit: int = MAX_EXPORT_BYTES) -> int:
    """The size of an export file; :class:`InputError` beyond ``limit`` bytes."""
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise InputError(f"Cannot read {str(path)!r}", found=str(exc),
                         fix="check the path and its permissions") from exc
    if size > limit:
        raise over_limit(InputError(
            f"{path.name} is too large to read ({size / MiB:,.0f} MiB)",
            expected=f"an export of at most {limit // MiB:,} MiB",
            fix="split the export into several files and pass them all"))
    return size


def read_text(path: Path) -> tuple[str, list[str]]:
    check_size(path)
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


_BLOCK_CHARS = 1 << 22  # characters decoded at a time by the streaming CSV reader


def _repair_text(text: str, counts: Counter[str]) -> str:
    """Bytes that were not UTF-8 (kept as surrogates by the decoder) re-read as cp1252; NUL
    characters removed. ``counts`` collects what was repaired, for the warnings."""
    try:  # fast check: only text with surrogates (bytes that were not UTF-8) fails to encode
        text.encode("utf-8")
        clean_utf8 = True
    except UnicodeEncodeError:
        clean_utf8 = False
    if not clean_utf8 and _SURROGATES.search(text):
        def _repair(m: re.Match[str]) -> str:
            counts["cp1252"] += 1
            return m.group(0).encode("utf-8", "surrogateescape").decode("cp1252", "replace")

        text = _SURROGATES.sub(_repair, text)
    if "\x00" in text:
        counts["nul"] += 1
        text = text.replace("\x00", "")
    return text


def _text_lines(path: Path, name: str, warnings: list[str]) -> Iterator[str]:
    """The lines of a text export, decoded as :func:`decode_bytes` does but streamed: memory is
    bounded by :data:`_BLOCK_CHARS`, not by the file. Lines keep their ends (``csv`` needs
    them); a block is cut after its last ``\\n`` so no line is split."""
    try:
        raw = path.open("rb")
    except OSError as exc:
        raise InputError(f"Cannot read {str(path)!r}", found=str(exc),
                         fix="check the path and its permissions") from exc
    head = raw.read(65536)
    if not head.strip() and len(head) < 65536:
        raw.close()
        raise EmptyInputError(f"{name} is empty", expected="an export with a header row",
                              found="0 bytes of content", fix="check that the download finished")
    utf16 = head.startswith((b"\xff\xfe", b"\xfe\xff"))
    body = head[3:] if head.startswith(b"\xef\xbb\xbf") else head
    if not utf16 and b"\x00" in body and body.count(b"\x00") > len(body) // 10:
        raw.close()
        raise FormatError(
            f"{name} is not a text file",
            expected="a UTF-8 (or UTF-16) text export",
            found="binary content (NUL bytes)",
            fix="pass the CSV/JSON export itself, or an XLSX file with the .xlsx extension",
        )
    raw.seek(3 if body is not head else 0)
    if utf16:
        warnings.append(f"{name}: decoded as UTF-16")
    fh = io.TextIOWrapper(raw, encoding="utf-16" if utf16 else "utf-8",
                          errors="strict" if utf16 else "surrogateescape", newline="")

    def lines() -> Iterator[str]:
        counts: Counter[str] = Counter()
        carry = ""
        with fh:
            while True:
                block = fh.read(_BLOCK_CHARS)
                if not block:
                    break
                block = carry + block
                cut = block.rfind("\n") + 1
                carry = block[cut:]
                if cut:
                    yield from io.StringIO(_repair_text(block[:cut], counts), newline="")
            if carry:
                yield from io.StringIO(_repair_text(carry, counts), newline="")
        if counts["cp1252"]:
            warnings.append(f"{name}: {counts['cp1252']} byte sequence(s) were not UTF-8 and "
                            "were read as cp1252")
        if counts["nul"]:
            warnings.append(f"{name}: NUL characters removed")

    return lines()


def read_csv(path: Path, delimiter: str | None = None) -> Tabular:
    """Stream the records of a delimited text export (memory bounded by a block of text and
    one record, whatever the file's size)."""
    check_size(path, MAX_CSV_BYTES)
    warnings: list[str] = []
    lines = _text_lines(path, path.name, warnings)
    try:
        first = next(lines)
    except StopIteration:
        raise EmptyInputError(f"{path.name} has no header row", found="no line") from None
    except UnicodeDecodeError as exc:
        raise FormatError(f"{path.name} cannot be decoded as UTF-16",
                          found=str(exc)[:200], fix="re-save the export as UTF-8") from exc
    delim = delimiter or sniff_delimiter(first)
    reader = csv.reader(itertools.chain([first], lines), delimiter=delim, quotechar='"',
                        doublequote=True, strict=False)
    try:
        header = next(reader)
    except (StopIteration, csv.Error) as exc:
        raise EmptyInputError(f"{path.name} has no header row", found=str(exc)) from None
    _check_columns(path, len(header))

    def rows() -> Iterator[tuple[int, list[Any]]]:
        n = 0
        big = _BigCells(path.name, warnings)
        while True:
            try:
                row = next(reader)
            except StopIteration:
                big.report()
                return
            except csv.Error as exc:  # pragma: no cover - csv in non-strict mode rarely raises
                n += 1
                yield n, [f"<csv error: {exc}>"]
                continue
            except UnicodeDecodeError as exc:
                raise FormatError(f"{path.name} cannot be decoded as UTF-16",
                                  found=str(exc)[:200], fix="re-save the export as UTF-8") from exc
            if not row or all(c == "" for c in row):
                continue
            n += 1
            big.scan(n, row)
            yield n, row

    return Tabular([h.strip("\ufeff") for h in header], rows(), warnings)


def over_limit(exc: InputError) -> InputError:
    """Mark an error as a limit being exceeded: format detection reports it as it is
    instead of trying the next reader."""
    exc.limit = True  # type: ignore[attr-defined]
    return exc


def _check_columns(path: Path, n: int) -> None:
    if n > MAX_COLUMNS:
        raise over_limit(FormatError(
            f"{path.name} has {n:,} columns", expected=f"at most {MAX_COLUMNS:,} columns",
            fix="check the delimiter (--format generic with 'delimiter:' in the mapping), or "
                "split the table"))


class _BigCells:
    """Counts cells over :data:`MAX_CELL` and adds one warning at the end of a table."""

    def __init__(self, name: str, warnings: list[str]) -> None:
        self.name, self.warnings = name, warnings
        self.rows: list[int] = []
        self.largest = 0

    def scan(self, n: int, row: list[Any]) -> None:
        try:
            if sum(map(len, row)) <= MAX_CELL:  # no cell can be larger (the common case)
                return
        except TypeError:  # a cell without a length (XLSX dates)
            pass
        for c in row:
            if isinstance(c, str) and len(c) > MAX_CELL:
                self.rows.append(n)
                self.largest = max(self.largest, len(c))

    def report(self) -> None:
        if self.rows:
            self.warnings.append(
                f"{self.name}: {len(self.rows)} cell(s) larger than {MAX_CELL // MiB} MB "
                f"(largest {self.largest / MiB:.1f} MB, record(s) "
                f"{', '.join(map(str, sorted(set(self.rows))[:5]))}) were read in full")


def check_zip(path: Path, max_total: int) -> None:
    """Refuse a zip container (XLSX, DOCX) that expands beyond ``max_total`` bytes or has a
    member compressed more than :data:`MAX_ZIP_RATIO`:1 (a zip bomb); ValueError."""
    with zipfile.ZipFile(path) as zf:
        infos = zf.infolist()
    total = sum(i.file_size for i in infos)
    if total > max_total:
        raise ValueError(f"expands to {total / MiB:,.0f} MiB, more than the "
                         f"{max_total // MiB} MiB allowed (zip bomb guard)")
    for i in infos:
        if i.file_size > 10 * MiB and i.file_size > MAX_ZIP_RATIO * max(i.compress_size, 1):
            raise ValueError(f"member {i.filename[:80]!r} is compressed "
                             f"{i.file_size // max(i.compress_size, 1):,}:1 (zip bomb guard)")


def read_xlsx(path: Path) -> Tabular:
    """Read the first visible sheet of a workbook. Formula cells are read as their formula
    text (never evaluated, cached results ignored) and counted in the warnings."""
    from openpyxl import load_workbook

    check_size(path)
    try:
        check_zip(path, MAX_XLSX_UNCOMPRESSED)
    except ValueError as exc:
        raise over_limit(FormatError(f"{path.name} is refused: {exc}",
                                     expected=f"an XLSX workbook of at most "
                                              f"{MAX_XLSX_UNCOMPRESSED // MiB} MiB unpacked",
                                     fix="save the table as CSV")) from exc
    except (OSError, zipfile.BadZipFile):
        pass  # load_workbook says what is wrong
    try:
        wb = load_workbook(path, read_only=True, data_only=False)
    except Exception as exc:
        raise FormatError(f"{path.name} cannot be opened as an XLSX workbook",
                          found=f"{type(exc).__name__}: {str(exc)[:200]}",
                          fix="re-export the file, or save it as CSV") from exc
    sheets = [ws for ws in wb.worksheets if getattr(ws, "sheet_state", "visible") == "visible"]
    if not sheets:
        raise EmptyInputError(f"{path.name} has no visible sheet")
    ws = sheets[0]
    it = ws.iter_rows()
    try:
        header_row = [c.value for c in next(it)]
    except StopIteration:
        raise EmptyInputError(f"{path.name}: first sheet {ws.title!r} is empty") from None
    header = ["" if h is None else str(h) for h in header_row]
    while header and header[-1] == "":
        header.pop()
    _check_columns(path, len(header))
    warnings = [f"{path.name}: read sheet {ws.title!r} of {len(wb.worksheets)}"] \
        if len(wb.worksheets) > 1 else []

    def rows() -> Iterator[tuple[int, list[Any]]]:
        n = n_formulas = 0
        big = _BigCells(path.name, warnings)
        for raw in it:
            n_formulas += sum(getattr(c, "data_type", None) == "f" for c in raw)
            cells = ["" if c.value is None else c.value for c in raw]
            while len(cells) > len(header) and cells[-1] == "":
                cells.pop()
            if all(c == "" for c in cells):
                continue
            n += 1
            row = [c if isinstance(c, datetime) else str(c) for c in cells]
            big.scan(n, row)
            yield n, row
        wb.close()
        big.report()
        if n_formulas:
            warnings.append(f"{path.name}: {n_formulas} formula cell(s) were read as their "
                            "text, not evaluated")

    return Tabular(header, rows(), warnings)


def read_tabular(path: Path, delimiter: str | None = None) -> Tabular:
    if path.suffix.lower() in (".xlsx", ".xlsm"):
        return read_xlsx(path)
    return read_csv(path, delimiter)


@contextlib.contextmanager
def gc_paused() -> Iterator[None]:
    """Pause Python's cyclic garbage collector while a reader builds millions of small lists
    and dicts without reference cycles (each collection would rescan all of them: several
    times slower at a million rows); reference counting still frees memory as usual."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


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
    """The last path component of an untrusted file name (no traversal); ``""`` when nothing
    usable is left (``..``, ``.``, control characters only)."""
    name = re.split(r"[\\/]", str(filename).strip())[-1]
    name = re.sub(r"[\x00-\x1f]", "", name).strip()
    return "" if name in (".", "..") else name


def child_file(folder: Path, name: str) -> Path | None:
    """``folder / name`` when ``name`` is a plain file name naming a file inside ``folder``
    (no separator, no ``..``, no symlink out of it); else None. For names built from
    untrusted ids."""
    if not name or safe_name(name) != name or name.startswith("."):
        return None
    p = folder / name
    try:
        if p.is_symlink() or not p.is_file():
            return None
        if not p.resolve().is_relative_to(folder.resolve()):
            return None
    except (OSError, ValueError):
        return None
    return p


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
    check_zip(path, MAX_DOCX_UNCOMPRESSED)
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
