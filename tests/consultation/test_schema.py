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


def test_coding_and_topic_tables_live_here_with_design_names():
    """One home: the stage modules use the schema module's objects, not copies."""
    from consultation import coding, topics

    assert coding.CODES is schema.CODES
    assert topics.TOPICS is schema.TOPICS and topics.TOPIC_QUALITY is schema.TOPIC_QUALITY
    assert topics.TOPIC_ASSIGNMENTS is schema.TOPIC_ASSIGNMENTS
    assert topics.TOPICS_BY_GROUP is schema.TOPICS_BY_GROUP
    keys = {"codes": {"response_id", "question_id", "code_id"},
            "topics": {"model_id", "topic_id", "label"},
            "topic_assignments": {"model_id", "response_id", "question_id", "topic_id"},
            "topics_by_group": {"model_id", "topic_id", "group", "n"},
            "topic_quality": {"model_id"},
            "coding_agreement": {"comparison", "code_id"}}
    doc = schema.describe()
    for name, required in keys.items():
        assert schema.SCHEMAS[name].name == name
        assert required <= set(schema.SCHEMAS[name].required), name
        assert f"### `{name}`" in doc
        e = schema.empty(name)
        assert list(e.columns) == schema.SCHEMAS[name].names
