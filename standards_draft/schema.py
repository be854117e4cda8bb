"""Schemas of the tables ``standards_draft`` writes: ``evidence`` and ``element_summary``.

Both are registered with :func:`consultation.schema.register`, so ``Workspace.write`` validates
them and ``consult info`` documents them.
"""

from __future__ import annotations

from consultation.schema import Column, TableSchema, register

__all__ = ["ELEMENT_SUMMARY", "EVIDENCE", "STANCES"]

STR, INT, FLT, BOOL, LST = "string", "Int64", "float64", "boolean", "list"

#: Allowed stance values, strongest opinion first.
STANCES = ("support", "conditional", "oppose", "neutral")

EVIDENCE = register(TableSchema(
    "evidence",
    "Evidence linking catalogue elements to what respondents said: one row per (element, "
    "passage) for open answers and position papers, and one row per (element, closed answer) "
    "for related closed questions.",
    (
        Column("evidence_id", STR, "Stable id `E000001`…, in (element, response, source, start) "
               "order.", nullable=False),
        Column("element_id", STR, "Catalogue element (e.g. `D4`, `S07`, `R3`).", nullable=False),
        Column("element_kind", STR, "definition | standard | principle | roadmap (the catalogue's "
               "kinds)."),
        Column("response_id", STR, "Response the evidence comes from.", nullable=False),
        Column("question_id", STR, "Question answered (open or closed); null for documents."),
        Column("document_id", STR, "Position paper the passage comes from; null for answers."),
        Column("source", STR, "answer (open answer) | document (position paper) | closed "
               "(closed question).", nullable=False),
        Column("start", INT, "Passage start offset in the linked text: the redacted text when "
               "redacted tables were given, else the original text (null for closed rows)."),
        Column("end", INT, "Passage end offset (exclusive), same text as `start`."),
        Column("quote", STR, "The passage, from redacted text when available; null when it may "
               "not be quoted (anonymous respondent and no redacted text)."),
        Column("quote_available", BOOL, "A quotable passage is in `quote`."),
        Column("stance", STR, "support | conditional (support with conditions) | oppose | "
               "neutral (mention without a position).", nullable=False),
        Column("stance_cue", STR, "What decided the stance (e.g. `condition:only if`, "
               "`closed:rating=1`, `default`)."),
        Column("score", FLT, "Link strength: cue weights + context bonus + BM25 (+ similarity); "
               "closed rows: 1."),
        Column("method", STR, "cue | cue+bm25 | bm25 | semantic | closed (what linked the "
               "passage), plus `+closed` when a closed answer set the stance."),
        Column("cues", LST, "The cues that matched (for review)."),
        Column("campaign_id", STR, "Campaign of the response, if any (count once)."),
        Column("language", STR, "Language of the passage (ISO 639-1)."),
        Column("stakeholder_type", STR, "Respondent's stakeholder type."),
        Column("publication", STR, "public | anonymous."),
        Column("rating", FLT, "Closed rows: the rating given (NaN for choice answers)."),
        Column("choice", STR, "Closed rows: the option chosen (choice questions)."),
        Column("bm25", FLT, "BM25 score of the sentence for the element, relative to the mean "
               "score of the sentences its cues link (text rows)."),
    ),
    key=("evidence_id",),
))

ELEMENT_SUMMARY = register(TableSchema(
    "element_summary",
    "Per element and stakeholder group: respondents (one voice each, a campaign once) "
    "supporting, conditionally supporting or opposing the element, closed-question results, "
    "strength and contestedness, and diverse top quotes.",
    (
        Column("element_id", STR, "Catalogue element.", nullable=False),
        Column("element_kind", STR, "Element kind."),
        Column("label", STR, "Element label."),
        Column("group_by", STR, "`all` | `stakeholder_type`.", nullable=False),
        Column("group", STR, "Group value (`all` for the overall row).", nullable=False),
        Column("n_group", INT, "Voices in the group: respondents, each campaign counted "
               "once."),
        Column("n_voices", INT, "Voices with any evidence on the element (text or closed)."),
        Column("n_support", INT, "Voices whose resolved stance is support."),
        Column("n_conditional", INT, "Voices whose resolved stance is conditional support."),
        Column("n_oppose", INT, "Voices whose resolved stance is opposition."),
        Column("n_neutral", INT, "Voices that only mention the element."),
        Column("share_support", FLT, "n_support / n_group."),
        Column("share_conditional", FLT, "n_conditional / n_group."),
        Column("share_oppose", FLT, "n_oppose / n_group."),
        Column("n_text_voices", INT, "Voices with open-text or position-paper evidence."),
        Column("n_closed", INT, "Closed answers on related questions (one voice each)."),
        Column("n_closed_support", INT, "Closed answers read as support (rating >= 4, agree)."),
        Column("n_closed_oppose", INT, "Closed answers read as opposition (rating <= 2, "
               "disagree)."),
        Column("mean_rating", FLT, "Mean rating on related rating questions."),
        Column("n_campaigns", INT, "Campaigns among the voices (each counted once)."),
        Column("campaign_sizes", STR, "JSON object campaign_id -> number of member responses."),
        Column("strength", FLT, "Wilson lower bound (95%) of the share in favour (support + "
               "conditional) among voices with a position; 0 when none."),
        Column("net_support", FLT, "(support + conditional/2 - oppose) / voices with a position."),
        Column("contestedness", FLT, "2 * min(for, against) / (for + against): 0 unanimous, "
               "1 evenly split."),
        Column("weak", BOOL, "Fewer voices with a position than the threshold, or strength < 0.5."),
        Column("contested", BOOL, "contestedness >= 0.5 (at least a third of positions oppose)."),
        Column("top_evidence_ids", LST, "Up to k quotable evidence ids, diverse by stakeholder "
               "group and language (never unredacted text of anonymous respondents)."),
        Column("top_quotes", LST, "The quotes of `top_evidence_ids`."),
    ),
    key=("element_id", "group_by", "group"),
))
