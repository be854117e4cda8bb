"""The `consult` command line: exit codes, one-paragraph errors, JSON output."""

import json
import subprocess
import sys

import pytest

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


# -- consult coding export / import --------------------------------------------------------------
def _coding_workspace(tmp_path):
    """A hand-made workspace (tiny codebook) with machine codes and redacted answers."""
    from consultation.coding import code_answers, load_codebook
    from consultation.workspace import Workspace
    from tests.consultation.test_coding import TINY, sheet_data

    cb_path = tmp_path / "tiny.yaml"
    cb_path.write_text(TINY, encoding="utf-8")
    a, q, r, red = sheet_data(40)
    r["source_format"] = "generic"
    ws = Workspace.create(tmp_path / "ws")
    machine = code_answers(a, q, r, codebook=load_codebook(cb_path), redacted_answers=red)
    ws.write_many({"answers": a, "questions": q, "responses": r, "redacted_answers": red,
                   "codes": machine})
    return ws.path, cb_path, machine


def test_coding_export_and_import_store_agreement(tmp_path):
    import krippendorff
    import pandas as pd
    from typer.testing import CliRunner

    from consultation.cli import app
    from consultation.workspace import Workspace
    from tests.consultation.test_coding import fill

    ws, cb_path, machine = _coding_workspace(tmp_path)
    runner = CliRunner()
    res = runner.invoke(app, ["coding", "export", "-w", str(ws), "--sample", "16", "--coders",
                              "2", "-o", str(tmp_path / "sheets"), "--codebook", str(cb_path)])
    assert res.exit_code == 0, res.output
    sheets = [tmp_path / "sheets" / f"coding_sheet_coder{k}.xlsx" for k in (1, 2)]
    assert all(p.is_file() for p in sheets) and str(sheets[0]) in res.output.replace("\n", "")

    mach = set(zip(machine["response_id"], machine["question_id"], machine["code_id"],
                   strict=True))
    # coder1 copies the machine; coder2 disagrees on "qa" for three answers and never uses
    # "ects" (a rare code: kappa must come with a warning)
    flipped = set()

    def coder1(rid, qid, code, text):
        return 1 if (rid, qid, code) in mach else None

    def coder2(rid, qid, code, text):
        v = (rid, qid, code) in mach and code != "ects"
        if code == "qa" and len(flipped) < 3 and rid not in flipped:
            flipped.add(rid)
            v = not v
        return "x" if v else 0

    fill(sheets[0], coder1)
    fill(sheets[1], coder2)
    from openpyxl import load_workbook

    wb = load_workbook(sheets[1])
    wb["coding"].cell(row=2, column=wb["coding"].max_column, value="Hard one [bold]x[/bold]")
    wb.save(sheets[1])
    res = runner.invoke(app, ["coding", "import", "-w", str(ws), *map(str, sheets),
                              "--codebook", str(cb_path)])
    assert res.exit_code == 0, res.output
    assert "Agreement between coders" in res.output and "Machine codes vs coder1" in res.output
    assert "kappa unstable" in res.output
    assert "comment: coder2: item 1: Hard one [bold]x[/bold]" in res.output  # shown, escaped

    stored = Workspace.open(ws)
    table = stored["coding_agreement"]
    by = table.set_index(["comparison", "code_id"])
    assert set(table["comparison"]) == {"coders", "machine_vs_coder1", "machine_vs_coder2"}
    # Krippendorff's alpha recomputed here from the filled sheets
    def values(path):
        ws_ = load_workbook(path)["coding"]
        head = [c.value for c in ws_[1]]
        codes = [h for h in head[7:] if h != "comment"]
        return {(row[0], c): (1 if row[head.index(c)] in (1, "x", "1") else 0)
                for row in ws_.iter_rows(min_row=2, values_only=True) for c in codes}
    v1, v2 = values(sheets[0]), values(sheets[1])
    keys = sorted(v1)
    want = krippendorff.alpha(reliability_data=[[v1[k] for k in keys], [v2[k] for k in keys]],
                              level_of_measurement="nominal")
    assert by.loc[("coders", "(all)"), "krippendorff_alpha"] == pytest.approx(want)
    assert by.loc[("coders", "(all)"), "pct_agreement"] == pytest.approx(
        sum(v1[k] == v2[k] for k in keys) / len(keys))
    assert by.loc[("coders", "qa"), "pct_agreement"] == pytest.approx(1 - 3 / 16)
    assert by.loc[("machine_vs_coder1", "(all)"), "cohens_kappa"] == pytest.approx(1.0)
    assert by.loc[("machine_vs_coder1", "(all)"), "precision"] == pytest.approx(1.0)
    assert by.loc[("machine_vs_coder2", "ects"), "recall"] != by.loc[
        ("machine_vs_coder2", "ects"), "recall"]          # NaN: coder2 never used the code
    assert "rare" in by.loc[("coders", "ects"), "warning"]
    assert by["sample_id"].nunique() == 1
    manifest = json.loads((ws / "manifest.json").read_text())
    st = manifest["stages"]["coding_agreement"]
    assert st["coders"] == ["coder1", "coder2"] and st["n_items"] == 16
    assert st["krippendorff_alpha"] == pytest.approx(want, abs=1e-4)
    assert manifest["stages"]["coding_export"]["parameters"]["n"] == 16
    # coders' comments are free text: counted, never copied into the (published) manifest
    assert st["n_comments"] == 1 and "Hard one" not in json.dumps(manifest)
    assert any("kappa unstable" in w["message"] for w in manifest["warnings"])

    res = runner.invoke(app, ["coding", "import", "-w", str(ws), *map(str, sheets),
                              "--codebook", str(cb_path), "--json"])
    assert res.exit_code == 0, res.output
    got = json.loads(res.stdout)
    assert got["coders"] == ["coder1", "coder2"]
    assert got["krippendorff_alpha"] == pytest.approx(want)
    assert len(got["agreement"]) == len(table)
    pd.testing.assert_frame_equal(Workspace.open(ws)["coding_agreement"], table)


def test_coding_import_of_an_edited_sheet_is_one_paragraph_exit_2(tmp_path):
    from openpyxl import load_workbook

    ws, cb_path, _ = _coding_workspace(tmp_path)
    r = consult("coding", "export", "-w", ws, "--sample", "8", "--coders", "1",
                "--codebook", cb_path)
    assert r.returncode == 0, r.stderr
    sheet = ws / "coding" / "coding_sheet_coder1.xlsx"
    wb = load_workbook(sheet)
    wb["coding"].cell(row=3, column=7, value="I rewrote this answer")
    wb.save(sheet)
    r = consult("coding", "import", "-w", ws, sheet, "--codebook", cb_path)
    assert r.returncode == 2 and "Traceback" not in r.stderr
    assert "edited ids or answer text in 'row 3" in r.stderr.replace("\n", " ")
    assert not (ws / "coding_agreement.parquet").exists()
