"""consultation.explore: the notebook helpers, on tiny hand-made tables and the sample run."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from consultation import Workspace
from consultation.errors import ParameterError, WorkspaceError
from consultation.explore import (
    WORKSPACE_ENV,
    campaign_responses,
    campaign_table,
    closed_charts,
    closed_table,
    load_topic_model,
    open_workspace,
    plot_topic_groups,
    plot_topic_keywords,
    plot_topic_map,
    profile,
    refit_topics,
    row_accounting,
    topic_answers,
    topic_question,
    topics_vs_codes,
    use_offline_plotly,
)


def _responses() -> pd.DataFrame:
    return pd.DataFrame({
        "response_id": ["r1", "r2", "r3", "r4", "r5"],
        "stakeholder_type": ["ngo", "eu_citizen", "ngo", "company", "eu_citizen"],
        "country": ["DEU", "FRA", None, "DEU", "DEU"],
        "language": ["de", "fr", "en", "de", "de"],
        "publication": ["public", "anonymous", "public", "anonymous", "public"],
        "submitted_at": pd.to_datetime(["2021-06-01"] * 5, utc=True),
    })


# -- profile, accounting -------------------------------------------------------------------

def test_profile_orders_stakeholder_types_as_the_commission_and_labels_them():
    p = profile(_responses(), by="stakeholder_type")
    assert p["stakeholder_type"].tolist() == ["eu_citizen", "company", "ngo"]
    assert p["label"].tolist() == ["EU citizen", "Company/business organisation", "NGO"]
    assert p["n"].tolist() == [2, 1, 2]
    assert p["share"].sum() == pytest.approx(1.0)


def test_profile_by_country_counts_blanks_and_sorts_by_size():
    p = profile(_responses(), by="country")
    assert p["country"].tolist() == ["DEU", "(blank)", "FRA"]
    assert p["n"].tolist() == [3, 1, 1]
    assert p.loc[0, "label"] == "Germany"


def test_profile_by_language_names_the_languages():
    p = profile(_responses(), by="language")
    assert dict(zip(p["language"], p["label"], strict=True)) == {
        "de": "German", "fr": "French", "en": "English"}


def test_profile_rejects_an_unknown_column_with_a_hint():
    with pytest.raises(ParameterError, match="did you mean 'country'"):
        profile(_responses(), by="contry")


def test_profile_does_not_modify_its_input():
    r = _responses()
    before = r.copy()
    profile(r, by="country")
    pd.testing.assert_frame_equal(r, before)


def test_row_accounting_flags_a_source_that_does_not_balance(tmp_path):
    ws = Workspace.create(tmp_path / "ws")
    ws.manifest["accounting"] = {
        "sources": [
            {"consultation_id": "a", "format": "eusurvey", "n_files": 1, "n_records": 10,
             "n_responses": 8, "n_rejects": 2, "rejects_by_reason": {"missing_id": 2}},
            {"consultation_id": "b", "format": "hys_api", "n_files": 2, "n_records": 5,
             "n_responses": 4, "n_rejects": 0, "rejects_by_reason": {}},
        ],
        "totals": {"n_records": 15, "n_responses": 12, "n_rejects": 2,
                   "rejects_by_reason": {"missing_id": 2}},
    }
    acc = row_accounting(ws)
    assert acc["source"].tolist() == ["a", "b", "total"]
    assert acc["balanced"].tolist() == [True, False, False]
    assert acc.loc[0, "rejects_by_reason"] == "missing_id: 2"
    assert acc.loc[2, "n_records"] == 15


# -- closed questions, campaigns -------------------------------------------------------------

def _closed_stats() -> pd.DataFrame:
    rows = []
    for gb, g, opts in (("all", "all", {"Yes": 6, "No": 3, "(no opinion)": 1}),
                        ("stakeholder_type", "ngo", {"Yes": 5, "No": 0, "(no opinion)": 0}),
                        ("stakeholder_type", "company", {"Yes": 1, "No": 3,
                                                         "(no opinion)": 1})):
        answered = opts["Yes"] + opts["No"]
        for order, (o, n) in enumerate(opts.items()):
            rows.append({"question_id": "q1", "parent_id": None, "group_by": gb, "group": g,
                         "option": o, "n": n, "n_group": sum(opts.values()),
                         "share": n / answered if o != "(no opinion)" else np.nan,
                         "mean_rating": np.nan, "p_value": 0.01 if gb != "all" else np.nan,
                         "campaigns": "all", "option_order": order})
    return pd.DataFrame(rows)


def test_closed_table_puts_all_respondents_first_and_options_in_order():
    t = closed_table(_closed_stats(), "q1")
    assert t.index.tolist() == ["All respondents", "NGO", "Company/business organisation"]
    assert t.columns.tolist()[:3] == ["Yes", "No", "(no opinion)"]
    assert t.loc["NGO", "Yes"] == pytest.approx(1.0)
    assert t.loc["Company/business organisation", "No"] == pytest.approx(0.75)
    assert t["n_group"].tolist() == [10, 5, 5]
    assert t["p_value"].iloc[0] == pytest.approx(0.01)
    counts = closed_table(_closed_stats(), "q1", value="n")
    assert counts.loc["All respondents", "Yes"] == 6


def test_closed_table_names_unknown_questions_and_groupings():
    with pytest.raises(ParameterError, match="did you mean 'q1'"):
        closed_table(_closed_stats(), "q01")
    with pytest.raises(ParameterError, match="'group_by' parameter"):
        closed_table(_closed_stats(), "q1", group_by="country")


def test_campaign_table_makes_the_stakeholder_mix_readable():
    c = pd.DataFrame({
        "campaign_id": ["C002", "C001"], "size": [3, 5], "n_exact": [3, 2],
        "n_translated": [0, 1], "representative_text": ["Text B", "Text A"],
        "languages": [["en"], ["en", "de"]],
        "stakeholder_mix": [json.dumps({"ngo": 3}), json.dumps({"eu_citizen": 1, "ngo": 4})],
        "question_ids": [["q3"], ["q3", "q5"]],
    })
    t = campaign_table(c)
    assert t["campaign_id"].tolist() == ["C001", "C002"]
    assert t.loc[0, "stakeholder_mix"] == "NGO 4, EU citizen 1"
    assert t.loc[0, "languages"] == "en, de"
    assert t.loc[0, "questions"] == "q3, q5"
    assert t.loc[0, "representative_text"] == "Text A"


def test_campaign_responses_lists_members_most_similar_first_without_names():
    members = pd.DataFrame({"response_id": ["r1", "r3", "r2"], "campaign_id": ["C1", "C1", "C2"],
                            "variant": ["near", "exact", "exact"],
                            "similarity": [0.8, 1.0, 1.0]})
    r = _responses().assign(first_name="Secret")
    out = campaign_responses(members, r, "C1")
    assert out["response_id"].tolist() == ["r3", "r1"]
    assert "first_name" not in out.columns
    assert out["stakeholder_type"].tolist() == ["ngo", "ngo"]
    with pytest.raises(ParameterError, match="did you mean 'C1'"):
        campaign_responses(members, r, "c1")


# -- topics (tables) -------------------------------------------------------------------------

def _assignments() -> pd.DataFrame:
    return pd.DataFrame({
        "model_id": ["q3"] * 5 + ["q5"],
        "response_id": ["r1", "r2", "r3", "r4", "r5", "r1"],
        "question_id": ["q3"] * 5 + ["q5"],
        "topic_id": [0, 0, 1, 0, -1, 0],
        "similarity": [0.5, 0.9, 0.7, 0.6, 0.1, 0.99],
    })


def test_topic_answers_shows_redacted_text_most_similar_first():
    red = pd.DataFrame({"response_id": ["r1", "r2", "r4"], "question_id": ["q3"] * 3,
                        "text": ["I am [PERSON].", "Quality matters.", "Portability."]})
    out = topic_answers(_assignments(), _responses(), model_id="q3", topic_id=0,
                        redacted_answers=red)
    assert out["response_id"].tolist() == ["r2", "r4", "r1"]
    assert out["text"].tolist() == ["Quality matters.", "Portability.", "I am [PERSON]."]
    ngo = topic_answers(_assignments(), _responses(), model_id="q3", topic_id=0,
                        redacted_answers=red, stakeholder_type="ngo")
    assert ngo["response_id"].tolist() == ["r1"]
    assert len(topic_answers(_assignments(), _responses(), model_id="q3", topic_id=0,
                             redacted_answers=red, n=2)) == 2


def test_topic_answers_without_redaction_never_shows_anonymous_texts():
    answers = pd.DataFrame({"response_id": ["r1", "r2", "r4"], "question_id": ["q3"] * 3,
                            "value": ["public text", "anonymous text", "anonymous too"]})
    out = topic_answers(_assignments(), _responses(), model_id="q3", topic_id=0,
                        answers=answers)
    texts = dict(zip(out["response_id"], out["text"], strict=True))
    assert texts == {"r1": "public text", "r2": None, "r4": None}


def test_topic_answers_rejects_unknown_models_and_topics():
    with pytest.raises(ParameterError, match="did you mean 'q3'"):
        topic_answers(_assignments(), _responses(), model_id="q03", topic_id=0)
    with pytest.raises(ParameterError, match="must be a topic of model 'q3'"):
        topic_answers(_assignments(), _responses(), model_id="q3", topic_id=7)


def test_topics_vs_codes_counts_each_answer_once_per_code():
    codes = pd.DataFrame({
        "response_id": ["r1", "r1", "r1", "r2", "r3", "r1"],
        "question_id": ["q3", "q3", "q3", "q3", "q3", "q5"],
        "code_id": ["quality", "quality", "portability", "quality", "quality", "other"],
    })
    topics = pd.DataFrame({"model_id": ["q3", "q3"], "topic_id": [0, 1],
                           "label": ["quality assurance", "stack"]})
    t = topics_vs_codes(_assignments(), codes, model_id="q3", topics=topics)
    assert t.columns.tolist() == ["quality", "portability", "(no code)", "n_answers"]
    assert t.index.tolist() == ["0: quality assurance", "1: stack",
                                "-1: outliers / not modelled"]
    assert t.loc["0: quality assurance"].tolist() == [2, 1, 1, 3]
    assert t.loc["1: stack"].tolist() == [1, 0, 0, 1]
    s = topics_vs_codes(_assignments(), codes, model_id="q3", share=True)
    assert s.loc[0, "quality"] == pytest.approx(2 / 3)
    assert s.loc[0, "n_answers"] == 3


def test_plot_topic_groups_uses_campaigns_once_and_escapes_labels():
    tbg = pd.DataFrame({
        "model_id": "q3", "topic_id": [0, 0, 1, 1, 0, 0, 1, 1],
        "label": ["<b>x</b>"] * 8, "group_by": "stakeholder_type",
        "group": ["ngo", "company"] * 4,
        "campaigns": ["all"] * 4 + ["once"] * 4,
        "n": [5, 1, 2, 3, 1, 1, 2, 3], "n_group": [7, 4, 7, 4, 3, 4, 3, 4],
        "share": [5 / 7, 1 / 4, 2 / 7, 3 / 4, 1 / 3, 1 / 4, 2 / 3, 3 / 4],
        "share_of_topic": np.nan,
    })
    fig = plot_topic_groups(tbg, "q3")
    z = np.asarray(fig.data[0].z, dtype=float)
    assert list(fig.data[0].x) == ["Company/business organisation (n=4)", "NGO (n=3)"]
    assert z[0].tolist() == pytest.approx([1 / 4, 1 / 3])
    assert all("<b>" not in y and "&lt;b&gt;" in y for y in fig.data[0].y)
    allfig = plot_topic_groups(tbg, "q3", campaigns="all")
    assert np.asarray(allfig.data[0].z, dtype=float)[0].tolist() == pytest.approx([1 / 4, 5 / 7])


def test_offline_plotly_renderer_loads_nothing_from_a_cdn():
    import plotly.graph_objects as go
    import plotly.io as pio

    before = pio.renderers.default
    try:
        assert use_offline_plotly() == "plotly_mimetype+consult_offline"
        html = pio.renderers["consult_offline"].to_mimebundle(
            go.Figure(go.Bar(x=[1], y=[2])).to_dict())["text/html"]
        assert "Plotly.newPlot" in html
        assert "<script src=" not in html and "cdn" not in html.lower()
    finally:
        pio.renderers.default = before


def test_open_workspace_prefers_the_argument_then_the_environment(tmp_path, monkeypatch):
    a = Workspace.create(tmp_path / "a")
    b = Workspace.create(tmp_path / "b")
    monkeypatch.setenv(WORKSPACE_ENV, str(b.path))
    assert open_workspace(a.path).path == a.path
    assert open_workspace().path == b.path
    monkeypatch.setenv(WORKSPACE_ENV, str(tmp_path / "missing"))
    with pytest.raises(WorkspaceError, match="No workspace"):
        open_workspace()


# -- on the sample run (real models) ---------------------------------------------------------

@pytest.mark.slow
def test_topic_question_defaults_to_the_first_modelled_free_text_question(sample_run):
    ws = Workspace.open(sample_run["workspace"])
    qid = topic_question(ws)
    modelled = set(ws["topics"]["model_id"])
    order = ws["questions"]["question_id"].tolist()
    assert qid == next(q for q in order if q in modelled)
    with pytest.raises(ParameterError, match="No topic model"):
        topic_question(ws, "q01")


@pytest.mark.slow
def test_refit_with_default_settings_reproduces_the_stored_model(sample_run):
    ws = Workspace.open(sample_run["workspace"])
    qid = topic_question(ws)
    tables, model = refit_topics(ws, qid)
    stored = ws["topics"]
    stored = stored[stored["model_id"] == qid].reset_index(drop=True)
    assert tables["topics"]["label"].tolist() == stored["label"].tolist()
    assert tables["topics"]["size"].tolist() == stored["size"].tolist()
    saved = load_topic_model(ws, qid)
    np.testing.assert_array_equal(saved.labels_, model.labels_)
    other, _ = refit_topics(ws, qid, n_topics=3)
    assert other["topic_quality"]["n_topics"].iloc[0] <= 3
    assert other["topic_quality"]["n_topics"].iloc[0] != tables["topic_quality"][
        "n_topics"].iloc[0]


@pytest.mark.slow
def test_interactive_topic_figures_have_one_mark_per_topic(sample_run):
    ws = Workspace.open(sample_run["workspace"])
    qid = topic_question(ws)
    model = load_topic_model(ws, qid)
    n_topics = int((model.topics_["topic_id"] != -1).sum())
    assert len(plot_topic_map(model).data[0].x) == n_topics
    bars = plot_topic_keywords(ws["topics"], qid, top_n_topics=4, n_words=5)
    assert len(bars.data) == min(4, n_topics)
    assert all(len(b.y) == 5 for b in bars.data)
    with pytest.raises(WorkspaceError, match="No saved topic model"):
        load_topic_model(ws, "q99")


@pytest.mark.slow
def test_closed_charts_reuse_the_workspace_or_draw_elsewhere(sample_run, tmp_path):
    ws = Workspace.open(sample_run["workspace"])
    stored = closed_charts(ws)
    assert len(stored) == len(ws["charts"])
    assert all(Path(p).is_file() and Path(p).parent.parent == ws.path
               for p in stored["png_path"])
    one = closed_charts(ws, question_ids=["q06"])
    assert one["question_id"].iloc[0] == "q06"  # the matrix overview, then its items
    assert set(one["question_id"]) - {"q06"} and all(
        q.startswith("q06.") for q in set(one["question_id"]) - {"q06"})
    with pytest.raises(ParameterError, match="give out_dir"):
        closed_charts(ws, group_by="country", question_ids=["q04"])
    drawn = closed_charts(ws, group_by="country", question_ids=["q04"], out_dir=tmp_path)
    assert drawn["question_id"].tolist() == ["q04"]
    assert Path(drawn["png_path"].iloc[0]).is_file()
    assert Path(drawn["png_path"].iloc[0]).is_relative_to(tmp_path)
    with pytest.raises(ParameterError, match="did you mean 'q04'"):
        closed_charts(ws, question_ids=["q4"])
