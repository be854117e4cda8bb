"""Catalogue loading and validation (standards_draft.catalogue)."""

from __future__ import annotations

import copy
from pathlib import Path

import pytest
import yaml

from consultation.errors import ConsultationError
from standards_draft import CatalogueError, CueSyntaxError, load_catalogue
from standards_draft.catalogue import catalogue_from_dict
from standards_draft.cues import WordTable, match_cue, parse_cue
from standards_draft.text import fold, tokenize

PACKAGED = Path(__file__).resolve().parents[2] / "standards_draft" / "catalogues" / \
    "micro_credentials.yaml"
IDS = ([f"D{i}" for i in range(1, 9)] + [f"S{i:02d}" for i in range(1, 16)]
       + [f"P{i:02d}" for i in range(1, 11)] + [f"R{i}" for i in range(1, 9)])


@pytest.fixture(scope="module")
def raw() -> dict:
    return yaml.safe_load(PACKAGED.read_text(encoding="utf-8"))


def test_packaged_catalogue_has_the_issue_ids_in_order():
    cat = load_catalogue()
    assert cat.ids == IDS
    assert {e.kind for e in cat.of_kind("standard")} == {"standard"}
    assert {e.id for e in cat.of_kind("roadmap")} == {f"R{i}" for i in range(1, 9)}
    assert cat.kind_order() == ["definition", "standard", "principle", "roadmap"]
    # mandatory S01-S11, optional S12-S15
    assert [e.id for e in cat.of_kind("standard") if e.mandatory] == [f"S{i:02d}"
                                                                        for i in range(1, 12)]


def test_every_element_is_sourced_and_has_cues_in_all_eight_languages():
    cat = load_catalogue()
    assert set(cat.languages) == {"en", "de", "fr", "es", "it", "pl", "nl", "pt"}
    coverage = cat.coverage()
    for e in cat:
        assert e.sources and all(s["document"] in cat.documents for s in e.sources), e.id
        assert e.citation(), e.id
        assert set(coverage[e.id]) == set(cat.languages), (e.id, coverage[e.id])
        assert e.clause and e.description


def test_closed_question_patterns_reference_text_not_ids():
    cat = load_catalogue()
    r3 = cat["R3"].closed_questions[0]
    assert r3.matches("A list of trusted providers", None)
    assert r3.matches("Developing a list of TRUSTED PROVIDERS and fostering QA", None)
    assert not r3.matches("Type of quality assurance used", None)
    assert cat["S06"].closed_questions[0].matches("Learning outcomes", None)
    assert not cat["S06"].closed_questions[0].matches(
        "Notional workload needed to achieve the learning outcomes (in ECTS)", None)


def test_choice_options_map_to_stances():
    cat = load_catalogue()
    assert cat.choice_stance("Fully agree") == "support"
    assert cat.choice_stance("Partly agree") == "conditional"
    assert cat.choice_stance("Disagree") == "oppose"
    assert cat.choice_stance("Something else") is None


def test_threshold_per_language():
    cat = load_catalogue()
    d2 = cat["D2"]
    assert d2.threshold_for("en", 1.0) != d2.threshold_for("de", 1.0) or d2.threshold
    assert d2.threshold_for("xx", 7.0) == d2.threshold.get("default", 7.0)


def test_unknown_element_lookup_suggests(raw):
    cat = load_catalogue()
    with pytest.raises(KeyError, match="did you mean 'R3'"):
        cat["R33"]


@pytest.mark.parametrize(("mutate", "message"), [
    (lambda d: d["elements"].append(copy.deepcopy(d["elements"][0])), "Duplicate element id"),
    (lambda d: d["elements"][0].__setitem__("kind", "defnition"), "did you mean 'definition'"),
    (lambda d: d["elements"][0]["cues"].__setitem__("xx", ["foo"]), "language 'xx'"),
    (lambda d: d["elements"][0].pop("label"), "misses required key"),
    (lambda d: d["elements"][0].__setitem__("cue", {}), "unknown key"),
    (lambda d: d["elements"][0]["closed_questions"][0].__setitem__("pattern", "(["),
     "not a valid regular expression"),
    (lambda d: d["elements"][0].__setitem__("context", ["nowhere"]), "unknown context"),
    (lambda d: d["elements"][0]["source"][0].__setitem__("document", "XX"),
     "unknown document"),
    (lambda d: d["elements"][0].__setitem__("threshold", -1), "Threshold"),
    (lambda d: d.__setitem__("elements", []), "empty"),
])
def test_invalid_catalogues_raise_clear_errors(raw, mutate, message):
    bad = copy.deepcopy(raw)
    mutate(bad)
    with pytest.raises(CatalogueError, match=message) as info:
        catalogue_from_dict(bad, where="test.yaml")
    assert info.value.code.startswith("D1")
    assert isinstance(info.value, ConsultationError)


def test_unparsable_cue_names_element_and_language(raw):
    bad = copy.deepcopy(raw)
    bad["elements"][3]["cues"]["de"] = ["eigentum + "]
    with pytest.raises(CueSyntaxError, match=r"cues\.de of element 'D4'") as info:
        catalogue_from_dict(bad)
    assert info.value.code == "D101"


def test_file_errors(tmp_path):
    with pytest.raises(CatalogueError, match="does not exist"):
        load_catalogue(tmp_path / "missing.yaml")
    p = tmp_path / "broken.yaml"
    p.write_text("elements: [\n", encoding="utf-8")
    with pytest.raises(CatalogueError, match="not valid YAML"):
        load_catalogue(p)


def test_generic_minimal_catalogue(tmp_path):
    p = tmp_path / "other.yaml"
    p.write_text(yaml.safe_dump({
        "catalogue": "ai_act", "languages": ["en"],
        "kinds": {"obligation": {"label": "Obligations", "order": 1}},
        "elements": [{"id": "O1", "kind": "obligation", "label": "Risk management",
                      "description": "Providers run a risk management system.",
                      "cues": {"en": ["risk management"]}}]}), encoding="utf-8")
    cat = load_catalogue(p)
    assert cat.ids == ["O1"] and cat.kind_order() == ["obligation"]
    assert cat["O1"].clause == "Risk management"


# -- cue language ------------------------------------------------------------------------------
def _match(cue: str, text: str, lang: str = "en") -> bool:
    t = WordTable()
    c = parse_cue(cue, t)
    return match_cue(c, t.token_ids(tokenize(text, lang))) is not None


@pytest.mark.parametrize(("cue", "text", "hit"), [
    ("trusted providers", "A list of trusted providers.", True),
    ("trusted providers", "Providers that are trusted.", False),
    ("list ... providers", "a list of trusted providers", True),
    ("list ... providers", "a list of one two three four providers", False),
    ("recogni*", "Recognition matters", True),
    ("*anerkenn*", "Die Hochschulanerkennung", True),
    ("micro-credential*", "micro credentials", True),
    ("# ... ects", "between 1 and 15 ECTS", True),
    ("learner + own", "The learner should own it", True),
    ("learner + own", "The learner should keep it", False),
    ("qualitatssicherung", "Qualitätssicherung ist wichtig", True),
    ("wlasnosc*", "Własność uczącego się", True),
    ("a|b ... c", "b x c", True),
    ("learner", "learners are central", True),  # lemma
])
def test_cue_matching(cue, text, hit):
    assert _match(cue, text) is hit


def test_fold_and_tokens_keep_offsets():
    text = "L'apprenant garde la propriété"
    toks = tokenize(text, "fr")
    assert [t.form for t in toks][:2] == ["l", "apprenant"]
    assert text[toks[-1].start:toks[-1].end] == "propriété"
    assert fold("Straße Łódź") == "strasse lodz"
