"""standards_draft.explore: catalogue table and edits, evidence filters, matrices, contested."""

from __future__ import annotations

import pandas as pd
import pytest

from consultation import Workspace
from consultation import schema as cs
from standards_draft import CatalogueError, DraftParameterError, load_catalogue
from standards_draft.drafting import draft_standard
from standards_draft.explore import (
    catalogue_table,
    compare_summaries,
    contested_elements,
    draft_table,
    edit_element,
    element_evidence,
    element_matrix,
    evidence_changes,
    trace_workspace,
)
from standards_draft.schema import ELEMENT_SUMMARY, EVIDENCE


@pytest.fixture(scope="module")
def cat():
    return load_catalogue()


def test_catalogue_table_has_one_row_per_element_in_order(cat):
    t = catalogue_table(cat)
    assert t["element_id"].tolist() == cat.ids
    r3 = t.set_index("element_id").loc["R3"]
    assert r3["label"] == cat["R3"].label
    assert r3["n_cues"] == sum(len(v) for v in cat["R3"].cues.values())
    assert "en" in r3["languages"]
    assert t.set_index("element_id").loc["S07", "threshold"] == "default: 2, en: 1.5"


def test_edit_element_returns_a_changed_copy_and_leaves_the_original(cat):
    new = edit_element(cat, "R3", label="Trusted providers", add_cues={"en": ["zorblax"]},
                       threshold=1.0)
    assert new["R3"].label == "Trusted providers"
    assert new["R3"].cues["en"][-1] == "zorblax"
    assert new["R3"].threshold == {"default": 1.0}
    assert cat["R3"].label != "Trusted providers"
    assert "zorblax" not in cat["R3"].cues["en"]
    assert new.ids == cat.ids and new["R2"] is cat["R2"]
    removed = edit_element(new, "R3", remove_cues={"en": ["zorblax"]})
    assert removed["R3"].cues["en"] == cat["R3"].cues["en"]


def test_edit_element_checks_ids_languages_and_cue_syntax(cat):
    with pytest.raises(DraftParameterError, match="did you mean 'R3'"):
        edit_element(cat, "r3", label="x")
    with pytest.raises(DraftParameterError, match="not a language of the catalogue"):
        edit_element(cat, "R3", add_cues={"xx": ["wallet"]})
    with pytest.raises(DraftParameterError, match="has no cues 'nothing'"):
        edit_element(cat, "R3", remove_cues={"en": ["nothing"]})
    with pytest.raises(CatalogueError):
        edit_element(cat, "R3", add_cues={"en": ["wallet + "]})
    with pytest.raises(DraftParameterError, match="threshold"):
        edit_element(cat, "R3", threshold=0)


def _tiny_workspace(path) -> Workspace:
    ws = Workspace.create(path)
    ws.write("responses", pd.DataFrame({
        "response_id": ["r1", "r2"], "stakeholder_type": ["ngo", "company"],
        "publication": ["public", "public"], "language": ["en", "en"],
        "consultation_id": "t", "source_format": "generic"}))
    ws.write("questions", pd.DataFrame({
        "question_id": ["q1"], "text": ["Do you have any other comments?"],
        "kind": ["free_text"], "is_group": [False]}))
    ws.write("answers", pd.DataFrame({
        "response_id": ["r1", "r2"], "question_id": ["q1", "q1"],
        "value": ["Learners must be able to keep every credential in a zorblax.",
                  "We have nothing to add on this topic today."]}))
    ws.save_manifest()
    return ws


def test_an_edited_cue_links_new_evidence_when_retraced(cat, tmp_path):
    ws = _tiny_workspace(tmp_path / "ws")
    before = trace_workspace(ws, cat)
    assert not ((before["evidence"]["element_id"] == "R3")
                & (before["evidence"]["response_id"] == "r1")).any()
    edited = edit_element(cat, "R3", add_cues={"en": ["zorblax"]}, threshold=1.0)
    after = trace_workspace(ws, edited)
    ev = element_evidence(after["evidence"], element_id="R3")
    assert ev["response_id"].tolist() == ["r1"]
    assert "zorblax" in ev["quote"].iloc[0]
    diff = compare_summaries(before["element_summary"], after["element_summary"])
    assert diff.loc[0, "element_id"] == "R3" and bool(diff.loc[0, "changed"])
    assert diff.loc[0, "n_voices_change"] == 1
    assert not diff.loc[1:, "changed"].any()
    changes = evidence_changes(before["evidence"], after["evidence"])
    assert changes["change"].tolist() == ["added"]
    assert changes.loc[0, "element_id"] == "R3" and changes.loc[0, "response_id"] == "r1"
    assert evidence_changes(before["evidence"], before["evidence"]).empty
    assert sorted(p.name for p in ws.path.iterdir()) == sorted(
        ["manifest.json", "responses.parquet", "questions.parquet", "answers.parquet"])


def _evidence() -> pd.DataFrame:
    return cs.conform(pd.DataFrame({
        "evidence_id": ["E000001", "E000002", "E000003", "E000004", "E000005"],
        "element_id": ["D1", "D1", "D1", "R3", "R3"],
        "response_id": ["r1", "r2", "r3", "r1", "r4"],
        "source": ["answer", "document", "closed", "answer", "answer"],
        "stance": ["support", "oppose", "support", "conditional", "oppose"],
        "score": [1.0, 2.5, 1.0, 1.5, 1.0],
        "stakeholder_type": ["ngo", "company", "ngo", "ngo", "eu_citizen"],
        "language": ["en", "de", None, "en", "fr"],
        "quote": ["q1", "q2", None, "q4", None],
        "quote_available": [True, True, False, True, False],
    }), EVIDENCE)


def test_element_evidence_filters_and_orders_by_score():
    ev = _evidence()
    d1 = element_evidence(ev, element_id="D1")
    assert d1["evidence_id"].tolist() == ["E000002", "E000001", "E000003"]
    assert element_evidence(ev, stance=["oppose"])["evidence_id"].tolist() == [
        "E000002", "E000005"]
    ngo = element_evidence(ev, stakeholder_type="ngo", source="answer")
    assert ngo["evidence_id"].tolist() == ["E000001", "E000004"]
    assert element_evidence(ev, quotable_only=True)["evidence_id"].tolist() == [
        "E000002", "E000001", "E000004"]
    assert element_evidence(ev, language="fr")["evidence_id"].tolist() == ["E000005"]


def test_element_evidence_names_bad_filters():
    ev = _evidence()
    with pytest.raises(DraftParameterError, match="did you mean 'oppose'"):
        element_evidence(ev, stance="opose")
    with pytest.raises(DraftParameterError, match="did you mean 'D1'"):
        element_evidence(ev, element_id="d1")
    with pytest.raises(DraftParameterError, match="'source' parameter"):
        element_evidence(ev, source="papers")


def _summary() -> pd.DataFrame:
    rows = []
    for eid, label, per_group in (
            ("D1", "Learner", {"all": (10, 8, 0, 2), "ngo": (6, 6, 0, 0),
                               "company": (4, 2, 0, 2)}),
            ("R3", "Trusted providers", {"all": (10, 4, 1, 5), "ngo": (5, 1, 0, 4),
                                         "eu_citizen": (5, 3, 1, 1)})):
        for g, (n, s, c, o) in per_group.items():
            pos = s + c + o
            rows.append({"element_id": eid, "label": label,
                         "group_by": "all" if g == "all" else "stakeholder_type", "group": g,
                         "n_group": n, "n_voices": n, "n_support": s, "n_conditional": c,
                         "n_oppose": o, "n_neutral": n - pos,
                         "share_oppose": o / n, "net_support": (s + c / 2 - o) / pos,
                         "contestedness": 2 * min(s + c, o) / pos,
                         "contested": 2 * min(s + c, o) / pos >= 0.5,
                         "strength": 0.5, "weak": False})
    return cs.conform(pd.DataFrame(rows), ELEMENT_SUMMARY)


def test_evidence_changes_finds_added_removed_and_changed_stances():
    before = _evidence()
    after = before.drop(index=[0]).copy()
    after.loc[4, "stance"] = "support"
    extra = before.iloc[[3]].assign(response_id="r9", evidence_id="E000009")
    after = cs.conform(pd.concat([after, extra], ignore_index=True), EVIDENCE)
    ch = evidence_changes(before, after)
    got = sorted(zip(ch["change"], ch["element_id"], ch["response_id"], strict=True))
    assert got == [("added", "R3", "r9"), ("removed", "D1", "r1"), ("stance", "R3", "r4")]
    assert ch.loc[ch["change"] == "stance", "stance_before"].tolist() == ["oppose"]
    only_d1 = evidence_changes(before, after, element_id="D1")
    assert only_d1["change"].tolist() == ["removed"]


def test_element_matrix_puts_all_first_then_the_commission_order():
    m = element_matrix(_summary(), value="n_oppose")
    assert m.columns.tolist() == ["all", "eu_citizen", "company", "ngo"]
    assert m.index.tolist() == ["D1: Learner", "R3: Trusted providers"]
    assert m.loc["R3: Trusted providers", "ngo"] == 4
    assert pd.isna(m.loc["D1: Learner", "eu_citizen"])
    with pytest.raises(DraftParameterError, match="did you mean 'n_oppose'"):
        element_matrix(_summary(), value="n_opose")


def test_contested_elements_are_sorted_and_name_the_most_opposed_group():
    c = contested_elements(_summary())
    assert c["element_id"].tolist() == ["R3"]
    assert c.loc[0, "most_opposed_by"] == "NGO (80%)"
    loose = contested_elements(_summary(), min_contestedness=0.1)
    assert loose["element_id"].tolist() == ["R3", "D1"]
    ngo = contested_elements(_summary(), group="ngo", min_contestedness=0.0)
    assert ngo["element_id"].tolist() == ["R3", "D1"]
    with pytest.raises(DraftParameterError, match="'group' parameter"):
        contested_elements(_summary(), group="ngos")


def test_draft_table_lists_every_clause_with_its_note(cat, tmp_path):
    out = trace_workspace(_tiny_workspace(tmp_path / "ws"), cat)
    d = draft_standard(cat, out["evidence"], out["element_summary"])
    t = draft_table(d)
    assert sorted(t["element_id"]) == sorted(cat.ids)
    assert t["number"].iloc[0] == "1.1"
    assert t.set_index("element_id").loc["R3", "text"] == d.clause("R3").text
    assert (t["note"].str.len() > 0).all()
    with pytest.raises(DraftParameterError):
        draft_table("not a draft")
