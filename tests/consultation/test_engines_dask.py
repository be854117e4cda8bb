"""The Dask engine writes the same tables as the local engine (two-worker LocalCluster)."""

from __future__ import annotations

import numpy as np
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
STAGES = ["languages", "redaction", "campaigns", "closed_stats"]


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
            "campaign_members", "closed_stats"} <= set(written)
    assert set(local["closed_stats"]["campaigns"]) == {"all", "once"}
    assert len(local["campaign_members"]) > 0  # the subset keeps a campaign
    assert len(local["redactions"]) > 0
    for name in written:
        pd.testing.assert_frame_equal(dask[name], local[name], check_dtype=True, obj=name)
    for s in STAGES:  # the manifest records the same settings (methods annex)
        assert dask.manifest["stages"][s]["parameters"] == local.manifest["stages"][s][
            "parameters"]
    info = dask.manifest["stages"]["redaction"]["engine"]
    assert info["name"] == "dask" and info["partitions"] == 3 and info["threads"] == 2


def test_text_mapper_sends_chunks_to_the_workers(client):
    """The map_texts hook runs the per-text function as one worker task per chunk and joins
    the parts in order (arrays and lists)."""
    from functools import partial

    from consultation.enrich import campaigns, language

    texts = [f"text number {i} about micro-credentials" for i in range(30)]
    fn = partial(campaigns.minhash_signatures, num_perm=64)
    mapper = engine.text_mapper(client, chunk=4)
    with distributed.get_task_stream(client) as stream:
        via = mapper(fn, texts)
    assert (via == fn(texts)).all()
    calls = [t for t in stream.data if "minhash_signatures" in str(t["key"])]
    assert len(calls) == 8  # ceil(30 / 4) chunks
    mixed = partial(language._mixed, codes=("de", "en", "fr"), lingua_codes=["de", "en", "fr"],
                    min_share=0.2)
    assert mapper(mixed, texts) == mixed(texts)
    assert engine.text_mapper(client, chunk=100)(fn, texts[:3]).shape == (3, 64)  # here


def test_lsh_pairs_as_a_group_by_equal_the_local_ones(client):
    """Signatures with many shared buckets (copies and near copies) give the same sorted
    candidate pairs through the shuffle as locally, whatever the partitioning."""
    from consultation.enrich.campaigns import lsh_candidate_pairs, minhash_signatures

    rng = np.random.default_rng(3)
    words = ["alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta"]
    base = [" ".join(rng.choice(words, 40)) for _ in range(30)]
    texts = [b[:len(b) - int(rng.integers(0, 6))] for b in base for _ in range(5)]
    sig = minhash_signatures(texts, num_perm=128)
    local = lsh_candidate_pairs(sig, 11, 11)
    assert len(local) > len(texts)  # buckets of several texts in several bands
    for parts in (1, 3, 7):
        got = engine.lsh_pairs(client, sig, 11, 11, n_partitions=parts)
        np.testing.assert_array_equal(got, local)
    assert engine.lsh_pairs(client, sig[:1], 11, 11).shape == (0, 2)


def test_campaigns_with_the_hooks_equal_the_local_tables(tables, client):
    from functools import partial

    from consultation.enrich.campaigns import CampaignDetector

    args = (tables["answers"], tables["questions"], tables["responses"])
    local = CampaignDetector().fit(*args)
    with distributed.get_task_stream(client) as stream:
        dask = CampaignDetector().fit(*args, map_texts=engine.text_mapper(client, chunk=40),
                                      lsh_pairs=partial(engine.lsh_pairs, client,
                                                        n_partitions=3))
    keys = [str(t["key"]) for t in stream.data]
    assert any("minhash_signatures" in k for k in keys)
    assert any("shuffle" in k for k in keys)
    assert len(local.campaigns_) > 0
    assert dask.stats_["n_candidates"] == local.stats_["n_candidates"] > 0
    pd.testing.assert_frame_equal(dask.campaigns_, local.campaigns_)
    pd.testing.assert_frame_equal(dask.members_, local.members_)
    pd.testing.assert_frame_equal(dask.pairs_, local.pairs_)


def test_closed_stats_counted_by_dask_group_bys_equal_the_local_table(tables, client):
    """The counts run as Dask group-bys over 1, 3 and 7 partitions of the exploded answers;
    the table is exactly the local one (campaign 'once' rows included)."""
    from functools import partial

    from consultation.enrich.closed import closed_question_stats

    resp = tables["responses"]
    members = pd.DataFrame({"response_id": resp["response_id"].iloc[::9].to_numpy(),
                            "campaign_id": "C001", "similarity": 0.9})
    args = (tables["answers"], tables["questions"], resp)
    local = closed_question_stats(*args, campaign_members=members)
    assert local["n"].sum() > 0 and local["mean_rating"].notna().any()
    for parts in (1, 3, 7):
        with distributed.get_task_stream(client) as stream:
            dask = closed_question_stats(*args, campaign_members=members, group_sums=partial(
                engine.group_sums, client, n_partitions=parts))
        keys = [t["key"] for t in stream.data if isinstance(t["key"], tuple)]
        # per-partition sums on the workers (one per partition), then a tree reduction
        assert {k[1] for k in keys if k[0].startswith("chunk-")} == set(range(parts))
        assert any(k[0].startswith("sum-tree") for k in keys)
        pd.testing.assert_frame_equal(dask, local, check_exact=True)


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
