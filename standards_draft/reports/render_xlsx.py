"""XLSX evidence annex (openpyxl): one sheet per table, frozen headers, filters.

Every text cell goes through :func:`consultation.safety.neutralise_formula`, so a respondent's
``=HYPERLINK(…)`` is stored as text, never as a formula.
"""

from __future__ import annotations

import math
from datetime import datetime
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from consultation.safety import neutralise_formula

from .model import Report, clean_text

__all__ = ["render_xlsx"]

MAX_CELL = 32_000  # Excel's limit is 32,767 characters
MAX_ROWS = 200_000  # rows per sheet (Excel's limit is 1,048,576; openpyxl writes ~40k cells/s)
HEADER_FILL = PatternFill("solid", fgColor="DDE6F0")
LONG_TEXT = {"quote", "text", "representative_text", "question_text", "alt_text", "title"}


def _cell(v: Any) -> Any:
    if v is None or v is pd.NA or v is pd.NaT:
        return None
    if isinstance(v, (list, tuple, np.ndarray)):
        v = "; ".join(clean_text(x) for x in v)
    if isinstance(v, (np.bool_, bool)):
        return bool(v)
    if isinstance(v, (np.integer,)):
        return int(v)
    if isinstance(v, (float, np.floating)):
        return None if not math.isfinite(float(v)) else float(v)
    if isinstance(v, pd.Timestamp):
        if v.tzinfo is not None:
            v = v.tz_convert("UTC").tz_localize(None)
        return v.to_pydatetime()
    if isinstance(v, datetime):
        return v.replace(tzinfo=None)
    if isinstance(v, (int,)):
        return v
    text = clean_text(v)
    if len(text) > MAX_CELL:
        text = text[:MAX_CELL] + " […]"
    return neutralise_formula(text)


def _sheet_title(name: str, used: set[str]) -> str:
    bad = '[]:*?/\\'
    title = "".join("_" if c in bad else c for c in name)[:31] or "Sheet"
    base, i = title, 2
    while title.lower() in used:
        suffix = f" ({i})"
        title = base[: 31 - len(suffix)] + suffix
        i += 1
    used.add(title.lower())
    return title


def _width(df: pd.DataFrame, col: str) -> float:
    s = df[col]
    if s.dtype == object or isinstance(s.dtype, pd.StringDtype):
        lengths = s.dropna().astype(str).str.len()
        width = float(lengths.quantile(0.9)) if len(lengths) else 8.0
    else:
        width = 12.0
    return round(max(len(str(col)) + 2, min(width + 2, 70 if col in LONG_TEXT else 40)), 1)


def _column_values(s: pd.Series) -> list[Any]:
    """One column as spreadsheet-safe Python values (vectorised by dtype)."""
    if pd.api.types.is_bool_dtype(s):
        return [None if v is pd.NA or v is None else bool(v) for v in s.astype(object)]
    if pd.api.types.is_integer_dtype(s):
        return [None if pd.isna(v) else int(v) for v in s.astype(object)]
    if pd.api.types.is_float_dtype(s):
        arr = s.to_numpy(dtype=float, na_value=np.nan)
        return [None if not math.isfinite(v) else float(v) for v in arr.tolist()]
    if pd.api.types.is_datetime64_any_dtype(s):
        if getattr(s.dt, "tz", None) is not None:
            s = s.dt.tz_convert("UTC").dt.tz_localize(None)
        return [None if pd.isna(v) else v.to_pydatetime() for v in s]
    return [_cell(v) for v in s.astype(object)]


def _write_frame(ws: Any, df: pd.DataFrame) -> None:
    """Stream ``df`` into a write-only sheet: bold header, frozen first row, filters."""
    ncol = len(df.columns)
    for j, col in enumerate(df.columns, start=1):
        ws.column_dimensions[get_column_letter(j)].width = _width(df, col)
    ws.freeze_panes = "A2"
    if ncol:
        ws.auto_filter.ref = f"A1:{get_column_letter(ncol)}{max(len(df), 1) + 1}"
    head_font = Font(bold=True)
    head_align = Alignment(wrap_text=True, vertical="top")
    header = []
    for c in df.columns:
        cell = WriteOnlyCell(ws, value=neutralise_formula(clean_text(c)))
        cell.font = head_font
        cell.fill = HEADER_FILL
        cell.alignment = head_align
        header.append(cell)
    ws.append(header)
    wrap = Alignment(wrap_text=True, vertical="top")
    columns = [_column_values(df[c]) for c in df.columns]
    for j, col in enumerate(df.columns):
        name = str(col)
        style: dict[str, Any] | None = None
        if name in LONG_TEXT:
            style = {"alignment": wrap}
        elif name.startswith("share") or name == "similarity":
            style = {"number_format": "0.0%"}
        elif pd.api.types.is_datetime64_any_dtype(df[col]):
            style = {"number_format": "yyyy-mm-dd hh:mm"}
        if style is not None:
            styled = []
            for v in columns[j]:
                cell = WriteOnlyCell(ws, value=v)
                for k, sv in style.items():
                    setattr(cell, k, sv)
                styled.append(cell)
            columns[j] = styled
    for row in zip(*columns, strict=True):
        ws.append(row)


def render_xlsx(report: Report, path: Path, *, when: datetime) -> Path:
    """Write the evidence annex workbook; workbook properties fixed except the timestamp."""
    wb = Workbook(write_only=True)
    about = wb.create_sheet("About")
    used = {"about"}
    titles = {name: _sheet_title(name, used) for name in report.sheets}
    about.column_dimensions["A"].width = 28
    about.column_dimensions["B"].width = 10
    about.column_dimensions["C"].width = 90
    title = WriteOnlyCell(about, value=_cell(f"{report.title}: {report.subtitle}"))
    title.font = Font(bold=True, size=14)
    about.append([title])
    about.append(["Evidence annex"])
    for i, line in enumerate(report.cover_lines):
        cell = WriteOnlyCell(about, value=_cell(line))
        if report.synthetic and i == 0:
            cell.font = Font(bold=True, color="9C5700")
        about.append([cell])
    about.append([])
    head = []
    for h in ("Sheet", "Rows", "What it holds"):
        c = WriteOnlyCell(about, value=h)
        c.font = Font(bold=True)
        head.append(c)
    about.append(head)
    for name, df in report.sheets.items():
        note = report.sheet_notes.get(name, "")
        if len(df) > MAX_ROWS:
            note = (f"{note} The first {MAX_ROWS:,} of {len(df):,} rows; all are in the CSV "
                    "tables.").strip()
        about.append([titles[name], min(len(df), MAX_ROWS), _cell(note)])
    about.append([])
    about.append(["Dates and times are UTC. Cells that began with =, +, -, @, a tab or a "
                  "carriage return start with an apostrophe so that they are never run as "
                  "formulas."])
    for name, df in report.sheets.items():
        _write_frame(wb.create_sheet(titles[name]), df.head(MAX_ROWS))
    props = wb.properties
    props.creator = "consultation-toolkit"
    props.lastModifiedBy = "consultation-toolkit"
    props.title = clean_text(f"{report.title}: evidence annex")
    props.subject = "Consultation analysis"
    props.description = "Synthetic data" if report.synthetic else None
    props.created = when.replace(tzinfo=None)
    props.modified = when.replace(tzinfo=None)
    path.parent.mkdir(parents=True, exist_ok=True)
    wb.save(str(path))
    return path
