"""Tests of consultation.safety: formula neutralisation, safe CSV, the published-columns
allow-list and the publication rule for organisation names."""

from __future__ import annotations

import csv
import io

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from consultation import safety
from consultation.errors import ParameterError, SchemaError
from consultation.ingest import ingest
from tests.conftest import FIXTURES

TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


@pytest.mark.parametrize("value", ['=HYPERLINK("http://x","y")', "+1+2", "-3+cmd|' /C calc'!A0",
                                   "@SUM(A1)", "\t=1", "\r=1", "\uff1d1+1"])
def test_formula_triggers_get_an_apostrophe(value):
    assert safety.neutralise_formula(value) == "'" + value


@pytest.mark.parametrize("value", ["plain text", " =not at start", "", "'=already", 3, -2.5,
                                   None, True, pd.Timestamp("2021-01-01")])
def test_other_values_are_unchanged(value):
    assert safety.neutralise_formula(value) is value or safety.neutralise_formula(value) == value


@given(st.text())
def test_no_neutralised_text_starts_a_formula(text):
    out = safety.neutralise_formula(text)
    assert not out.startswith(safety.FORMULA_TRIGGERS)
    assert out.endswith(text) and len(out) - len(text) in (0, 1)


def test_neutralise_frame_copies_joins_lists_and_keeps_numbers():
    df = pd.DataFrame({"text": ["=1+1", "ok", None], "n": [1, -2, 3],
                       "choices": [["-a", "b"], [], None], "=col": ["x", "y", "z"]})
    before = df.copy(deep=True)
    out = safety.neutralise_frame(df)
    pd.testing.assert_frame_equal(df, before)  # input not modified
    assert out["text"].tolist()[:2] == ["'=1+1", "ok"] and pd.isna(out["text"].iloc[2])
    assert out["n"].tolist() == [1, -2, 3]
    assert out["choices"].tolist()[:2] == ["'-a; b", ""]
    assert list(out.columns)[-1] == "'=col"


def test_safe_csv_round_trip(tmp_path):
    df = pd.DataFrame({"a": ['=HYPERLINK("http://x","y")', "line\nbreak", "@x"],
                       "b": [1.5, None, -1]})
    p = safety.safe_csv(df, tmp_path / "sub" / "t.csv")
    rows = list(csv.reader(io.StringIO(p.read_text(encoding="utf-8"))))
    assert rows[0] == ["a", "b"]
    assert [r[0] for r in rows[1:]] == ['\'=HYPERLINK("http://x","y")', "line\nbreak", "'@x"]
    assert [r[1] for r in rows[1:]] == ["1.5", "", "-1.0"]  # numbers stay numbers
    for r in rows[1:]:
        assert not r[0].startswith(TRIGGERS)  # text cells; numbers such as -1.0 stay numbers
    again = safety.safe_csv(df, tmp_path / "t2.csv")
    assert again.read_bytes() == p.read_bytes()


@pytest.fixture(scope="module")
def responses() -> pd.DataFrame:
    return ingest([FIXTURES / "eusurvey_small"]).tables["responses"]


def test_may_name_only_public_organisations(responses):
    ok = safety.may_name(responses)
    r = responses.set_index("response_id")
    assert ok["eusurvey:F100002"]  # public business association
    assert not ok["eusurvey:F100005"]  # public EU citizen: a natural person
    assert not ok["eusurvey:F100004"]  # anonymous
    expected = r["publication"].eq("public") & ~r["stakeholder_type"].isin(
        ["eu_citizen", "non_eu_citizen", "not_disclosed"])
    assert ok.loc[expected.index].tolist() == expected.tolist()


def test_published_responses_drop_personal_and_raw_fields(responses):
    resp = responses.copy()
    resp.loc[resp["response_id"].eq("eusurvey:F100005"), "organisation"] = "Citizen's own org"
    resp.loc[resp["response_id"].eq("eusurvey:F100005"), "transparency_register_id"] = "1-2"
    before = resp.copy(deep=True)
    out = safety.published(resp, "responses")
    pd.testing.assert_frame_equal(resp, before)
    assert not {"first_name", "surname", "email", "stakeholder_type_raw", "country_raw",
                "source_file", "source_row"} & set(out.columns)
    assert list(out.columns) == [c for c in safety.PUBLISHED_COLUMNS["responses"]
                                 if c in resp.columns]
    by_id = out.set_index("response_id")
    assert by_id.at["eusurvey:F100002", "organisation"] == "Verband der Beispielindustrie"
    assert by_id.at["eusurvey:F100005", "organisation"] is None  # natural person
    assert by_id.at["eusurvey:F100005", "transparency_register_id"] is None
    anon = resp.loc[resp["publication"].eq("anonymous"), "response_id"]
    assert by_id.loc[anon, "organisation"].isna().all()


def test_published_needs_responses_for_named_columns():
    df = pd.DataFrame({"response_id": ["a"], "organisation": ["X"]})
    safety.PUBLISHED_COLUMNS["_test_table"] = ("response_id", "organisation")
    safety.NAMED_ONLY_IF_PUBLIC["_test_table"] = ("organisation",)
    try:
        with pytest.raises(SchemaError):
            safety.published(df, "_test_table")
        resp = pd.DataFrame({"response_id": ["a"], "stakeholder_type": ["ngo"],
                             "publication": ["anonymous"]})
        assert safety.published(df, "_test_table", responses=resp)["organisation"].isna().all()
    finally:
        del safety.PUBLISHED_COLUMNS["_test_table"], safety.NAMED_ONLY_IF_PUBLIC["_test_table"]


def test_published_rejects_unknown_tables_and_columns():
    df = pd.DataFrame({"quote": ["x"], "span": ["raw"]})
    with pytest.raises(ParameterError, match="no published-columns entry"):
        safety.published(df, "secrets")
    with pytest.raises(ParameterError, match="may not be published"):
        safety.published(df, "codes", columns=["span"])
    assert list(safety.published(pd.DataFrame({"code_id": ["c"], "span": ["raw"],
                                               "sentence": ["raw"]}), "codes").columns) == [
        "code_id"]


def test_allow_list_never_lists_personal_or_raw_text_columns():
    from consultation import schema

    banned = {"first_name", "surname", "email", "value", "raw", "span", "sentence", "filename",
              "path", "detail"}
    for table, cols in safety.PUBLISHED_COLUMNS.items():
        # coding_agreement.value is a metric, not answer text
        assert not (banned - ({"value"} if table == "coding_agreement" else set())) & set(
            cols), table
        if table in schema.SCHEMAS:
            assert not set(schema.SCHEMAS[table].personal) & set(cols), table
    assert "text" not in safety.PUBLISHED_COLUMNS["documents"]
    assert "text" not in safety.PUBLISHED_COLUMNS["redacted_documents"]


def test_scrub_replaces_longest_first():
    text = "Contact Anna Kowalska (Anna) at anna@example.org."
    out, n = safety.scrub(text, [("Anna Kowalska", "PERSON"), ("anna@example.org", "EMAIL"),
                                 ("An", "PERSON")])
    assert out == "Contact [PERSON] (Anna) at [EMAIL]." and n == 2
    assert safety.scrub("nothing here", {"Bob Smith": "PERSON"}) == ("nothing here", 0)
