"""The text of every published output, for scans (anonymity, injection).

:func:`output_texts` reads every file a run wrote for publication: HTML (with entities and
``\\uXXXX`` escapes decoded, so an escaped name still matches), Markdown, CSV, SVG (matplotlib
keeps every drawn label in a comment), PDF (pypdf), DOCX and XLSX (every XML part, runs of a
paragraph or cell joined) and PNG metadata. :func:`published_tables` gives the publishable part
of every workspace table (:func:`consultation.safety.published`). Whitespace is collapsed so
that a name broken across lines (PDF) still matches.
"""

from __future__ import annotations

import html
import re
import zipfile
from pathlib import Path

import pandas as pd

_TAG = re.compile(r"<[^>]+>")
_BREAK = re.compile(r"</w:p>|</a:p>|</si>|</c>|</row>|<w:br/>|<w:tab/>|</w:tc>")
_UNICODE_ESCAPE = re.compile(r"\\u([0-9a-fA-F]{4})")


def squash(text: str) -> str:
    """Collapse every run of whitespace to one space."""
    return re.sub(r"\s+", " ", text)


def _decode(text: str) -> str:
    text = _UNICODE_ESCAPE.sub(lambda m: chr(int(m.group(1), 16)), text)
    return html.unescape(text)


def _ooxml(path: Path) -> str:
    parts = []
    with zipfile.ZipFile(path) as z:
        for name in sorted(z.namelist()):
            if name.endswith((".xml", ".rels")):
                xml = z.read(name).decode("utf-8", "replace")
                parts.append(html.unescape(_TAG.sub("", _BREAK.sub("\n", xml))))
    return "\n".join(parts)


def _pdf(path: Path) -> str:
    from pypdf import PdfReader

    reader = PdfReader(str(path))
    meta = " ".join(str(v) for v in (reader.metadata or {}).values())
    return meta + "\n" + "\n".join(p.extract_text() or "" for p in reader.pages)


def _png(path: Path) -> str:
    from PIL import Image

    with Image.open(path) as im:
        return " ".join(f"{k} {v}" for k, v in im.info.items() if isinstance(v, str))


def file_text(path: Path) -> str:
    """The readable text of one output file (raw and decoded forms, whitespace collapsed)."""
    suffix = path.suffix.lower()
    if suffix == ".pdf":
        text = _pdf(path)
    elif suffix in (".docx", ".xlsx"):
        text = _ooxml(path)
    elif suffix == ".png":
        text = _png(path)
    else:
        raw = path.read_text(encoding="utf-8", errors="replace")
        text = raw + "\n" + _decode(raw)
    return squash(text)


def output_files(files: dict[str, Path]) -> list[Path]:
    """Every file a run wrote for publication: everything in the output folder (the folder of
    ``report.html``) and the files ``files`` names, except the workspace."""
    ws = Path(files["workspace"]).resolve() if "workspace" in files else None
    roots = [Path(files["html"]).parent, *(Path(p) for k, p in files.items()
                                           if k != "workspace")]
    found: set[Path] = set()
    for root in roots:
        for f in ([root] if root.is_file() else root.rglob("*") if root.is_dir() else []):
            if f.is_file() and not (ws and f.resolve().is_relative_to(ws)):
                found.add(f)
    return sorted(found)


def output_texts(files: dict[str, Path]) -> dict[str, str]:
    """``{file name relative to the output folder: text}`` for :func:`output_files`."""
    out_dir = Path(files["html"]).parent
    return {str(p.relative_to(out_dir)) if p.is_relative_to(out_dir) else str(p): file_text(p)
            for p in output_files(files)}


def published_tables(workspace: Path) -> dict[str, pd.DataFrame]:
    """The publishable part of every workspace table that has an allow-list entry."""
    from consultation.safety import PUBLISHED_COLUMNS, published
    from consultation.workspace import Workspace

    ws = Workspace.open(workspace, verify=False)
    responses = ws["responses"]
    return {name: published(ws[name], name, responses=responses)
            for name in PUBLISHED_COLUMNS if name in ws}


def table_text(df: pd.DataFrame) -> str:
    """Every cell of a table as text (lists and arrays flattened), whitespace collapsed."""
    cells: list[str] = []
    for col in df.columns:
        for v in df[col].tolist():
            if v is None or (isinstance(v, float) and v != v):
                continue
            if hasattr(v, "tolist") and not isinstance(v, str):
                v = v.tolist()
            cells.append(" ".join(map(str, v)) if isinstance(v, (list, tuple)) else str(v))
    return squash("\n".join(cells))
