"""Helpers for exploring a workspace interactively (the notebooks in ``notebooks/`` call these).

Every function is a pure read of workspace tables (nothing is written back), so a notebook can
call them on any consultation's workspace:

>>> from consultation.explore import open_workspace, profile     # doctest: +SKIP
>>> ws = open_workspace("work/ai_act")                            # doctest: +SKIP
>>> profile(ws["responses"], by="country").head()                 # doctest: +SKIP

Workspace and profile: :func:`open_workspace`, :func:`profile`, :func:`row_accounting`,
:func:`closed_table`, :func:`campaign_table`, :func:`campaign_responses`.
Topics: :func:`topic_question`, :func:`load_topic_model`, :func:`topic_answers`,
:func:`topics_vs_codes`, :func:`refit_topics` and the interactive (plotly) figures
:func:`plot_topic_map`, :func:`plot_topic_keywords`, :func:`plot_topic_groups`.

Texts shown are the redacted ones (``redacted_answers``); without that table, only answers of
respondents who chose publication with their details are shown. Plotly hover texts are
HTML-escaped.
"""

from __future__ import annotations

import html
import json
import logging
import os
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from . import schema
from .errors import ParameterError, WorkspaceError, check_choice, check_int, did_you_mean
from .workspace import MANIFEST, Workspace

__all__ = [
    "SAMPLE_DIR",
    "SAMPLE_OUT_DIR",
    "WORKSPACE_ENV",
    "campaign_responses",
    "campaign_table",
    "closed_charts",
    "closed_table",
    "group_label",
    "load_topic_model",
    "open_workspace",
    "plot_topic_groups",
    "plot_topic_keywords",
    "plot_topic_map",
    "profile",
    "refit_topics",
    "row_accounting",
    "topic_answers",
    "topic_question",
    "topics_vs_codes",
    "use_offline_plotly",
]

log = logging.getLogger(__name__)

_ROOT = Path(__file__).resolve().parent.parent
SAMPLE_DIR = _ROOT / "data" / "raw" / "microcredentials_2021_sample"
"""The bundled synthetic sample (what ``consult run`` reads without sources)."""
SAMPLE_OUT_DIR = _ROOT / "reports" / "microcredentials_2021_sample"
"""Where ``make run`` writes the sample's reports; its workspace is ``workspace/`` in it."""
WORKSPACE_ENV = "CONSULT_WORKSPACE"
"""Environment variable naming the workspace :func:`open_workspace` opens by default."""

_OUTLIER = -1


def _as_set(name: str, value: str | Sequence[str] | None) -> set[str] | None:
    if value is None:
        return None
    if isinstance(value, str):
        return {value}
    if not all(isinstance(v, str) for v in value):
        raise ParameterError(f"The {name!r} parameter must be a string or a list of strings. "
                             f"Got {value!r} instead")
    return set(value)


def group_label(group_by: str, group: object) -> str:
    """Human label of a group value (``ngo`` -> ``NGO``, ``DEU`` -> ``Germany``, language
    ``de`` -> ``German``)."""
    from .charts import group_label as _label

    if group is None or (isinstance(group, float) and np.isnan(group)) or group is pd.NA:
        return "(blank)"
    if group_by in ("language", "declared_language", "main_language"):
        import pycountry

        lang = pycountry.languages.get(alpha_2=str(group)) if len(str(group)) == 2 else None
        return lang.name if lang is not None else str(group)
    return _label(group_by, str(group))


# ============================================================================================
# Workspace
# ============================================================================================

def open_workspace(path: str | os.PathLike | None = None, *, build: bool = True,
                   progress: Callable[[str], None] | None = None) -> Workspace:
    """Open the workspace a notebook works on.

    Parameters
    ----------
    path : a workspace folder (``consult ingest … -w WS`` or ``consult run -o DIR`` →
        ``DIR/workspace``). None: the folder in ``$CONSULT_WORKSPACE`` if set, else the
        bundled sample's workspace in :data:`SAMPLE_OUT_DIR` (what ``make run`` writes).
    build : when the sample's workspace does not exist yet, build it with
        :func:`consultation.pipeline.run` (about two minutes; HTML report only). With
        ``build=False`` a missing workspace is an error.
    progress : called with a short message as each pipeline step starts (when building).

    Returns
    -------
    Workspace
    """
    if path is None and os.environ.get(WORKSPACE_ENV):
        path = os.environ[WORKSPACE_ENV]
    if path is not None:
        return Workspace.open(path)
    ws_dir = SAMPLE_OUT_DIR / "workspace"
    if (ws_dir / MANIFEST).is_file():
        return Workspace.open(ws_dir)
    if not build:
        raise WorkspaceError(f"The sample workspace {str(ws_dir)!r} does not exist",
                             fix="run `make run`, or call open_workspace(build=True)")
    if not SAMPLE_DIR.is_dir():
        raise WorkspaceError("The bundled sample is missing",
                             expected=f"the folder {SAMPLE_DIR}",
                             fix="pass the path of your own workspace")
    from .pipeline import run

    log.info("Building the sample workspace in %s", ws_dir)
    files = run([SAMPLE_DIR], SAMPLE_OUT_DIR, formats=["html"], progress=progress)
    return Workspace.open(files["workspace"])


# ============================================================================================
# Respondents, row accounting, closed questions, campaigns
# ============================================================================================

def profile(responses: pd.DataFrame, *, by: str = "stakeholder_type") -> pd.DataFrame:
    """Respondents by one profile column, with human labels.

    Parameters
    ----------
    responses : the ``responses`` table.
    by : a column of ``responses`` (``stakeholder_type``, ``country``, ``language``,
        ``organisation_size``, ``publication``, ``scope``, ``registered`` …).

    Returns
    -------
    DataFrame
        ``<by>`` (the value; ``(blank)`` for missing), ``label``, ``n``, ``share`` (of all
        responses), most frequent first (stakeholder types in the Commission's order).
    """
    schema.require(responses, "responses", ["response_id"], stage="explore")
    if not isinstance(by, str) or by not in responses.columns:
        raise ParameterError(f"The 'by' parameter must be a column of responses. Got {by!r} "
                             f"instead{did_you_mean(str(by), list(responses.columns))}")
    r = responses.drop_duplicates("response_id")
    values = r[by].astype(object).where(r[by].notna(), "(blank)").astype(str)
    counts = values.value_counts()
    out = pd.DataFrame({by: counts.index.astype(str), "n": counts.to_numpy(dtype=int)})
    out["label"] = [v if v == "(blank)" else group_label(by, v) for v in out[by]]
    out["share"] = out["n"] / max(len(r), 1)
    if by == "stakeholder_type":
        from .charts import STAKEHOLDER_LABELS

        order = {k: i for i, k in enumerate(STAKEHOLDER_LABELS)}
        out["_o"] = out[by].map(lambda v: order.get(v, len(order)))
        out = out.sort_values(["_o", by], kind="mergesort").drop(columns="_o")
    else:
        out = out.sort_values(["n", by], ascending=[False, True], kind="mergesort")
    return out[[by, "label", "n", "share"]].reset_index(drop=True)


def row_accounting(workspace: Workspace) -> pd.DataFrame:
    """Every input record lands in ``responses`` or ``rejects``: the counts per source.

    Returns
    -------
    DataFrame
        One row per source read plus a ``total`` row: ``source``, ``format``, ``n_files``,
        ``n_records``, ``n_responses``, ``n_rejects``, ``n_answers``, ``n_documents``,
        ``balanced`` (``n_records == n_responses + n_rejects``), ``rejects_by_reason``.
    """
    acc = workspace.manifest.get("accounting") or {}
    rows = []
    for s in acc.get("sources", []):
        rows.append({"source": s.get("consultation_id") or s.get("format"), **s})
    if acc.get("totals"):
        rows.append({"source": "total", "format": "", **acc["totals"]})
    cols = ["source", "format", "n_files", "n_records", "n_responses", "n_rejects",
            "n_answers", "n_documents"]
    out = pd.DataFrame(rows).reindex(columns=[*cols, "rejects_by_reason"])
    for c in cols[2:]:
        out[c] = pd.to_numeric(out[c], errors="coerce").astype("Int64")
    out["balanced"] = (out["n_records"] == out["n_responses"] + out["n_rejects"]).astype(
        "boolean")
    out["rejects_by_reason"] = [", ".join(f"{k}: {v}" for k, v in sorted(d.items()))
                                if isinstance(d, dict) else "" for d in out["rejects_by_reason"]]
    return out[[*cols, "balanced", "rejects_by_reason"]]


def closed_charts(workspace: Workspace, *, group_by: str = "stakeholder_type",
                  question_ids: Sequence[str] | None = None, campaigns: str = "all",
                  out_dir: str | os.PathLike | None = None) -> pd.DataFrame:
    """Charts of the closed questions by group, with the absolute path of each PNG.

    The charts the ``closed_stats`` stage drew into the workspace are reused when they match
    ``group_by`` and ``campaigns``; otherwise they are drawn with
    :func:`consultation.charts.plot_closed_questions` into ``out_dir`` (required then; the
    workspace is never written to).

    Parameters
    ----------
    workspace : an analysed workspace (tables ``closed_stats`` and ``questions``).
    group_by : ``stakeholder_type`` (default), ``country`` or ``organisation_size``.
    question_ids : only these questions (a matrix parent id selects its overview chart and
        its sub-items); None = all.
    campaigns : ``all`` (every response) or ``once`` (each campaign counted once).
    out_dir : folder for newly drawn charts (``<out_dir>/charts/``).

    Returns
    -------
    DataFrame
        The ``charts`` table (chart_id, question_id, kind, title, alt_text, png, svg,
        group_by, campaigns) plus ``png_path``, in questionnaire order.
    """
    from .charts import plot_closed_questions

    check_choice("campaigns", campaigns, ("all", "once"))
    st = workspace["closed_stats"]
    wanted = _as_set("question_ids", question_ids)
    if wanted is not None:
        known = set(st["question_id"].astype(str)) | set(st["parent_id"].dropna().astype(str))
        unknown = sorted(wanted - known)
        if unknown:
            raise ParameterError(f"Question {unknown[0]!r} has no closed-question statistics"
                                 f"{did_you_mean(unknown[0], sorted(known))}")
        st = st[st["question_id"].astype(str).isin(wanted)
                | st["parent_id"].astype("string").isin(wanted).fillna(False)]
    stored = workspace.read("charts") if "charts" in workspace else None
    if stored is not None and len(stored) and (
            stored["group_by"].eq(group_by) & stored["campaigns"].eq(campaigns)).any():
        charts = stored[stored["group_by"].eq(group_by) & stored["campaigns"].eq(campaigns)]
        base = workspace.path
        if wanted is not None:
            keep = set(st["question_id"].astype(str)) | wanted
            charts = charts[charts["question_id"].astype(str).isin(keep)]
    else:
        if out_dir is None:
            raise ParameterError(f"Charts by {group_by!r} are not in the workspace and must be "
                                 "drawn: give out_dir", fix="pass out_dir=<a folder>")
        charts = plot_closed_questions(st, workspace["questions"], out_dir, group_by=group_by,
                                       campaigns=campaigns)
        base = Path(out_dir)
    charts = charts.reset_index(drop=True)
    charts["png_path"] = [str(base / p) for p in charts["png"]]
    return charts


def closed_table(closed_stats: pd.DataFrame, question_id: str | None = None, *,
                 group_by: str = "stakeholder_type", campaigns: str = "all",
                 value: str = "share") -> pd.DataFrame:
    """One closed question as a table: groups (rows) × answer options (columns).

    Parameters
    ----------
    closed_stats : the ``closed_stats`` table.
    question_id : a choice or rating question (a matrix sub-item such as ``q06.1``); None =
        the first one.
    group_by : ``stakeholder_type``, ``country``, ``organisation_size`` (what the table holds).
    campaigns : ``all`` (every response) or ``once`` (each campaign counted once).
    value : ``share`` (of the group's respondents who answered) or ``n``.

    Returns
    -------
    DataFrame
        Index: ``All respondents`` then the groups (labels); columns: the options in their
        order (``(no opinion)`` and ``(blank)`` last), then ``n_group``, ``mean_rating``
        (ratings) and ``p_value`` (the chi-square test of answer × group).
    """
    schema.require(closed_stats, "closed_stats",
                   ["question_id", "group_by", "group", "option", "n", "n_group", "share",
                    "campaigns"], stage="explore")
    check_choice("value", value, ("share", "n"))
    qids = list(dict.fromkeys(closed_stats["question_id"].astype(str)))
    if question_id is None and qids:
        question_id = qids[0]
    if question_id not in qids:
        raise ParameterError(f"Question {question_id!r} has no closed-question statistics"
                             f"{did_you_mean(str(question_id), qids)}",
                             expected=f"one of {', '.join(qids[:12])}…" if len(qids) > 12
                             else f"one of {', '.join(qids)}")
    st = closed_stats[closed_stats["question_id"].astype(str).eq(question_id)
                      & closed_stats["campaigns"].eq(campaigns)]
    dims = sorted(set(st["group_by"].astype(str)) - {"all"})
    if group_by not in dims:
        check_choice("group_by", group_by, dims)
    st = st[st["group_by"].isin(["all", group_by])]
    if "option_order" in st.columns:
        opts = (st.drop_duplicates("option").sort_values(["option_order", "option"],
                                                         kind="mergesort")["option"].tolist())
    else:
        opts = list(dict.fromkeys(st["option"]))
    tail = [o for o in ("(no opinion)", "(blank)") if o in opts]
    opts = [o for o in opts if o not in tail] + tail
    st = st.assign(_row=[("All respondents" if gb == "all" else group_label(group_by, g))
                         for gb, g in zip(st["group_by"], st["group"], strict=True)])
    rows = list(dict.fromkeys(st.sort_values(
        "group_by", key=lambda s: s.ne("all"), kind="mergesort")["_row"]))
    piv = st.pivot_table(index="_row", columns="option", values=value, aggfunc="first",
                         sort=False).reindex(index=rows, columns=opts)
    firsts = st.drop_duplicates("_row").set_index("_row").reindex(rows)
    piv["n_group"] = firsts["n_group"].astype("Int64")
    if "mean_rating" in firsts.columns and firsts["mean_rating"].notna().any():
        piv["mean_rating"] = firsts["mean_rating"]
    if "p_value" in firsts.columns:
        pv = firsts.loc[firsts.index != "All respondents", "p_value"].dropna()
        piv["p_value"] = float(pv.iloc[0]) if len(pv) else np.nan
    piv.index.name = group_by
    piv.columns.name = None
    return piv


def _mix_text(value: object, group_by: str = "stakeholder_type") -> str:
    try:
        mix = json.loads(value) if isinstance(value, str) else dict(value or {})
    except (TypeError, ValueError):
        return str(value)
    items = sorted(mix.items(), key=lambda kv: (-int(kv[1]), str(kv[0])))
    return ", ".join(f"{group_label(group_by, k)} {int(v)}" for k, v in items)


def campaign_table(campaigns: pd.DataFrame) -> pd.DataFrame:
    """The campaigns, readable: one row per campaign with its (redacted) text.

    Returns
    -------
    DataFrame
        ``campaign_id``, ``size``, ``n_exact``, ``n_near``, ``n_translated`` (how the members
        were linked), ``languages``, ``stakeholder_mix`` (e.g. ``NGO 10, Other 7``),
        ``questions``, ``first_submitted_at``, ``last_submitted_at``, ``representative_text``.
    """
    schema.require(campaigns, "campaigns", ["campaign_id", "size"], stage="explore")
    c = campaigns.sort_values("campaign_id", kind="mergesort")
    out = pd.DataFrame({"campaign_id": c["campaign_id"].astype(str).to_numpy(),
                        "size": c["size"].to_numpy()})
    for col in ("n_exact", "n_near", "n_translated"):
        out[col] = c[col].to_numpy() if col in c.columns else pd.NA

    def joined(col: str) -> list[str]:
        if col not in c.columns:
            return [""] * len(c)
        return [", ".join(map(str, v)) if isinstance(v, (list, tuple, np.ndarray)) else ""
                for v in c[col]]

    out["languages"] = joined("languages")
    out["stakeholder_mix"] = [_mix_text(v) for v in c["stakeholder_mix"]] if (
        "stakeholder_mix" in c.columns) else ""
    out["questions"] = joined("question_ids")
    for col in ("first_submitted_at", "last_submitted_at", "representative_text"):
        out[col] = c[col].to_numpy() if col in c.columns else None
    return out


def campaign_responses(campaign_members: pd.DataFrame, responses: pd.DataFrame,
                       campaign_id: str) -> pd.DataFrame:
    """The member responses of one campaign with their profile (no names).

    Returns
    -------
    DataFrame
        ``response_id``, ``variant`` (exact | near | translated), ``similarity``,
        ``stakeholder_type``, ``country``, ``language``, ``submitted_at``; most similar first.
    """
    schema.require(campaign_members, "campaign_members", ["response_id", "campaign_id"],
                   stage="explore")
    schema.require(responses, "responses", ["response_id"], stage="explore")
    ids = sorted(set(campaign_members["campaign_id"].astype(str)))
    if campaign_id not in ids:
        raise ParameterError(f"Unknown campaign {campaign_id!r}"
                             f"{did_you_mean(str(campaign_id), ids)}",
                             expected=f"one of {', '.join(ids[:12])}" if ids else
                             "a campaign id, but no campaign was detected")
    m = campaign_members[campaign_members["campaign_id"].astype(str).eq(campaign_id)].copy()
    m["response_id"] = m["response_id"].astype(str)
    prof = [c for c in ("stakeholder_type", "country", "language", "submitted_at")
            if c in responses.columns]
    r = responses.drop_duplicates("response_id")[["response_id", *prof]].assign(
        response_id=lambda d: d["response_id"].astype(str))
    out = m.merge(r, on="response_id", how="left")
    for col in ("variant", "similarity"):
        if col not in out.columns:
            out[col] = None
    out = out.sort_values(["similarity", "response_id"], ascending=[False, True],
                          kind="mergesort", na_position="last")
    return out[["response_id", "variant", "similarity", *prof]].reset_index(drop=True)


# ============================================================================================
# Topics
# ============================================================================================

def _model_ids(topics: pd.DataFrame) -> list[str]:
    return list(dict.fromkeys(topics["model_id"].astype(str)))


def topic_question(workspace: Workspace, question_id: str | None = None) -> str:
    """The question (topic model id) to look at: ``question_id`` checked against the models of
    the workspace, or, when None, the first free-text question (questionnaire order) that has
    a topic model."""
    if "topics" not in workspace:
        raise WorkspaceError("The workspace has no topic models",
                             fix="run `consult analyse -w WS --stage topics`")
    models = _model_ids(workspace["topics"])
    if question_id is not None:
        if question_id not in models:
            raise ParameterError(f"No topic model for question {question_id!r}"
                                 f"{did_you_mean(str(question_id), models)}",
                                 expected=f"one of {', '.join(models)}")
        return question_id
    order = workspace["questions"]["question_id"].astype(str).tolist()
    per_q = [q for q in order if q in models]
    if not per_q and not models:
        raise WorkspaceError("The workspace's topics table is empty",
                             fix="re-run `consult analyse -w WS --stage topics`")
    return per_q[0] if per_q else models[0]


def _model_dir(workspace: Workspace, model_id: str) -> Path:
    safe = "".join(c if c.isalnum() or c in "-_." else "_" for c in str(model_id))
    return workspace.path / "models" / f"topics_{safe}"


def load_topic_model(workspace: Workspace, model_id: str):
    """The fitted :class:`~consultation.topics.TopicModeller` the topics stage saved for
    ``model_id`` (``<workspace>/models/topics_<model_id>``)."""
    from .topics import load_model

    d = _model_dir(workspace, model_id)
    if not d.is_dir():
        have = sorted(p.name.removeprefix("topics_") for p in
                      (workspace.path / "models").glob("topics_*")) if (
            workspace.path / "models").is_dir() else []
        raise WorkspaceError(f"No saved topic model for {model_id!r} in {str(d.parent)!r}"
                             f"{did_you_mean(str(model_id), have)}",
                             found=f"models for {', '.join(have)}" if have else "no models",
                             fix="run `consult analyse -w WS --stage topics`")
    return load_model(d)


def _quotable_texts(pairs: pd.DataFrame, responses: pd.DataFrame,
                    redacted_answers: pd.DataFrame | None,
                    answers: pd.DataFrame | None) -> list[str | None]:
    keys = list(zip(pairs["response_id"].astype(str), pairs["question_id"].astype(str),
                    strict=True))
    if redacted_answers is not None:
        m = dict(zip(zip(redacted_answers["response_id"].astype(str),
                         redacted_answers["question_id"].astype(str), strict=True),
                     redacted_answers["text"], strict=True))
        return [m.get(k) if isinstance(m.get(k), str) else None for k in keys]
    if answers is None or "publication" not in responses.columns:
        return [None] * len(keys)
    public = set(responses.loc[responses["publication"].astype(str).eq("public"),
                               "response_id"].astype(str))
    m = dict(zip(zip(answers["response_id"].astype(str), answers["question_id"].astype(str),
                     strict=True), answers["value"], strict=True))
    return [m.get(k) if k[0] in public and isinstance(m.get(k), str) else None for k in keys]


def topic_answers(topic_assignments: pd.DataFrame, responses: pd.DataFrame, *,
                  model_id: str, topic_id: int, redacted_answers: pd.DataFrame | None = None,
                  answers: pd.DataFrame | None = None, stakeholder_type: str | None = None,
                  n: int = 10) -> pd.DataFrame:
    """Drill into a topic: its answers closest to the topic centre, redacted.

    Parameters
    ----------
    topic_assignments, responses : workspace tables.
    model_id, topic_id : the model (question id or ``all``) and topic.
    redacted_answers : the texts shown (placeholders for personal data). Without it,
        ``answers`` is used for respondents who chose public publication only; other texts
        are None.
    stakeholder_type : only answers of this group.
    n : at most this many answers.

    Returns
    -------
    DataFrame
        ``response_id``, ``question_id``, ``similarity``, ``stakeholder_type``, ``country``,
        ``language``, ``text``; most similar first.
    """
    from .topics import TOPIC_ASSIGNMENTS

    schema.require(topic_assignments, TOPIC_ASSIGNMENTS,
                   ["model_id", "response_id", "question_id", "topic_id"], stage="explore")
    n = check_int("n", n, 1)
    models = list(dict.fromkeys(topic_assignments["model_id"].astype(str)))
    if model_id not in models:
        raise ParameterError(f"Unknown model {model_id!r}{did_you_mean(str(model_id), models)}",
                             expected=f"one of {', '.join(models)}")
    a = topic_assignments[topic_assignments["model_id"].astype(str).eq(model_id)]
    tids = sorted(set(a["topic_id"].astype(int)))
    if isinstance(topic_id, bool) or not isinstance(topic_id, (int, np.integer)) or int(
            topic_id) not in tids:
        raise ParameterError(f"The 'topic_id' parameter must be a topic of model {model_id!r} "
                             f"({', '.join(map(str, tids))}). Got {topic_id!r} instead")
    a = a[a["topic_id"].astype(int).eq(int(topic_id))].copy()
    a["response_id"] = a["response_id"].astype(str)
    prof = [c for c in ("stakeholder_type", "country") if c in responses.columns]
    r = responses.drop_duplicates("response_id")[["response_id", *prof]].assign(
        response_id=lambda d: d["response_id"].astype(str))
    a = a.merge(r, on="response_id", how="left")
    if stakeholder_type is not None:
        a = a[a["stakeholder_type"].astype(str).eq(stakeholder_type)]
    if "similarity" not in a.columns:
        a["similarity"] = np.nan
    a = a.sort_values(["similarity", "response_id", "question_id"],
                      ascending=[False, True, True], kind="mergesort", na_position="last")
    a = a.head(n).reset_index(drop=True)
    a["text"] = _quotable_texts(a, responses, redacted_answers, answers)
    if "language" not in a.columns:
        a["language"] = None
    return a[["response_id", "question_id", "similarity", *prof, "language", "text"]]


def topics_vs_codes(topic_assignments: pd.DataFrame, codes: pd.DataFrame, *, model_id: str,
                    topics: pd.DataFrame | None = None, share: bool = False) -> pd.DataFrame:
    """Topics (rows) × codebook codes (columns): answers of each topic that carry each code.

    An answer is one (response, question); an answer with several sentences coded alike counts
    once. The column ``(no code)`` counts the topic's answers without any code.

    Parameters
    ----------
    topic_assignments, codes : workspace tables.
    model_id : the topic model.
    topics : the ``topics`` table, to label the rows ``<topic_id>: <label>``.
    share : divide by the topic's answers (rows then read "share of the topic's answers").

    Returns
    -------
    DataFrame
        Index: topics (outliers ``-1`` last); columns: codes (most frequent first), then
        ``(no code)`` and ``n_answers``.
    """
    from .coding import CODES
    from .topics import TOPIC_ASSIGNMENTS

    schema.require(topic_assignments, TOPIC_ASSIGNMENTS,
                   ["model_id", "response_id", "question_id", "topic_id"], stage="explore")
    schema.require(codes, CODES, ["response_id", "question_id", "code_id"], stage="explore")
    models = list(dict.fromkeys(topic_assignments["model_id"].astype(str)))
    if model_id not in models:
        raise ParameterError(f"Unknown model {model_id!r}{did_you_mean(str(model_id), models)}",
                             expected=f"one of {', '.join(models)}")
    a = topic_assignments[topic_assignments["model_id"].astype(str).eq(model_id)][
        ["response_id", "question_id", "topic_id"]].astype({"response_id": str,
                                                             "question_id": str})
    a = a.drop_duplicates(["response_id", "question_id"])
    a["topic_id"] = a["topic_id"].astype(int)
    c = codes[["response_id", "question_id", "code_id"]].astype(str).drop_duplicates()
    m = a.merge(c, on=["response_id", "question_id"], how="left")
    m["code_id"] = m["code_id"].fillna("(no code)")
    tab = pd.crosstab(m["topic_id"], m["code_id"])
    codes_order = [k for k in tab.sum().sort_values(ascending=False, kind="mergesort").index
                   if k != "(no code)"]
    cols = [*codes_order, *(["(no code)"] if "(no code)" in tab.columns else [])]
    tab = tab.reindex(columns=cols, fill_value=0)
    n_answers = a.groupby("topic_id").size()
    order = sorted(tab.index, key=lambda t: (t == _OUTLIER, t))
    tab = tab.reindex(order)
    if share:
        tab = tab.div(n_answers.reindex(order), axis=0)
    tab["n_answers"] = n_answers.reindex(order).astype(int)
    if topics is not None and len(topics):
        t = topics[topics["model_id"].astype(str).eq(model_id)]
        lab = dict(zip(t["topic_id"].astype(int), t["label"].astype(str), strict=True))
        tab.index = [f"{i}: {lab.get(i, 'outliers / not modelled' if i == _OUTLIER else '')}"
                     for i in tab.index]
    tab.index.name = "topic"
    tab.columns.name = None
    return tab


def refit_topics(workspace: Workspace, question_id: str, **params: Any
                 ) -> tuple[dict[str, pd.DataFrame], Any]:
    """Fit the topic model of one question again with other settings, without writing.

    ``params`` go to :func:`consultation.topics.fit_topics` and
    :class:`~consultation.topics.TopicModeller` (``n_topics``, ``min_topic_size``,
    ``clustering``, ``reduction``, ``keyword_relevance``, ``seed``, ``codebook`` …). The
    workspace's languages, translations, campaigns and redacted texts are used as the topics
    stage uses them, so the default settings reproduce the stored model.

    Returns
    -------
    (dict, TopicModeller)
        The tables ``topics``, ``topic_assignments``, ``topics_by_group``, ``topic_quality``
        of this one model, and the fitted model.
    """
    from .coding import free_text_answers
    from .topics import fit_topics

    q = workspace["questions"]
    a = workspace["answers"]
    ft = set(free_text_answers(a, q)["question_id"].astype(str))
    if question_id not in ft:
        raise ParameterError(f"Question {question_id!r} has no free-text answers"
                             f"{did_you_mean(str(question_id), sorted(ft))}",
                             expected=f"one of {', '.join(sorted(ft))}")
    for bad in ("per", "return_models"):
        if bad in params:
            raise ParameterError(f"The {bad!r} parameter is set by refit_topics",
                                 fix=f"drop {bad}=…")

    def opt(name: str) -> pd.DataFrame | None:
        return workspace.read(name) if name in workspace else None

    tables, models = fit_topics(
        a[a["question_id"].astype(str).eq(question_id)], q, workspace["responses"],
        languages=opt("languages"), translations=opt("translations"),
        campaign_members=opt("campaign_members"), redacted_answers=opt("redacted_answers"),
        per="question", return_models=True, **params)
    if question_id not in models:
        raise ParameterError(f"Question {question_id!r} has too few substantive answers for a "
                             "topic model with these settings", fix="lower min_answers")
    return tables, models[question_id]


# -- interactive figures (plotly) --------------------------------------------------------------

OFFLINE_RENDERER = "consult_offline"


def use_offline_plotly() -> str:
    """Show plotly figures in notebooks without any network access, and return the renderer.

    The default becomes ``plotly_mimetype+consult_offline``: the plotly mimetype (rendered by
    JupyterLab's plotly extension, which ships with plotly) plus an HTML version for other
    front ends and exports. The HTML loads nothing from a CDN: plotly.js is embedded once per
    notebook (when the first figure is shown), and MathJax, which plotly's own ``notebook``
    renderer fetches from a CDN for LaTeX labels, is left out.
    """
    import plotly.io as pio
    from plotly.io.base_renderers import NotebookRenderer

    class OfflineNotebookRenderer(NotebookRenderer):
        def to_mimebundle(self, fig_dict):
            return {"text/html": pio.to_html(
                fig_dict, config=self.config, include_plotlyjs=False, include_mathjax=False,
                full_html=False, default_width="100%", default_height=525, validate=False)}

    pio.renderers[OFFLINE_RENDERER] = OfflineNotebookRenderer(connected=False)
    pio.renderers.default = f"plotly_mimetype+{OFFLINE_RENDERER}"
    return pio.renderers.default


def _esc(text: object) -> str:
    return html.escape(str(text), quote=False)


def _topics_of(topics: pd.DataFrame, model_id: str) -> pd.DataFrame:
    from .topics import TOPICS

    schema.require(topics, TOPICS, ["model_id", "topic_id", "label", "keywords", "size"],
                   stage="explore")
    models = _model_ids(topics)
    if model_id not in models:
        raise ParameterError(f"Unknown model {model_id!r}{did_you_mean(str(model_id), models)}",
                             expected=f"one of {', '.join(models)}")
    t = topics[topics["model_id"].astype(str).eq(model_id)]
    return t[t["topic_id"].astype(int).ne(_OUTLIER)].sort_values("topic_id", kind="mergesort")


def plot_topic_map(model: Any, *, title: str | None = None):
    """Intertopic distance map (like BERTopic's ``visualize_topics``): each topic a bubble at
    the 2-D projection (PCA) of its centre, sized by its number of answers; hover for the
    keywords.

    Parameters
    ----------
    model : a fitted :class:`~consultation.topics.TopicModeller` (:func:`load_topic_model` or
        :func:`refit_topics`).
    title : figure title.

    Returns
    -------
    plotly.graph_objects.Figure
    """
    import plotly.graph_objects as go

    t = getattr(model, "topics_", None)
    emb = getattr(model, "topic_embeddings_", None)
    if t is None or emb is None:
        raise ParameterError("plot_topic_map needs a fitted TopicModeller",
                             found=type(model).__name__)
    t = t[t["topic_id"].astype(int).ne(_OUTLIER)].reset_index(drop=True)
    ids = [int(x) for x in getattr(model, "topic_ids_", t["topic_id"])]
    pos = {tid: i for i, tid in enumerate(ids)}
    t = t[t["topic_id"].astype(int).isin(pos)].reset_index(drop=True)
    emb = np.asarray(emb, dtype=float)[[pos[int(x)] for x in t["topic_id"]]]
    x = emb - emb.mean(axis=0)
    if len(x) >= 2:
        u, s, vt = np.linalg.svd(x, full_matrices=False)
        xy = u[:, :2] * s[:2]
        signs = np.sign(vt[:2, np.argmax(np.abs(vt[:2]), axis=1)].diagonal())
        xy = xy * np.where(signs == 0, 1, signs)  # deterministic orientation
        if xy.shape[1] < 2:
            xy = np.column_stack([xy, np.zeros(len(xy))])
    else:
        xy = np.zeros((len(x), 2))
    size = t["size"].astype(float).to_numpy()
    hover = [f"<b>Topic {int(i)}</b><br>{int(n)} answers<br>{_esc(', '.join(list(k)[:8]))}"
             for i, n, k in zip(t["topic_id"], t["size"], t["keywords"], strict=True)]
    fig = go.Figure(go.Scatter(
        x=xy[:, 0], y=xy[:, 1], mode="markers+text", text=[str(int(i)) for i in t["topic_id"]],
        hovertext=hover, hoverinfo="text",
        marker={"size": 14 + 46 * np.sqrt(size / max(size.max(), 1)), "color": "#0072B2",
                "opacity": 0.55, "line": {"width": 1, "color": "#0b3d66"}}))
    fig.update_layout(title=title or "Intertopic distance map", template="simple_white",
                      xaxis={"title": "PC 1", "zeroline": True, "showticklabels": False},
                      yaxis={"title": "PC 2", "zeroline": True, "showticklabels": False},
                      width=720, height=560)
    return fig


def plot_topic_keywords(topics: pd.DataFrame, model_id: str, *, top_n_topics: int = 8,
                        n_words: int = 6, title: str | None = None):
    """Keyword bar charts of the largest topics (like BERTopic's ``visualize_barchart``).

    Returns
    -------
    plotly.graph_objects.Figure
        One panel per topic, its top ``n_words`` keywords with their c-TF-IDF relevance.
    """
    from plotly.subplots import make_subplots

    top_n_topics = check_int("top_n_topics", top_n_topics, 1)
    n_words = check_int("n_words", n_words, 1)
    t = _topics_of(topics, model_id).sort_values(["size", "topic_id"],
                                                 ascending=[False, True], kind="mergesort")
    t = t.head(top_n_topics).sort_values("topic_id", kind="mergesort")
    cols = min(4, max(len(t), 1))
    rows = max(1, -(-len(t) // cols))
    fig = make_subplots(rows=rows, cols=cols, horizontal_spacing=0.12, vertical_spacing=0.14,
                        subplot_titles=[f"Topic {int(i)} ({int(n)})" for i, n in
                                        zip(t["topic_id"], t["size"], strict=True)])
    palette = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#999933",
               "#882255")
    for k, rec in enumerate(t.itertuples(index=False)):
        words = list(rec.keywords if rec.keywords is not None else [])[:n_words]
        raw = getattr(rec, "keyword_scores", None)
        scores = [float(s) for s in (list(raw) if raw is not None else [])[:len(words)]]
        if len(scores) < len(words):
            scores = list(np.linspace(1.0, 0.5, len(words)))
        fig.add_bar(x=scores[::-1], y=[_esc(w) for w in words[::-1]], orientation="h",
                    marker_color=palette[k % len(palette)], showlegend=False,
                    hovertemplate="%{y}: %{x:.3f}<extra></extra>",
                    row=k // cols + 1, col=k % cols + 1)
    fig.update_layout(title=title or f"Topic keywords — {model_id}", template="simple_white",
                      height=260 * rows + 60, width=250 * cols + 80)
    return fig


def plot_topic_groups(topics_by_group: pd.DataFrame, model_id: str, *,
                      group_by: str = "stakeholder_type", campaigns: str = "once",
                      title: str | None = None):
    """Interactive heatmap: topics (rows) × groups (columns), the share of each group's
    respondents in each topic (hover for the counts).

    ``campaigns="once"`` counts each campaign once (falls back to ``all`` when the table has
    no ``once`` rows).

    Returns
    -------
    plotly.graph_objects.Figure
    """
    import plotly.graph_objects as go

    from .topics import TOPICS_BY_GROUP

    schema.require(topics_by_group, TOPICS_BY_GROUP,
                   ["model_id", "topic_id", "group_by", "group", "campaigns", "n", "share"],
                   stage="explore")
    check_choice("campaigns", campaigns, ("once", "all"))
    d = topics_by_group[topics_by_group["model_id"].astype(str).eq(model_id)]
    if d.empty:
        models = list(dict.fromkeys(topics_by_group["model_id"].astype(str)))
        raise ParameterError(f"Unknown model {model_id!r}{did_you_mean(str(model_id), models)}",
                             expected=f"one of {', '.join(models)}")
    dims = sorted(set(d["group_by"].astype(str)))
    check_choice("group_by", group_by, dims)
    d = d[d["group_by"].astype(str).eq(group_by)]
    camp = campaigns if d["campaigns"].eq(campaigns).any() else "all"
    d = d[d["campaigns"].eq(camp) & d["topic_id"].astype(int).ne(_OUTLIER)]
    groups = list(dict.fromkeys(d["group"].astype(str)))
    if group_by == "stakeholder_type":
        from .charts import STAKEHOLDER_LABELS

        groups = [g for g in STAKEHOLDER_LABELS if g in groups] + sorted(
            set(groups) - set(STAKEHOLDER_LABELS))
    tids = sorted(set(d["topic_id"].astype(int)))
    share = d.pivot_table(index="topic_id", columns="group", values="share",
                          aggfunc="first").reindex(index=tids, columns=groups)
    cnt = d.pivot_table(index="topic_id", columns="group", values="n",
                        aggfunc="first").reindex(index=tids, columns=groups).fillna(0)
    ngrp = d.drop_duplicates("group").set_index("group")["n_group"].reindex(groups)
    labels = d.drop_duplicates("topic_id").set_index("topic_id")["label"].reindex(tids)
    ylab = [f"{t}: {_esc(str(labels.get(t, ''))[:40])}" for t in tids]
    xlab = [f"{_esc(group_label(group_by, g))} (n={int(ngrp.get(g, 0) or 0)})" for g in groups]
    custom = np.dstack([cnt.to_numpy(dtype=float),
                        np.tile(ngrp.fillna(0).to_numpy(dtype=float), (len(tids), 1))])
    fig = go.Figure(go.Heatmap(
        z=share.to_numpy(dtype=float), x=xlab, y=ylab, customdata=custom, colorscale="Blues",
        zmin=0, colorbar={"title": "share", "tickformat": ".0%"},
        hovertemplate="%{y}<br>%{x}<br>%{z:.0%} of the group (%{customdata[0]:.0f} of "
                      "%{customdata[1]:.0f})<extra></extra>"))
    fig.update_layout(title=title or f"Topics × {group_by.replace('_', ' ')} — {model_id} "
                      f"(campaigns counted {'once' if camp == 'once' else 'per response'})",
                      template="simple_white", height=140 + 34 * len(tids),
                      width=max(640, 120 + 80 * len(groups)), yaxis={"autorange": "reversed"})
    return fig
