"""Tests of per-answer language detection (consultation.enrich.language)."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from consultation import schema
from consultation.enrich import language as lang
from consultation.enrich.language import (
    EU_LANGUAGES,
    detect_languages,
    language_summary,
    measure_accuracy,
)
from consultation.errors import ParameterError, SchemaError
from consultation.ingest import ingest
from tests.conftest import FIXTURES, SAMPLE, shared

EN = ("Micro-credentials should be quality assured by the same agencies that review "
      "degree programmes, and learners must be able to see who issued them.")
EN2 = ("We support a European standard, provided that it stays light enough for small "
       "providers and does not create new paperwork for adult learning centres.")
FR = ("Les micro-certifications doivent être soumises à une assurance qualité externe, comme "
      "tous les autres programmes de l'enseignement supérieur.")
FR2 = ("Nous soutenons une approche européenne, à condition que les établissements gardent "
       "leur autonomie dans la conception des cours.")
DE = ("Die Qualitätssicherung muss den europäischen Standards folgen, sonst verlieren "
      "die Arbeitgeber das Vertrauen in diese Nachweise.")


def _tables(rows, declared):
    """answers/questions/responses from [(response_id, question_id, text)] + {rid: lang}."""
    answers = pd.DataFrame(rows, columns=["response_id", "question_id", "value"])
    qids = sorted(set(answers["question_id"]) - {"c1"})
    questions = pd.DataFrame({"question_id": [*qids, "c1"],
                              "kind": ["free_text"] * len(qids) + ["single_choice"]})
    responses = pd.DataFrame({"response_id": list(declared), "language": list(declared.values())})
    return answers, questions, responses


@pytest.fixture(scope="module")
def toy():
    rows = [
        ("r1", "q1", EN), ("r1", "q2", "Yes."), ("r1", "q3", EN2),
        ("r2", "q1", FR), ("r2", "q2", "Oui."), ("r2", "q3", "https://example.eu/paper.pdf"),
        ("r3", "q1", "Ver documento adjunto."),
        ("r4", "q1", EN), ("r4", "q2", "No."), ("r4", "q3", "-"), ("r4", "q4", "2021"),
        ("r5", "q1", DE),
        ("r6", "q1", EN + " " + EN2 + "\n\n" + FR + " " + FR2),
        ("r7", "q1", "Il-mikrokredenzjali għandhom ikunu rikonoxxuti fl-Ewropa kollha, "
                     "u l-kwalità tagħhom għandha tkun iċċertifikata."),
        ("rX", "q1", FR),
        ("r1", "c1", "Fully agree"),
    ]
    declared = {"r1": "fr", "r2": "fr", "r3": "es", "r4": "el", "r5": "de", "r6": "en",
                "r7": "mt"}
    answers, questions, responses = _tables(rows, declared)
    copies = [df.copy(deep=True) for df in (answers, questions, responses)]
    out = detect_languages(answers, questions, responses)
    return out.set_index(["response_id", "question_id"]), (answers, questions, responses), copies


def test_one_row_per_free_text_answer_in_input_order(toy):
    out, (answers, _, _), _ = toy
    free = answers[answers["question_id"] != "c1"]
    assert list(out.index) == list(zip(free["response_id"], free["question_id"], strict=True))


def test_output_conforms_to_schema(toy):
    out, _, _ = toy
    flat = out.reset_index()
    assert list(flat.columns[:10]) == schema.SCHEMAS["languages"].names
    assert flat["is_short"].dtype == "boolean" and flat["confidence"].dtype == "float64"
    assert set(flat["method"]) <= {"lingua", "context", "declared", "none"}


def test_inputs_not_mutated(toy):
    _, given, copies = toy
    for df, before in zip(given, copies, strict=True):
        pd.testing.assert_frame_equal(df, before)


def test_long_texts_use_lingua(toy):
    out, _, _ = toy
    assert out.loc[("r1", "q1"), ["language", "method"]].tolist() == ["en", "lingua"]
    assert out.loc[("r2", "q1"), "language"] == "fr"
    assert out.loc[("r5", "q1"), "language"] == "de"
    assert out.loc[("r1", "q1"), "confidence"] > 0.9
    assert not out.loc[("r1", "q1"), "is_short"]


def test_short_answer_follows_respondents_other_answers(toy):
    out, _, _ = toy
    # declared French, but writes English elsewhere: "Yes." is English
    yes = out.loc[("r1", "q2")]
    assert (yes["language"], yes["method"], bool(yes["is_short"])) == ("en", "context", True)
    assert yes["mismatch"]
    # declared Greek, writes English: "No." is English, not Italian (lingua's own guess)
    assert out.loc[("r4", "q2"), "language"] == "en"


def test_short_answer_follows_declared_language(toy):
    out, _, _ = toy
    assert out.loc[("r2", "q2"), "language"] == "fr"
    # lingua alone says Portuguese
    row = out.loc[("r3", "q1")]
    assert row["lingua_language"] == "pt"
    assert (row["language"], row["method"], bool(row["mismatch"])) == ("es", "context", False)


def test_texts_without_letters_get_no_language(toy):
    out, _, _ = toy
    for key in [("r2", "q3"), ("r4", "q3"), ("r4", "q4")]:
        row = out.loc[key]
        assert pd.isna(row["language"]) and row["method"] == "none"
        assert pd.isna(row["confidence"]) and not row["mismatch"]


def test_mismatch_and_declared(toy):
    out, _, _ = toy
    assert out.loc[("r1", "q1"), "declared_language"] == "fr"
    assert out.loc[("r1", "q1"), "mismatch"]
    assert not out.loc[("r2", "q1"), "mismatch"]
    # a response missing from `responses`: no declared language, no mismatch
    assert pd.isna(out.loc[("rX", "q1"), "declared_language"])
    assert not out.loc[("rX", "q1"), "mismatch"]


def test_mixed_language_text_is_flagged(toy):
    out, _, _ = toy
    row = out.loc[("r6", "q1")]
    assert row["is_mixed"] and list(row["mixed_languages"]) == ["en", "fr"]
    assert not out["is_mixed"].drop(("r6", "q1")).any()


def test_maltese_via_py3langid(toy):
    out, _, _ = toy
    assert out.loc[("r7", "q1"), "language"] == "mt"


def test_n_chars_is_text_length(toy):
    out, _, _ = toy
    assert out.loc[("r1", "q2"), "n_chars"] == 4
    assert out.loc[("r1", "q1"), "n_chars"] == len(EN)


def test_identical_texts_scored_once_and_progress_reported(monkeypatch):
    seen = []
    real = lang._confidences

    def spy(texts, *args, **kwargs):
        seen.append(list(texts))
        return real(texts, *args, **kwargs)

    monkeypatch.setattr(lang, "_confidences", spy)
    rows = [(f"r{i}", "q1", "See attached position paper.") for i in range(50)]
    rows += [(f"r{i}", "q2", EN) for i in range(50)]
    answers, questions, responses = _tables(rows, {f"r{i}": "en" for i in range(50)})
    calls = []
    out = detect_languages(answers, questions, responses,
                           progress=lambda done, total: calls.append((done, total)))
    assert len(out) == 100 and set(out["language"]) == {"en"}
    assert sorted(seen[0]) == sorted(["See attached position paper.", EN])
    assert calls and calls[-1] == (2, 2)


def test_map_texts_hook_runs_the_per_text_work_in_chunks():
    mixed = EN + " " + EN2 + "\n\n" + FR + " " + FR2
    rows = [("a", "q1", EN), ("a", "q2", "Ok."), ("b", "q1", "Nein."), ("b", "q2", DE),
            ("c", "q1", mixed)]
    args = _tables(rows, {"a": "en", "b": "de", "c": "en"})
    seen = []

    def map_texts(fn, texts):  # one text per call, joined in order
        seen.append(len(texts))
        parts = [fn([t]) for t in texts]
        return np.concatenate(parts) if isinstance(parts[0], np.ndarray) else \
            [x for p in parts for x in p]

    out = detect_languages(*args, map_texts=map_texts)
    pd.testing.assert_frame_equal(out, detect_languages(*args))
    assert seen == [5, 1]  # lingua's scores of the 5 distinct texts, the one long text's check
    assert out.set_index("response_id").loc["c", "is_mixed"]
    with pytest.raises(ParameterError, match="'map_texts' parameter must be a callable"):
        detect_languages(*args, map_texts=4)


def test_deterministic():
    rows = [("a", "q1", EN), ("a", "q2", "Ok."), ("b", "q1", "Nein."), ("b", "q2", DE)]
    args = _tables(rows, {"a": "en", "b": "de"})
    pd.testing.assert_frame_equal(detect_languages(*args), detect_languages(*args))


def test_documents_get_rows():
    answers, questions, responses = _tables([("r1", "q1", EN)], {"r1": "en"})
    documents = pd.DataFrame({
        "document_id": ["r1:1", "r1:2", "r1:3"], "response_id": ["r1"] * 3,
        "text": [FR + " " + FR2, None, "  "],
        "extraction_status": ["ok", "missing_file", "empty"]})
    out = detect_languages(answers, questions, responses, documents=documents)
    assert list(out["question_id"]) == ["q1", "document:r1:1"]
    assert out["language"].tolist() == ["en", "fr"]
    assert out["mismatch"].tolist() == [False, True]


def test_restricted_languages():
    answers, questions, responses = _tables([("r1", "q1", DE)], {"r1": "en"})
    out = detect_languages(answers, questions, responses, languages=["en", "nl"])
    assert out["language"].iloc[0] in {"en", "nl"}


def test_no_known_language_falls_back_on_declared():
    rows = [("r1", "q1", "Ναι, συμφωνώ απόλυτα με την πρόταση."), ("r2", "q1", "Ναι.")]
    args = _tables(rows, {"r1": "fr"})
    out = detect_languages(*args, languages=["en", "fr"])
    assert out["language"].iloc[0] == "fr" and pd.isna(out["language"].iloc[1])
    assert out["method"].tolist() == ["declared", "none"]
    assert 0 < out["confidence"].iloc[0] < 1 and pd.isna(out["confidence"].iloc[1])


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.text(max_size=300), min_size=1, max_size=6))
def test_any_text_gives_one_valid_row(texts):
    rows = [(f"r{i % 2}", f"q{i}", t) for i, t in enumerate(texts)]
    out = detect_languages(*_tables(rows, {"r0": "de", "r1": "en"}))
    assert len(out) == len(texts)
    assert out["language"].dropna().isin(EU_LANGUAGES).all()
    assert out["confidence"].dropna().between(0, 1 + 1e-6).all()
    assert (out["language"].isna() == out["method"].isin(["none"])).all()


def test_empty_input():
    answers, questions, responses = _tables([], {})
    out = detect_languages(answers, questions, responses)
    assert out.empty and list(out.columns[:10]) == schema.SCHEMAS["languages"].names


@pytest.mark.parametrize(("kwargs", "match"), [
    ({"min_chars": 0}, "'min_chars' parameter must be an int in \\[1, inf\\). Got 0"),
    ({"min_chars": 2.5}, "'min_chars'"),
    ({"languages": "en"}, "'languages' parameter must be a collection"),
    ({"languages": ["en", "xx"]}, "unsupported code"),
    ({"languages": ["en"]}, "at least 2"),
    ({"mixed_min_share": 0.7}, "'mixed_min_share' parameter must be a float in \\(0, 0.5\\]"),
    ({"progress": 3}, "'progress' parameter must be a callable"),
])
def test_parameter_errors(kwargs, match):
    args = _tables([("r1", "q1", EN)], {"r1": "en"})
    with pytest.raises(ParameterError, match=match):
        detect_languages(*args, **kwargs)


def test_missing_columns_raise_schema_error():
    answers, questions, responses = _tables([("r1", "q1", EN)], {"r1": "en"})
    with pytest.raises(SchemaError, match="language"):
        detect_languages(answers, questions, responses.drop(columns="language"))


def test_eu_languages():
    assert len(EU_LANGUAGES) == 24 and len(set(EU_LANGUAGES)) == 24


def test_language_summary(toy):
    out, _, _ = toy
    s = language_summary(out.reset_index())
    assert s["n_texts"].sum() == len(out)
    row = s[(s["declared_language"] == "fr") & (s["language"] == "en")].iloc[0]
    assert row["n_texts"] == 3 and row["n_responses"] == 1 and row["mismatch"]
    assert s["n_texts"].is_monotonic_decreasing
    assert (s.loc[s["language"] == "(none)", "n_texts"].sum() == 3)


def test_measure_accuracy():
    det = pd.DataFrame({"response_id": ["a", "b", "c"], "question_id": ["q"] * 3,
                        "language": ["en", "fr", "de"], "n_chars": [4, 100, 100]})
    truth = pd.DataFrame({"response_id": ["a", "b", "c", "d"], "question_id": ["q"] * 4,
                          "language": ["en", "de", "de", "en"]})
    m = measure_accuracy(det, truth)
    assert m["accuracy"] == 0.5 and m["n_missing"] == 1 and m["n_errors"] == 2
    assert m["n_short"] == 1 and m["accuracy_short"] == 1.0


# -- real data ----------------------------------------------------------------------------------
def test_eusurvey_fixture_all_correct():
    t = ingest([FIXTURES / "eusurvey_small"]).tables
    out = detect_languages(t["answers"], t["questions"], t["responses"],
                           documents=t["documents"])
    got = dict(zip(out["response_id"].str[-2:] + "/" + out["question_id"],
                   out["language"], strict=True))
    expected_non_en = {"02": "de", "03": "fr", "05": "es", "06": "pl", "08": "it",
                       "10": "de", "12": "fr", "16": "es", "18": "nl"}
    for key, value in got.items():
        assert value == expected_non_en.get(key[:2], "en"), key
    assert out["question_id"].str.startswith("document:").sum() == 1


@pytest.fixture(scope="module")
def hys():
    t = ingest([shared("hys_ai_act_2021")]).tables
    out = detect_languages(t["answers"], t["questions"], t["responses"],
                           documents=t["documents"])
    return out.set_index(["response_id", "question_id"])


def test_hys_feedback_languages(hys):
    body = hys[~hys.index.get_level_values(1).str.startswith("document:")]
    assert len(body) == 303
    # every mismatch with the declared language was checked by hand: all are real
    # (organisations declaring their own language and writing English, and the reverse)
    real = {"hys:2665617": "en", "hys:2665551": "en", "hys:2665479": "en",
            "hys:2665472": "pl", "hys:2665431": "en", "hys:2665329": "en",
            "hys:2665297": "en", "hys:2665262": "de", "hys:2665210": "it",
            "hys:2663263": "en", "hys:2663256": "en", "hys:2662473": "en"}
    mism = body[body["mismatch"]]
    assert dict(zip(mism.index.get_level_values(0), mism["language"], strict=True)) == real
    # lingua alone says German (0.78) for an English text full of German names
    assert hys.loc[("hys:2665205", "feedback"), "language"] == "en"
    # lingua alone says Estonian
    assert hys.loc[("hys:2256824", "feedback"), "language"] == "en"


def test_hys_bilingual_documents_flagged(hys):
    docs = hys[hys.index.get_level_values(1).str.startswith("document:")]
    mixed = set(docs.index[docs["is_mixed"]].get_level_values(0))
    assert {"hys:2663391", "hys:2663340", "hys:2662904", "hys:2660510"} <= mixed
    assert len(mixed) <= 6
    assert not hys.loc[hys.index.get_level_values(1) == "feedback", "is_mixed"].any()


def test_sample_truth_accuracy():
    if not (SAMPLE / "truth" / "languages.csv").exists():
        pytest.skip("micro-credentials sample not generated")
    t = ingest([SAMPLE]).tables
    q = t["questions"].copy()
    q.loc[q["source_column"] == 45, "kind"] = "free_text"  # read as single_choice by ingest
    tr = pd.read_csv(SAMPLE / "truth" / "languages.csv")
    qs = q.dropna(subset=["source_column"])
    qmap = dict(zip(qs["source_column"].astype(int), qs["question_id"], strict=True))
    truth = pd.DataFrame({"response_id": "eusurvey:" + tr["reference"],
                          "question_id": tr["column"].map(qmap), "language": tr["language"]})
    out = detect_languages(t["answers"], q, t["responses"], documents=t["documents"])
    m = measure_accuracy(out, truth)
    assert m["n"] > 2000 and m["n_missing"] == 0
    assert m["accuracy"] >= 0.995 and m["accuracy_short"] >= 0.98


# -- fastText screen (large consultations) ----------------------------------------------
def test_screen_decides_long_confident_texts_like_lingua(monkeypatch):
    """On the sample every screened decision is lingua's, and 'auto' screens only large
    inputs; the truth's accuracy does not change."""
    if not (SAMPLE / "contributions.csv").exists():
        pytest.skip("synthetic sample not generated")
    t = ingest([SAMPLE]).tables
    args = (t["answers"], t["questions"], t["responses"])
    plain = detect_languages(*args, screen=False)
    auto = detect_languages(*args)  # 2,400 distinct texts: under the 'auto' threshold
    pd.testing.assert_frame_equal(auto, plain)
    calls = []
    real = lang._confidences

    def counting(texts, *a, **k):
        calls.append(len(texts))
        return real(texts, *a, **k)

    monkeypatch.setattr(lang, "_confidences", counting)
    screened = detect_languages(*args, screen=True)
    is_ft = screened["method"].eq("fasttext")
    assert is_ft.mean() > 0.4  # most long texts skip lingua …
    assert sum(calls) < 0.6 * plain["language"].notna().sum()
    assert (screened["n_chars"][is_ft] >= 100).all()
    assert (screened.loc[is_ft, "language"] == plain.loc[is_ft, "language"]).all()
    same = (screened["language"].astype(str) == plain["language"].astype(str)).mean()
    assert same >= 0.999
    tr = pd.read_csv(SAMPLE / "truth" / "languages.csv")
    qs = t["questions"].dropna(subset=["source_column"])
    qmap = dict(zip(qs["source_column"].astype(int), qs["question_id"], strict=True))
    truth = pd.DataFrame({"response_id": "eusurvey:" + tr["reference"],
                          "question_id": tr["column"].map(qmap), "language": tr["language"]})
    acc, acc_plain = measure_accuracy(screened, truth), measure_accuracy(plain, truth)
    assert acc["n"] > 1000 and acc["accuracy"] >= acc_plain["accuracy"] - 0.001
    monkeypatch.setattr(lang, "_SCREEN_MIN_TEXTS", 100)  # 'auto' on a large input screens
    assert detect_languages(*args)["method"].eq("fasttext").sum() == is_ft.sum()
    with pytest.raises(ParameterError, match="'screen'"):
        detect_languages(*args, screen="yes")


def test_rows_in_chunks_give_identical_results(monkeypatch):
    """The posterior is computed a chunk of rows at a time (memory bounded at a million
    answers): any chunk size gives the same table, bit for bit."""
    if not (SAMPLE / "contributions.csv").exists():
        pytest.skip("synthetic sample not generated")
    t = ingest([SAMPLE]).tables
    args = (t["answers"], t["questions"], t["responses"])
    whole = detect_languages(*args)
    monkeypatch.setattr(lang, "_ROW_CHUNK", 7)
    pd.testing.assert_frame_equal(detect_languages(*args), whole, check_exact=True)
