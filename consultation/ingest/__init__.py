"""Ingest: real consultation exports -> responses · questions · answers · documents · rejects.

>>> from consultation.ingest import ingest
>>> result = ingest(["data/raw/microcredentials_2021_sample"])     # doctest: +SKIP
>>> result.tables["responses"].stakeholder_type.value_counts()     # doctest: +SKIP

Formats are detected from the content (:func:`detect`), or forced with ``format=``:
``eusurvey`` (CSV/XLSX contributions export), ``hys_scraper`` (folder with feedbacks.csv),
``hys_api`` (portal JSON pages), ``regulations_gov`` (API v4 comment JSON), ``generic``
(any CSV/XLSX with a YAML ``mapping``).
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import time
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd

from .. import schema as sch
from ..errors import DuplicateIdError, FormatError, InputError, ParameterError, bounded_list
from ..workspace import TableWriter, Workspace, file_sha256
from . import eusurvey, generic, hys, regulations_gov
from .common import SourceTables, read_tabular

__all__ = ["FORMATS", "IngestResult", "Unit", "detect", "ingest", "ingest_to_workspace"]

log = logging.getLogger(__name__)

FORMATS = ("eusurvey", "hys_scraper", "hys_api", "regulations_gov", "generic")
TABLES = ("responses", "questions", "answers", "documents", "rejects")
_TABULAR = (".csv", ".tsv", ".xlsx", ".xlsm")
_MAX_SNIFF_JSON = 64 * 1024 * 1024


@dataclass(frozen=True)
class Unit:
    """One thing a reader reads: a format and the file(s) it covers."""

    format: str
    paths: tuple[Path, ...]
    root: Path


@dataclass
class IngestResult:
    """The canonical tables, the row accounting per source, warnings and the inputs read."""

    tables: dict[str, pd.DataFrame]
    accounting: dict[str, Any]
    warnings: list[str] = field(default_factory=list)
    inputs: list[dict[str, Any]] = field(default_factory=list)
    attachments: list[dict[str, Any]] = field(default_factory=list)


def _sniff_json(path: Path) -> str | None:
    try:
        if path.stat().st_size > _MAX_SNIFF_JSON:
            return None
        doc = json.loads(path.read_text(encoding="utf-8-sig", errors="replace"))
    except (OSError, ValueError, RecursionError):
        return None
    if regulations_gov.looks_like_regulations_gov(doc):
        return "regulations_gov"
    if hys.looks_like_api(doc):
        return "hys_api"
    return None


def _sniff_tabular(path: Path) -> str | None:
    try:
        header = read_tabular(path).header
    except InputError as exc:
        if getattr(exc, "limit", False):  # too large or too wide: say so, not "unknown"
            raise
        return None
    if eusurvey.looks_like_eusurvey(header):
        return "eusurvey"
    if hys.looks_like_scraper(header):
        return "hys_scraper"
    return None


def _not_recognised(path: Path, what: str) -> FormatError:
    return FormatError(
        f"{path} is not a recognised consultation export",
        expected="an EUSurvey contributions CSV/XLSX, a Have Your Say scraper folder "
                 "(feedbacks.csv) or API JSON page, or regulations.gov comment JSON",
        found=what,
        fix="pass --format FORMAT to force a reader, or --format generic --mapping FILE.yaml "
            "for any other table",
    )


def detect(path: str | os.PathLike, format: str | None = None) -> list[Unit]:
    """Work out what to read under ``path`` (a file or a folder) and with which reader."""
    p = Path(path)
    if not p.exists():
        raise InputError(f"{str(p)!r} does not exist", fix="check the path")
    if format is not None and format not in FORMATS:
        from ..errors import did_you_mean

        raise ParameterError(f"Unknown format {format!r}{did_you_mean(format, FORMATS)}",
                             expected=f"one of {', '.join(FORMATS)}")
    if p.is_file():
        root = p.parent.resolve()
        fmt = format
        if fmt is None:
            suffix = p.suffix.lower()
            if suffix == ".json":
                fmt = _sniff_json(p)
            elif suffix in _TABULAR:
                fmt = _sniff_tabular(p)
            if fmt is None:
                raise _not_recognised(p, f"a {p.suffix or 'suffix-less'} file whose content "
                                         "matches none of the known layouts")
        return [Unit(fmt, (p,), root)]
    root = p.resolve()
    if format in (None, "hys_scraper") and (p / "feedbacks.csv").is_file():
        return [Unit("hys_scraper", (p / "feedbacks.csv",), root)]
    jsons = sorted([*p.glob("*.json"), *p.glob("comments/*.json")])
    if jsons and format in (None, "regulations_gov", "hys_api"):
        fmt = format or _sniff_json(jsons[0])
        if fmt:
            return [Unit(fmt, tuple(jsons), root)]
    tabular = sorted(f for f in p.iterdir() if f.is_file() and f.suffix.lower() in _TABULAR
                     and not f.name.startswith((".", "~$")))
    units = []
    for f in tabular:
        fmt = format or _sniff_tabular(f)
        if fmt:
            units.append(Unit(fmt, (f,), root))
    if not units:
        seen = [f.name for f in sorted(p.iterdir())][:8]
        raise _not_recognised(p, f"a folder holding {bounded_list(seen, 8) or 'nothing'}")
    return units


def _read_unit(unit: Unit, mapping: dict[str, Any] | None, consultation_id: str | None,
               answer_sink: Callable[[pd.DataFrame], None] | None) -> SourceTables:
    if unit.format == "eusurvey":
        return eusurvey.read(unit.paths[0], consultation_id=consultation_id, root=unit.root,
                             answer_sink=answer_sink)
    if unit.format == "hys_scraper":
        return hys.read_scraper(unit.paths[0], consultation_id=consultation_id)
    if unit.format == "hys_api":
        return hys.read_api(unit.paths, consultation_id=consultation_id, root=unit.root)
    if unit.format == "regulations_gov":
        return regulations_gov.read(unit.paths, consultation_id=consultation_id, root=unit.root)
    if unit.format == "generic":
        if mapping is None:
            raise ParameterError("The generic reader needs a column mapping",
                                 expected="--mapping FILE.yaml (see README, 'Generic CSV/XLSX')")
        return generic.read(unit.paths[0], mapping, consultation_id=consultation_id)
    raise ParameterError(f"Unknown format {unit.format!r}", expected=", ".join(FORMATS))


def _frame(rows: list[dict[str, Any]], table: str) -> pd.DataFrame:
    df = pd.DataFrame(rows) if rows else pd.DataFrame({c: [] for c in sch.SCHEMAS[table].names})
    return sch.conform(df, table)


def _concat(frames: list[pd.DataFrame], table: str) -> pd.DataFrame:
    frames = [f for f in frames if len(f)]
    if not frames:
        return _frame([], table)
    if len(frames) == 1:
        return frames[0].reset_index(drop=True)
    return sch.conform(pd.concat(frames, ignore_index=True), table)


def ingest(
    sources: Sequence[str | os.PathLike],
    *,
    format: str | None = None,
    mapping: str | os.PathLike | dict[str, Any] | None = None,
    consultation_id: str | None = None,
    progress: Callable[[str], None] | None = None,
    answer_sink: Callable[[pd.DataFrame], None] | None = None,
) -> IngestResult:
    """Read every source into the canonical tables.

    Parameters
    ----------
    sources : files or folders (formats detected from their content).
    format : force one reader for all sources (``FORMATS``).
    mapping : YAML file or dict for the generic reader (implies ``format="generic"``).
    consultation_id : override the consultation id the readers derive.
    progress : called with a short message as each source starts.
    answer_sink : called with each chunk of the ``answers`` table as it is read (a frame with
        its columns, conformed by the sink), e.g. ``TableWriter.write``
        (:class:`~consultation.workspace.TableWriter`); the result then has no ``answers``
        table and memory does not grow with the answer cells.

    Returns
    -------
    IngestResult with tables ``responses``, ``questions``, ``answers``, ``documents``,
    ``rejects`` (columns as in :mod:`consultation.schema`), the row accounting per source
    (``n_records == n_responses + n_rejects``), warnings, the input files with SHA-256
    (``inputs``) and the attached files read, with SHA-256 (``attachments``).
    """
    if not sources:
        raise ParameterError("No source given", expected="at least one file or folder")
    if isinstance(mapping, (str, os.PathLike)):
        mapping = generic.load_mapping(Path(mapping))
    elif mapping is not None:
        mapping = generic.validate_mapping(mapping)
    if mapping is not None and format is None:
        format = "generic"
    units = [u for s in sources for u in detect(s, format)]
    parts: list[SourceTables] = []
    owner: dict[str, str] = {}
    accounting: dict[str, Any] = {"sources": []}
    warnings: list[str] = []
    inputs: list[dict[str, Any]] = []
    attached: dict[str, str] = {}
    for unit in units:
        label = ", ".join(p.name for p in unit.paths[:3]) + (
            f" (+{len(unit.paths) - 3} files)" if len(unit.paths) > 3 else "")
        if progress:
            progress(f"Reading {unit.format}: {label}")
        t0 = time.perf_counter()
        part = _read_unit(unit, mapping, consultation_id, answer_sink)
        if part.answers:  # readers that return row dicts: one frame, to the sink or kept
            frame = _frame(part.answers, "answers")
            part.n_answers += len(frame)
            part.answers = []
            if answer_sink is not None:
                answer_sink(frame)
            else:
                part.answer_frames.append(frame)
        ids = [r["response_id"] for r in part.responses]
        for f in part.response_frames:
            ids.extend(f["response_id"].tolist())
        for rid in ids:
            if rid in owner:
                raise DuplicateIdError(
                    f"response_id {rid!r} arrives from two sources: {owner[rid]} and {label}",
                    expected="each contribution in one source only",
                    fix="ingest each export once (the same export passed twice, or two "
                        "layouts of the same feedback?)")
            owner[rid] = label
        n_resp, n_rej = len(ids), len(part.rejects)
        if n_resp + n_rej != part.n_records:  # an invariant of every reader: a bug if broken
            raise AssertionError(f"row accounting broken for {label}: {part.n_records} records, "
                                 f"{n_resp} responses, {n_rej} rejects")
        accounting["sources"].append({
            "format": unit.format, "files": [str(p) for p in unit.paths[:50]],
            "n_files": len(unit.paths), "consultation_id": part.consultation_id,
            "n_records": part.n_records, "n_responses": n_resp, "n_rejects": n_rej,
            "rejects_by_reason": dict(Counter(r["reason"] for r in part.rejects)),
            "n_answers": part.n_answers, "n_documents": len(part.documents),
            "seconds": round(time.perf_counter() - t0, 3)})
        warnings.extend(part.warnings)
        for f in part.files:
            inputs.append({"path": str(Path(f).resolve()), "sha256": file_sha256(f),
                           "bytes": Path(f).stat().st_size, "format": unit.format})
        for d in part.documents:  # attached files read: hashed, so a change is reported
            if d.get("path") and d.get("sha256"):
                attached[str((unit.root / d["path"]).resolve())] = d["sha256"]
        parts.append(part)
    tables = {name: _frame([row for part in parts for row in getattr(part, name)], name)
              for name in TABLES if name not in ("responses", "answers")}
    tables["responses"] = _concat([f for p in parts for f in (
        [_frame(p.responses, "responses")] if p.responses else p.response_frames)], "responses")
    if answer_sink is None:
        tables["answers"] = _concat([f for p in parts for f in p.answer_frames], "answers")
    tables = {name: tables[name] for name in TABLES if name in tables}
    q = tables["questions"]
    dup = q.duplicated(["consultation_id", "question_id"], keep="first")
    if dup.any():
        clash = q[dup].merge(q[~dup], on=["consultation_id", "question_id"])
        clash = clash[clash["text_x"] != clash["text_y"]]
        if len(clash):
            warnings.append(f"{len(clash)} question id(s) read from several sources with "
                            "different texts; the first text is kept: "
                            f"{bounded_list(clash['question_id'].tolist())}")
        tables["questions"] = q[~dup].reset_index(drop=True)
    totals = {k: sum(s[k] for s in accounting["sources"])
              for k in ("n_records", "n_responses", "n_rejects", "n_answers", "n_documents")}
    totals["rejects_by_reason"] = dict(Counter(tables["rejects"]["reason"]))
    accounting["totals"] = totals
    return IngestResult(tables, accounting, warnings, inputs,
                        [{"path": k, "sha256": v} for k, v in sorted(attached.items())])


def _is_synthetic(source: Path) -> bool:
    """A source folder that declares itself synthetic sample data (``truth/summary.json``)."""
    marker = (source if source.is_dir() else source.parent) / "truth" / "summary.json"
    try:
        return bool(json.loads(marker.read_text(encoding="utf-8")).get("synthetic"))
    except (OSError, ValueError, AttributeError):
        return False


def ingest_to_workspace(
    sources: Sequence[str | os.PathLike],
    workspace: str | os.PathLike | Workspace,
    *,
    format: str | None = None,
    mapping: str | os.PathLike | dict[str, Any] | None = None,
    consultation_id: str | None = None,
    progress: Callable[[str], None] | None = None,
) -> Workspace:
    """Ingest ``sources`` and write the tables and the manifest into ``workspace``.

    Re-ingesting into an existing workspace replaces its tables (later stages must be re-run).
    """
    t0 = time.perf_counter()
    path = workspace.path if isinstance(workspace, Workspace) else Path(workspace)
    if path.exists() and not path.is_dir():
        Workspace.create(path)  # raises the workspace error
    existed = path.exists()
    # answers are streamed to a spool file in the workspace folder while the sources are read,
    # then moved in place: memory does not grow with the answer cells
    with TableWriter(path, "answers") as answers:
        try:
            result = ingest(sources, format=format, mapping=mapping,
                            consultation_id=consultation_id, progress=progress,
                            answer_sink=answers.write)
        except BaseException:
            answers.abort()
            if not existed:  # leave no empty folder behind a failed first ingest
                with contextlib.suppress(OSError):
                    path.rmdir()
            raise
        # a fresh manifest and no table of an earlier ingest or analysis: nothing stale mixed in
        ws = Workspace.create(path, overwrite=True, keep=[answers.path])
        if progress:
            progress(f"Writing tables to {ws.path}")
        for name, df in result.tables.items():
            ws.write(name, df)
        ws.commit(answers)
    ws.manifest["inputs"] = result.inputs
    ws.manifest["attachments"] = result.attachments  # not listed in reports (file names)
    ws.manifest["synthetic"] = any(_is_synthetic(Path(s)) for s in sources)
    ws.manifest["accounting"] = result.accounting
    ws.add_warnings(result.warnings, stage="ingest")
    ws.record_stage("ingest", parameters={
        "sources": [str(Path(s).resolve()) for s in sources], "format": format,
        "mapping": mapping if isinstance(mapping, dict) or mapping is None else str(mapping),
        "consultation_id": consultation_id},
        seconds=round(time.perf_counter() - t0, 3),
        outputs={**{k: len(v) for k, v in result.tables.items()}, "answers": answers.rows})
    ws.save_manifest()
    for w in result.warnings:
        log.warning(w)
    return ws
