"""The Dask engine writes the same tables as the local engine (two-worker LocalCluster)."""

from __future__ import annotations

import pandas as pd
import pytest

from consultation.errors import ParameterError
from consultation.ingest import ingest
from consultation.pipeline import analyse as analyse_local
from consultation.workspace import Workspace
from tests.conftest import SAMPLE

distributed = pytest.importorskip("distributed")
from consultation.engines import dask as engine  # noqa: E402

N_RESPONSES = 160
STAGES = ["languages", "redaction", "campaigns"]


@pytest.fixture(scope="module")
def client():
    cluster = distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=False,
                                       dashboard_address=None)
    c = distributed.Client(cluster)
    yield c
    c.close()
    cluster.close()


@pytest.fixture(scope="module")
def tables() -> dict[str, pd.DataFrame]:
    """The sample's first responses (campaign members included) with their rows."""
    t = ingest([SAMPLE]).tables
    resp = t["responses"]
    truth = pd.read_csv(SAMPLE / "truth" / "campaigns.csv", dtype=str)  # only to pick rows
    camp = set("eusurvey:" + truth["reference"])
    keep = set(resp["response_id"].head(N_RESPONSES)) | set(
        resp.loc[resp["response_id"].isin(camp), "response_id"].head(12))
    out = {}
    for name, df in t.items():
        out[name] = (df[df["response_id"].isin(keep)].reset_index(drop=True)
                     if "response_id" in df.columns and name != "rejects" else df)
    return out


def _workspace(path, tables) -> Workspace:
    ws = Workspace.create(path)
    ws.write_many(tables)
    return ws


def test_same_tables_as_local(tmp_path, tables, client):
    local = analyse_local(_workspace(tmp_path / "local", tables), stages=STAGES)
    dask = engine.analyse(_workspace(tmp_path / "dask", tables), stages=STAGES, client=client,
                          n_partitions=3, chunk_texts=40)
    written = [n for n in local.tables if n not in tables]
    assert {"languages", "redacted_answers", "redactions", "campaigns",
            "campaign_members"} <= set(written)
    assert len(local["campaign_members"]) > 0  # the subset keeps a campaign
    assert len(local["redactions"]) > 0
    for name in written:
        pd.testing.assert_frame_equal(dask[name], local[name], check_dtype=True, obj=name)
    for s in STAGES:  # the manifest records the same settings (methods annex)
        assert dask.manifest["stages"][s]["parameters"] == local.manifest["stages"][s][
            "parameters"]
    info = dask.manifest["stages"]["redaction"]["engine"]
    assert info["name"] == "dask" and info["partitions"] == 3 and info["threads"] == 2


def test_work_is_sent_to_the_workers(tables, client):
    """The per-text functions run as worker tasks while the context is active, and the
    module is restored afterwards."""
    from consultation.enrich import campaigns, language

    before = (language._confidences, campaigns.minhash_signatures)
    texts = [f"text number {i} about micro-credentials" for i in range(30)]
    direct = campaigns.minhash_signatures(texts, num_perm=64)
    with distributed.get_task_stream(client) as stream, \
            engine.distributed_texts(client, "campaigns", chunk=4):
        assert campaigns.minhash_signatures is not before[1]
        via = campaigns.minhash_signatures(texts, num_perm=64)
    assert (via == direct).all()
    calls = [t for t in stream.data if "_call" in str(t["key"])]
    assert len(calls) == 8  # ceil(30 / 4) chunks
    assert (language._confidences, campaigns.minhash_signatures) == before


def test_redaction_partitions_keep_the_local_order(tables, client):
    from consultation.enrich.redaction import redact_answers

    local = redact_answers(tables["answers"], tables["questions"], tables["responses"],
                           documents=tables["documents"])
    parts = engine.redact_partitioned(client, tables["answers"], tables["questions"],
                                      tables["responses"], documents=tables["documents"],
                                      n_partitions=5)
    for name in ("redacted_answers", "redactions", "redacted_documents"):
        pd.testing.assert_frame_equal(parts[name], local[name], obj=name)


@pytest.mark.parametrize("kw, match", [
    ({"stages": ["langauges"]}, "did you mean"),
    ({"n_partitions": 0}, "n_partitions"),
    ({"chunk_texts": "many"}, "chunk_texts"),
    ({"params": {"redactoin": {}}}, "unknown stage"),
])
def test_bad_parameters(tmp_path, tables, client, kw, match):
    ws = _workspace(tmp_path / "ws", {"responses": tables["responses"]})
    with pytest.raises(ParameterError, match=match):
        engine.analyse(ws, client=client, **kw)


def test_scheduler_address_is_checked(tmp_path, tables):
    ws = _workspace(tmp_path / "ws", {"responses": tables["responses"]})
    with pytest.raises(ParameterError, match="tcp://host:8786"):
        engine.analyse(ws, stages=["languages"], scheduler="localhost")
