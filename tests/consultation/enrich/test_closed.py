"""Tests for closed-question statistics (consultation.enrich.closed)."""

from __future__ import annotations

import copy
import csv
import math

import numpy as np
import pandas as pd
import pytest
from scipy import stats as sps

from consultation import schema
from consultation.enrich.closed import BLANK, NO_OPINION, closed_question_stats, cramers_v
from consultation.errors import ParameterError, SchemaError
from consultation.ingest import ingest
from consultation.taxonomy import map_stakeholder_type
from tests.conftest import FIXTURES, SAMPLE

RATING = ["5 - Very important", "4 - Important", "3 - Neutral", "2 - Not very important",
          "1 - Not important at all", "No opinion"]


# --------------------------------------------------------------------------------------------
# Hand-made tables
# --------------------------------------------------------------------------------------------

def _responses(groups: dict[str, str], **extra: dict[str, object]) -> pd.DataFrame:
    df = pd.DataFrame({"response_id": list(groups), "source_format": "test",
                       "stakeholder_type": list(groups.values())})
    for col, values in extra.items():
        df[col] = [values.get(r) for r in groups]
    return df


def _questions(rows: list[tuple]) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=["question_id", "text", "kind", "parent_id", "is_group",
                                       "options"])


def _answers(rows: list[tuple]) -> pd.DataFrame:
    """rows: (response_id, question_id, value, choices, rating, no_opinion)."""
    return pd.DataFrame(rows, columns=["response_id", "question_id", "value", "choices", "rating",
                                       "no_opinion"])


def _single_choice_case():
    """3 groups; known counts of A / B / C, one 'No opinion', one blank respondent."""
    table = {"ngo": {"A": 6, "B": 2, "C": 2},
             "company": {"A": 2, "B": 5, "C": 3},
             "eu_citizen": {"A": 3, "B": 3, "C": 6}}
    groups, answers, k = {}, [], 0
    for g, counts in table.items():
        for option, n in counts.items():
            for _ in range(n):
                rid = f"t:{k}"
                groups[rid] = g
                answers.append((rid, "q1", option, [option], np.nan, False))
                k += 1
    groups["t:noop"] = "ngo"
    answers.append(("t:noop", "q1", "No opinion", ["No opinion"], np.nan, True))
    groups["t:blank"] = "company"  # answered nothing
    questions = _questions([("q1", "Pick one", "single_choice", None, False,
                             ["A", "B", "C", "No opinion"])])
    return table, _responses(groups), questions, _answers(answers)


def _rows(st, *, group_by="stakeholder_type", question="q1", campaigns="all"):
    return st[st["group_by"].eq(group_by) & st["question_id"].eq(question)
              & st["campaigns"].eq(campaigns)]


def test_single_choice_counts_shares_and_chi_square_match_scipy():
    table, responses, questions, answers = _single_choice_case()
    st = closed_question_stats(answers, questions, responses, group_by=("stakeholder_type",))
    assert list(st.columns[:13]) == schema.SCHEMAS["closed_stats"].names

    rows = _rows(st)
    ngo = rows[rows["group"].eq("ngo")].set_index("option")
    assert list(ngo.index) == ["A", "B", "C", NO_OPINION, BLANK]
    assert ngo.loc["A", "n"] == 6 and ngo.loc[NO_OPINION, "n"] == 1 and ngo.loc[BLANK, "n"] == 0
    assert ngo.loc["A", "n_group"] == 11  # 10 answers + 1 no opinion
    assert ngo.loc["A", "share"] == pytest.approx(0.6)  # no opinion not in the denominator
    assert math.isnan(ngo.loc[NO_OPINION, "share"])
    assert ngo.loc[NO_OPINION, "share_of_group"] == pytest.approx(1 / 11)
    company = rows[rows["group"].eq("company")].set_index("option")
    assert company.loc[BLANK, "n"] == 1 and company.loc["B", "share"] == pytest.approx(0.5)

    overall = _rows(st, group_by="all").set_index("option")
    assert overall.loc["A", "n"] == 11 and overall.loc["A", "n_group"] == 34
    assert overall.loc["A", "share"] == pytest.approx(11 / 32)
    assert overall["chi2"].isna().all()  # no test on the overall rows

    observed = np.array([[table[g][o] for g in ("eu_citizen", "company", "ngo")]
                         for o in "ABC"])
    chi2, p, dof, _ = sps.chi2_contingency(observed, correction=False)
    assert rows["chi2"].nunique() == 1
    first = rows.iloc[0]
    assert first["chi2"] == pytest.approx(chi2)
    assert first["p_value"] == pytest.approx(p)
    assert first["dof"] == dof == 4
    assert first["n_test"] == 32
    assert first["cramers_v"] == pytest.approx(math.sqrt(chi2 / (32 * 2)))
    assert pd.isna(first["test_note"])


def test_rating_means_order_labels_and_test():
    groups = {f"r:{i}": g for i, g in enumerate(["ngo"] * 6 + ["company"] * 6)}
    ratings = [5, 5, 4, 4, 4, 3, 1, 2, 2, 3, 4, None]
    answers = []
    for (rid, _), r in zip(groups.items(), ratings, strict=True):
        label = RATING[5 - r] if r is not None else "No opinion"
        answers.append((rid, "q2.1", label, [label], float(r) if r else np.nan, r is None))
    questions = _questions([("q2", "Rate", "rating", None, True, RATING),
                            ("q2.1", "Item one", "rating", "q2", False, RATING)])
    st = closed_question_stats(_answers(answers), questions, _responses(groups),
                               group_by=("stakeholder_type",), min_expected=0)
    rows = _rows(st, question="q2.1")
    assert set(st["question_id"]) == {"q2.1"}  # the matrix parent holds no answers
    assert rows["parent_id"].eq("q2").all()
    ngo = rows[rows["group"].eq("ngo")]
    assert ngo["option"].tolist() == [*RATING[:5], NO_OPINION, BLANK]
    assert ngo["rating_value"].tolist()[:5] == [5.0, 4.0, 3.0, 2.0, 1.0]
    assert ngo["mean_rating"].iloc[0] == pytest.approx(25 / 6)
    company = rows[rows["group"].eq("company")].set_index("option")
    assert company["mean_rating"].iloc[0] == pytest.approx(12 / 5)
    assert company.loc[NO_OPINION, "n"] == 1 and company.loc["2 - Not very important", "n"] == 2
    assert company.loc["2 - Not very important", "share"] == pytest.approx(2 / 5)
    # options x groups, empty rows dropped, raw table (min_expected=0)
    observed = np.array([[2, 0], [3, 1], [1, 1], [0, 2], [0, 1]])
    expected = sps.chi2_contingency(observed[observed.sum(axis=1) > 0], correction=False)
    assert rows["chi2"].iloc[0] == pytest.approx(expected[0])
    assert rows["p_value"].iloc[0] == pytest.approx(expected[1])


def test_multi_choice_counts_respondents_and_tests_each_option():
    groups = {"m:1": "ngo", "m:2": "ngo", "m:3": "ngo", "m:4": "company", "m:5": "company",
              "m:6": "company", "m:7": "company"}
    picks = {"m:1": ["X", "Y"], "m:2": ["X"], "m:3": ["Y", "Z"], "m:4": ["Z"],
             "m:5": ["X", "Z"], "m:6": ["No opinion"]}  # m:7 blank
    answers = [(rid, "q3", ";".join(c), c, np.nan, c == ["No opinion"])
               for rid, c in picks.items()]
    questions = _questions([("q3", "Pick several", "multi_choice", None, False,
                             ["X", "Y", "Z"])])
    st = closed_question_stats(_answers(answers), questions, _responses(groups),
                               group_by=("stakeholder_type",), min_expected=0)
    rows = _rows(st, question="q3")
    ngo = rows[rows["group"].eq("ngo")].set_index("option")
    assert ngo.loc["X", "n"] == 2 and ngo.loc["Y", "n"] == 2 and ngo.loc["Z", "n"] == 1
    assert ngo.loc["X", "share"] == pytest.approx(2 / 3)
    assert ngo.loc["X", "n_answered"] == 3
    company = rows[rows["group"].eq("company")].set_index("option")
    assert company.loc["Z", "share"] == pytest.approx(1.0)  # 2 of the 2 who answered
    assert company.loc[NO_OPINION, "n"] == 1 and company.loc[BLANK, "n"] == 1
    # one 2 x groups test per option
    for option, chosen in {"X": [1, 2], "Z": [2, 1]}.items():
        answered = [2, 3]  # company, ngo (canonical group order: company before ngo)
        table = np.array([chosen, [a - c for a, c in zip(answered, chosen, strict=True)]])
        chi2 = sps.chi2_contingency(table, correction=False)[0]
        assert company.loc[option, "chi2"] == pytest.approx(chi2)
        assert company.loc[option, "cramers_v"] == pytest.approx(math.sqrt(chi2 / 5))
    assert rows.loc[rows["option"].eq("X"), "chi2"].nunique() == 1
    assert company.loc["X", "chi2"] != pytest.approx(company.loc["Y", "chi2"])


def _campaign_case(representative_answer: str = "A", member: str = "camp:1"):
    """The single-choice case plus 6 company members of two campaigns, all answering 'A'
    except ``member`` (camp:1 is the most similar member of C001), which answers
    ``representative_answer``."""
    _, responses, questions, answers = _single_choice_case()
    extra_r, extra_a = [], []
    for i in range(6):
        rid = f"camp:{i}"
        extra_r.append({"response_id": rid, "source_format": "test",
                        "stakeholder_type": "company"})
        v = representative_answer if rid == member else "A"
        extra_a.append((rid, "q1", v, [v], np.nan, False))
    responses = pd.concat([responses, pd.DataFrame(extra_r)], ignore_index=True)
    answers = pd.concat([answers, _answers(extra_a)], ignore_index=True)
    members = pd.DataFrame({"response_id": [f"camp:{i}" for i in range(6)],
                            "campaign_id": ["C001"] * 4 + ["C002"] * 2,
                            "similarity": [0.9, 1.0, 0.95, 0.8, np.nan, np.nan]})
    return responses, questions, answers, members


def test_campaigns_once_keeps_one_voice_per_campaign():
    responses, questions, answers, members = _campaign_case()
    st = closed_question_stats(answers, questions, responses, campaign_members=members,
                               group_by=("stakeholder_type",))
    assert list(st["campaigns"].unique()) == ["all", "once"]
    assert (st["campaigns"] == "all").sum() == (st["campaigns"] == "once").sum()
    all_rows = _rows(st).set_index(["group", "option"])
    once = _rows(st, campaigns="once").set_index(["group", "option"])
    assert all_rows.loc[("company", "A"), "n"] == 2 + 6
    assert once.loc[("company", "A"), "n"] == 2 + 2  # one voice per campaign
    assert once.loc[("company", "A"), "n_group"] == all_rows.loc[("company", "A"), "n_group"] - 4
    assert once.loc[("ngo", "A"), "n"] == all_rows.loc[("ngo", "A"), "n"]
    assert once.loc[("company", "A"), "chi2"] != pytest.approx(
        all_rows.loc[("company", "A"), "chi2"])
    # the voice kept is the most similar member (camp:1), or the smallest id without similarity
    responses, questions, answers, members = _campaign_case("B")
    st2 = closed_question_stats(answers, questions, responses, campaign_members=members,
                                group_by=("stakeholder_type",))
    once2 = _rows(st2, campaigns="once").set_index(["group", "option"])
    assert once2.loc[("company", "B"), "n"] == once.loc[("company", "B"), "n"] + 1
    assert once2.loc[("company", "A"), "n"] == 2 + 1
    # the campaigns table's representative wins over similarity
    responses, questions, answers, members = _campaign_case("C", member="camp:3")
    campaigns = pd.DataFrame({"campaign_id": ["C001"], "size": [4],
                              "representative_response_id": ["camp:3"]})
    st3 = closed_question_stats(answers, questions, responses, campaign_members=members,
                                campaigns=campaigns, group_by=("stakeholder_type",))
    once3 = _rows(st3, campaigns="once").set_index(["group", "option"])
    assert once3.loc[("company", "C"), "n"] == once.loc[("company", "C"), "n"] + 1


def test_inputs_are_not_mutated_and_output_is_deterministic():
    _, responses, questions, answers = _single_choice_case()
    members = pd.DataFrame({"response_id": ["t:0", "t:1"], "campaign_id": ["C1", "C1"]})
    before = [copy.deepcopy(df) for df in (answers, questions, responses, members)]
    kw = {"campaign_members": members, "group_by": ("stakeholder_type",)}
    a = closed_question_stats(answers, questions, responses, **kw)
    b = closed_question_stats(answers, questions, responses, **kw)
    for df, old in zip((answers, questions, responses, members), before, strict=True):
        pd.testing.assert_frame_equal(df, old)
    pd.testing.assert_frame_equal(a, b)


def test_degenerate_tables_are_not_tested():
    groups = {"d:1": "ngo", "d:2": "ngo", "d:3": "ngo"}
    answers = _answers([(r, "q1", "A", ["A"], np.nan, False) for r in groups])
    questions = _questions([("q1", "Pick", "single_choice", None, False, ["A", "B"])])
    st = closed_question_stats(answers, questions, _responses(groups),
                               group_by=("stakeholder_type",))
    rows = _rows(st)
    assert rows["chi2"].isna().all() and rows["p_value"].isna().all()
    assert rows["test_note"].str.startswith("degenerate").all()
    assert rows.loc[rows["option"].eq("B"), "n"].tolist() == [0]


def test_sparse_groups_are_pooled_before_testing():
    # two big groups and three small ones: with min_expected=4 the small ones are pooled
    counts = {"ngo": (20, 10), "company": (8, 22), "trade_union": (2, 1),
              "consumer_organisation": (1, 2), "other": (2, 2)}
    groups, answers, k = {}, [], 0
    for g, (a, b) in counts.items():
        for option, n in (("A", a), ("B", b)):
            for _ in range(n):
                groups[f"p:{k}"] = g
                answers.append((f"p:{k}", "q1", option, [option], np.nan, False))
                k += 1
    questions = _questions([("q1", "Pick", "single_choice", None, False, ["A", "B"])])
    st = closed_question_stats(_answers(answers), questions, _responses(groups),
                               group_by=("stakeholder_type",), min_expected=4)
    first = _rows(st).iloc[0]
    assert first["test_note"] == "3 small groups pooled"
    pooled = np.array([[8, 20, 5], [22, 10, 5]])  # company, ngo, pooled
    chi2 = sps.chi2_contingency(pooled, correction=False)[0]
    assert first["chi2"] == pytest.approx(chi2)
    assert first["cramers_v"] == pytest.approx(math.sqrt(chi2 / 70))
    assert first["dof"] == 2 and first["n_test"] == 70
    raw = closed_question_stats(_answers(answers), questions, _responses(groups),
                                group_by=("stakeholder_type",), min_expected=0)
    raw_first = _rows(raw).iloc[0]
    assert raw_first["dof"] == 4 and pd.isna(raw_first["test_note"])


def test_cramers_v_formula():
    assert cramers_v(10.0, 100, (3, 4)) == pytest.approx(math.sqrt(10 / 200))
    assert math.isnan(cramers_v(1.0, 10, (1, 4)))
    assert math.isnan(cramers_v(float("nan"), 10, (2, 2)))


def test_groups_fill_missing_values_and_size_of_citizens():
    groups = {"g:1": "eu_citizen", "g:2": "company", "g:3": "not_disclosed", "g:4": "ngo"}
    responses = _responses(groups, country={"g:1": "BEL", "g:2": "DEU"},
                           organisation_size={"g:2": "large"})
    answers = _answers([(r, "q1", "A", ["A"], np.nan, False) for r in groups])
    questions = _questions([("q1", "Pick", "single_choice", None, False, ["A"])])
    st = closed_question_stats(answers, questions, responses)
    assert list(st["group_by"].unique()) == ["all", "stakeholder_type", "country",
                                             "organisation_size"]
    sizes = _rows(st, group_by="organisation_size").drop_duplicates("group")
    assert dict(zip(sizes["group"], sizes["n_group"], strict=True)) == {
        "large": 1, "not_applicable": 1, "not_disclosed": 2}
    countries = _rows(st, group_by="country").drop_duplicates("group")
    assert countries["group"].tolist() == ["BEL", "DEU", "not_disclosed"]


def test_population_is_restricted_to_the_question_consultation():
    groups = {"a:1": "ngo", "a:2": "ngo", "b:1": "ngo"}
    responses = _responses(groups, consultation_id={"a:1": "A", "a:2": "A", "b:1": "B"})
    answers = _answers([("a:1", "q1", "X", ["X"], np.nan, False)])
    questions = _questions([("q1", "Pick", "single_choice", None, False, ["X"])]).assign(
        consultation_id="A")
    st = closed_question_stats(answers, questions, responses, group_by=())
    blank = st[st["option"].eq(BLANK)].iloc[0]
    assert blank["n_group"] == 2 and blank["n"] == 1  # b:1 never saw the question


def test_parameter_and_schema_errors():
    _, responses, questions, answers = _single_choice_case()
    responses = responses.assign(country="BEL")
    with pytest.raises(ParameterError, match="min_expected"):
        closed_question_stats(answers, questions, responses, min_expected=-1)
    with pytest.raises(ParameterError, match="min_expected"):
        closed_question_stats(answers, questions, responses, min_expected="1")
    with pytest.raises(ParameterError, match="group_by"):
        closed_question_stats(answers, questions, responses, group_by=("all",))
    with pytest.raises(ParameterError, match="group_by"):
        closed_question_stats(answers, questions, responses, group_by=(1,))
    with pytest.raises(SchemaError, match="organisation_size"):  # in the default group_by
        closed_question_stats(answers, questions, responses)
    with pytest.raises(SchemaError, match="kind"):
        closed_question_stats(answers, questions.drop(columns="kind"), responses,
                              group_by=("country",))
    with pytest.raises(SchemaError, match="campaign_id"):
        closed_question_stats(answers, questions, responses, group_by=("country",),
                              campaign_members=pd.DataFrame({"response_id": ["t:0"]}))


def test_group_sums_hook_counts_every_grouping():
    """The counts go through the hook: a hook that sums the partitions of the answers one by
    one gives the same table; one that miscounts shows up in the output."""
    _, responses, questions, answers = _single_choice_case()
    responses = responses.assign(country=["BEL", "FRA"] * (len(responses) // 2)
                                 + ["BEL"] * (len(responses) % 2))
    seen = []

    def by_halves(frame, groupings, columns):
        seen.append([tuple(k) for k in groupings])
        halves = [frame.iloc[: len(frame) // 2], frame.iloc[len(frame) // 2:]]
        out = []
        for keys in groupings:
            parts = [h.assign(n=1).groupby(keys)[["n", *columns]].sum() for h in halves]
            out.append(parts[0].add(parts[1], fill_value=0).astype(parts[0].dtypes)
                       .reset_index())
        return out

    kw = {"group_by": ("stakeholder_type", "country")}
    local = closed_question_stats(answers, questions, responses, **kw)
    hooked = closed_question_stats(answers, questions, responses, group_sums=by_halves, **kw)
    pd.testing.assert_frame_equal(hooked, local, check_exact=True)
    assert seen == [[("question_id", d, "option_kind", "option")
                     for d in ("all", "stakeholder_type", "country")]]

    def double(frame, groupings, columns):
        return [t.assign(n=2 * t["n"]) for t in by_halves(frame, groupings, columns)]

    doubled = closed_question_stats(answers, questions, responses, group_sums=double, **kw)
    opt = local["option_kind"].eq("option")
    assert (doubled.loc[opt, "n"] == 2 * local.loc[opt, "n"]).all()
    with pytest.raises(ParameterError, match="'group_sums' parameter must be a callable"):
        closed_question_stats(answers, questions, responses, group_sums="dask", **kw)


def test_no_closed_questions_gives_an_empty_typed_table():
    questions = _questions([("q1", "Explain", "free_text", None, False, None)])
    answers = _answers([("e:1", "q1", "Some text", None, np.nan, False)])
    st = closed_question_stats(answers, questions, _responses({"e:1": "ngo"}), group_by=())
    assert len(st) == 0
    assert list(st.columns[:13]) == schema.SCHEMAS["closed_stats"].names


def test_answers_without_choices_or_rating_columns_are_parsed_from_value():
    groups = {"v:1": "ngo", "v:2": "ngo"}
    answers = pd.DataFrame({"response_id": ["v:1", "v:2", "v:1"],
                            "question_id": ["q1", "q1", "q2"],
                            "value": ["A;B", "No opinion", "4 - Important"]})
    questions = _questions([("q1", "Pick", "multi_choice", None, False, ["A", "B"]),
                            ("q2", "Rate", "rating", None, False, RATING)])
    progress = []
    st = closed_question_stats(answers, questions, _responses(groups), group_by=(),
                               progress=lambda i, n: progress.append((i, n)))
    q1 = st[st["question_id"].eq("q1")].set_index("option")
    assert q1.loc["A", "n"] == 1 and q1.loc["B", "n"] == 1 and q1.loc[NO_OPINION, "n"] == 1
    q2 = st[st["question_id"].eq("q2")].set_index("option")
    assert q2.loc["4 - Important", "n"] == 1 and q2["mean_rating"].iloc[0] == 4.0
    assert q2.loc[BLANK, "n"] == 1
    assert progress == [(1, 1)]


# --------------------------------------------------------------------------------------------
# Real fixtures: compare with a plain loop over the raw answers
# --------------------------------------------------------------------------------------------

def _reference_counts(tables: dict[str, pd.DataFrame], dim: str) -> dict[tuple, int]:
    """(question_id, group, option) -> n, by an obviously correct loop."""
    q = tables["questions"]
    closed = q[q["kind"].isin(["single_choice", "multi_choice", "rating"])
               & ~q["is_group"].fillna(False).astype(bool)]
    kinds = dict(zip(closed["question_id"], closed["kind"], strict=True))
    resp = tables["responses"].set_index("response_id")
    group = (resp[dim].astype(object).where(resp[dim].notna(), "not_disclosed")
             if dim != "all" else pd.Series("all", index=resp.index))
    if dim == "organisation_size":
        citizen = resp["stakeholder_type"].isin(["eu_citizen", "non_eu_citizen"])
        group = group.where(~(citizen & group.eq("not_disclosed")), "not_applicable")
    out: dict[tuple, int] = {}
    answered: dict[tuple, set] = {}
    for row in tables["answers"].itertuples(index=False):
        kind = kinds.get(row.question_id)
        if kind is None:
            continue
        g = group[row.response_id]
        if kind == "rating":
            opts = [row.value] if not pd.isna(row.rating) else [NO_OPINION]
        else:
            chosen = [c for c in row.choices if c.strip().lower() != "no opinion"]
            opts = chosen if kind == "multi_choice" else chosen[:1]
            opts = opts or [NO_OPINION]
        for o in opts:
            out[(row.question_id, g, o)] = out.get((row.question_id, g, o), 0) + 1
        answered.setdefault((row.question_id, g), set()).add(row.response_id)
    sizes = group.value_counts()
    for qid in kinds:
        for g, size in sizes.items():
            out[(qid, g, BLANK)] = int(size) - len(answered.get((qid, g), ()))
    return out


@pytest.fixture(scope="module")
def small_tables():
    return ingest([FIXTURES / "eusurvey_small"]).tables


def test_eusurvey_small_matches_a_plain_count(small_tables):
    t = small_tables
    st = closed_question_stats(t["answers"], t["questions"], t["responses"])
    assert set(st["question_id"]) == {"q01", "q03.1", "q03.2", "q03.3", "q04"}
    for dim in ("all", "stakeholder_type", "country", "organisation_size"):
        ref = _reference_counts(t, dim)
        rows = st[st["group_by"].eq(dim)]
        got = {(r.question_id, r.group, r.option): r.n for r in rows.itertuples()}
        assert {k: v for k, v in got.items() if v} == {k: v for k, v in ref.items() if v}, dim
    overall = st[st["group_by"].eq("all")].set_index(["question_id", "option"])
    assert overall.loc[("q04", "Agree"), "n"] == 13
    assert overall.loc[("q04", NO_OPINION), "n"] == 2
    assert overall.loc[("q03.1", "5 - Very important"), "mean_rating"] == pytest.approx(80 / 19)
    assert overall.loc[("q03.3", BLANK), "n"] == 1
    assert overall.loc[("q01", "Cost of training"), "share"] == pytest.approx(9 / 20)
    # a group whose only answer is 'No opinion' (regression: it was counted as blank)
    st_rows = st[st["group_by"].eq("stakeholder_type") & st["question_id"].eq("q04")
                 & st["group"].eq("non_eu_citizen")].set_index("option")
    assert st_rows.loc[NO_OPINION, "n"] == 1 and st_rows.loc[BLANK, "n"] == 0
    # every question's substantive shares add up to 1 (single choice and ratings)
    sub = st[st["option_kind"].eq("option") & st["question_kind"].ne("multi_choice")
             & st["n_answered"].gt(0)]
    sums = sub.groupby(["group_by", "group", "question_id"])["share"].sum()
    assert np.allclose(sums, 1.0)
    # n_group = answered + no opinion + blank, everywhere
    assert (st["n_group"] == st["n_answered"] + st["n_no_opinion"] + st["n_blank"]).all()


def test_sample_counts_match_the_raw_csv():
    if not (SAMPLE / "contributions.csv").exists():
        pytest.skip("synthetic sample not generated")
    t = ingest([SAMPLE]).tables
    st = closed_question_stats(t["answers"], t["questions"], t["responses"],
                               group_by=("stakeholder_type",))
    rejected = set(pd.read_csv(SAMPLE / "truth" / "rejects.csv")["row_number"])
    with open(SAMPLE / "contributions.csv", encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.reader(fh, delimiter=";"))
    header = rows[0]
    data = [r for i, r in enumerate(rows[1:], start=1) if i not in rejected]
    user_type = header.index("User type")
    q = t["questions"]
    rating_cols = q[q["kind"].eq("rating") & q["source_column"].notna()]
    checked = 0
    for qid, col in zip(rating_cols["question_id"], rating_cols["source_column"], strict=True):
        expected: dict[tuple, int] = {}
        for r in data:
            g = map_stakeholder_type(r[user_type]) if r[user_type].strip() else "not_disclosed"
            v = r[int(col)].strip()
            o = BLANK if not v else NO_OPINION if v == "No opinion" else v
            expected[(g, o)] = expected.get((g, o), 0) + 1
        got = st[st["group_by"].eq("stakeholder_type") & st["question_id"].eq(qid)]
        got = {(r.group, r.option): r.n for r in got.itertuples() if r.n}
        assert got == expected, qid
        checked += 1
    assert checked == 23
    tested = st[st["group_by"].eq("stakeholder_type")].drop_duplicates("question_id")
    assert tested["p_value"].notna().all()  # pooling makes every question testable


def test_batched_stats_equal_one_call_row_for_row():
    """A batch of questions at a time (what the pipeline does on large workspaces) gives the
    same table as one call: rows in the same order, BH adjustment across all batches."""
    if not (SAMPLE / "contributions.csv").exists():
        pytest.skip("synthetic sample not generated")
    from consultation.enrich.campaigns import detect_campaigns
    from consultation.enrich.closed import closed_question_stats_batched

    t = ingest([SAMPLE]).tables
    _, members = detect_campaigns(t["answers"], t["questions"], t["responses"])
    assert len(members)  # the 'once' rows are part of the comparison
    one = closed_question_stats(t["answers"], t["questions"], t["responses"],
                                campaign_members=members)
    calls: list[list[str]] = []

    def read(qids: list[str]) -> pd.DataFrame:
        calls.append(qids)
        return t["answers"][t["answers"]["question_id"].isin(qids)]

    batched = closed_question_stats_batched(read, t["questions"], t["responses"],
                                            campaign_members=members, batch_answers=1500)
    assert len(calls) > 5  # really batched
    assert sorted(q for c in calls for q in c) == sorted(set(one["question_id"]))
    pd.testing.assert_frame_equal(batched, one)
    with pytest.raises(ParameterError, match="batch_answers"):
        closed_question_stats_batched(read, t["questions"], t["responses"], batch_answers=0)
