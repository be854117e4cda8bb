import pandas as pd
import pytest

from consultation.errors import ParameterError, SchemaError
from consultation.ingest import ingest
from consultation.translations import load_translations, text_layer, translate_answers
from tests.conftest import FIXTURES


@pytest.fixture(scope="module")
def answers():
    return ingest([FIXTURES / "eusurvey_small"]).tables["answers"]


def test_load_translations_checks_keys(answers):
    t, warnings = load_translations(FIXTURES / "translations/eusurvey_small_en.csv", answers)
    assert len(t) == 3 and set(t["source"]) == {"eusurvey_small_en.csv"}
    assert "F999999" in warnings[0]


def test_missing_columns_are_named(tmp_path):
    p = tmp_path / "t.csv"
    p.write_text("response_id,question,language,text\n")
    with pytest.raises(SchemaError, match="did you mean 'question'"):
        load_translations(p)


def test_text_layer_prefers_translation_and_keeps_original(answers):
    t, _ = load_translations(FIXTURES / "translations/eusurvey_small_en.csv", answers)
    before = answers.copy()
    layer = text_layer(answers, t)
    pd.testing.assert_frame_equal(answers, before)
    row = layer.set_index(["response_id", "question_id"]).loc[("eusurvey:F100002", "q06")]
    assert row["translated"] and row["text"].startswith("We reject")
    assert row["original"].startswith("Eine Liste")
    assert layer["translated"].sum() == 3 and len(layer) == len(answers)


class Upper:
    name = "upper"

    def __init__(self):
        self.calls = 0

    def translate(self, texts, source_languages, target):
        self.calls += len(texts)
        pairs = zip(texts, source_languages, strict=True)
        return [f"[{s}->{target}] {t.upper()}" for t, s in pairs]


def test_plugged_translator_translates_unique_texts_once():
    answers = pd.DataFrame({"response_id": ["a", "b", "c"], "question_id": ["q", "q", "q"],
                            "value": ["Hallo", "Hallo", "Hello"]})
    langs = pd.DataFrame({"response_id": ["a", "b", "c"], "question_id": ["q", "q", "q"],
                          "language": ["de", "de", "en"]})
    tr = Upper()
    out = translate_answers(answers, langs, tr)
    assert tr.calls == 1
    assert out["text"].tolist() == ["[de->en] HALLO", "[de->en] HALLO"]
    with pytest.raises(ParameterError):
        translate_answers(answers, langs, object())
