import pandas as pd
import pytest

from consultation import schema
from consultation.errors import SchemaError


def test_require_names_missing_column_with_hint():
    df = pd.DataFrame({"response_id": ["a"], "stakeholdertype": ["ngo"], "source_format": ["x"]})
    with pytest.raises(SchemaError) as exc:
        schema.require(df, "responses")
    msg = str(exc.value)
    assert "'stakeholder_type'" in msg and "did you mean 'stakeholdertype'" in msg
    assert exc.value.code == "C200"


def test_conform_orders_casts_and_keeps_extras_without_mutating():
    df = pd.DataFrame({"question_id": ["q1"], "value": ["x"], "response_id": ["r1"],
                       "extra": [1], "rating": ["4"]})
    before = df.copy()
    out = schema.conform(df, "answers")
    pd.testing.assert_frame_equal(df, before)
    assert list(out.columns[:6]) == schema.SCHEMAS["answers"].names
    assert out.columns[-1] == "extra"
    assert out["rating"].dtype == "float64" and out["rating"][0] == 4.0
    assert out["no_opinion"].isna().all()


def test_conform_rejects_nulls_in_key_columns():
    df = pd.DataFrame({"response_id": [None], "question_id": ["q"], "value": ["v"]})
    with pytest.raises(SchemaError, match="null"):
        schema.conform(df, "answers")


def test_list_column_roundtrip_types():
    df = pd.DataFrame({"response_id": ["r"], "question_id": ["q"], "value": ["a;b"],
                       "choices": [("a", "b")]})
    out = schema.conform(df, "answers")
    assert out["choices"][0] == ["a", "b"]


def test_empty_tables_have_every_column():
    for name in ("responses", "questions", "answers", "documents", "rejects"):
        e = schema.empty(name)
        assert len(e) == 0 and list(e.columns) == schema.SCHEMAS[name].names


def test_unknown_table_suggests_name():
    with pytest.raises(SchemaError, match="did you mean 'answers'"):
        schema.require(pd.DataFrame(), "answer")
