"""``consult run`` end to end on the bundled sample (plus one hostile answer): every output is
written, the hostile answer is inert in every format, and two runs give the same results."""

from __future__ import annotations

import json
import re
import zipfile

import pandas as pd
import pytest
from openpyxl import load_workbook

from consultation.safety import FORMULA_TRIGGERS
from consultation.workspace import Workspace

pytestmark = pytest.mark.slow

ANALYSED = ("languages", "redacted_answers", "redactions", "campaigns", "campaign_members",
            "closed_stats", "charts", "codes", "topics", "evidence", "element_summary")


def test_run_writes_the_workspace_the_draft_and_every_report(sample_run):
    for kind in ("html", "pdf", "docx", "xlsx", "draft_markdown", "draft_docx"):
        assert sample_run[kind].is_file() and sample_run[kind].stat().st_size > 1000, kind
    assert sample_run["workspace"] == sample_run["html"].parent / "workspace"
    assert sorted(p.suffix for p in sample_run["charts"].iterdir()).count(".png") >= 10
    assert {p.name for p in sample_run["csv"].glob("*.csv")} >= {
        "evidence.csv", "element_summary.csv", "closed_questions.csv", "topics.csv"}

    ws = Workspace.open(sample_run["workspace"])
    for name in ANALYSED:
        assert len(ws[name]) > 0, name
    manifest = json.loads((ws.path / "manifest.json").read_text())
    stages = set(manifest["stages"])
    assert {"ingest", "languages", "redaction", "campaigns", "closed_stats", "coding",
            "topics", "trace", "draft"} <= stages
    acc = manifest["accounting"]["totals"]
    assert acc["n_responses"] + acc["n_rejects"] == acc["n_records"] == 511
    assert acc["n_responses"] == 508 and len(ws["responses"]) == 508
    # the draft cites evidence ids that exist in the evidence table
    cited = set(re.findall(r"\bE\d{6}\b", sample_run["draft_markdown"]
                           .read_text(encoding="utf-8")))
    assert len(cited) >= 10
    assert cited <= set(ws["evidence"]["evidence_id"])


def _hostile_row(ws: Workspace) -> pd.Series:
    answers = ws["answers"]
    hit = answers[answers["value"].fillna("").str.contains("<script>alert(1)</script>",
                                                           regex=False)]
    assert len(hit) == 1, "the hostile answer went missing between ingest and the workspace"
    return hit.iloc[0]


def test_hostile_answer_is_escaped_in_html(sample_run):
    html = sample_run["html"].read_text(encoding="utf-8")
    ws = Workspace.open(sample_run["workspace"])
    row = _hostile_row(ws)
    ev = ws["evidence"]
    assert ((ev["response_id"] == row["response_id"])
            & (ev["question_id"] == row["question_id"])).any(), \
        "the hostile answer should be evidence (it supports a common definition)"
    assert "<script>alert(1)</script>" not in html
    assert not re.search(r"<img[^>]*onerror", html)
    # the quote is in the page, as escaped HTML text or as escaped JSON for the explorer
    assert ("&lt;script&gt;alert(1)&lt;/script&gt;" in html
            or "\\u003cscript\\u003ealert(1)\\u003c/script\\u003e" in html)
    assert 'href="javascript:' not in html.lower()
    # the only <script> elements are the report's own (no src, nothing fetched)
    assert not re.search(r"<script[^>]+src=", html)


def test_hostile_answer_is_neutralised_in_xlsx_and_csv(sample_run):
    seen = 0
    wb = load_workbook(sample_run["xlsx"], read_only=True)
    for sheet in wb.worksheets:
        for row in sheet.iter_rows(values_only=True):
            for v in row:
                if isinstance(v, str):
                    assert not v.startswith(FORMULA_TRIGGERS), (sheet.title, v[:60])
                    seen += "HYPERLINK" in v
    for path in sample_run["csv"].glob("*.csv"):
        df = pd.read_csv(path, dtype=str, keep_default_na=False)
        for col in df.columns:
            numeric = pd.to_numeric(df[col], errors="coerce").notna()  # -1 is a number
            bad = df[col][df[col].str.startswith(FORMULA_TRIGGERS) & ~numeric]
            assert bad.empty, (path.name, col, bad.head(3).tolist())
            seen += int(df[col].str.contains("HYPERLINK", regex=False).sum())
    assert seen >= 2, "the hostile answer should appear (neutralised) in the XLSX and CSV"


@pytest.mark.parametrize("kind", ["docx", "draft_docx"])
def test_docx_has_no_fields_or_hyperlinks_from_respondent_text(sample_run, kind):
    with zipfile.ZipFile(sample_run[kind]) as z:
        xml = "".join(z.read(n).decode("utf-8") for n in z.namelist()
                      if n.startswith("word/") and n.endswith(".xml"))
        rels = "".join(z.read(n).decode("utf-8") for n in z.namelist() if n.endswith(".rels"))
    assert "HYPERLINK" not in re.sub(r"<w:t[^>]*>[^<]*</w:t>", "", xml)
    assert "<w:fldSimple" not in xml and "<w:instrText" not in xml
    assert "<w:hyperlink" not in xml
    assert 'TargetMode="External"' not in rels


def test_two_runs_give_identical_tables_and_reports(sample_run, sample_rerun):
    a, b = Workspace.open(sample_run["workspace"]), Workspace.open(sample_rerun["workspace"])
    names = sorted(p.stem for p in a.path.glob("*.parquet"))
    assert names == sorted(p.stem for p in b.path.glob("*.parquet"))
    for name in names:
        pd.testing.assert_frame_equal(a[name], b[name], obj=name)
    # same timestamp given to both runs: the report text is identical
    for kind in ("html", "draft_markdown"):
        assert sample_run[kind].read_text(encoding="utf-8") == \
            sample_rerun[kind].read_text(encoding="utf-8"), kind
    for path in sample_run["csv"].glob("*.csv"):
        assert path.read_bytes() == (sample_rerun["csv"] / path.name).read_bytes(), path.name


def test_anonymous_respondents_personal_data_is_not_in_the_html(sample_run):
    from tests.conftest import SAMPLE

    truth = pd.read_csv(SAMPLE / "truth" / "personal_data.csv", dtype=str)
    html = sample_run["html"].read_text(encoding="utf-8")
    leaked = [t for t in truth["text"].dropna().unique() if len(t) >= 6 and t in html]
    assert leaked == []


def test_cli_run_on_a_small_export(tmp_path):
    from typer.testing import CliRunner

    from consultation.cli import app
    from tests.conftest import FIXTURES

    out = tmp_path / "out"
    res = CliRunner().invoke(app, ["run", str(FIXTURES / "eusurvey_small"), "-o", str(out),
                                   "--report-format", "html", "--report-format", "csv",
                                   "--json"])
    assert res.exit_code == 0, res.output
    summary = json.loads(res.stdout)
    assert summary["files"]["html"] == str(out / "report.html")
    assert (out / "report.html").is_file() and (out / "tables").is_dir()
    assert not (out / "report.pdf").exists()
    assert (out / "workspace" / "evidence.parquet").is_file()


@pytest.mark.parametrize("args, message", [
    (["--engine", "spark"], "Unknown engine"),
    (["--scheduler", "tcp://127.0.0.1:8786"], "only makes sense with the dask engine"),
])
def test_cli_run_rejects_bad_engine_options(tmp_path, args, message):
    import subprocess
    import sys

    from tests.conftest import FIXTURES

    res = subprocess.run([sys.executable, "-m", "consultation.cli", "run",
                          str(FIXTURES / "eusurvey_small"), "-o", str(tmp_path), *args],
                         capture_output=True, text=True, timeout=300)
    assert res.returncode == 2, res.stderr
    assert message in " ".join(res.stderr.split())
    assert not (tmp_path / "workspace").exists()


def test_sample_report_in_headless_chromium(sample_run):
    from tests.standards_draft.test_report_browser import CHROMIUM, check_report_in_chromium

    if not CHROMIUM.exists():
        pytest.skip("Debian chromium not installed (/usr/bin/chromium)")
    check_report_in_chromium(sample_run["html"], "report_sample")
