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


# -- chunked writing and partial reads ----------------------------------------------------------
def _chunk(i: int) -> pd.DataFrame:
    return pd.DataFrame({"response_id": [f"r{i}a", f"r{i}b"], "question_id": ["q1", "q2"],
                         "value": [f"v{i}", None], "choices": [None, ["x", f"y{i}"]]})


def test_table_writer_streams_chunks_into_one_table(tmp_path):
    from consultation.workspace import TableWriter

    ws = Workspace.create(tmp_path / "ws")
    with TableWriter(ws.path, "answers") as w:
        for i in range(3):
            w.write(_chunk(i))
        assert not ws.table_path("answers").exists()  # invisible until committed
        ws.commit(w)
    df = ws["answers"]
    one = Workspace.create(tmp_path / "one")
    one.write("answers", pd.concat([_chunk(i) for i in range(3)]))
    pd.testing.assert_frame_equal(df, one["answers"])  # same table as one write
    assert df["choices"][1] == ["x", "y0"] and ws.manifest["tables"]["answers"]["rows"] == 6
    assert [p.name for p in ws.path.iterdir() if p.name.startswith(".")] == []


def test_table_writer_aborts_on_error_and_leftovers_are_removed(tmp_path):
    from consultation.workspace import TableWriter

    ws = Workspace.create(tmp_path / "ws")
    with pytest.raises(RuntimeError), TableWriter(ws.path, "answers") as w:
        w.write(_chunk(0))
        raise RuntimeError("reader failed")
    assert not ws.table_path("answers").exists()
    assert [p for p in ws.path.iterdir() if p.name.startswith(".")] == []
    # a spool a killed run left is removed by the next create(overwrite=True), a kept one not
    killed, kept = TableWriter(ws.path, "answers"), TableWriter(ws.path, "answers")
    killed.write(_chunk(1))
    Workspace.create(ws.path, overwrite=True, keep=[kept.path])
    assert not killed.path.exists() and kept.path.exists()
    kept.abort()
    # a chunk with other columns than the first one's is refused with the table named
    with TableWriter(ws.path, "other") as w:
        w.write(pd.DataFrame({"a": [1]}))
        with pytest.raises(WorkspaceError, match="'other'"):
            w.write(pd.DataFrame({"b": ["x"]}))


def test_read_only_the_rows_and_columns_asked_for(tmp_path):
    ws = Workspace.create(tmp_path / "ws")
    ws.write("answers", pd.concat([_chunk(i) for i in range(3)]))
    q2 = ws.read("answers", filters=[("question_id", "in", ["q2"])])
    assert q2["response_id"].tolist() == ["r0b", "r1b", "r2b"]
    assert q2["choices"].tolist() == [["x", "y0"], ["x", "y1"], ["x", "y2"]]
    some = ws.read("answers", columns=["response_id"], filters=[("question_id", "==", "q1")])
    assert list(some.columns) == ["response_id"] and len(some) == 3
    none = ws.read("answers", filters=[("question_id", "in", [])])
    assert len(none) == 0 and list(none.columns) == list(ws["answers"].columns)
    with pytest.raises(WorkspaceError, match="Failed loading"):
        ws.read("answers", columns=["no_such_column"])
