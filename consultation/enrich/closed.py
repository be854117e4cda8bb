"""Closed-question statistics: counts, shares, means and a chi-square test by respondent group.

For every single-choice, multi-choice and rating question (matrix sub-items included, matrix
parents skipped) :func:`closed_question_stats` counts the answers of each respondent group
(``stakeholder_type``, ``country``, ``organisation_size`` or any other column of ``responses``,
plus the overall group ``all``) and tests whether the answer depends on the group.

Conventions
-----------
* **Respondents.** The population of a question is every response of its consultation (all of
  ``responses`` when either table has no ``consultation_id``). Respondents who skipped the
  question are counted in the ``(blank)`` row, those who chose "No opinion" (or "Don't know",
  …) in the ``(no opinion)`` row; neither is in the denominator of ``share``.
* **Groups.** A missing group value becomes ``not_disclosed``; ``organisation_size`` of a
  citizen is ``not_applicable``. Booleans become ``yes`` / ``no``.
* **Options** come in questionnaire order: ``questions.options`` first (no-opinion options
  removed; note that the EUSurvey reader lists choice options by frequency, as the export does
  not say their order), then options only seen in the answers (most frequent first); ratings
  from the highest value to the lowest. ``(no opinion)`` and ``(blank)`` always close the
  list, and every option gets a row in every group, zero counts included.
* **Multi-choice.** ``n`` counts respondents who chose the option and ``share`` divides by the
  respondents of the group who chose at least one substantive option, so shares add up to more
  than 1. The test is one ``2 × groups`` table per option (chose / did not choose), so ``chi2``,
  ``p_value`` and ``cramers_v`` differ from option to option.
* **Chi-square.** Substantive options × groups, no-opinion and blank excluded, without Yates'
  correction (``scipy.stats.chi2_contingency(table, correction=False)``). Empty rows and columns
  are dropped first. While some expected count is below ``min_expected`` the table is coarsened
  greedily at the cell with the smallest expected count: if its group is smaller than its
  option, that group is moved into one pooled column of small groups; otherwise the option is
  merged with its smaller neighbour (ratings, so adjacent values merge) or into a pooled row of
  rare options (choices). ``test_note`` says what was pooled. A table with fewer than two
  non-empty options or groups, or still too sparse, gets no test (NaN). Cramér's V is
  ``sqrt(chi2 / (n * (min(rows, columns) - 1)))`` on the table actually tested (no bias
  correction). ``p_adjusted`` applies Benjamini–Hochberg across all tests of the same
  ``group_by`` and ``campaigns`` setting. Rows of the overall group ``all`` carry no test.
* **Campaigns.** With ``campaign_members``, every row is emitted twice: ``campaigns='all'``
  (every response) and ``campaigns='once'``, where each campaign keeps one voice: its
  representative, i.e. ``campaigns.representative_response_id`` when the ``campaigns`` table is
  passed, else the member with the highest ``similarity`` to the campaign text (ties and a
  missing ``similarity``: the smallest ``response_id``). The other members are left out of
  every count, ``n_group`` included (a whole respondent, not a 1/size weight, so counts stay
  integers and the chi-square test stays valid). Without ``campaign_members`` only ``'all'``
  rows appear.
"""

from __future__ import annotations

import logging
import math
from collections.abc import Callable, Iterable, Sequence
from numbers import Real

import numpy as np
import pandas as pd

from .. import schema
from ..errors import ParameterError
from ..ingest.eusurvey import NO_OPINION_RE, RATING_RE
from ..taxonomy import ORGANISATION_SIZES, STAKEHOLDER_TYPES, is_organisation

__all__ = [
    "BLANK",
    "CLOSED_KINDS",
    "NO_OPINION",
    "GroupSums",
    "closed_question_stats",
    "closed_question_stats_batched",
    "cramers_v",
    "plot_closed_questions",
]

logger = logging.getLogger(__name__)

#: ``group_sums(frame, groupings, columns)`` must return, for each grouping (a list of key
#: columns of ``frame``, none missing), a table with one row per distinct key, in any order:
#: the key columns, ``n`` (rows) and the sum of each of ``columns`` (the default: one pandas
#: group-by each). The Dask engine passes one that runs the group-bys over partitions of ``frame``.
GroupSums = Callable[[pd.DataFrame, Sequence[list[str]], list[str]], list[pd.DataFrame]]

CLOSED_KINDS: tuple[str, ...] = ("single_choice", "multi_choice", "rating")
"""Question kinds that get closed-question statistics."""

_DEFAULT_GROUP_BY = ("stakeholder_type", "country", "organisation_size")
NO_OPINION = "(no opinion)"
BLANK = "(blank)"
ALL = "all"
NOT_DISCLOSED = "not_disclosed"
NOT_APPLICABLE = "not_applicable"

_GROUP_ORDER: dict[str, tuple[str, ...]] = {
    "stakeholder_type": STAKEHOLDER_TYPES,
    "organisation_size": (*ORGANISATION_SIZES, NOT_APPLICABLE, NOT_DISCLOSED),
}


# --------------------------------------------------------------------------------------------
# Parameter checks
# --------------------------------------------------------------------------------------------

def _check_group_by(group_by: object, responses: pd.DataFrame) -> tuple[str, ...]:
    if isinstance(group_by, str):
        group_by = (group_by,)
    if not isinstance(group_by, Iterable) or not all(isinstance(g, str) for g in group_by):
        raise ParameterError(
            "The 'group_by' parameter must be a sequence of column names of 'responses'. "
            f"Got {group_by!r} instead.",
            fix="pass e.g. group_by=('stakeholder_type', 'country')",
        )
    dims = tuple(dict.fromkeys(group_by))
    if ALL in dims:
        raise ParameterError(
            f"The 'group_by' parameter must not contain {ALL!r}. Got {group_by!r} instead.",
            fix=f"leave {ALL!r} out: the overall rows are always produced",
        )
    schema.require(responses, "responses", ["response_id", *dims], stage="closed_stats")
    return dims


def _check_min_expected(min_expected: object) -> float:
    if (isinstance(min_expected, bool) or not isinstance(min_expected, Real)
            or not math.isfinite(float(min_expected)) or float(min_expected) < 0):
        raise ParameterError(
            "The 'min_expected' parameter must be a float in [0, inf). "
            f"Got {min_expected!r} instead."
        )
    return float(min_expected)


# --------------------------------------------------------------------------------------------
# Respondents and their groups
# --------------------------------------------------------------------------------------------

def _group_values(responses: pd.DataFrame, dim: str) -> pd.Series:
    col = responses[dim]
    if pd.api.types.is_bool_dtype(col.dtype):
        out = col.map({True: "yes", False: "no"})
    else:
        out = col.astype("string").str.strip()
        out = out.where(out.ne(""))
    out = out.astype(object).where(out.notna(), NOT_DISCLOSED)
    if dim == "organisation_size" and "stakeholder_type" in responses.columns:
        st = responses["stakeholder_type"].astype(object)
        citizen = st.notna() & st.ne(NOT_DISCLOSED) & ~st.map(is_organisation).astype(bool)
        out = out.where(~(citizen & out.eq(NOT_DISCLOSED)), NOT_APPLICABLE)
    return out.astype(str)


def _respondents(responses: pd.DataFrame, dims: tuple[str, ...],
                 use_scope: bool) -> pd.DataFrame:
    resp = pd.DataFrame({"response_id": responses["response_id"].astype(str).to_numpy()})
    resp["scope"] = (responses["consultation_id"].astype(object).fillna("").astype(str)
                     .to_numpy() if use_scope else "")
    resp[ALL] = ALL
    for d in dims:
        resp[d] = _group_values(responses, d).to_numpy()
    dup = resp["response_id"].duplicated()
    if dup.any():
        logger.warning("closed_stats: %d duplicate response_id(s) in responses; first kept",
                       int(dup.sum()))
        resp = resp[~dup]
    return resp.reset_index(drop=True)


def _representatives_only(resp: pd.DataFrame, members: pd.DataFrame,
                          campaigns: pd.DataFrame | None) -> pd.DataFrame:
    """Drop every campaign member but one voice per campaign.

    The voice kept is the campaign's ``representative_response_id`` (when the ``campaigns``
    table is given and names a member), else the member with the highest ``similarity``, then
    the smallest ``response_id``; members missing from ``responses`` come last.
    """
    m = pd.DataFrame({"response_id": members["response_id"].astype(str).to_numpy(),
                      "campaign_id": members["campaign_id"].astype(str).to_numpy()})
    if "similarity" in members.columns:
        sim = pd.to_numeric(members["similarity"], errors="coerce").to_numpy(dtype=float)
    else:
        sim = np.full(len(m), np.nan)
    m["_sim"] = np.where(np.isnan(sim), -np.inf, sim)
    m["_known"] = m["response_id"].isin(resp["response_id"])
    named: set[tuple[str, str]] = set()
    if campaigns is not None and "representative_response_id" in campaigns.columns:
        named = set(zip(campaigns["campaign_id"].astype(str),
                        campaigns["representative_response_id"].astype(str), strict=True))
    m["_named"] = [(c, r) in named for c, r in zip(m["campaign_id"], m["response_id"],
                                                   strict=True)]
    m = m.sort_values(["campaign_id", "_named", "_known", "_sim", "response_id"],
                      ascending=[True, False, False, False, True], kind="mergesort")
    keep = ~m["campaign_id"].duplicated()
    dropped = set(m["response_id"][~keep]) - set(m["response_id"][keep])
    return resp[~resp["response_id"].isin(dropped)].reset_index(drop=True)


# --------------------------------------------------------------------------------------------
# Questions and options
# --------------------------------------------------------------------------------------------

def _is_no_opinion(text: object) -> bool:
    return isinstance(text, str) and bool(NO_OPINION_RE.match(text))


def _rating_number(text: object) -> float | None:
    if not isinstance(text, str):
        return None
    m = RATING_RE.match(text)
    return float(m.group(1)) if m else None


def _as_options(v: object) -> list[str]:
    if isinstance(v, (list, tuple, np.ndarray)):
        return [str(x) for x in v if isinstance(x, str) or pd.notna(x)]
    return []


def _closed_questions(questions: pd.DataFrame) -> pd.DataFrame:
    q = questions
    kind = q["kind"].astype(object)
    keep = kind.isin(CLOSED_KINDS).to_numpy()
    if "is_group" in q.columns:
        keep &= ~q["is_group"].astype("boolean").fillna(False).to_numpy(dtype=bool)
    out = pd.DataFrame({
        "question_id": q["question_id"].astype(str).to_numpy()[keep],
        "kind": kind.to_numpy()[keep],
        "parent_id": (q["parent_id"].astype(object).to_numpy()[keep]
                      if "parent_id" in q.columns else None),
        "options": (q["options"].to_numpy()[keep] if "options" in q.columns
                    else [None] * int(keep.sum())),
        "q_scope": (q["consultation_id"].astype(object).fillna("").astype(str).to_numpy()[keep]
                    if "consultation_id" in q.columns else ""),
    })
    out["parent_id"] = out["parent_id"].where(pd.notna(out["parent_id"]), None)
    dup = out["question_id"].duplicated()
    if dup.any():
        logger.warning("closed_stats: %d duplicate question_id(s); first kept", int(dup.sum()))
        out = out[~dup]
    out["q_order"] = np.arange(len(out))
    return out.reset_index(drop=True)


def _option_frame(qs: pd.DataFrame, observed: pd.DataFrame) -> pd.DataFrame:
    """One row per (question, option) in display order, with the option's kind and value."""
    seen = {qid: grp for qid, grp in observed.groupby("question_id", sort=False)}
    rows: list[tuple] = []
    for qid, kind, options in zip(qs["question_id"], qs["kind"], qs["options"], strict=True):
        declared = _as_options(options)
        obs = seen.get(qid)
        if kind == "rating":
            labels: dict[float, str] = {}
            for o in declared:
                r = _rating_number(o)
                if r is not None and r not in labels:
                    labels[r] = o
            values = set(labels)
            if obs is not None:
                values |= set(obs["rating"].dropna().tolist())
            opts = [(labels.get(r, f"{r:g}"), r) for r in sorted(values, reverse=True)]
        else:
            names = [o for o in dict.fromkeys(declared) if not _is_no_opinion(o)]
            if obs is not None:
                extra = obs[~obs["option"].isin(names)]
                extra = extra.groupby("option", sort=False)["n"].sum().reset_index()
                extra = extra.sort_values(["n", "option"], ascending=[False, True],
                                          kind="mergesort")
                names += extra["option"].tolist()
            opts = [(o, np.nan) for o in names]
        for i, (o, r) in enumerate(opts):
            rows.append((qid, o, i, "option", r))
        rows.append((qid, NO_OPINION, len(opts), "no_opinion", np.nan))
        rows.append((qid, BLANK, len(opts) + 1, "blank", np.nan))
    return pd.DataFrame(rows, columns=["question_id", "option", "option_order", "option_kind",
                                       "rating_value"])


# --------------------------------------------------------------------------------------------
# Answers -> one row per (question, respondent, chosen option)
# --------------------------------------------------------------------------------------------

def _per_value(values: pd.Series, func: Callable[[object], object], dtype: object,
               missing: object) -> np.ndarray:
    """``func`` applied once per distinct value (closed answers repeat a handful of values)."""
    codes, uniques = pd.factorize(values.astype(object), use_na_sentinel=True)
    table = np.array([func(u) for u in uniques] + [missing], dtype=dtype)
    return table[codes]  # code -1 (missing) picks the last entry


def _split_choices(value: object) -> list[str]:
    return [p.strip() for p in value.split(";") if p.strip()] if isinstance(value, str) else []


def _answer_options(answers: pd.DataFrame, qs: pd.DataFrame) -> pd.DataFrame:
    """Long table: question_id, response_id, option, option_kind ('option' | 'no_opinion'),
    rating (rating questions)."""
    ans = pd.DataFrame({
        "response_id": answers["response_id"].astype(str).to_numpy(),
        "question_id": answers["question_id"].astype(str).to_numpy(),
        "value": answers["value"].astype(object).to_numpy(),
    })
    for col in ("choices", "rating", "no_opinion"):
        if col in answers.columns:
            ans[col] = answers[col].to_numpy()
    kinds = dict(zip(qs["question_id"], qs["kind"], strict=True))
    ans["kind"] = ans["question_id"].map(kinds)
    ans = ans[ans["kind"].notna()]
    dup = ans.duplicated(["question_id", "response_id"])
    if dup.any():
        logger.warning("closed_stats: %d duplicate answers (same response and question); "
                       "first kept", int(dup.sum()))
        ans = ans[~dup]
    ans = ans.reset_index(drop=True)
    flag = (ans["no_opinion"].astype("boolean").fillna(False).to_numpy(dtype=bool)
            if "no_opinion" in ans.columns else np.zeros(len(ans), dtype=bool))
    parts = []

    # ratings: the numeric value; 'No opinion' and unreadable values are no-opinion answers
    is_rat = ans["kind"].eq("rating").to_numpy()
    if is_rat.any():
        rat = ans[is_rat]
        r = (pd.to_numeric(rat["rating"], errors="coerce").to_numpy(dtype=float)
             if "rating" in rat.columns else np.full(len(rat), np.nan))
        missing = np.isnan(r)
        if missing.any():
            parsed = _per_value(rat["value"][missing],
                                lambda v: _rating_number(v) if _rating_number(v) is not None
                                else np.nan, float, np.nan)
            r[missing] = parsed
        bad = np.isnan(r) & ~flag[is_rat] & ~_per_value(rat["value"], _is_no_opinion, bool,
                                                         False)
        if bad.any():
            logger.warning("closed_stats: %d rating answer(s) are neither a number nor 'No "
                           "opinion'; counted as no opinion", int(bad.sum()))
        parts.append(pd.DataFrame({
            "question_id": rat["question_id"].to_numpy(),
            "response_id": rat["response_id"].to_numpy(),
            "option": None,
            "option_kind": np.where(np.isnan(r), "no_opinion", "option"),
            "rating": r,
        }))

    # choices: one row per chosen option; no-opinion choices are not options
    is_cho = ans["kind"].isin(("single_choice", "multi_choice")).to_numpy()
    if is_cho.any():
        cho = ans[is_cho]
        if "choices" in cho.columns:
            chosen = cho["choices"].where(
                cho["choices"].map(lambda v: isinstance(v, (list, tuple, np.ndarray))), None)
        else:
            chosen = pd.Series([None] * len(cho), index=cho.index, dtype=object)
        long = pd.DataFrame({"question_id": cho["question_id"], "response_id": cho["response_id"],
                             "option": chosen, "_flag": flag[is_cho],
                             "_single": cho["kind"].eq("single_choice")})
        long = long.explode("option")  # keeps the answer's index
        # answers without a usable choices list: fall back to the value
        empty = long["option"].isna() & ~long.index.duplicated(keep=False)
        if empty.any():
            idx = long.index[empty]
            vals = cho.loc[idx, "value"]
            fb = pd.Series(
                np.where(long.loc[idx, "_single"].to_numpy(),
                         vals.map(lambda v: [v.strip()] if isinstance(v, str) and v.strip()
                                  else []).to_numpy(),
                         vals.map(_split_choices).to_numpy()), index=idx)
            repl = long.loc[idx].assign(option=fb).explode("option")
            long = pd.concat([long[~empty], repl]).sort_index(kind="mergesort")
        single = long["_single"].to_numpy()
        long = long[~(single & long.index.duplicated(keep="first"))]  # one option per single
        long = long.reset_index(drop=True)
        long["option"] = _per_value(long["option"],
                                    lambda v: v.strip() or None if isinstance(v, str) else None,
                                    object, None)
        is_noop = _per_value(long["option"], _is_no_opinion, bool, False)
        has_opt = long["option"].notna().to_numpy() & ~is_noop
        subst = long[has_opt].drop_duplicates(["question_id", "response_id", "option"])
        parts.append(pd.DataFrame({
            "question_id": subst["question_id"].to_numpy(),
            "response_id": subst["response_id"].to_numpy(),
            "option": subst["option"].to_numpy(),
            "option_kind": "option",
            "rating": np.nan,
        }))
        # respondents with no substantive option who said 'no opinion' (flag or choice)
        keys = [long["question_id"], long["response_id"]]
        resp_has = pd.Series(has_opt).groupby(keys, sort=False).any()
        resp_noop = (pd.Series(is_noop | long["_flag"].to_numpy(dtype=bool))
                     .groupby(keys, sort=False).any())
        noop = resp_noop & ~resp_has
        noop = noop[noop].index.to_frame(index=False)
        parts.append(pd.DataFrame({
            "question_id": noop["question_id"].to_numpy(),
            "response_id": noop["response_id"].to_numpy(),
            "option": None, "option_kind": "no_opinion", "rating": np.nan,
        }))
    if not parts:
        return pd.DataFrame({"question_id": pd.Series(dtype=object),
                             "response_id": pd.Series(dtype=object),
                             "option": pd.Series(dtype=object),
                             "option_kind": pd.Series(dtype=object),
                             "rating": pd.Series(dtype=float)})
    return pd.concat(parts, ignore_index=True)


# --------------------------------------------------------------------------------------------
# Chi-square with pooling of sparse rows/columns
# --------------------------------------------------------------------------------------------

def cramers_v(chi2: float, n: float, shape: tuple[int, int]) -> float:
    """Cramér's V, ``sqrt(chi2 / (n * (min(rows, columns) - 1)))``; NaN when undefined."""
    k = min(shape) - 1
    if n <= 0 or k <= 0 or not np.isfinite(chi2):
        return float("nan")
    return float(math.sqrt(chi2 / (n * k)))


def _expected(t: np.ndarray) -> np.ndarray:
    return np.outer(t.sum(axis=1), t.sum(axis=0)) / t.sum()


def _pool_and_test(table: np.ndarray, *, ordered: bool, min_expected: float) -> dict:
    """Chi-square test of an options × groups table, pooling sparse groups/options first.

    Pooled groups are gathered in one last column, pooled rare options (unordered options) in
    one last row; ordered options (ratings) merge with their smaller adjacent option.
    """
    nan = float("nan")
    res: dict = {"chi2": nan, "p_value": nan, "cramers_v": nan, "dof": None, "n_test": None,
                 "test_note": None}
    t = np.asarray(table, dtype=float)
    if t.ndim != 2 or t.size == 0:
        res["test_note"] = "degenerate: fewer than two non-empty options or groups"
        return res
    t = t[t.sum(axis=1) > 0][:, t.sum(axis=0) > 0]
    if t.shape[0] < 2 or t.shape[1] < 2:
        res["test_note"] = "degenerate: fewer than two non-empty options or groups"
        return res
    n_groups_pooled = n_rows_merged = 0
    col_pool = row_pool = False  # whether the last column / row is a pool
    while min_expected > 0:
        exp = _expected(t)
        if exp.min() >= min_expected:
            break
        i, j = np.unravel_index(int(np.argmin(exp)), exp.shape)
        can_col, can_row = t.shape[1] > 2, t.shape[0] > 2
        if not (can_col or can_row):
            break
        col_total, row_total = t[:, j].sum(), t[i].sum()
        if can_col and (col_total <= row_total or not can_row):
            last = t.shape[1] - 1
            totals = t.sum(axis=0)
            if col_pool:
                k = j if j != last else int(np.argmin(totals[:last]))
                t[:, last] += t[:, k]
                t = np.delete(t, k, axis=1)
                n_groups_pooled += 1
            else:
                others = [c for c in range(t.shape[1]) if c != j]
                k = min(others, key=lambda c: (totals[c], c))
                pooled = t[:, j] + t[:, k]
                t = np.column_stack([np.delete(t, [j, k], axis=1), pooled])
                col_pool, n_groups_pooled = True, 2
        elif ordered:
            nb = [x for x in (i - 1, i + 1) if 0 <= x < t.shape[0]]
            rows = t.sum(axis=1)
            k = min(nb, key=lambda x: (rows[x], x))
            lo, hi = min(i, k), max(i, k)
            t[lo] += t[hi]
            t = np.delete(t, hi, axis=0)
            n_rows_merged += 1
        else:
            last = t.shape[0] - 1
            rows = t.sum(axis=1)
            if row_pool:
                k = i if i != last else int(np.argmin(rows[:last]))
                t[last] += t[k]
                t = np.delete(t, k, axis=0)
                n_rows_merged += 1
            else:
                others = [r for r in range(t.shape[0]) if r != i]
                k = min(others, key=lambda r: (rows[r], r))
                pooled = t[i] + t[k]
                t = np.vstack([np.delete(t, [i, k], axis=0), pooled])
                row_pool, n_rows_merged = True, 2
    notes = []
    if n_groups_pooled:
        notes.append(f"{n_groups_pooled} small groups pooled")
    if n_rows_merged:
        notes.append(f"{n_rows_merged} sparse options merged")
    if min_expected > 0 and _expected(t).min() < min_expected:
        notes.append(f"not tested: expected counts below {min_expected:g}")
        res["test_note"] = "; ".join(notes)
        return res
    from scipy.stats import chi2_contingency  # lazy: scipy.stats is slow to import

    chi2, p, dof, _ = chi2_contingency(t, correction=False)
    n = float(t.sum())
    res.update(chi2=float(chi2), p_value=float(p), dof=int(dof), n_test=round(n),
               cramers_v=cramers_v(float(chi2), n, t.shape),
               test_note="; ".join(notes) or None)
    return res


# --------------------------------------------------------------------------------------------
# The stage
# --------------------------------------------------------------------------------------------

_EXTRA = ["option_kind", "option_order", "rating_value", "question_kind", "n_answered",
          "n_no_opinion", "n_blank", "share_of_group", "dof", "n_test", "test_note",
          "p_adjusted"]


def _group_sort_key(dim: str, groups: Sequence[str]) -> list[tuple]:
    """Canonical order for known vocabularies, else alphabetical; undisclosed groups last."""
    order = _GROUP_ORDER.get(dim)
    keys = []
    for g in groups:
        special = g in (NOT_APPLICABLE, NOT_DISCLOSED)
        if order is not None and g in order:
            keys.append((0, order.index(g), g))
        else:
            keys.append((1 + special, 0, g))
    return keys


def _groups(resp: pd.DataFrame, dim: str) -> pd.DataFrame:
    g = resp.groupby(["scope", dim], sort=False).size().reset_index(name="n_group")
    g = g.rename(columns={dim: "group"})
    keys = _group_sort_key(dim, g["group"].tolist())
    rank = {k: i for i, k in enumerate(sorted(set(keys)))}
    g["group_order"] = [rank[k] for k in keys]
    return g


def _group_sums(frame: pd.DataFrame, groupings: Sequence[list[str]],
               columns: list[str]) -> list[pd.DataFrame]:
    """The counting core, here: per grouping, rows and column sums by key (see
    :data:`GroupSums`)."""
    return [frame.assign(n=1).groupby(keys, sort=False)[["n", *columns]].sum().reset_index()
            for keys in groupings]


def _counts(ans: pd.DataFrame, dims: tuple[str, ...],
            sums: GroupSums) -> dict[str, pd.DataFrame]:
    """Per grouping dimension: answers by question × group × option, through ``sums``.

    Each table has ``question_id``, the dimension, ``option_kind`` (option | no_opinion),
    ``option`` ("" on no-opinion rows), ``n`` (rows: respondents choosing the option),
    ``n_first`` (respondents counted once per question), ``rating_sum`` and ``n_rated``
    (their ratings, for the mean).
    """
    subst = ans["option_kind"].eq("option").to_numpy()
    first = subst.copy()
    first[subst] = ~ans.loc[subst].duplicated(["question_id", "response_id"]).to_numpy()
    rating = ans["rating"].to_numpy(dtype=float)
    rated = first & ~np.isnan(rating)
    frame = pd.DataFrame({
        "question_id": ans["question_id"].to_numpy(),
        "option_kind": ans["option_kind"].to_numpy(),
        "option": ans["option"].astype(object).where(ans["option"].notna(), "").to_numpy(),
        **{d: ans[d].to_numpy() for d in (ALL, *dims)},
        "n_first": first.astype(np.int64),
        "rating_sum": np.where(rated, rating, 0.0),
        "n_rated": rated.astype(np.int64),
    })
    dims_all = (ALL, *dims)
    tables = sums(frame, [["question_id", d, "option_kind", "option"] for d in dims_all],
                  ["n_first", "rating_sum", "n_rated"])
    return dict(zip(dims_all, tables, strict=True))


def _stats_one(long: pd.DataFrame, opts: pd.DataFrame, resp: pd.DataFrame,
               dims: tuple[str, ...], *, min_expected: float, label: str,
               progress: Callable[[int, int], None] | None,
               sums: GroupSums) -> pd.DataFrame:
    ans = long.merge(resp, on="response_id", how="inner")
    ans = ans[ans["scope"].to_numpy() == ans["q_scope"].to_numpy()]
    counts = _counts(ans, dims, sums)
    frames = []
    n_dims = len(dims) + 1
    for step, dim in enumerate((ALL, *dims)):
        groups = _groups(resp, dim)
        grid = opts.merge(groups, left_on="q_scope", right_on="scope", how="inner")
        c = counts[dim].rename(columns={dim: "group"})
        is_opt = c["option_kind"].eq("option")
        cnt = c.loc[is_opt, ["question_id", "group", "option", "n"]].rename(columns={"n": "_n"})
        per_q = c[is_opt].groupby(["question_id", "group"], sort=False)[
            ["n_first", "rating_sum", "n_rated"]].sum()
        rated = per_q["n_rated"].to_numpy()
        with np.errstate(divide="ignore", invalid="ignore"):
            mean = np.where(rated > 0, per_q["rating_sum"].to_numpy() / rated, np.nan)
        per_q = pd.concat([
            pd.DataFrame({"n_answered": per_q["n_first"], "mean_rating": mean},
                         index=per_q.index),
            c[~is_opt].groupby(["question_id", "group"], sort=False)["n"].sum()
            .rename("n_no_opinion"),
        ], axis=1, join="outer")
        grid = grid.merge(cnt, on=["question_id", "group", "option"], how="left")
        grid = grid.merge(per_q.reset_index(), on=["question_id", "group"], how="left")
        for col in ("_n", "n_answered", "n_no_opinion"):
            grid[col] = grid[col].fillna(0).astype("int64")
        grid["n_blank"] = grid["n_group"] - grid["n_answered"] - grid["n_no_opinion"]
        kind = grid["option_kind"].to_numpy()
        grid["n"] = np.select([kind == "no_opinion", kind == "blank"],
                              [grid["n_no_opinion"], grid["n_blank"]], grid["_n"])
        with np.errstate(divide="ignore", invalid="ignore"):
            share = grid["n"].to_numpy(float) / grid["n_answered"].to_numpy(float)
            grid["share"] = np.where((kind == "option") & (grid["n_answered"] > 0), share,
                                     np.nan)
            grid["share_of_group"] = np.where(
                grid["n_group"] > 0, grid["n"] / grid["n_group"].where(grid["n_group"] > 0),
                np.nan)
        grid["group_by"] = dim
        grid = grid.sort_values(["q_order", "group_order", "option_order"], kind="mergesort")
        if dim != ALL:
            grid = _add_tests(grid, min_expected=min_expected)
        frames.append(grid)
        if progress is not None:
            progress(step + 1, n_dims)
    out = pd.concat(frames, ignore_index=True)
    out["campaigns"] = label
    return out


def _add_tests(grid: pd.DataFrame, *, min_expected: float) -> pd.DataFrame:
    rows = []
    opt = grid[grid["option_kind"].eq("option")]
    for qid, g in opt.groupby("question_id", sort=False):
        kind = g["question_kind"].iat[0]
        g = g.sort_values(["option_order", "group_order"], kind="mergesort")
        options = g["option"].drop_duplicates().tolist()
        n_groups = len(g) // max(len(options), 1)
        if not options or n_groups * len(options) != len(g):
            continue
        n = g["n"].to_numpy(float).reshape(len(options), n_groups)
        if kind == "multi_choice":
            answered = g["n_answered"].to_numpy(float).reshape(len(options), n_groups)
            for k, o in enumerate(options):
                table = np.vstack([n[k], answered[k] - n[k]])
                rows.append({"question_id": qid, "option": o,
                             **_pool_and_test(table, ordered=True,
                                              min_expected=min_expected)})
        else:
            res = _pool_and_test(n, ordered=kind == "rating", min_expected=min_expected)
            rows.extend({"question_id": qid, "option": o, **res} for o in options)
    tests = pd.DataFrame(rows, columns=["question_id", "option", "chi2", "p_value",
                                        "cramers_v", "dof", "n_test", "test_note"])
    grid = grid.merge(tests, on=["question_id", "option"], how="left")
    # one note for every row of a question (no-opinion / blank rows share the question's test)
    if len(tests):
        per_q = tests.drop_duplicates("question_id").set_index("question_id")
        single = grid["question_kind"].ne("multi_choice") & grid["option_kind"].ne("option")
        for c in ("chi2", "p_value", "cramers_v", "dof", "n_test", "test_note"):
            grid.loc[single, c] = grid.loc[single, "question_id"].map(per_q[c]).to_numpy()
    return grid


def _adjust(out: pd.DataFrame) -> pd.Series:
    """Benjamini–Hochberg p-values within each (campaigns, group_by) family of tests."""
    from scipy.stats import false_discovery_control

    adj = pd.Series(np.nan, index=out.index)
    tested = out[out["p_value"].notna()]
    for _, fam in tested.groupby(["campaigns", "group_by"], sort=False):
        key = fam["question_id"] + "\x00" + np.where(
            fam["question_kind"].eq("multi_choice"), fam["option"], "")
        uniq = fam.assign(_k=key).drop_duplicates("_k")
        p = false_discovery_control(uniq["p_value"].to_numpy(float), method="bh")
        adj.loc[fam.index] = key.map(dict(zip(uniq["_k"], p, strict=True))).to_numpy()
    return adj


def plot_closed_questions(*args: object, **kwargs: object) -> pd.DataFrame:
    """Draw the closed-question charts: :func:`consultation.charts.plot_closed_questions`.

    Re-exported here (and imported lazily, so that computing statistics never loads
    matplotlib).
    """
    from ..charts import plot_closed_questions as plot

    return plot(*args, **kwargs)


def closed_question_stats(
    answers: pd.DataFrame,
    questions: pd.DataFrame,
    responses: pd.DataFrame,
    *,
    campaign_members: pd.DataFrame | None = None,
    campaigns: pd.DataFrame | None = None,
    group_by: Sequence[str] = _DEFAULT_GROUP_BY,
    min_expected: float = 1.0,
    progress: Callable[[int, int], None] | None = None,
    group_sums: GroupSums | None = None,
) -> pd.DataFrame:
    """Count closed answers by respondent group and test answer × group independence.

    Parameters
    ----------
    answers, questions, responses : DataFrame
        Ingested tables. ``answers`` needs ``response_id``, ``question_id``, ``value`` (and uses
        ``choices``, ``rating``, ``no_opinion`` when present); ``questions`` needs
        ``question_id``, ``kind``; ``responses`` needs ``response_id`` and the ``group_by``
        columns.
    campaign_members : DataFrame, optional
        ``response_id``, ``campaign_id`` (``similarity`` picks the representative). When given,
        rows are produced for ``campaigns='all'`` and ``campaigns='once'``.
    campaigns : DataFrame, optional
        The ``campaigns`` table; its ``representative_response_id`` is the voice a campaign
        keeps in the ``'once'`` rows (default: the most similar member).
    group_by : sequence of str
        Columns of ``responses`` to break the answers down by. The overall group ``all`` is
        always produced.
    min_expected : float in [0, inf)
        Smallest expected count allowed in a chi-square cell; sparser tables are pooled, and left
        untested if pooling does not help (see the module docstring). 0 tests the raw table.
    progress : callable(done, total), optional
        Called after each grouping dimension.
    group_sums : callable, optional
        How the answers are counted by question × group × option (see :data:`GroupSums`);
        default: pandas group-bys, here.

    Returns
    -------
    DataFrame
        Table ``closed_stats``, one row per campaigns setting × grouping × question × group ×
        option (zero counts included): ``question_id``, ``parent_id``, ``group_by``
        (``all`` or a ``group_by`` column), ``group``, ``option`` (questionnaire order, then
        ``(no opinion)``, ``(blank)``), ``n``, ``n_group`` (respondents in the group),
        ``share`` (n / ``n_answered``; NaN on the no-opinion and blank rows), ``mean_rating``
        (group mean, rating questions), ``chi2``, ``p_value``, ``cramers_v`` (NaN when untested
        and on ``all`` rows), ``campaigns`` (``all`` | ``once``), and the extra columns
        ``option_kind`` (option | no_opinion | blank), ``option_order``, ``rating_value``,
        ``question_kind``, ``n_answered`` (respondents of the group with a substantive
        answer), ``n_no_opinion``, ``n_blank``, ``share_of_group`` (n / n_group), ``dof``,
        ``n_test`` (respondents in the tested table), ``test_note`` (pooling done, or why
        untested), ``p_adjusted`` (Benjamini–Hochberg).

    Raises
    ------
    SchemaError
        An input table misses a column the stage reads.
    ParameterError
        ``group_by`` or ``min_expected`` is invalid.
    """
    schema.require(answers, "answers", ["response_id", "question_id", "value"],
                   stage="closed_stats")
    schema.require(questions, "questions", ["question_id", "kind"], stage="closed_stats")
    min_expected = _check_min_expected(min_expected)
    dims = _check_group_by(group_by, responses)
    if campaign_members is not None:
        schema.require(campaign_members, "campaign_members", ["response_id", "campaign_id"],
                       stage="closed_stats")
    if campaigns is not None:
        schema.require(campaigns, "campaigns", ["campaign_id"], stage="closed_stats")
    if progress is not None and not callable(progress):
        raise ParameterError(
            f"The 'progress' parameter must be a callable or None. Got {progress!r} instead.")
    if group_sums is not None and not callable(group_sums):
        raise ParameterError(
            f"The 'group_sums' parameter must be a callable or None. Got {group_sums!r} "
            "instead.")

    qs = _closed_questions(questions)
    use_scope = ("consultation_id" in responses.columns and len(qs) > 0
                 and bool(qs["q_scope"].ne("").all())
                 and bool(responses["consultation_id"].notna().any()))
    if not use_scope:
        qs["q_scope"] = ""
    resp = _respondents(responses, dims, use_scope)
    long = _answer_options(answers, qs)
    long["q_scope"] = long["question_id"].map(dict(zip(qs["question_id"], qs["q_scope"],
                                                       strict=True)))
    unknown = ~long["response_id"].isin(resp["response_id"])
    if unknown.any():
        logger.warning("closed_stats: %d answer(s) from responses not in 'responses' ignored",
                       int(unknown.sum()))

    observed = (long[long["option_kind"].eq("option")]
                .groupby(["question_id", "option", "rating"], sort=False, dropna=False)
                .size().rename("n").reset_index())
    opts = _option_frame(qs, observed)
    # rating answers carry the label of their value
    rating_labels = opts[opts["rating_value"].notna()][["question_id", "rating_value", "option"]]
    is_rating = long["rating"].notna().to_numpy()
    if is_rating.any():
        lab = long.loc[is_rating, ["question_id", "rating"]].merge(
            rating_labels, left_on=["question_id", "rating"],
            right_on=["question_id", "rating_value"], how="left")
        long.loc[is_rating, "option"] = lab["option"].to_numpy()
    opts = opts.merge(
        qs[["question_id", "parent_id", "kind", "q_scope", "q_order"]].rename(
            columns={"kind": "question_kind"}), on="question_id", how="left")

    versions = [("all", resp)]
    if campaign_members is not None:
        versions.append(("once", _representatives_only(resp, campaign_members, campaigns)))
    frames = [_stats_one(long, opts, r, dims, min_expected=min_expected, label=label,
                         progress=progress, sums=group_sums or _group_sums)
              for label, r in versions]
    out = pd.concat(frames, ignore_index=True) if frames else pd.DataFrame()
    for c in ("chi2", "p_value", "cramers_v", "dof", "n_test", "test_note"):
        if c not in out.columns:
            out[c] = np.nan if c != "test_note" else None
    out["p_adjusted"] = _adjust(out) if len(out) else pd.Series(dtype=float)
    cols = schema.SCHEMAS["closed_stats"].names + _EXTRA
    out = out.reindex(columns=cols)
    out["dof"] = out["dof"].astype("Int64")
    out["n_test"] = out["n_test"].astype("Int64")
    out["option_order"] = out["option_order"].astype("Int64")
    for c in ("n_answered", "n_no_opinion", "n_blank"):
        out[c] = out[c].astype("Int64")
    out["test_note"] = out["test_note"].astype("string")
    return schema.conform(out, "closed_stats")


def closed_question_stats_batched(
    read_answers: Callable[[list[str]], pd.DataFrame],
    questions: pd.DataFrame,
    responses: pd.DataFrame,
    *,
    batch_answers: int = 2_000_000,
    **params: object,
) -> pd.DataFrame:
    """:func:`closed_question_stats` computed a batch of questions at a time, for answers
    tables too large to hold at once (a million responses: over 20 million closed answers).

    ``read_answers(question_ids)`` returns the answers to those questions (e.g. a filtered
    Parquet read). Questions are batched in questionnaire order so that a batch has at most
    ``batch_answers`` answers by ``questions.n_answers`` (one batch when it is unknown); the
    result is the same table, row for row, as one call over every answer: every statistic of
    a question depends on that question's answers only, the rows are put back in the one-call
    order and the Benjamini–Hochberg adjustment is made across all batches. ``params`` go to
    :func:`closed_question_stats`.
    """
    schema.require(questions, "questions", ["question_id", "kind"], stage="closed_stats")
    if not isinstance(batch_answers, int) or isinstance(batch_answers, bool) \
            or batch_answers < 1:
        raise ParameterError("The 'batch_answers' parameter must be an int in [1, inf). "
                             f"Got {batch_answers!r} instead.")
    qs = _closed_questions(questions)
    qid_col = questions["question_id"].astype(str)
    counted: dict[str, float] = {}  # answers per question (the first row of a duplicate id)
    if "n_answers" in questions.columns:
        n_answers = pd.to_numeric(questions["n_answers"], errors="coerce").fillna(0)
        for qid, n in zip(qid_col, n_answers, strict=True):
            counted.setdefault(qid, float(n))
    batches: list[list[str]] = []
    total = 0.0
    for qid in qs["question_id"]:
        n = counted.get(qid, 0.0)
        if not batches or (total + n > batch_answers and batches[-1]):
            batches.append([])
            total = 0.0
        batches[-1].append(qid)
        total += n
    if len(batches) <= 1:
        return closed_question_stats(read_answers(qs["question_id"].tolist()), questions,
                                     responses, **params)  # type: ignore[arg-type]
    frames = []
    for batch in batches:
        keep = set(batch)
        frames.append(closed_question_stats(
            read_answers(batch), questions[qid_col.isin(keep).to_numpy()], responses,
            **params))  # type: ignore[arg-type]
        logger.debug("closed_stats: batch of %d question(s) done", len(batch))
    out = pd.concat(frames, ignore_index=True)
    rank_q = {q: i for i, q in enumerate(qs["question_id"])}
    rank_c = {"all": 0, "once": 1}
    rank_g = {d: i for i, d in enumerate((ALL, *_check_group_by(
        params.get("group_by", _DEFAULT_GROUP_BY), responses)))}
    order = np.lexsort((out["question_id"].map(rank_q).to_numpy(),
                        out["group_by"].map(rank_g).to_numpy(),
                        out["campaigns"].map(rank_c).to_numpy()))
    out = out.iloc[order].reset_index(drop=True)
    out["p_adjusted"] = _adjust(out) if len(out) else out["p_adjusted"]
    return schema.conform(out, "closed_stats")
