import json

import pandas as pd
import pytest

from consultation.errors import WorkspaceError
from consultation.workspace import Workspace


def _answers():
    return pd.DataFrame({"response_id": ["r1", "r2"], "question_id": ["q1", "q1"],
                         "value": ["a;b", "c"], "choices": [["a", "b"], None]})


def test_roundtrip_and_manifest(tmp_path):
    ws = Workspace.create(tmp_path / "ws")
    ws.write("answers", _answers())
    ws.save_manifest()
    again = Workspace.open(tmp_path / "ws")
    df = again["answers"]
    assert df["choices"][0] == ["a", "b"] and df["choices"][1] is None
    assert again.tables == ["answers"]
    manifest = json.loads((tmp_path / "ws" / "manifest.json").read_text())
    assert manifest["tables"]["answers"]["rows"] == 2
    assert "pandas" in manifest["versions"]


def test_writes_are_byte_identical(tmp_path):
    a = Workspace.create(tmp_path / "a")
    b = Workspace.create(tmp_path / "b")
    a.write("answers", _answers())
    b.write("answers", _answers())
    assert (tmp_path / "a/answers.parquet").read_bytes() == (
        tmp_path / "b/answers.parquet").read_bytes()
    assert not list((tmp_path / "a").glob("*.tmp"))


def test_open_missing_workspace_is_clear(tmp_path):
    with pytest.raises(WorkspaceError, match="consult ingest"):
        Workspace.open(tmp_path / "nope")


def test_read_unknown_table_lists_tables(tmp_path):
    ws = Workspace.create(tmp_path / "ws")
    ws.write("answers", _answers())
    with pytest.raises(WorkspaceError, match="did you mean 'answers'"):
        ws.read("answer")


def test_changed_input_is_reported(tmp_path):
    src = tmp_path / "in.csv"
    src.write_text("x")
    ws = Workspace.create(tmp_path / "ws")
    from consultation.workspace import file_sha256

    ws.manifest["inputs"] = [{"path": str(src), "sha256": file_sha256(src)}]
    ws.save_manifest()
    assert Workspace.open(tmp_path / "ws").stale_inputs == []
    src.write_text("y")
    assert Workspace.open(tmp_path / "ws").stale_inputs == [{"path": str(src),
                                                             "status": "changed"}]
    src.unlink()
    assert Workspace.open(tmp_path / "ws").stale_inputs[0]["status"] == "missing"
