"""Run the analysis stages over a workspace (what ``consult analyse`` does).

Each stage reads named tables, writes new ones and records its parameters, timings and output
sizes in the manifest; nothing upstream is modified, and a stage can be re-run alone
(``stages=["campaigns"]``). The order is fixed by what each stage reads:

languages → redaction → campaigns → closed_stats (+ charts) → coding → topics (+ charts)

:func:`trace` (evidence per element of a draft text), :func:`draft` and :func:`run` (everything,
ingest to reports) sit on top.
"""

from __future__ import annotations

import logging
import os
import shutil
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import pandas as pd

from .errors import ParameterError, did_you_mean
from .workspace import Workspace

__all__ = ["ANALYSE_STAGES", "analyse"]

log = logging.getLogger(__name__)

ANALYSE_STAGES = ("languages", "redaction", "campaigns", "closed_stats", "coding", "topics")
Progress = Callable[[str], None]


def _opt(ws: Workspace, name: str) -> pd.DataFrame | None:
    return ws.read(name) if name in ws else None


TEXT_KINDS = ("free_text",)
CLOSED_KINDS = ("single_choice", "multi_choice", "rating")


def read_answers(ws: Workspace, kinds: Sequence[str] | None = None,
                 columns: list[str] | None = None, *,
                 question_ids: Sequence[str] | None = None) -> pd.DataFrame:
    """The workspace's ``answers`` to questions of the given ``kinds`` (or ``question_ids``;
    all without either), read from Parquet with only the rows and ``columns`` asked for: the
    text stages read the free-text answers, closed statistics the closed ones a batch of
    questions at a time, so none holds the whole table (26 answer cells per response in a
    typical EUSurvey export)."""
    if kinds is not None:
        q = ws.read("questions", columns=["question_id", "kind"])
        question_ids = q.loc[q["kind"].astype(str).isin(kinds), "question_id"].astype(str)
    if question_ids is None:
        return ws.read("answers", columns=columns)
    return ws.read("answers", columns=columns,
                   filters=[("question_id", "in", sorted(question_ids))])


def _stage_languages(ws: Workspace, params: dict[str, Any]) -> dict[str, pd.DataFrame]:
    from .enrich.language import detect_languages

    return {"languages": detect_languages(read_answers(ws, TEXT_KINDS), ws["questions"],
                                          ws["responses"],
                                          documents=_opt(ws, "documents"), **params)}


def _stage_redaction(ws: Workspace, params: dict[str, Any]) -> dict[str, pd.DataFrame]:
    from .enrich.redaction import redact_answers

    return redact_answers(read_answers(ws, TEXT_KINDS), ws["questions"], ws["responses"],
                          languages=_opt(ws, "languages"), documents=_opt(ws, "documents"),
                          **params)


def _stage_campaigns(ws: Workspace, params: dict[str, Any]) -> dict[str, pd.DataFrame]:
    from .enrich.campaigns import detect_campaigns

    campaigns, members = detect_campaigns(
        read_answers(ws, TEXT_KINDS), ws["questions"], ws["responses"],
        languages=_opt(ws, "languages"),
        redacted_answers=_opt(ws, "redacted_answers"), **params)
    return {"campaigns": campaigns, "campaign_members": members}


def _stage_closed(ws: Workspace, params: dict[str, Any]) -> dict[str, pd.DataFrame]:
    from .enrich.closed import closed_question_stats_batched

    # a batch of questions at a time: memory bounded by ~2M answers, not by the consultation
    stats = closed_question_stats_batched(lambda qids: read_answers(ws, question_ids=qids),
                                          ws["questions"], ws["responses"],
                                          campaign_members=_opt(ws, "campaign_members"),
                                          **params)
    return {"closed_stats": stats}


def _stage_coding(ws: Workspace, params: dict[str, Any]) -> dict[str, pd.DataFrame]:
    from .coding import code_answers

    return {"codes": code_answers(read_answers(ws, TEXT_KINDS), ws["questions"],
                                  ws["responses"],
                                  languages=_opt(ws, "languages"),
                                  translations=_opt(ws, "translations"),
                                  redacted_answers=_opt(ws, "redacted_answers"), **params)}


def _stage_topics(ws: Workspace, params: dict[str, Any]) -> dict[str, pd.DataFrame]:
    from .topics import fit_topics, plot_topics_by_group, save_model

    tables, models = fit_topics(
        read_answers(ws, TEXT_KINDS), ws["questions"], ws["responses"],
        languages=_opt(ws, "languages"),
        translations=_opt(ws, "translations"), campaign_members=_opt(ws, "campaign_members"),
        redacted_answers=_opt(ws, "redacted_answers"), return_models=True, **params)
    for model_id, model in sorted(models.items()):
        save_model(model, ws.path / "models" / f"topics_{_safe(model_id)}")
    charts = plot_topics_by_group(tables["topics_by_group"], ws.path,
                                  questions=ws["questions"])
    return {**tables, "topic_charts": charts}


_STAGE_FUNCTIONS = {
    "languages": ("consultation.enrich.language", "detect_languages"),
    "redaction": ("consultation.enrich.redaction", "redact_answers"),
    "campaigns": ("consultation.enrich.campaigns", "CampaignDetector"),
    "closed_stats": ("consultation.enrich.closed", "closed_question_stats"),
    "coding": ("consultation.coding", "code_answers"),
    "topics": ("consultation.topics", "fit_topics", "TopicModeller"),
}


def _jsonable(value: Any) -> Any:
    if value is None or isinstance(value, bool | int | float | str):
        return value
    if isinstance(value, list | tuple):
        return [_jsonable(v) for v in value]
    if isinstance(value, dict):
        return {str(k): _jsonable(v) for k, v in value.items()}
    return repr(value)


def effective_parameters(stage: str, params: dict[str, Any] | None = None) -> dict[str, Any]:
    """The keyword parameters a stage runs with: its function's defaults overlaid with
    ``params`` (what the manifest records, so the methods annex shows the real settings)."""
    import importlib
    import inspect

    module, *names = _STAGE_FUNCTIONS[stage]
    # tables and hooks are not parameters (``languages`` is one of the languages stage: the
    # codes it chooses from; elsewhere it is the languages table)
    tables = {"progress", "return_models", "languages", "documents", "translations",
              "redacted_answers", "campaign_members", "campaigns", "map_texts", "lsh_pairs",
              "group_sums"} - ({"languages"} if stage == "languages" else set())
    eff: dict[str, Any] = {}
    for name in reversed(names):  # the stage function's own defaults win
        sig = inspect.signature(getattr(importlib.import_module(module), name))
        eff.update({k: p.default for k, p in sig.parameters.items()
                    if p.kind is p.KEYWORD_ONLY and p.default is not p.empty
                    and k not in tables})
    eff.update(params or {})
    return {k: _jsonable(v) for k, v in sorted(eff.items())}


def _safe(name: str) -> str:
    return "".join(c if c.isalnum() or c in "-_." else "_" for c in str(name))


_STAGES: dict[str, Callable[[Workspace, dict[str, Any]], dict[str, pd.DataFrame]]] = {
    "languages": _stage_languages,
    "redaction": _stage_redaction,
    "campaigns": _stage_campaigns,
    "closed_stats": _stage_closed,
    "coding": _stage_coding,
    "topics": _stage_topics,
}


def prepare_analyse(
    workspace: str | os.PathLike | Workspace,
    stages: Sequence[str] | None,
    translations: str | os.PathLike | None,
    params: dict[str, dict[str, Any]] | None,
) -> tuple[Workspace, list[str], dict[str, dict[str, Any]]]:
    """Open the workspace, validate the stage names and their parameters and load the
    translations; returns ``(workspace, chosen stages, params)``. Shared by every engine."""
    ws = workspace if isinstance(workspace, Workspace) else Workspace.open(workspace)
    chosen = list(stages) if stages else list(ANALYSE_STAGES)
    for s in chosen:
        if s not in _STAGES:
            raise ParameterError(f"Unknown stage {s!r}{did_you_mean(s, list(_STAGES))}",
                                 expected=f"some of {', '.join(ANALYSE_STAGES)}")
    params = params or {}
    for s in params:
        if s not in _STAGES:
            raise ParameterError(f"Parameters given for unknown stage {s!r}"
                                 f"{did_you_mean(s, list(_STAGES))}")
    if translations is not None:
        from .translations import load_translations

        t, warns = load_translations(translations, read_answers(
            ws, columns=["response_id", "question_id", "value"]))
        ws.write("translations", t)
        ws.add_warnings(warns, stage="translations")
        ws.record_stage("translations", parameters={"file": str(Path(translations).resolve())},
                        outputs={"translations": len(t)})
    return ws, chosen, params


def finish_stage(ws: Workspace, stage: str, outputs: dict[str, pd.DataFrame],
                 params: dict[str, Any] | None, t0: float, **record: Any) -> None:
    """Write a stage's tables (and, after ``closed_stats``, its charts), record the stage with
    its effective parameters, timing and ``record`` extras in the manifest, and save it.
    Shared by every engine."""
    outputs = dict(outputs)
    for name, df in outputs.items():
        ws.write(name, df)
    if stage == "closed_stats":
        from .charts import plot_closed_questions

        charts = plot_closed_questions(outputs["closed_stats"], ws["questions"], ws.path)
        ws.write("charts", charts)
        outputs["charts"] = charts
    ws.record_stage(stage, parameters=effective_parameters(stage, params),
                    seconds=round(time.perf_counter() - t0, 3),
                    outputs={k: len(v) for k, v in outputs.items()}, **record)
    ws.save_manifest()
    log.info("stage %s done in %.1f s", stage, time.perf_counter() - t0)


def analyse(
    workspace: str | os.PathLike | Workspace,
    *,
    stages: Sequence[str] | None = None,
    translations: str | os.PathLike | None = None,
    params: dict[str, dict[str, Any]] | None = None,
    progress: Progress | None = None,
) -> Workspace:
    """Run the enrichment stages on an ingested workspace and write their tables.

    Parameters
    ----------
    workspace : an ingested workspace (path or :class:`Workspace`).
    stages : a subset of :data:`ANALYSE_STAGES` (default: all, in order).
    translations : CSV/Parquet of translations (response_id, question_id, language, text),
        stored as the ``translations`` table and used as an extra text layer.
    params : per-stage keyword parameters, e.g. ``{"campaigns": {"threshold": 0.85}}``.
    progress : called with a short message as each stage starts.
    """
    ws, chosen, params = prepare_analyse(workspace, stages, translations, params)
    for s in ANALYSE_STAGES:
        if s not in chosen:
            continue
        if progress:
            progress(f"Stage {s}")
        t0 = time.perf_counter()
        finish_stage(ws, s, _STAGES[s](ws, dict(params.get(s, {}))), params.get(s), t0)
    return ws


def trace(workspace: str | os.PathLike | Workspace, *,
          catalogue: str | os.PathLike | None = None, params: dict[str, Any] | None = None,
          ) -> Workspace:
    """Trace every element of the catalogue to the responses (tables ``evidence`` and
    ``element_summary``); uses the enrichment tables that exist."""
    from standards_draft import load_catalogue, trace_evidence

    ws = workspace if isinstance(workspace, Workspace) else Workspace.open(workspace)
    t0 = time.perf_counter()
    cat = load_catalogue(catalogue)
    out = trace_evidence(
        cat, ws["answers"], ws["questions"], ws["responses"], languages=_opt(ws, "languages"),
        redacted_answers=_opt(ws, "redacted_answers"), documents=_opt(ws, "documents"),
        redacted_documents=_opt(ws, "redacted_documents"),
        campaign_members=_opt(ws, "campaign_members"), codes=_opt(ws, "codes"),
        **(params or {}))
    for name, df in out.items():
        ws.write(name, df)
    ws.record_stage("trace", parameters={"catalogue": str(catalogue) if catalogue else
                                         "micro_credentials (packaged)", **(params or {})},
                    seconds=round(time.perf_counter() - t0, 3),
                    outputs={k: len(v) for k, v in out.items()})
    ws.save_manifest()
    return ws


def draft(workspace: str | os.PathLike | Workspace, out_dir: str | os.PathLike | None = None, *,
          catalogue: str | os.PathLike | None = None) -> dict[str, Path]:
    """Write the evidence-linked draft (``draft.md`` and ``draft.docx``) from the traced
    evidence; returns the paths. Default folder: ``<workspace>/draft``."""
    from standards_draft import load_catalogue
    from standards_draft.drafting import draft_standard

    ws = workspace if isinstance(workspace, Workspace) else Workspace.open(workspace)
    t0 = time.perf_counter()
    d = draft_standard(load_catalogue(catalogue), ws["evidence"], ws["element_summary"],
                       codes=_opt(ws, "codes"), topics=_opt(ws, "topics"))
    out = Path(out_dir) if out_dir is not None else ws.path / "draft"
    out.mkdir(parents=True, exist_ok=True)
    md = out / "draft.md"
    md.write_text(d.to_markdown(), encoding="utf-8")
    docx = out / "draft.docx"
    d.to_docx(docx)
    ws.record_stage("draft", parameters={"catalogue": str(catalogue) if catalogue else
                                         "micro_credentials (packaged)"},
                    seconds=round(time.perf_counter() - t0, 3),
                    outputs={"markdown": str(md), "docx": str(docx)})
    ws.save_manifest()
    return {"markdown": md, "docx": docx}


ENGINES = ("local", "dask")


def run(
    sources: Sequence[str | os.PathLike],
    out_dir: str | os.PathLike,
    *,
    format: str | None = None,
    mapping: str | os.PathLike | dict[str, Any] | None = None,
    translations: str | os.PathLike | None = None,
    catalogue: str | os.PathLike | None = None,
    stages: Sequence[str] | None = None,
    params: dict[str, dict[str, Any]] | None = None,
    formats: Sequence[str] | None = None,
    engine: str = "local",
    scheduler: str | None = None,
    generated_at: Any = None,
    progress: Progress | None = None,
) -> dict[str, Path]:
    """The whole chain: ingest → analyse → trace → draft → report.

    The workspace is kept in ``out_dir/workspace``, the draft in ``out_dir/workspace/draft``
    and the published files (report.html/.pdf/.docx, evidence_annex.xlsx, tables/, charts/,
    draft.docx) in ``out_dir``.

    Parameters
    ----------
    sources : export files or folders (see :func:`consultation.ingest.ingest`).
    out_dir : output folder (created).
    format, mapping : reader override and generic column mapping, as for ingest.
    translations : optional translations file, as for :func:`analyse`.
    catalogue : element catalogue YAML (default: the packaged micro-credentials one).
    stages, params : analyse stages and their parameters, as for :func:`analyse`.
    formats : report formats (default: all of ``html, pdf, docx, xlsx, csv``).
    engine : ``local`` (default) or ``dask`` (needs ``pip install .[scale]``; the analyse
        stages run per partition on a Dask cluster, same tables as ``local``).
    scheduler : address of an existing Dask scheduler (``tcp://host:8786``); default: a
        ``LocalCluster`` on this machine. Only with ``engine="dask"``.
    generated_at : the report's timestamp (default ``$SOURCE_DATE_EPOCH`` or now).
    progress : called with a short message as each step starts.

    Returns
    -------
    dict
        ``workspace`` plus every file or folder the report step wrote (see
        :func:`standards_draft.reports.build_reports`) and ``draft_markdown``.
    """
    from standards_draft.reports import FORMATS, build_reports

    from .ingest import ingest_to_workspace

    if engine not in ENGINES:
        raise ParameterError(f"Unknown engine {engine!r}{did_you_mean(engine, list(ENGINES))}",
                             expected=f"one of {', '.join(ENGINES)}")
    if scheduler is not None and engine != "dask":
        raise ParameterError("A scheduler address only makes sense with the dask engine",
                             found=f"engine={engine!r}, scheduler={scheduler!r}",
                             fix="add --engine dask, or drop --scheduler")
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    if progress:
        progress("Ingesting")
    ws = ingest_to_workspace(sources, out / "workspace", format=format, mapping=mapping,
                             progress=progress)
    if engine == "dask":
        from .engines.dask import analyse as analyse_dask

        analyse_dask(ws, stages=stages, translations=translations, params=params,
                     scheduler=scheduler, progress=progress)
    else:
        analyse(ws, stages=stages, translations=translations, params=params,
                progress=progress)
    if progress:
        progress("Tracing evidence")
    trace(ws, catalogue=catalogue)
    if progress:
        progress("Drafting")
    drafted = draft(ws, catalogue=catalogue)
    if progress:
        progress("Writing reports")
    files = build_reports(ws, out, formats=formats or FORMATS, draft=drafted["markdown"],
                          generated_at=generated_at)
    for kind, src in (("draft_markdown", drafted["markdown"]), ("draft_docx", drafted["docx"])):
        dst = out / src.name
        shutil.copyfile(src, dst)
        files[kind] = dst
    return {"workspace": ws.path, **files}
