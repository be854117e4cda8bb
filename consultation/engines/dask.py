"""The Dask engine: the analyse stages on a Dask cluster, with the local engine's tables.

``consult run --engine dask [--scheduler tcp://host:8786]`` (or :func:`analyse`) runs the stages
of :func:`consultation.pipeline.analyse` with their expensive, per-text work spread over the
workers of a ``distributed`` cluster, and their cheap global steps on the client:

=============== ================================================================================
stage           where the work runs
=============== ================================================================================
languages       lingua's scores of the *distinct* texts (and the mixed-language check of long
                ones) in chunks on the workers (:func:`text_mapper`); the respondent/consultation
                priors, which need every text, combined on the client (vectorised, seconds at
                1M answers)
redaction       per partition of responses (answers, documents and respondent attributes of
                the partition's responses together) on the workers; concatenated in the local
                engine's order (:func:`redact_partitioned`)
campaigns       MinHash signatures of the distinct text units in chunks on the workers; LSH
                banding as a group-by on band hashes: ``(band, hash, text)`` rows built per
                slice of signatures, shuffled on ``(band, hash)``, pairs emitted per bucket on
                the workers (:func:`lsh_pairs`); verification, containment, translations and
                clustering on the client (they need every text)
closed_stats    the counts (respondents by question × group × option, ratings summed) as
                group-bys over partitions of the exploded answers on the workers
                (:func:`group_sums`); exploding the answers, the option lists, shares and
                chi-square tests on the client
coding, topics  on the client, as in the local engine
=============== ================================================================================

Each stage is the local engine's own function: the engine passes it hooks for its heavy steps
(``map_texts`` of :func:`~consultation.enrich.language.detect_languages` and of
:meth:`~consultation.enrich.campaigns.CampaignDetector.fit`, ``lsh_pairs`` of the latter,
``group_sums`` of :func:`~consultation.enrich.closed.closed_question_stats`), whose contracts
say what they must return. Results are identical to the local engine's
(``tests/consultation/test_engines_dask.py`` checks every table on a slice of the bundled
sample with a two-worker ``LocalCluster``): each per-text function is deterministic text by
text, the candidate pairs are sorted on the client, and the counts are exact sums.

Pointing it at an existing cluster::

    dask scheduler                           # on the head node: tcp://10.0.0.5:8786
    dask worker tcp://10.0.0.5:8786          # on every worker node (same package installed)
    consult run EXPORT -o out --engine dask --scheduler tcp://10.0.0.5:8786

Workers need this package (same version) and its models installed; they read nothing from the
workspace (the client sends them the texts), so they do not need to see its folder. Without
``scheduler`` a ``LocalCluster`` of one process per core (at most 4) is started and closed.
"""

from __future__ import annotations

import logging
import os
import time
from collections.abc import Callable, Sequence
from functools import partial
from itertools import pairwise
from typing import Any

import numpy as np
import pandas as pd

from .. import pipeline
from ..enrich.campaigns import band_keys, bucket_pairs, unique_pairs
from ..enrich.language import MapTexts
from ..errors import ConsultationError, ParameterError
from ..workspace import Workspace

__all__ = ["analyse", "group_sums", "lsh_pairs", "redact_partitioned", "text_mapper"]

log = logging.getLogger(__name__)

#: Distinct texts per task sent to a worker.
CHUNK_TEXTS = 2_000


def _client(scheduler: str | None, n_workers: int | None):
    try:
        from distributed import Client, LocalCluster
    except ImportError as exc:  # pragma: no cover - the suite installs the extra
        raise ConsultationError(
            "The dask engine needs Dask's optional dependencies",
            found=str(exc), fix="pip install '.[scale]' (or use --engine local)") from exc
    if scheduler is not None:
        if not isinstance(scheduler, str) or "://" not in scheduler:
            raise ParameterError(
                f"The 'scheduler' parameter must be an address such as tcp://host:8786. "
                f"Got {scheduler!r} instead")
        try:
            return Client(scheduler, timeout="20s"), None
        except (OSError, TimeoutError) as exc:
            raise ConsultationError(
                f"Cannot reach the Dask scheduler at {scheduler}", found=str(exc)[:200],
                fix="start it with `dask scheduler` (and workers with `dask worker ADDRESS`), "
                    "or drop --scheduler to use a cluster on this machine") from exc
    n = n_workers or max(1, min(4, os.cpu_count() or 1))
    cluster = LocalCluster(n_workers=n, threads_per_worker=1, processes=True,
                           dashboard_address=None)
    return Client(cluster), cluster


# -- per-text work in chunks ---------------------------------------------------------------------
def text_mapper(client, *, chunk: int = CHUNK_TEXTS) -> MapTexts:
    """A ``map_texts`` hook (:data:`consultation.enrich.language.MapTexts`) that sends chunks of
    ``chunk`` texts to the workers and joins the parts in order.

    The stage's function returns one array row or list item per text, whatever the other texts
    are, so the joined result is what one local call returns. Fewer than ``2 * chunk`` texts
    are processed here in one call, where a cluster would not help.
    """

    def map_texts(fn: Callable[[list[str]], Any], texts: list[str]):
        texts = list(texts)
        if len(texts) < 2 * chunk:
            return fn(texts)
        futures = [client.submit(fn, texts[i:i + chunk], pure=False)
                   for i in range(0, len(texts), chunk)]
        parts = client.gather(futures)
        if isinstance(parts[0], np.ndarray):
            return np.concatenate(parts, axis=0)
        return [x for p in parts for x in p]

    return map_texts


# -- LSH banding as a distributed group-by -------------------------------------------------------
def _band_frame(sig: np.ndarray, offset: int, *, bands: int, rows: int) -> pd.DataFrame:
    """Long table of one slice of signatures: ``band``, ``key`` (int64 view of the bucket
    hash), ``idx`` (row of the full signature matrix)."""
    idx = np.arange(offset, offset + sig.shape[0], dtype=np.int64)
    keys = [band_keys(sig, b, rows) for b in range(bands)]
    return pd.DataFrame({
        "band": np.repeat(np.arange(bands, dtype=np.int64), len(idx)),
        "key": (np.concatenate(keys) if keys else np.empty(0, np.uint64)).view(np.int64),
        "idx": np.tile(idx, bands)})


def _partition_pairs(part: pd.DataFrame) -> pd.DataFrame:
    """Star-and-chain pairs of the buckets of one shuffled partition (whole buckets)."""
    pairs = unique_pairs([bucket_pairs(g["key"].to_numpy(), g["idx"].to_numpy())
                          for _, g in part.groupby("band", sort=True)])
    return pd.DataFrame(pairs, columns=["a", "b"])


def lsh_pairs(client, sig: np.ndarray, bands: int, rows: int, *,
              n_partitions: int = 4) -> np.ndarray:
    """:func:`~consultation.enrich.campaigns.lsh_candidate_pairs` as a Dask group-by.

    The signature matrix is split into ``n_partitions`` slices of rows (scattered to the
    workers); each worker turns its slice into ``(band, key, idx)`` rows, a shuffle on
    ``(band, key)`` brings every bucket into one partition, each partition emits its buckets'
    star-and-chain pairs, and the client removes repeats and sorts: the same array as the
    local function.
    """
    import dask.dataframe as dd

    n = sig.shape[0]
    step = max(1, -(-n // n_partitions))
    starts = list(range(0, n, step)) or [0]
    meta = pd.DataFrame({"band": pd.Series(dtype="int64"), "key": pd.Series(dtype="int64"),
                         "idx": pd.Series(dtype="int64")})
    # the slices go to the workers as data (scatter), not inside the task graph
    slices = client.scatter([sig[lo:lo + step] for lo in starts])
    frames = client.map(_band_frame, slices, starts, bands=bands, rows=rows, pure=False)
    long = dd.from_delayed(frames, meta=meta, verify_meta=False)
    # a task-based shuffle: a few partitions of three int64 columns (p2p's Arrow round trip
    # and start-up cost more than they save at this size: 0.8 s vs 2.0 s on 300 texts)
    buckets = long.shuffle(on=["band", "key"], npartitions=len(starts), shuffle_method="tasks")
    pairs = buckets.map_partitions(_partition_pairs, meta=pd.DataFrame(
        {"a": pd.Series(dtype="int64"), "b": pd.Series(dtype="int64")}))
    found = client.compute(pairs).result()
    return unique_pairs([found.to_numpy(dtype=np.int64)])


# -- closed-question counts as group-bys --------------------------------------------------------
def group_sums(client, frame: pd.DataFrame, groupings: Sequence[list[str]], columns: list[str],
               *, n_partitions: int = 4) -> list[pd.DataFrame]:
    """A ``group_sums`` hook (:data:`consultation.enrich.closed.GroupSums`): the group-bys
    of the closed-question counts over ``n_partitions`` partitions of ``frame`` (scattered to
    the workers).

    Each worker sums its partition per key, the partial sums are combined per key (a tree
    reduction), and every grouping is computed in one pass over the partitions. Counts are
    integers and ratings whole numbers, so the sums equal the local ones exactly (a rating
    with decimals may differ in its last bit).
    """
    import dask
    import dask.dataframe as dd

    # keys stay Python strings (object), as in the local tables they are merged with
    frame = frame.assign(n=np.int64(1))
    bounds = np.linspace(0, len(frame), max(1, n_partitions) + 1).round().astype(int)
    # the partitions go to the workers as data (scatter), not inside the task graph
    chunks = client.scatter([frame.iloc[lo:hi] for lo, hi in pairwise(bounds)])
    with dask.config.set({"dataframe.convert-string": False}):
        parts = dd.from_delayed(chunks, meta=frame.iloc[:0], verify_meta=False)
        # one output partition: the tables are small (questions × groups × options); without
        # it dask shuffles when there are several keys and partitions
        lazy = [parts.groupby(list(keys))[["n", *columns]].sum(split_out=1)
                for keys in groupings]
    return [d.reset_index() for d in client.gather(client.compute(lazy))]


# -- redaction per partition ---------------------------------------------------------------------
def _redact_part(answers, questions, responses, languages, documents, params):
    from ..enrich.redaction import redact_answers

    return redact_answers(answers, questions, responses, languages=languages,
                          documents=documents, **params)


def _order(frame: pd.DataFrame, keys: pd.DataFrame, cols: list[str]) -> pd.DataFrame:
    """Rows of ``frame`` in the order of ``keys`` (stable within a key)."""
    pos = pd.Series(np.arange(len(keys)), index=pd.MultiIndex.from_frame(keys[cols]))
    pos = pos[~pos.index.duplicated()]
    rank = pos.reindex(pd.MultiIndex.from_frame(frame[cols].astype(str))).to_numpy()
    order = np.argsort(rank, kind="stable")
    return frame.iloc[order].reset_index(drop=True)


def redact_partitioned(client, answers: pd.DataFrame, questions: pd.DataFrame,
                       responses: pd.DataFrame, *, languages: pd.DataFrame | None = None,
                       documents: pd.DataFrame | None = None, n_partitions: int = 4,
                       params: dict[str, Any] | None = None) -> dict[str, pd.DataFrame]:
    """:func:`~consultation.enrich.redaction.redact_answers` per partition of responses.

    Redaction of a text depends only on the text, its language and its respondent, so every
    partition holds whole respondents (their answers, detected languages and documents).
    Returns the local engine's three tables, in its row order.
    """
    from .. import schema as sch

    params = dict(params or {})
    params.pop("progress", None)
    rids = pd.unique(responses["response_id"].astype(str))
    part_of = pd.Series(np.arange(len(rids)) * n_partitions // max(1, len(rids)), index=rids)
    q_future = client.scatter(questions, broadcast=True)
    futures = []
    for p in range(n_partitions):
        ids = set(part_of.index[part_of.to_numpy() == p])
        if not ids:
            continue

        def pick(df, ids=ids):
            return None if df is None else df[df["response_id"].astype(str).isin(ids)]

        futures.append(client.submit(_redact_part, pick(answers), q_future, pick(responses),
                                     pick(languages), pick(documents), params, pure=False))
    parts = client.gather(futures)
    red = pd.concat([p["redacted_answers"] for p in parts], ignore_index=True)
    spans = pd.concat([p["redactions"] for p in parts], ignore_index=True)
    docs = pd.concat([p["redacted_documents"] for p in parts], ignore_index=True)
    # the local engine's order: answers in table order, then documents in table order
    free = set(questions.loc[questions["kind"].astype("string") == "free_text", "question_id"]
               .astype(str))
    ans = answers.loc[answers["question_id"].astype(str).isin(free) & answers["value"].notna()]
    keys = pd.DataFrame({"response_id": ans["response_id"].astype(str),
                         "question_id": ans["question_id"].astype(str)})
    if documents is not None and len(documents):
        d = documents[documents["text"].notna()]
        keys = pd.concat([keys, pd.DataFrame({
            "response_id": d["response_id"].astype(str),
            "question_id": "document:" + d["document_id"].astype(str)})], ignore_index=True)
        docs = _order(docs.assign(question_id="document:" + docs["document_id"].astype(str)),
                      keys, ["response_id", "question_id"]).drop(columns="question_id")
    red = _order(red, keys, ["response_id", "question_id"])
    spans = _order(spans, keys, ["response_id", "question_id"])
    return {"redacted_answers": sch.conform(red, "redacted_answers"),
            "redactions": sch.conform(spans, "redactions"),
            "redacted_documents": docs.reset_index(drop=True)}


# -- the stage loop --------------------------------------------------------------------------------
def analyse(
    workspace: str | os.PathLike | Workspace,
    *,
    stages: Sequence[str] | None = None,
    translations: str | os.PathLike | None = None,
    params: dict[str, dict[str, Any]] | None = None,
    scheduler: str | None = None,
    progress: Callable[[str], None] | None = None,
    client: Any = None,
    n_workers: int | None = None,
    n_partitions: int | None = None,
    chunk_texts: int = CHUNK_TEXTS,
) -> Workspace:
    """Run the analyse stages on a Dask cluster; same tables as the local engine.

    Parameters
    ----------
    workspace, stages, translations, params, progress :
        as for :func:`consultation.pipeline.analyse`.
    scheduler : address of a running Dask scheduler (``tcp://host:8786``); default: a
        ``LocalCluster`` on this machine, closed at the end.
    client : an existing ``distributed.Client`` (overrides ``scheduler``; left open).
    n_workers : workers of the ``LocalCluster`` (default: cores, at most 4).
    n_partitions : partitions of responses for redaction, of signatures for the LSH group-by
        and of answers for the closed-question counts (default: 2 per worker thread).
    chunk_texts : distinct texts per worker task (languages, campaigns).

    Returns
    -------
    Workspace
        The workspace, with the stages' tables written and the engine recorded in the
        manifest (``stages.<stage>.engine``).
    """
    if n_partitions is not None and (not isinstance(n_partitions, int) or n_partitions < 1):
        raise ParameterError("The 'n_partitions' parameter must be an int in [1, inf). "
                             f"Got {n_partitions!r} instead")
    if not isinstance(chunk_texts, int) or chunk_texts < 1:
        raise ParameterError("The 'chunk_texts' parameter must be an int in [1, inf). "
                             f"Got {chunk_texts!r} instead")
    ws, chosen, params = pipeline.prepare_analyse(workspace, stages, translations, params)
    cluster = None
    own_client = client is None
    if own_client:
        client, cluster = _client(scheduler, n_workers)
    try:
        n_threads = sum(client.nthreads().values()) or 1
        parts = n_partitions or 2 * n_threads
        address = scheduler or client.scheduler.address
        map_texts = text_mapper(client, chunk=chunk_texts)
        hooks: dict[str, dict[str, Any]] = {
            "languages": {"map_texts": map_texts},
            "campaigns": {"map_texts": map_texts,
                          "lsh_pairs": partial(lsh_pairs, client, n_partitions=parts)},
            "closed_stats": {"group_sums": partial(group_sums, client, n_partitions=parts)},
        }
        for s in pipeline.ANALYSE_STAGES:
            if s not in chosen:
                continue
            if progress:
                progress(f"Stage {s} (dask, {n_threads} worker threads)")
            t0 = time.perf_counter()
            stage_params = dict(params.get(s, {}))
            if s == "redaction":
                outputs = redact_partitioned(  # the free-text answers only, as the local stage
                    client, pipeline.read_answers(ws, pipeline.TEXT_KINDS), ws["questions"],
                    ws["responses"], languages=pipeline._opt(ws, "languages"),
                    documents=pipeline._opt(ws, "documents"), n_partitions=parts,
                    params=stage_params)
            else:  # the stage's own function, with the engine's hooks for its heavy steps
                outputs = pipeline._STAGES[s](ws, {**stage_params, **hooks.get(s, {})})
            pipeline.finish_stage(ws, s, outputs, params.get(s), t0,
                                  engine={"name": "dask", "scheduler": str(address),
                                          "threads": n_threads, "partitions": parts})
    finally:
        if own_client:
            client.close()
            if cluster is not None:
                cluster.close()
    return ws
