"""The `consult` command line: exit codes, one-paragraph errors, JSON output."""

import json
import subprocess
import sys

from tests.conftest import FIXTURES


def consult(*args, cwd=None):
    return subprocess.run([sys.executable, "-m", "consultation.cli", *map(str, args)],
                          capture_output=True, text=True, cwd=cwd, timeout=300)


def test_help_everywhere():
    for cmd in ([], ["ingest"], ["info"], ["run"]):
        r = consult(*cmd, "--help")
        assert r.returncode == 0 and "Usage" in r.stdout


def test_ingest_then_info_json(tmp_path):
    ws = tmp_path / "ws"
    r = consult("ingest", FIXTURES / "eusurvey_small", "-w", ws, "--json")
    assert r.returncode == 0, r.stderr
    summary = json.loads(r.stdout)
    assert summary["accounting"]["n_records"] == 22
    r = consult("info", "-w", ws, "--json")
    info = json.loads(r.stdout)
    assert info["tables"]["responses"] == 20
    assert info["rejects_by_reason"] == {"bad_date": 1, "duplicate_id": 1}
    assert info["question_kind"]["rating"] == 3
    manifest = json.loads((ws / "manifest.json").read_text())
    assert manifest["inputs"][0]["sha256"] and manifest["stages"]["ingest"]["seconds"] >= 0


def test_bad_input_is_one_paragraph_exit_2(tmp_path):
    p = tmp_path / "x.csv"
    p.write_text("a,b\n1,2\n")
    r = consult("ingest", p, "-w", tmp_path / "ws")
    assert r.returncode == 2
    assert "Traceback" not in r.stderr
    assert "--format generic --mapping" in r.stderr.replace("\n", " ")


def test_debug_shows_traceback(tmp_path):
    p = tmp_path / "x.csv"
    p.write_text("a,b\n1,2\n")
    r = consult("--debug", "ingest", p, "-w", tmp_path / "ws")
    assert r.returncode == 2 and "Traceback" in r.stderr


def test_missing_workspace(tmp_path):
    r = consult("info", "-w", tmp_path / "nope")
    assert r.returncode == 2 and "consult ingest" in r.stderr


def test_usage_error_exit_code():
    r = consult("ingest")
    assert r.returncode == 2 and "Missing" in r.stderr


def test_trace_and_draft_on_an_ingested_workspace(tmp_path):
    ws = tmp_path / "ws"
    assert consult("ingest", FIXTURES / "eusurvey_small", "-w", ws).returncode == 0
    r = consult("trace", "-w", ws, "--json")
    assert r.returncode == 0, r.stderr
    tables = json.loads(r.stdout)["tables"]
    assert tables["evidence"] > 0 and tables["element_summary"] > 0
    r = consult("draft", "-w", ws, "-o", tmp_path / "draft")
    assert r.returncode == 0, r.stderr
    md = (tmp_path / "draft" / "draft.md").read_text(encoding="utf-8")
    assert "(D1)" in md and "[^1]" in md
    assert (tmp_path / "draft" / "draft.docx").stat().st_size > 0


def test_report_command_writes_every_format(tmp_path):
    ws = tmp_path / "ws"
    assert consult("ingest", FIXTURES / "eusurvey_small", "-w", ws).returncode == 0
    r = consult("report", "-w", ws, "-o", tmp_path / "out")
    assert r.returncode == 0, r.stderr
    for name in ("report.html", "report.docx", "evidence_annex.xlsx", "report.pdf"):
        assert (tmp_path / "out" / name).stat().st_size > 0, name
