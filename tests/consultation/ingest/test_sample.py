"""The bundled synthetic sample ingests as its generator says (issue: bundled sample)."""

import json

import pandas as pd
import pytest

from consultation.ingest import ingest
from tests.conftest import SAMPLE

TRUTH = SAMPLE / "truth"


@pytest.fixture(scope="module")
def sample():
    return ingest([SAMPLE])


@pytest.fixture(scope="module")
def summary():
    return json.loads((TRUTH / "summary.json").read_text())


def test_only_the_planted_rows_are_rejected(sample, summary):
    acc = sample.accounting["totals"]
    assert acc["n_records"] == summary["n_rows_total"] == 511
    assert acc["n_responses"] == summary["n_valid"]
    planted = pd.read_csv(TRUTH / "rejects.csv")
    got = sample.tables["rejects"]
    assert sorted(got["row"].tolist()) == sorted(planted["row_number"].tolist())
    assert set(got["reason"]) == {"missing_id", "duplicate_id", "bad_date"}


def test_counts_match_the_generator(sample, summary):
    r = sample.tables["responses"]
    assert r["stakeholder_type"].value_counts().to_dict() == \
        summary["by_stakeholder_type_canonical"]
    assert (r["publication"] == "anonymous").sum() == summary["n_anonymous"]
    langs = r["language_raw"].value_counts().to_dict()
    assert langs == summary["by_language"]
    assert r["language"].notna().all() and r["stakeholder_type"].ne("unmapped").all()
    assert not sample.warnings


def test_question_kinds_match_columns(sample, summary):
    q = sample.tables["questions"]
    subs = q[~q["is_group"].astype(bool)]
    by_kind = subs.groupby("kind")["source_column"].apply(sorted).to_dict()
    for kind in ("free_text", "rating", "multi_choice", "single_choice", "upload"):
        assert by_kind[kind] == summary["questions"]["columns"][kind], kind
    assert int(q["is_group"].sum()) == summary["questions"]["by_kind"]["rating"]


def test_answers_per_column_and_documents(sample, summary):
    q = sample.tables["questions"].dropna(subset=["source_column"])
    n = sample.tables["answers"].merge(q, on="question_id").groupby("source_column").size()
    for col, expected in summary["nonempty_cells_by_column"].items():
        if int(col) in n.index:
            assert n[int(col)] == expected, col
    d = sample.tables["documents"]
    assert len(d) == summary["n_position_papers"]
    assert (d["extraction_status"] == "ok").all()


def _cells(sample):
    q = sample.tables["questions"].dropna(subset=["source_column"])
    a = sample.tables["answers"].merge(q[["question_id", "source_column"]], on="question_id")
    a["reference"] = a["response_id"].str.removeprefix("eusurvey:")
    return a.set_index(["reference", "source_column"])["value"]


def test_every_truth_span_is_an_exact_substring(sample):
    cells = _cells(sample)
    pd_truth = pd.read_csv(TRUTH / "personal_data.csv", keep_default_na=False)
    for row in pd_truth.itertuples():
        value = cells[(row.reference, row.column)]
        assert value[row.start:row.end] == row.text, row
    positions = pd.read_csv(TRUTH / "positions.csv", dtype={"column": "Int64"})
    cell_pos = positions.dropna(subset=["column"])
    keys = set(cells.index)
    pairs = zip(cell_pos["reference"], cell_pos["column"], strict=True)
    assert all((r, int(c)) in keys for r, c in pairs)
    langs = pd.read_csv(TRUTH / "languages.csv")
    assert all((r, c) in keys for r, c in zip(langs["reference"], langs["column"], strict=False))


def test_over_long_and_stray_quote_cells_survive(sample, summary):
    cells = _cells(sample)
    m = summary["malformed"]
    long = m["over_long_cells"][0]
    assert len(cells[(long["reference"], long["column"])].split()) == long["words"]
    for c in m["stray_quote_cells"]:
        assert '"' in cells[(c["reference"], c["column"])]
