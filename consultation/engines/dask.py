"""The Dask engine: the analyse stages on a Dask cluster, with the local engine's tables.

``consult run --engine dask [--scheduler tcp://host:8786]`` (or :func:`analyse`) runs the stages
of :func:`consultation.pipeline.analyse` with their expensive, per-text work spread over the
workers of a ``distributed`` cluster, and their cheap global steps on the client:

=============== ================================================================================
stage           where the work runs
=============== ================================================================================
languages       lingua's scores of the *distinct* texts (and the mixed-language check of long
                ones) in chunks on the workers; the respondent/consultation priors, which need
                every text, combined on the client (vectorised, seconds at 1M answers)
redaction       per partition of responses (answers, documents and respondent attributes of
                the partition's responses together) on the workers; concatenated in the local
                engine's order
campaigns       MinHash signatures of the distinct text units in chunks on the workers; LSH
                banding, verification and clustering on the client (they need every text)
closed_stats,   on the client (group-bys over the answers table, which fits in memory where
coding, topics  the other stages do)
=============== ================================================================================

Results are identical to the local engine's (``tests/consultation/test_engines_dask.py`` checks
every table on the bundled sample with a two-worker ``LocalCluster``): each per-text function
is deterministic text by text, so where it runs does not change what it returns.

Pointing it at an existing cluster::

    dask scheduler                           # on the head node: tcp://10.0.0.5:8786
    dask worker tcp://10.0.0.5:8786          # on every worker node (same package installed)
    consult run EXPORT -o out --engine dask --scheduler tcp://10.0.0.5:8786

Workers need this package (same version) and its models installed; they read nothing from the
workspace (the client sends them the texts), so they do not need to see its folder. Without
``scheduler`` a ``LocalCluster`` of one process per core (at most 4) is started and closed.
"""

from __future__ import annotations

import contextlib
import importlib
import logging
import os
import time
from collections.abc import Callable, Iterator, Sequence
from typing import Any

import numpy as np
import pandas as pd

from .. import pipeline
from ..errors import ConsultationError, ParameterError
from ..workspace import Workspace

__all__ = ["analyse", "distributed_texts", "redact_partitioned"]

log = logging.getLogger(__name__)

#: Distinct texts per task sent to a worker.
CHUNK_TEXTS = 2_000

# (module, function) -> the original function, while a patch is active in this process; a
# worker thread of an in-process cluster must call the original, not the dispatcher.
_ORIGINALS: dict[tuple[str, str], Callable] = {}

# per-text functions the engine spreads over the workers: module, name, how to join the parts
_DISTRIBUTED = {
    "languages": [("consultation.enrich.language", "_confidences", "concat"),
                  ("consultation.enrich.language", "_mixed", "list")],
    "campaigns": [("consultation.enrich.campaigns", "minhash_signatures", "concat")],
}


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


def _call(module: str, name: str, texts: list, args: tuple, kwargs: dict):
    """Run on a worker: the original per-text function over one chunk."""
    mod = importlib.import_module(module)
    fn = _ORIGINALS.get((module, name), getattr(mod, name))
    return fn(texts, *args, **kwargs)


def _join(parts: list, how: str):
    if how == "concat":
        return np.concatenate(parts, axis=0)
    return [x for p in parts for x in p]


@contextlib.contextmanager
def distributed_texts(client, stage: str, *, chunk: int = CHUNK_TEXTS) -> Iterator[None]:
    """While active, the stage's per-text functions send chunks of texts to the workers.

    Each function takes a list of texts first and returns one row (array) or item (list) per
    text, whatever the other texts are; a call with fewer than ``2 * chunk`` texts, or one
    passing ``progress``, still runs here in one piece when a cluster would not help.
    """
    patched = []
    for module, name, how in _DISTRIBUTED.get(stage, []):
        mod = importlib.import_module(module)
        original = getattr(mod, name, None)
        if original is None:  # the stage was refactored: run it locally, still correct
            log.warning("dask engine: %s.%s not found; stage %s runs on the client",
                        module, name, stage)
            continue

        def dispatch(texts, *args, _module=module, _name=name, _how=how, _orig=original,
                     **kwargs):
            if len(texts) < 2 * chunk:
                return _orig(texts, *args, **kwargs)
            kwargs.pop("progress", None)
            # progress callbacks stay here: a worker cannot report to the client's bar
            args = tuple(None if callable(a) else a for a in args)
            texts = list(texts)
            futures = [client.submit(_call, _module, _name, texts[i:i + chunk], args, kwargs,
                                     pure=False)
                       for i in range(0, len(texts), chunk)]
            return _join(client.gather(futures), _how)

        _ORIGINALS[(module, name)] = original
        setattr(mod, name, dispatch)
        patched.append((mod, module, name, original))
    try:
        yield
    finally:
        for mod, module, name, original in patched:
            setattr(mod, name, original)
            _ORIGINALS.pop((module, name), None)


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
    n_partitions : partitions of responses for redaction (default: 2 per worker thread).
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
        for s in pipeline.ANALYSE_STAGES:
            if s not in chosen:
                continue
            if progress:
                progress(f"Stage {s} (dask, {n_threads} worker threads)")
            t0 = time.perf_counter()
            stage_params = dict(params.get(s, {}))
            if s == "redaction":
                outputs = redact_partitioned(
                    client, ws["answers"], ws["questions"], ws["responses"],
                    languages=pipeline._opt(ws, "languages"),
                    documents=pipeline._opt(ws, "documents"), n_partitions=parts,
                    params=stage_params)
            else:
                with distributed_texts(client, s, chunk=chunk_texts):
                    outputs = pipeline._STAGES[s](ws, stage_params)
            pipeline.finish_stage(ws, s, outputs, params.get(s), t0,
                                  engine={"name": "dask", "scheduler": str(address),
                                          "threads": n_threads, "partitions": parts})
    finally:
        if own_client:
            client.close()
            if cluster is not None:
                cluster.close()
    return ws
