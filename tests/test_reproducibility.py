"""Reproducibility and integrity: identical reruns, input hashes, interrupted runs.

* Two independent runs of the whole chain on the same inputs (``sample_run`` and
  ``sample_rerun``) give byte-identical Parquet tables and identical published text.
* Reopening a workspace re-hashes its inputs, the attached documents included; a changed input
  is reported, and re-ingesting replaces every table (no stale analysis is mixed with new data).
* A process killed (SIGKILL) while it writes tables and the manifest leaves a workspace that
  opens, whose tables are complete old or new versions, and that a rerun brings to the same
  bytes as a clean run.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import stat
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pandas as pd
import pytest

from consultation.ingest import ingest_to_workspace
from consultation.workspace import MANIFEST, Workspace
from tests.conftest import FIXTURES, ROOT
from tests.published_text import output_texts

# manifest fields that legitimately differ between two runs (wall-clock, where the run lived)
_VOLATILE = {"created_at", "seconds", "timings", "elapsed", "path", "sources", "files",
             "outputs", "markdown", "docx"}


def _parquet(ws: Path) -> dict[str, bytes]:
    return {str(p.relative_to(ws)): p.read_bytes() for p in sorted(ws.rglob("*.parquet"))}


def _stable(obj, base: str = ""):
    """The manifest without wall-clock timings and absolute paths of the run's folders."""
    if isinstance(obj, dict):
        return {k: _stable(v) for k, v in obj.items() if k not in _VOLATILE}
    if isinstance(obj, list):
        return [_stable(v) for v in obj]
    return obj


# -- two runs ----------------------------------------------------------------------------------
@pytest.mark.slow
def test_two_runs_give_byte_identical_parquet_tables(sample_run, sample_rerun):
    a, b = _parquet(sample_run["workspace"]), _parquet(sample_rerun["workspace"])
    assert len(a) >= 15 and sorted(a) == sorted(b)
    differ = [name for name in a if a[name] != b[name]]
    assert not differ, f"tables that differ between two runs: {differ}"


@pytest.mark.slow
def test_two_runs_give_identical_published_text(sample_run, sample_rerun):
    a, b = output_texts(sample_run), output_texts(sample_rerun)
    assert len(a) > 20 and sorted(a) == sorted(b)
    differ = [name for name in a if a[name] != b[name]]
    assert not differ, f"outputs whose text differs between two runs: {differ}"


@pytest.mark.slow
def test_two_runs_record_the_same_manifest(sample_run, sample_rerun):
    ma = json.loads((sample_run["workspace"] / MANIFEST).read_text(encoding="utf-8"))
    mb = json.loads((sample_rerun["workspace"] / MANIFEST).read_text(encoding="utf-8"))
    assert [i["sha256"] for i in ma["inputs"]] == [i["sha256"] for i in mb["inputs"]]
    assert len(ma["attachments"]) == 92  # every position paper of the sample is hashed
    assert _stable(ma["accounting"]) == _stable(mb["accounting"])
    assert _stable(ma["stages"]) == _stable(mb["stages"])
    assert ma["tables"] == mb["tables"]


@pytest.mark.slow
def test_parquet_tables_are_readable_by_others(sample_run):
    # atomic writes used mkstemp's owner-only mode: a shared workspace was unreadable
    umask = os.umask(0o022)
    os.umask(umask)
    for p in sample_run["workspace"].glob("*.parquet"):
        assert stat.S_IMODE(p.stat().st_mode) == 0o666 & ~umask, p.name
    mode = stat.S_IMODE((sample_run["workspace"] / MANIFEST).stat().st_mode)
    assert mode == 0o666 & ~umask


# -- inputs that change ------------------------------------------------------------------------
@pytest.fixture
def small_ws(tmp_path) -> tuple[Path, Workspace]:
    src = tmp_path / "src"
    shutil.copytree(FIXTURES / "eusurvey_small", src)
    return src, ingest_to_workspace([src], tmp_path / "ws")


def test_a_changed_attachment_is_reported_on_reopen(small_ws, caplog):
    src, ws = small_ws
    assert ws.manifest["attachments"] and Workspace.open(ws.path).stale_inputs == []
    paper = src / "Position_paper_Examplestad.txt"
    paper.write_text(paper.read_text(encoding="utf-8") + " Edited later.", encoding="utf-8")
    with caplog.at_level("WARNING", logger="consultation.workspace"):
        again = Workspace.open(ws.path)
    assert again.stale_inputs == [{"path": str(paper.resolve()), "status": "changed"}]
    assert "Input changed since ingest" in caplog.text


def test_reingest_replaces_every_table_and_the_hashes(small_ws):
    src, ws = small_ws
    ws.write("evidence", pd.DataFrame({"evidence_id": ["E1"], "element_id": ["D1"],
                                       "response_id": ["eusurvey:F100001"],
                                       "source": ["answer"], "stance": ["support"]}))
    (ws.path / ".answers.parquet.abc123.tmp").write_bytes(b"half a table")
    ws.save_manifest()
    csv_path = src / "contributions.csv"
    text = csv_path.read_text(encoding="utf-8-sig")
    csv_path.write_text(text.replace("University of Examplestad", "University of Elsewhere"),
                        encoding="utf-8-sig")
    assert Workspace.open(ws.path).stale_inputs[0]["status"] == "changed"
    again = ingest_to_workspace([src], ws.path)
    assert Workspace.open(ws.path).stale_inputs == []
    assert "evidence" not in again.tables  # stale analysis is not mixed with the new data
    assert not list(ws.path.glob(".*.tmp"))
    assert "University of Elsewhere" in set(again["responses"]["organisation"])


# -- interrupted runs --------------------------------------------------------------------------
_WRITER = textwrap.dedent("""
    import sys
    import pandas as pd
    from consultation.workspace import Workspace

    ws = Workspace.open(sys.argv[1], verify=False)
    n = int(sys.argv[2])
    frame = pd.DataFrame({"response_id": [f"r{i:07d}" for i in range(n)],
                          "question_id": "q1", "value": "v0"})
    ws.manifest["padding"] = ["x" * 200] * 20_000  # a manifest of a few MB
    version = 0
    while True:
        version += 1
        frame["value"] = f"v{version}"
        ws.write("answers", frame)
        ws.manifest["version"] = version
        ws.save_manifest()
        print(version, flush=True)
""")


def _versions_written(proc: subprocess.Popen, at_least: int) -> int:
    last = 0
    while last < at_least:
        line = proc.stdout.readline()
        if not line:
            raise AssertionError("the writer stopped: " + proc.stderr.read())
        last = int(line)
    return last


@pytest.mark.parametrize("pause", [0.0, 0.2])
def test_a_writer_killed_mid_write_leaves_complete_tables(tmp_path, pause):
    n = 100_000
    ws = Workspace.create(tmp_path / "ws")
    ws.write("answers", pd.DataFrame({"response_id": [f"r{i:07d}" for i in range(n)],
                                      "question_id": "q1", "value": "v0"}))
    ws.save_manifest()
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.Popen([sys.executable, "-c", _WRITER, str(ws.path), str(n)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
    try:
        _versions_written(proc, 2)
        time.sleep(pause)  # lands somewhere inside a table or manifest write
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=60)
    again = Workspace.open(ws.path)  # the manifest is whole JSON
    assert again.tables == ["answers"]  # a leftover temporary file is not a table
    df = again["answers"]
    assert len(df) == n and df["value"].nunique() == 1  # one complete version, never a mix
    version = int(df["value"].iloc[0][1:])
    assert again.manifest.get("version", 0) in (version - 1, version)
    # rerunning the write gives the bytes a clean workspace gets
    frame = pd.DataFrame({"response_id": ["r1", "r2"], "question_id": "q1", "value": "x"})
    again.write("answers", frame)
    clean = Workspace.create(tmp_path / "clean")
    clean.write("answers", frame)
    assert again.table_path("answers").read_bytes() == clean.table_path("answers").read_bytes()


_INGEST = textwrap.dedent("""
    import sys
    from consultation.ingest import ingest_to_workspace

    ingest_to_workspace([sys.argv[1]], sys.argv[2])
    print("done", flush=True)
""")


@pytest.mark.parametrize("pause", [1.0, 3.0])
def test_an_ingest_killed_midway_is_redone_cleanly(tmp_path, pause):
    src = FIXTURES / "eusurvey_small"
    clean = ingest_to_workspace([src], tmp_path / "clean")
    ws_path = tmp_path / "ws"
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.Popen([sys.executable, "-c", _INGEST, str(src), str(ws_path)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
    try:
        proc.wait(timeout=pause)
    except subprocess.TimeoutExpired:
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=60)
    if (ws_path / MANIFEST).exists():  # whatever was there opens, with whole tables
        partial = Workspace.open(ws_path)
        for name in partial.tables:
            partial.read(name)
    redone = ingest_to_workspace([src], ws_path)
    assert _parquet(redone.path) == _parquet(clean.path)
    assert not list(ws_path.glob(".*.tmp"))
