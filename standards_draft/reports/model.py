"""The format-neutral report: sections of blocks that every renderer (HTML, DOCX, PDF) walks.

All text is decided once, here and in :mod:`.collect`, so the HTML, the PDF and the DOCX say the
same thing. Blocks hold plain text (never markup): renderers escape it for their format.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd

__all__ = [
    "Bullets",
    "Explorer",
    "Figure",
    "Markdown",
    "Para",
    "Quote",
    "Report",
    "Section",
    "Table",
    "clean_text",
]

# characters XML 1.0 (DOCX, XLSX) cannot hold; respondent text may contain them
_ILLEGAL_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def clean_text(value: object) -> str:
    """Text for any output format: ``None``/NA → ``""``, XML-illegal control characters removed."""
    if value is None:
        return ""
    try:
        if pd.isna(value):
            return ""
    except (TypeError, ValueError):
        pass
    return _ILLEGAL_XML.sub("", str(value))


@dataclass
class Para:
    """A paragraph of plain text. ``style``: body | lead | note | warning | meta."""

    text: str
    style: str = "body"


@dataclass
class Bullets:
    items: list[str]


@dataclass
class Table:
    """A table of already formatted cells. ``align`` has one of ``l``/``r`` per column; the
    first column is a row header when ``row_headers`` is true."""

    caption: str
    header: list[str]
    rows: list[list[str]]
    align: list[str] | None = None
    note: str | None = None
    row_headers: bool = True
    id: str = ""
    widths: list[float] | None = None  # relative column widths (percent), else automatic

    def __post_init__(self) -> None:
        if self.align is None:
            self.align = ["l"] + ["r"] * (len(self.header) - 1)


@dataclass
class Figure:
    """A chart: PNG file (embedded in HTML/DOCX), SVG sibling, alt text and caption."""

    id: str
    title: str
    alt: str
    png: Path
    caption: str = ""


@dataclass
class Quote:
    """A redacted quote with its source line and, when traced, its evidence id."""

    text: str
    source: str
    evidence_id: str | None = None
    stance: str | None = None
    note: str | None = None  # footnote text (DOCX) / title text (HTML)


@dataclass
class Markdown:
    """Markdown text (the evidence-linked draft); rendered without raw HTML."""

    text: str


@dataclass
class Explorer:
    """Where the HTML report puts the evidence explorer (other formats print ``fallback``)."""

    fallback: str


@dataclass
class Section:
    id: str
    title: str
    blocks: list[Any] = field(default_factory=list)
    children: list[Section] = field(default_factory=list)
    print_only: bool = False
    screen_only: bool = False
    page_break: bool = True  # a top-level section starts a new page in print

    def add(self, *blocks: Any) -> Section:
        self.blocks.extend(b for b in blocks if b is not None)
        return self

    def sub(self, id: str, title: str) -> Section:
        s = Section(id=id, title=title)
        self.children.append(s)
        return s

    def walk(self, level: int = 2):
        yield self, level
        for c in self.children:
            yield from c.walk(level + 1)


@dataclass
class Report:
    title: str
    subtitle: str
    generated_at: str  # the only field that changes from run to run
    synthetic: bool
    synthetic_notice: str  # empty unless synthetic
    generated_line: str
    sections: list[Section]
    evidence: list[dict[str, Any]]  # rows of the evidence explorer
    explorer_filters: list[tuple[str, str]]  # (field, label) of the explorer's filters
    sheets: dict[str, pd.DataFrame]  # XLSX sheets / CSV tables (already published())
    sheet_notes: dict[str, str]
    csv_only: dict[str, pd.DataFrame]  # tables written as CSV only (too long for the workbook)
    notes: list[str]  # build notes (missing tables / columns)
    scrub_pairs: list[tuple[str, str]] = field(default_factory=list)  # (string, TYPE)

    @property
    def cover_lines(self) -> list[str]:
        lines = [f"SYNTHETIC DATA: {self.synthetic_notice}"] if self.synthetic else []
        return [*lines, self.generated_line]

    def walk(self):
        for s in self.sections:
            yield from s.walk(2)
