"""Build the published reports of a workspace: HTML, PDF, DOCX, XLSX (and CSV tables).

>>> paths = build_reports("work/mc2021", "reports/mc2021")  # doctest: +SKIP
>>> sorted(paths)                                            # doctest: +SKIP
['csv', 'docx', 'html', 'pdf', 'xlsx']

Two builds of the same workspace give identical files when ``generated_at`` is the same (and
differ only in that timestamp otherwise): sections, tables and sheets are sorted, charts are
byte-stable, and the ZIP containers (DOCX, XLSX) are rewritten with fixed entry dates.
"""

from __future__ import annotations

import logging
import os
import re
import shutil
import time
import zipfile
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape as xml_escape

from consultation.errors import ParameterError, WorkspaceError
from consultation.safety import safe_csv
from consultation.workspace import Workspace

from .collect import collect_report

__all__ = ["FORMATS", "build_reports"]

log = logging.getLogger(__name__)

FORMATS = ("html", "docx", "xlsx", "pdf", "csv")
FILENAMES = {"html": "report.html", "pdf": "report.pdf", "docx": "report.docx",
             "xlsx": "evidence_annex.xlsx", "csv": "tables"}


def _generated_at(value: datetime | str | None) -> datetime:
    if value is None:
        epoch = os.environ.get("SOURCE_DATE_EPOCH")
        if epoch and epoch.strip().isdigit():
            return datetime.fromtimestamp(int(epoch), tz=UTC)
        return datetime.now(UTC).replace(microsecond=0)
    if isinstance(value, str):
        try:
            value = datetime.fromisoformat(value)
        except ValueError as exc:
            raise ParameterError(
                f"The 'generated_at' parameter must be an ISO 8601 date-time. Got {value!r} "
                "instead") from exc
    if not isinstance(value, datetime):
        raise ParameterError("The 'generated_at' parameter must be a datetime, an ISO 8601 "
                             f"string or None. Got {type(value).__name__} instead")
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    return value.astimezone(UTC).replace(microsecond=0)


def _normalise_ooxml(path: Path, when: datetime) -> None:
    """Rewrite a DOCX/XLSX with fixed ZIP entry dates and core.xml dates = ``when``."""
    stamp = when.strftime("%Y-%m-%dT%H:%M:%SZ")
    date_time = (max(when.year, 1980), when.month, when.day, when.hour, when.minute,
                 when.second - when.second % 2)
    with zipfile.ZipFile(path) as z:
        items = [(i.filename, z.read(i.filename)) for i in z.infolist()]
    tmp = path.with_name(path.name + ".tmp")
    with zipfile.ZipFile(tmp, "w") as out:
        for name, data in items:
            if name == "docProps/core.xml":
                text = data.decode("utf-8")
                for tag in ("created", "modified"):
                    text = re.sub(rf"(<dcterms:{tag}\b[^>]*>)[^<]*(</dcterms:{tag}>)",
                                  rf"\g<1>{stamp}\g<2>", text)
                data = text.encode("utf-8")
            info = zipfile.ZipInfo(name, date_time=date_time)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 0
            info.external_attr = 0o600 << 16
            out.writestr(info, data, compresslevel=6)
    os.replace(tmp, path)


def _scrub_ooxml(path: Path, pairs: list[tuple[str, str]]) -> None:
    """Replace known personal / self-identifying strings in the XML parts of a DOCX written
    by another module (the draft's own DOCX), as the report's quotes are."""
    if not pairs:
        return
    with zipfile.ZipFile(path) as z:
        items = [(i, z.read(i.filename)) for i in z.infolist()]
    changed = False
    out = []
    for info, data in items:
        if info.filename.endswith(".xml"):
            text = data.decode("utf-8")
            for needle, kind in pairs:
                esc = xml_escape(needle)
                if esc in text:
                    text = text.replace(esc, f"[{kind}]")
                    changed = True
            data = text.encode("utf-8")
        out.append((info, data))
    if changed:
        tmp = path.with_name(path.name + ".tmp")
        with zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as z:
            for info, data in out:
                z.writestr(info, data)
        os.replace(tmp, path)


def _copy_charts(ws: Workspace, out_dir: Path) -> None:
    """Copy the closed-question charts (PNG + SVG) next to the reports."""
    dest = out_dir / "charts"
    for table in ("charts", "topic_charts"):
        if table in ws:
            _copy_table_charts(ws, ws.read(table), dest)


def _copy_table_charts(ws: Workspace, charts: Any, dest: Path) -> None:
    for col in ("png", "svg"):
        if col not in charts.columns:
            continue
        for rel in charts[col].dropna().astype(str):
            if Path(rel).is_absolute() or ".." in Path(rel).parts:
                continue
            for base in (ws.path, ws.path / "charts"):
                src = base / rel
                if src.is_file():
                    dest.mkdir(parents=True, exist_ok=True)
                    shutil.copyfile(src, dest / src.name)
                    break


def build_reports(
    workspace: str | os.PathLike | Workspace,
    out_dir: str | os.PathLike,
    *,
    formats: Sequence[str] = FORMATS,
    draft: Any = None,
    generated_at: datetime | str | None = None,
) -> dict[str, Path]:
    """Write the published reports of a workspace into ``out_dir``.

    Parameters
    ----------
    workspace : a workspace folder (or :class:`~consultation.workspace.Workspace`) after
        ingest; every later table (languages, redaction, campaigns, closed_stats, charts, codes,
        topics, evidence, element_summary) is used when present and reported missing otherwise.
    out_dir : output folder (created).
    formats : some of ``html`` (self-contained page with the evidence explorer), ``pdf`` (the
        HTML printed by weasyprint), ``docx`` (python-docx, evidence as footnotes), ``xlsx``
        (evidence annex, one sheet per table) and ``csv`` (the same tables as CSV files).
    draft : the evidence-linked draft: an object with ``to_markdown()`` (and optionally
        ``to_docx(path)``, then also written as ``draft.docx``), Markdown text, a path to a
        Markdown file, or None (``<workspace>/draft.md`` if it exists).
    generated_at : the generation timestamp, the only thing that differs between two builds
        (default: ``$SOURCE_DATE_EPOCH`` if set, else now, UTC).

    Returns
    -------
    dict
        Format → path written: ``html`` report.html, ``pdf`` report.pdf, ``docx`` report.docx,
        ``xlsx`` evidence_annex.xlsx, ``csv`` the folder ``tables/``, ``charts`` the folder of
        PNG + SVG charts, and ``draft_docx`` when the draft writes one.
    """
    if isinstance(formats, str) or not all(isinstance(f, str) for f in formats):
        raise ParameterError(f"The 'formats' parameter must be a sequence of {FORMATS}. "
                             f"Got {formats!r} instead")
    bad = [f for f in formats if f not in FORMATS]
    if bad or not formats:
        raise ParameterError(f"The 'formats' parameter must be a non-empty subset of {FORMATS}. "
                             f"Got {list(formats)!r} instead")
    ws = workspace if isinstance(workspace, Workspace) else Workspace.open(workspace,
                                                                           verify=False)
    out = Path(out_dir)
    if out.exists() and not out.is_dir():
        raise WorkspaceError(f"Cannot write reports into {str(out)!r}", expected="a folder",
                             found="a file", fix="choose another output folder with -o")
    out.mkdir(parents=True, exist_ok=True)
    when = _generated_at(generated_at)
    stamp = when.strftime("%Y-%m-%d %H:%M UTC")
    t0 = time.perf_counter()
    report = collect_report(ws, out, generated_at=stamp, draft=draft)
    _copy_charts(ws, out)
    log.info("report: collected in %.1f s", time.perf_counter() - t0)
    paths: dict[str, Path] = {}
    if "charts" in [p.name for p in out.iterdir()]:
        paths["charts"] = out / "charts"
    pdf_job = None
    print_html = print_path = None
    roots = [out / "charts", ws.path]
    if "pdf" in formats:  # the slowest output: start it first, in another process
        from .pdf import start_pdf
        from .render_html import render_html

        print_html = render_html(report, generated_iso=when.isoformat(), for_print=True,
                                 chart_roots=roots)
        print_path = out / ".report.print.html"
        print_path.write_text(print_html, encoding="utf-8", newline="\n")
        pdf_job = start_pdf(print_path, out / FILENAMES["pdf"], roots)
    if "html" in formats:
        from .render_html import render_html

        p = out / FILENAMES["html"]
        p.write_text(render_html(report, generated_iso=when.isoformat()), encoding="utf-8",
                     newline="\n")
        paths["html"] = p
    if "docx" in formats:
        from .render_docx import render_docx

        p = render_docx(report, out / FILENAMES["docx"], when=when)
        _normalise_ooxml(p, when)
        paths["docx"] = p
    if "xlsx" in formats:
        from .render_xlsx import render_xlsx

        p = render_xlsx(report, out / FILENAMES["xlsx"], when=when)
        _normalise_ooxml(p, when)
        paths["xlsx"] = p
    if "csv" in formats:
        folder = out / FILENAMES["csv"]
        folder.mkdir(exist_ok=True)
        for name, df in {**report.sheets, **report.csv_only}.items():
            slug = re.sub(r"[^a-z0-9]+", "_", name.lower()).strip("_")
            safe_csv(df, folder / f"{slug}.csv")
        paths["csv"] = folder
    if "pdf" in formats:
        from .pdf import finish_pdf

        t1 = time.perf_counter()
        try:
            paths["pdf"] = finish_pdf(pdf_job, print_html, print_path, out / FILENAMES["pdf"],
                                      roots)
        finally:
            print_path.unlink(missing_ok=True)
        log.info("report: PDF ready %.1f s after the other formats", time.perf_counter() - t1)
    to_docx = getattr(draft, "to_docx", None)
    if callable(to_docx):
        p = out / "draft.docx"
        to_docx(p)
        if p.is_file():
            _scrub_ooxml(p, report.scrub_pairs)
            _normalise_ooxml(p, when)
            paths["draft_docx"] = p
    log.info("report: %s written in %.1f s", ", ".join(sorted(paths)), time.perf_counter() - t0)
    return dict(sorted(paths.items()))
