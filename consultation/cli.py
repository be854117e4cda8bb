"""The ``consult`` command line: a thin client over the library.

Exit codes: 0 success, 2 a known problem with the input or parameters (one paragraph on
stderr), 1 an unexpected error (rerun with ``--debug`` for the traceback).
"""

from __future__ import annotations

import json
import logging
import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.logging import RichHandler
from rich.table import Table

from . import __version__
from .errors import ConsultationError

app = typer.Typer(
    name="consult",
    help="Public-consultation analysis: ingest exports, analyse, trace evidence, report.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
err = Console(stderr=True)
out = Console()

SAMPLE = Path(__file__).resolve().parent.parent / "data" / "raw" / "microcredentials_2021_sample"
DEFAULT_REPORT_DIR = Path("reports") / "microcredentials_2021_sample"

_state = {"debug": False}


def _setup_logging(verbose: bool, debug: bool) -> None:
    level = logging.DEBUG if debug else logging.INFO if verbose else logging.WARNING
    logging.basicConfig(level=level, format="%(message)s", force=True,
                        handlers=[RichHandler(console=err, show_path=False, show_time=False)])


@app.callback()
def _main(
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help="Log progress details.")] = False,
    debug: Annotated[bool, typer.Option("--debug", help="Show tracebacks on errors.")] = False,
    version: Annotated[bool, typer.Option("--version", help="Print the version and exit.")] = False,
) -> None:
    if version:
        out.print(__version__)
        raise typer.Exit()
    _state["debug"] = debug
    _setup_logging(verbose, debug)


def _progress(message: str) -> None:
    err.print(f"[dim]•[/dim] {message}")


# -- ingest -------------------------------------------------------------------------------------
@app.command()
def ingest(
    sources: Annotated[list[Path], typer.Argument(help="Export files or folders to read.")],
    workspace: Annotated[Path, typer.Option("--workspace", "-w", help="Workspace folder.")],
    format: Annotated[str | None, typer.Option(
        "--format", "-f", help="Force a reader: eusurvey, hys_scraper, hys_api, "
        "regulations_gov, generic.")] = None,
    mapping: Annotated[Path | None, typer.Option(
        "--mapping", "-m", help="YAML column mapping for the generic reader.")] = None,
    consultation_id: Annotated[str | None, typer.Option(
        "--consultation-id", help="Override the consultation id.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the summary as JSON.")] = False,
) -> None:
    """Read exports into a workspace of canonical tables (responses, questions, answers,
    documents, rejects)."""
    from .info import summarise
    from .ingest import ingest_to_workspace

    ws = ingest_to_workspace(sources, workspace, format=format, mapping=mapping,
                             consultation_id=consultation_id,
                             progress=None if as_json else _progress)
    _show(summarise(ws), as_json, brief=True)


# -- analyse ------------------------------------------------------------------------------------
@app.command()
def analyse(
    workspace: Annotated[Path, typer.Option("--workspace", "-w", help="Workspace folder.")],
    stages: Annotated[list[str] | None, typer.Option(
        "--stage", "-s", help="Run only these stages (repeatable): languages, redaction, "
        "campaigns, closed_stats, coding, topics.")] = None,
    translations: Annotated[Path | None, typer.Option(
        "--translations", help="CSV/Parquet of translations (response_id, question_id, "
        "language, text) used as an extra text layer.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the summary as JSON.")] = False,
) -> None:
    """Language ID, redaction of personal data, campaigns, closed-question statistics and
    charts; writes new tables into the workspace."""
    from .info import summarise
    from .pipeline import analyse as run_analyse

    ws = run_analyse(workspace, stages=stages, translations=translations,
                     progress=None if as_json else _progress)
    _show(summarise(ws), as_json, brief=True)


# -- trace / draft ------------------------------------------------------------------------------
@app.command()
def trace(
    workspace: Annotated[Path, typer.Option("--workspace", "-w", help="Workspace folder.")],
    catalogue: Annotated[Path | None, typer.Option(
        "--catalogue", "--elements", help="Element catalogue YAML (default: the packaged "
        "micro-credentials catalogue).")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the summary as JSON.")] = False,
) -> None:
    """Trace each element of the draft text to the responses that support or oppose it
    (tables evidence and element_summary)."""
    from .info import summarise
    from .pipeline import trace as run_trace

    if not as_json:
        _progress("Tracing evidence")
    _show(summarise(run_trace(workspace, catalogue=catalogue)), as_json, brief=True)


@app.command()
def draft(
    workspace: Annotated[Path, typer.Option("--workspace", "-w", help="Workspace folder.")],
    output: Annotated[Path | None, typer.Option(
        "--output", "-o", help="Folder for draft.md and draft.docx (default WS/draft).")] = None,
    catalogue: Annotated[Path | None, typer.Option("--catalogue", "--elements")] = None,
) -> None:
    """Write the evidence-linked draft standard text (Markdown and DOCX)."""
    from .pipeline import draft as run_draft

    for kind, path in run_draft(workspace, output, catalogue=catalogue).items():
        out.print(f"{kind}: {path}")


# -- report -------------------------------------------------------------------------------------
@app.command()
def report(
    workspace: Annotated[Path, typer.Option("--workspace", "-w", help="Workspace folder.")],
    output: Annotated[Path, typer.Option("--output", "-o", help="Folder for the reports.")],
) -> None:
    """Write the published reports (HTML, PDF, DOCX, XLSX evidence annex, CSV tables)."""
    from standards_draft.reports import build_reports

    draft_md = workspace / "draft" / "draft.md"
    files = build_reports(workspace, output, draft=draft_md if draft_md.is_file() else None)
    for kind, path in sorted(files.items()):
        out.print(f"{kind}: {path}")


# -- info ---------------------------------------------------------------------------------------
@app.command()
def info(
    workspace: Annotated[Path, typer.Option("--workspace", "-w", help="Workspace folder.")],
    as_json: Annotated[bool, typer.Option("--json", help="Print as JSON.")] = False,
) -> None:
    """Counts by table, stakeholder type, language, country and question kind; rejects."""
    from .info import summarise
    from .workspace import Workspace

    _show(summarise(Workspace.open(workspace)), as_json)


# -- run ----------------------------------------------------------------------------------------
@app.command()
def run(
    sources: Annotated[list[Path] | None, typer.Argument(
        help="Export files or folders; none = the bundled micro-credentials sample.")] = None,
    output: Annotated[Path, typer.Option("--output", "-o", help="Output folder; the workspace "
                                         "is kept in OUTPUT/workspace.")] = DEFAULT_REPORT_DIR,
    format: Annotated[str | None, typer.Option("--format", "-f")] = None,
    mapping: Annotated[Path | None, typer.Option("--mapping", "-m")] = None,
    translations: Annotated[Path | None, typer.Option(
        "--translations", help="Translations file, as for consult analyse.")] = None,
    catalogue: Annotated[Path | None, typer.Option(
        "--catalogue", "--elements", help="Element catalogue YAML (default: the packaged "
        "micro-credentials catalogue).")] = None,
    report_formats: Annotated[list[str] | None, typer.Option(
        "--report-format", help="Report formats (repeatable): html, pdf, docx, xlsx, csv; "
        "default all.")] = None,
    engine: Annotated[str, typer.Option(
        "--engine", help="local, or dask (pip install .[scale]).")] = "local",
    scheduler: Annotated[str | None, typer.Option(
        "--scheduler", help="Dask scheduler address, e.g. tcp://10.0.0.5:8786 (default: a "
        "local cluster).")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the summary as JSON.")] = False,
) -> None:
    """Ingest, analyse, trace, draft and report, end to end, into OUTPUT."""
    from .info import summarise
    from .pipeline import run as run_all
    from .workspace import Workspace

    if not sources:
        if not SAMPLE.is_dir():
            raise ConsultationError("The bundled sample is missing",
                                    expected=f"the folder {SAMPLE}",
                                    fix="pass the exports to run on: consult run SRC… -o DIR")
        sources = [SAMPLE]
    files = run_all(sources, output, format=format, mapping=mapping, translations=translations,
                    catalogue=catalogue, formats=report_formats, engine=engine,
                    scheduler=scheduler, progress=None if as_json else _progress)
    summary = summarise(Workspace.open(files["workspace"]))
    if as_json:
        summary["files"] = {k: str(v) for k, v in sorted(files.items())}
        _show(summary, True)
        return
    _show(summary, False, brief=True)
    for kind, path in sorted(files.items()):
        out.print(f"{kind}: {path}")


# -- coding (human coding round-trip) ------------------------------------------------------------
coding_app = typer.Typer(
    name="coding",
    help="Human coding round-trip: export coding sheets, read them back filled, measure "
    "agreement between coders and with the machine codes.",
    no_args_is_help=True,
)
app.add_typer(coding_app, name="coding")


@coding_app.command("export")
def coding_export(
    workspace: Annotated[Path, typer.Option("--workspace", "-w", help="Workspace folder.")],
    sample: Annotated[int, typer.Option(
        "--sample", "-n", help="Answers to sample (stratified by stakeholder type and "
        "language).")] = 100,
    coders: Annotated[int, typer.Option("--coders", help="Coders (one sheet each).")] = 2,
    output: Annotated[Path | None, typer.Option(
        "--output", "-o", help="Folder for the sheets (default WS/coding).")] = None,
    seed: Annotated[int, typer.Option("--seed", help="Sampling seed.")] = 0,
    codebook: Annotated[Path | None, typer.Option(
        "--codebook", help="Codebook YAML (default: the packaged micro-credentials one).")
    ] = None,
) -> None:
    """Write one XLSX coding sheet per coder for a reproducible sample of free-text answers
    (redacted text where the redaction stage ran)."""
    from .coding import export_coding

    for path in export_coding(workspace, output, n=sample, coders=coders, seed=seed,
                              codebook=codebook):
        out.print(f"coding sheet: {path}")


@coding_app.command("import")
def coding_import(
    sheets: Annotated[list[Path], typer.Argument(help="Filled coding sheets (XLSX), one per "
                                                 "coder.")],
    workspace: Annotated[Path, typer.Option("--workspace", "-w", help="Workspace folder.")],
    codebook: Annotated[Path | None, typer.Option(
        "--codebook", help="Codebook YAML the sheets were exported with.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the agreement as JSON.")
                       ] = False,
) -> None:
    """Read filled coding sheets back (validated against the export), store the agreement in
    the workspace (table coding_agreement) and print it: percentage agreement, Cohen's κ per
    code (with a warning where a rare code makes κ unstable) and Krippendorff's α."""
    from rich.markup import escape

    from .coding import agreement_table, import_coding

    res = import_coding(workspace, sheets, codebook=codebook)
    table = agreement_table(res)
    if as_json:
        recs = json.loads(table.to_json(orient="records", force_ascii=False))
        out.print_json(json.dumps({
            "workspace": str(workspace), "sample_id": res.sample_id, "coders": res.coders,
            "krippendorff_alpha": None if res.alpha != res.alpha else res.alpha,
            "agreement": recs, "warnings": res.warnings, "comments": res.comments},
            ensure_ascii=False))
        return

    def num(v: object, pct: bool = False) -> str:
        if v is None or v != v:  # None or NaN
            return "–"
        return f"{float(v):.1%}" if pct else f"{float(v):.3f}"

    alpha = "–" if res.alpha != res.alpha else f"{res.alpha:.3f}"
    out.print(f"[bold]Coding sheets[/bold] {len(sheets)} (sample {escape(res.sample_id)}, "
              f"coders {escape(', '.join(res.coders))}); Krippendorff's α over all codes: "
              f"{alpha}")
    for comparison, g in table.groupby("comparison", sort=False):
        machine = comparison != "coders"
        title = ("Agreement between coders" if not machine else
                 f"Machine codes vs {comparison.removeprefix('machine_vs_')}")
        cols = ["code", "items", "positives", "prevalence", "% agreement", "Cohen's κ"]
        cols += ["precision", "recall"] if machine else ["Krippendorff's α"]
        t = Table(*cols, "note", title=title)
        for r in g.itertuples(index=False):
            cells = [escape(str(r.code_id)), str(r.n_items), str(r.n_positive),
                     num(r.prevalence, True), num(r.pct_agreement, True), num(r.cohens_kappa)]
            cells += ([num(r.precision), num(r.recall)] if machine
                      else [num(r.krippendorff_alpha)])
            note = r.warning if isinstance(r.warning, str) else ""
            cells.append(f"[yellow]{escape(note.split(':')[0])}[/yellow]" if note else "")
            t.add_row(*cells)
        out.print(t)
    for w in res.warnings[:30]:
        err.print(f"[yellow]warning:[/yellow] {escape(w)}", highlight=False)
    if len(res.warnings) > 30:
        err.print(f"[yellow]warning:[/yellow] … {len(res.warnings) - 30} more")
    for c in res.comments[:30]:
        out.print(f"[dim]comment:[/dim] {escape(c)}", highlight=False)
    if len(res.comments) > 30:
        out.print(f"[dim]comment:[/dim] … {len(res.comments) - 30} more")
    out.print(f"table coding_agreement written to {workspace}")


# -- rendering ----------------------------------------------------------------------------------
def _show(summary: dict, as_json: bool, brief: bool = False) -> None:
    if as_json:
        out.print_json(json.dumps(summary, ensure_ascii=False, default=str))
        return
    acc = summary.get("accounting") or {}
    out.print(f"[bold]Workspace[/bold] {summary['workspace']}")
    if acc:
        out.print(f"records in: {acc.get('n_records', '?')} → responses "
                  f"{acc.get('n_responses', '?')} + rejects {acc.get('n_rejects', '?')}")
    t = Table("table", "rows", title="Tables")
    for name, n in summary["tables"].items():
        t.add_row(name, str(n))
    out.print(t)
    sections = ["stakeholder_type", "question_kind", "rejects_by_reason"]
    if not brief:
        sections = ["stakeholder_type", "registered", "publication", "language", "country",
                    "question_kind", "documents_by_status", "rejects_by_reason"]
    for key in sections:
        counts = summary.get(key)
        if counts:
            t = Table(key.replace("_", " "), "n")
            for k, v in list(counts.items())[:25]:
                t.add_row(k, str(v))
            if len(counts) > 25:
                t.add_row(f"… {len(counts) - 25} more", "")
            out.print(t)
    for w in summary.get("warnings", [])[:20]:
        err.print(f"[yellow]warning:[/yellow] {w}")
    for s in summary.get("stale_inputs", []):
        err.print(f"[yellow]warning:[/yellow] input {s['status']} since ingest: {s['path']}")


def main() -> None:
    """Entry point: run the app, turning known errors into one paragraph and exit code 2."""
    try:
        app(standalone_mode=False)
    except ConsultationError as exc:
        if _state["debug"]:
            err.print_exception()
        err.print(f"[bold red]error:[/bold red] {exc}", highlight=False, soft_wrap=True)
        sys.exit(2)
    except (typer.Exit, SystemExit) as exc:
        sys.exit(getattr(exc, "exit_code", getattr(exc, "code", 0)) or 0)
    except typer.Abort:
        err.print("aborted")
        sys.exit(130)
    except Exception as exc:  # click usage errors arrive here too
        import click

        if isinstance(exc, click.ClickException):
            exc.show()
            sys.exit(exc.exit_code)
        if _state["debug"]:
            err.print_exception()
        err.print(f"[bold red]unexpected error:[/bold red] {type(exc).__name__}: {exc}. "
                  "Rerun with --debug for the traceback, and please report it.",
                  highlight=False, soft_wrap=True)
        sys.exit(1)


if __name__ == "__main__":  # pragma: no cover
    main()
