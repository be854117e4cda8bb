"""Evidence-linked draft (standards_draft.drafting): clauses, notes, flags, amendments, DOCX."""

from __future__ import annotations

import docx
import pandas as pd
import pytest

from standards_draft import Draft, EvidenceError, draft_standard, load_catalogue, trace_evidence
from tests.standards_draft.test_evidence import _tables


@pytest.fixture(scope="module")
def cat():
    return load_catalogue()


@pytest.fixture(scope="module")
def traced(cat):
    answers, questions, responses, redacted, members = _tables()
    return trace_evidence(cat, answers, questions, responses, redacted_answers=redacted,
                          campaign_members=members, min_voices=2)


@pytest.fixture(scope="module")
def draft(cat, traced) -> Draft:
    return draft_standard(cat, traced["evidence"], traced["element_summary"], min_voices=2)


def test_every_element_is_a_clause_with_a_note(cat, draft):
    headings = [h for h, _ in draft.sections]
    assert headings == ["Definition", "European standard elements",
                        "Principles for design and issuance", "Roadmap actions"]
    clauses = [c for _, cl in draft.sections for c in cl]
    assert [c.element_id for c in clauses] == cat.ids
    assert [c.note for c in clauses] == list(range(1, len(cat) + 1))
    assert len(draft.notes) == len(cat)


def test_r3_note_counts_voices_by_group_and_quotes_redacted_text(draft):
    c = draft.clause("R3")
    assert "contested" in c.flags
    note = draft.note(c.note)
    assert "Opposition 3" in note.text and "NGOs" in note.text
    assert "Campaigns (counted once): C001 (2 responses)" in note.text
    assert note.quotes and all(q[0].startswith("E") for q in note.quotes)
    assert not any("Jane" in q[2] or "jane@" in q[2] for q in note.quotes)
    assert "Source: PAGE2021" in note.text


def test_elements_without_evidence_are_flagged(draft):
    assert "no evidence" in draft.clause("S03").flags or "weak support" in \
        draft.clause("S03").flags


def test_amendments_list_evidence(draft):
    r3 = [a for a in draft.amendments if a.element_id == "R3"]
    assert r3 and r3[0].kind in ("contested", "opposed")
    assert r3[0].evidence_ids


def test_markdown_has_footnotes_and_flags(draft):
    md = draft.to_markdown()
    assert md.startswith("# ")
    assert "[^1]" in md and "\n[^1]: " in md
    assert "**[contested]**" in md
    assert "## Evidence for proposed amendments" in md
    assert md == draft.to_markdown()  # deterministic


def test_docx_has_clauses_and_endnotes(draft, tmp_path):
    path = draft.to_docx(tmp_path / "out" / "draft.docx")
    doc = docx.Document(str(path))
    text = "\n".join(p.text for p in doc.paragraphs)
    assert "(R3) Develop a list of trusted providers" in text
    assert "Notes: evidence" in text
    supers = [r for p in doc.paragraphs for r in p.runs if r.font.superscript]
    assert len(supers) == len(draft.notes)


def test_uncovered_codes_and_topics_become_amendments(cat, traced):
    codes = pd.DataFrame({"response_id": ["r1", "r2", "r3", "r4", "r5"],
                          "question_id": ["q9"] * 5, "code_id": ["childcare"] * 5,
                          "label": ["Childcare and family support"] * 5})
    topics = pd.DataFrame({"model_id": ["all", "all"], "topic_id": [0, 1],
                           "label": ["weather_rain_sun", "trusted_providers_list"],
                           "keywords": [["weather", "rain", "sun"],
                                        ["trusted", "providers", "list"]],
                           "size": [12, 30]})
    d = draft_standard(cat, traced["evidence"], traced["element_summary"], codes=codes,
                       topics=topics, min_voices=2)
    kinds = {a.kind: a for a in d.amendments}
    assert "uncovered_code" in kinds and "Childcare" in kinds["uncovered_code"].title
    titles = [a.title for a in d.amendments if a.kind == "uncovered_topic"]
    assert titles == ["Topic not in the catalogue: weather_rain_sun"]


def test_summary_must_match_catalogue(cat, traced):
    summ = traced["element_summary"].copy()
    summ.loc[0, "element_id"] = "ZZ9"
    with pytest.raises(EvidenceError, match="ZZ9"):
        draft_standard(cat, traced["evidence"], summ)
