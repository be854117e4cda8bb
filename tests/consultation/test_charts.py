"""Tests for the chart palette, deterministic saving and closed-question charts."""

from __future__ import annotations

import copy
import hashlib

import matplotlib as mpl
import numpy as np
import pandas as pd
import pytest

from consultation import charts, schema
from consultation.enrich.closed import closed_question_stats
from consultation.errors import ParameterError
from consultation.ingest import ingest
from consultation.taxonomy import STAKEHOLDER_TYPES
from tests.conftest import FIXTURES


def _digest(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


# --------------------------------------------------------------------------------------------
# Palette and labels
# --------------------------------------------------------------------------------------------

def test_one_colour_and_label_per_stakeholder_type():
    assert list(charts.STAKEHOLDER_COLOURS) == list(STAKEHOLDER_TYPES)
    assert list(charts.STAKEHOLDER_LABELS) == list(STAKEHOLDER_TYPES)
    colours = [c.upper() for c in charts.STAKEHOLDER_COLOURS.values()]
    assert len(set(colours)) == len(colours)
    assert all(mpl.colors.is_color_like(c) for c in colours)
    assert charts.STAKEHOLDER_LABELS["academic_research_institution"] == (
        "Academic/research institution")
    assert charts.group_label("stakeholder_type", "not_disclosed") == "Not disclosed"
    assert charts.group_label("country", "DEU") == "Germany"
    assert charts.group_label("country", "not_disclosed") == "Not disclosed"
    assert charts.group_label("organisation_size", "micro") == "Micro (< 10 employees)"
    assert charts.group_colour("stakeholder_type", "ngo") == charts.STAKEHOLDER_COLOURS["ngo"]


def test_rating_colours_diverge_from_red_to_blue():
    five = charts.rating_colours([1, 2, 3, 4, 5])
    assert five[1.0] == charts.RATING_COLOURS[1] and five[5.0] == charts.RATING_COLOURS[5]
    ten = charts.rating_colours(range(1, 11))
    low, high = (mpl.colors.to_rgb(ten[v]) for v in (1.0, 10.0))
    assert low[0] > low[2] and high[2] > high[0]  # red end low, blue end high
    assert len(set(ten.values())) == 10
    assert charts.rating_colours([]) == {}


# --------------------------------------------------------------------------------------------
# save()
# --------------------------------------------------------------------------------------------

def _tiny_figure():
    with charts.style():
        fig = charts.figure(4, 2)
        ax = fig.add_subplot()
        ax.barh([0, 1], [30, 70], color=[charts.STAKEHOLDER_COLOURS["ngo"], "#0571B0"])
        ax.set_title("Ünïcödé title")
    return fig


def test_save_writes_identical_png_and_svg_twice(tmp_path):
    keys = [k for k in mpl.rcParams if k != "backend"]  # reading 'backend' would resolve it
    before = {k: mpl.rcParams[k] for k in keys}
    paths_a = charts.save(_tiny_figure(), tmp_path / "a" / "fig", title="T", description="D")
    paths_b = charts.save(_tiny_figure(), tmp_path / "b" / "fig", title="T", description="D")
    assert [p.name for p in paths_a] == ["fig.png", "fig.svg"]
    for a, b in zip(paths_a, paths_b, strict=True):
        assert a.exists() and _digest(a) == _digest(b)
    assert paths_a[0].read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    svg = paths_a[1].read_text(encoding="utf-8")
    assert "<dc:date>" not in svg and "<dc:title>T</dc:title>" in svg
    assert {k: mpl.rcParams[k] for k in keys} == before  # the caller's style is left alone


# --------------------------------------------------------------------------------------------
# plot_closed_questions on the EUSurvey fixture
# --------------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def small():
    t = ingest([FIXTURES / "eusurvey_small"]).tables
    st = closed_question_stats(t["answers"], t["questions"], t["responses"])
    return t, st


@pytest.fixture(scope="module")
def small_charts(small, tmp_path_factory):
    t, st = small
    out = tmp_path_factory.mktemp("charts")
    before = (st.copy(deep=True), copy.deepcopy(t["questions"]))
    table = charts.plot_closed_questions(st, t["questions"], out)
    pd.testing.assert_frame_equal(st, before[0])
    pd.testing.assert_frame_equal(t["questions"], before[1])
    return out, table


def test_one_chart_per_closed_question_and_matrix(small_charts):
    out, table = small_charts
    assert list(table.columns[:7]) == ["chart_id", "question_id", "kind", "title", "alt_text",
                                       "png", "svg"]
    assert table["chart_id"].tolist() == ["q01", "q03", "q03.1", "q03.2", "q03.3", "q04"]
    assert dict(zip(table["chart_id"], table["kind"], strict=True)) == {
        "q01": "bar", "q03": "diverging", "q03.1": "diverging", "q03.2": "diverging",
        "q03.3": "diverging", "q04": "stacked"}
    for rel in [*table["png"], *table["svg"]]:
        assert not rel.startswith("/") and rel.startswith("charts/")
        assert (out / rel).stat().st_size > 1000
    schema.require(table, "charts")


def test_alt_text_names_the_question_and_the_numbers(small_charts):
    _, table = small_charts
    alt = dict(zip(table["chart_id"], table["alt_text"], strict=True))
    assert "Do you agree with the proposed definition of micro-credentials?" in alt["q04"]
    assert "72% 'Agree'" in alt["q04"] and "18 respondents" in alt["q04"]
    assert "2 had no opinion" in alt["q04"]
    assert "Common European standards for quality and transparency" in alt["q03.1"]
    assert "mean 4.2" in alt["q03.1"] and "84%" in alt["q03.1"]
    assert "'Cost of training' (45%)" in alt["q01"]
    assert "'Common European standards for quality and transparency' (4.2)" in alt["q03"]
    assert "stakeholder group" in alt["q04"]
    for text in alt.values():
        assert text.endswith(".") and len(text) > 60


def test_two_runs_give_byte_identical_files(small, small_charts, tmp_path):
    t, st = small
    first_dir, first = small_charts
    subset = st[st["question_id"].isin(["q03.1", "q04"])]
    again = charts.plot_closed_questions(subset, t["questions"], tmp_path)
    pd.testing.assert_frame_equal(
        again, first[first["chart_id"].isin(["q03.1", "q04"])].reset_index(drop=True))
    for rel in [*again["png"], *again["svg"]]:
        assert _digest(tmp_path / rel) == _digest(first_dir / rel)


def test_worker_processes_write_the_same_files(small, small_charts, tmp_path):
    t, st = small
    first_dir, first = small_charts  # drawn in this process (6 charts: one worker by default)
    assert charts._n_workers(None, len(first)) == 1
    again = charts.plot_closed_questions(st, t["questions"], tmp_path, n_jobs=2)
    pd.testing.assert_frame_equal(again, first)
    for rel in [*again["png"], *again["svg"]]:
        assert _digest(tmp_path / rel) == _digest(first_dir / rel)


def test_n_jobs_is_validated_and_bounded(small, tmp_path):
    t, st = small
    for bad in (0, -1, 1.5, "2", True):
        with pytest.raises(ParameterError, match="'n_jobs' parameter must be an int"):
            charts.plot_closed_questions(st, t["questions"], tmp_path, n_jobs=bad)
    assert charts._n_workers(8, 3) == 3
    assert charts._n_workers(1, 30) == 1
    assert 1 <= charts._n_workers(None, 30) <= 4


def test_other_groupings_campaigns_and_errors(small, tmp_path):
    t, st = small
    subset = st[st["question_id"].eq("q04")]
    table = charts.plot_closed_questions(subset, t["questions"], tmp_path, group_by="country")
    assert table["chart_id"].tolist() == ["q04_by_country"]
    assert "country" in table["alt_text"].iloc[0]
    once = pd.concat([subset, subset.assign(campaigns="once")], ignore_index=True)
    table = charts.plot_closed_questions(once, t["questions"], tmp_path, campaigns="once")
    assert table["chart_id"].tolist() == ["q04_once"]
    with pytest.raises(ParameterError, match="group_by"):
        charts.plot_closed_questions(subset, t["questions"], tmp_path, group_by="scope")
    with pytest.raises(ParameterError, match="campaigns"):
        charts.plot_closed_questions(subset, t["questions"], tmp_path, campaigns="once")


def test_question_ids_never_escape_the_chart_folder(small, tmp_path):
    t, st = small
    evil = "../../etc/passwd"
    subset = st[st["question_id"].eq("q04")].assign(question_id=evil)
    questions = t["questions"].assign(question_id=t["questions"]["question_id"].replace(
        "q04", evil))
    table = charts.plot_closed_questions(subset, questions, tmp_path / "out")
    stem = table["chart_id"].iloc[0]
    assert "/" not in stem and ".." not in stem
    assert (tmp_path / "out" / "charts" / f"{stem}.png").exists()
    assert not (tmp_path / "etc").exists()


def test_more_than_twelve_groups_are_collapsed_with_totals_kept():
    rows = []
    for i in range(15):
        g = f"C{i:02d}"
        n_answered = 20 - i
        for option, order, n in (("A", 0, n_answered // 2), ("B", 1, n_answered - n_answered // 2),
                                 ("(no opinion)", 2, 1), ("(blank)", 3, 2)):
            rows.append({"group": g, "option": option, "option_order": order,
                         "option_kind": "option" if order < 2 else
                         ("no_opinion" if order == 2 else "blank"),
                         "rating_value": np.nan, "n": n, "n_group": n_answered + 3,
                         "n_answered": n_answered, "n_no_opinion": 1, "n_blank": 2,
                         "share": n / n_answered if order < 2 else np.nan,
                         "mean_rating": np.nan, "p_value": 0.5, "p_adjusted": 0.6,
                         "cramers_v": 0.1})
    st = pd.DataFrame(rows)
    collapsed, groups = charts._collapse(st, "country")
    assert len(groups) == 12 and groups[-1] == "other_groups"
    assert groups[:11] == [f"C{i:02d}" for i in range(11)]  # the largest, largest first
    assert collapsed["n"].sum() == st["n"].sum()
    other = collapsed[collapsed["group"].eq("other_groups")].set_index("option")
    assert other.loc["A", "n_answered"] == sum(20 - i for i in range(11, 15))
    assert other.loc["A", "share"] == pytest.approx(
        other.loc["A", "n"] / other.loc["A", "n_answered"])
