"""Tests of the published reports (standards_draft.reports): content, safety, determinism.

The module workspace is the EUSurvey fixture (tests/fixtures/eusurvey_small) after ingest, with
real closed-question statistics and hand-made tables for the other stages, plus a hostile
answer and a hostile organisation name (``<script>alert(1)</script>`` and
``=HYPERLINK("http://x","y")``) and personal data of anonymous respondents that the redaction
"missed" in an evidence quote.
"""

from __future__ import annotations

import csv
import hashlib
import html as html_lib
import io
import json
import logging
import re
import shutil
import zipfile
from html.parser import HTMLParser
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from consultation.errors import ParameterError
from consultation.ingest import ingest_to_workspace
from consultation.workspace import Workspace
from standards_draft.reports import build_reports, is_synthetic
from tests.conftest import FIXTURES, SAMPLE, shared

HOSTILE = '=HYPERLINK("http://x","y") <script>alert(1)</script>'
HOSTILE_ORG = '=HYPERLINK("http://x","y")<script>alert(1)</script> University of Examplestad'
STAMP = "2026-01-01T00:00:00+00:00"
DRAFT = """# Draft Recommendation

Micro-credentials should record learning outcomes [E000001].

- Quality assurance is required [E000003].
- <script>alert(2)</script> stays text.

[a link](javascript:alert(3)) and ![img](http://example.org/x.png)
"""
PERSONAL = ["John Placeholder", "john.placeholder@example.org", "Hans Platzhalter",
            "+49 30 1234567", "Kelbridge Learning Alliance"]


def _png(path: Path, w: int = 600, h: int = 360) -> None:
    from PIL import Image, ImageDraw

    path.parent.mkdir(parents=True, exist_ok=True)
    im = Image.new("RGB", (w, h), "white")
    ImageDraw.Draw(im).rectangle([40, 40, w - 40, h - 120], fill="#0571B0")
    im.save(path, format="PNG")
    path.with_suffix(".svg").write_text('<svg xmlns="http://www.w3.org/2000/svg"/>')


def make_workspace(path: Path, *, enrich: bool = True, synthetic: bool = True) -> Workspace:
    """The fixture export ingested, with hand-made enrichment, coding, topics and evidence."""
    ws = ingest_to_workspace([FIXTURES / "eusurvey_small"], path)
    ans = ws["answers"]
    resp = ws["responses"]
    m = ans["response_id"].eq("eusurvey:F100007") & ans["question_id"].eq("q06")
    ans.loc[m, "value"] = HOSTILE
    resp.loc[resp["response_id"].eq("eusurvey:F100001"), "organisation"] = HOSTILE_ORG
    ws.write("answers", ans)
    ws.write("responses", resp)
    ws.manifest["synthetic"] = synthetic
    if not enrich:
        ws.save_manifest()
        return ws
    q = ws["questions"]
    free = set(q.loc[q["kind"].eq("free_text"), "question_id"])
    ft = ans[ans["question_id"].isin(free)].reset_index(drop=True)
    # redaction: the anonymous answers with names, e-mail and phone get placeholders
    red_text, spans = [], []
    for rid, qid, text in zip(ft["response_id"], ft["question_id"], ft["value"], strict=True):
        out = text
        for needle, kind in (("John Placeholder", "PERSON"),
                             ("john.placeholder@example.org", "EMAIL"),
                             ("Hans Platzhalter", "PERSON"), ("+49 30 1234567", "PHONE")):
            if needle in text:
                s = text.index(needle)
                spans.append({"response_id": rid, "question_id": qid, "start": s,
                              "end": s + len(needle), "type": kind, "method": "test",
                              "score": 1.0, "applied": True})
                out = out.replace(needle, f"[{kind}]")
        red_text.append(out)
    pub = dict(zip(resp["response_id"], resp["publication"], strict=True))
    ws.write("redacted_answers", pd.DataFrame({
        "response_id": ft["response_id"], "question_id": ft["question_id"], "text": red_text,
        "n_redactions": [t.count("[") for t in red_text], "types": [[] for _ in red_text],
        "publication": ft["response_id"].map(pub)}))
    ws.write("redactions", pd.DataFrame(spans))
    langs = ["de" if "Die " in t or "Eine " in t or "Ich " in t else "fr" if "L'" in t
             else "en" for t in ft["value"]]
    ws.write("languages", pd.DataFrame({
        "response_id": ft["response_id"], "question_id": ft["question_id"], "language": langs,
        "confidence": 0.9, "declared_language": "en", "method": "lingua", "is_short": False,
        "is_mixed": False, "mismatch": False, "n_chars": ft["value"].str.len()}))
    members = ["eusurvey:F100013", "eusurvey:F100014", "eusurvey:F100016"]
    ws.write("campaigns", pd.DataFrame({
        "campaign_id": ["C001"], "size": [3], "n_exact": [2], "n_translated": [0],
        "representative_text": ["We ask for learner-owned credentials. " + HOSTILE],
        "representative_response_id": [members[0]], "languages": [["en"]],
        "stakeholder_mix": ['{"consumer_organisation": 1, "environmental_organisation": 1}'],
        "question_ids": [["q06"]], "first_submitted_at": [pd.Timestamp("2021-05-01", tz="UTC")],
        "last_submitted_at": [pd.Timestamp("2021-05-03", tz="UTC")], "n_near": [1]}))
    ws.write("campaign_members", pd.DataFrame({
        "response_id": members, "campaign_id": "C001", "variant": ["exact", "exact", "near"],
        "similarity": [1.0, 1.0, 0.9]}))
    from consultation.enrich.closed import closed_question_stats

    st = closed_question_stats(ans, q, resp)
    ws.write("closed_stats", st)
    closed_q = list(dict.fromkeys(st["question_id"]))[:2]
    for qid in closed_q:
        _png(ws.path / "charts" / "charts" / f"{qid}.png")
    ws.write("charts", pd.DataFrame({
        "chart_id": closed_q, "question_id": closed_q, "kind": "stacked",
        "title": [f"Chart of {x}" for x in closed_q],
        "alt_text": [f"Stacked bars of the answers to {x} by stakeholder type." for x in closed_q],
        "png": [f"charts/{x}.png" for x in closed_q], "svg": [f"charts/{x}.svg" for x in closed_q],
        "group_by": "stakeholder_type", "campaigns": "all"}))
    q06 = ft[ft["question_id"].eq("q06")].reset_index(drop=True)
    ws.write("codes", pd.DataFrame({
        "response_id": q06["response_id"], "question_id": "q06",
        "code_id": ["quality_assurance" if i % 2 else "trusted_providers" for i in
                    range(len(q06))],
        "span": q06["value"], "sentence": q06["value"], "method": "lexical", "score": 1.0}))
    ws.write("topics", pd.DataFrame({
        "model_id": ["q06", "q06"], "topic_id": [0, 1], "label": ["quality, standards",
                                                                  "providers, list"],
        "keywords": [["quality", "standards"], ["providers", "list"]], "size": [5, 4],
        "share": [0.5, 0.4], "representative_response_id": ["eusurvey:F100001",
                                                            "eusurvey:F100002"],
        "representative_question_id": ["q06", "q06"],
        "representative_text": ["Quality assurance must follow the European Standards and "
                                "Guidelines (ESG).",
                                "Eine Liste vertrauenswürdiger Anbieter lehnen wir ab."]}))
    ws.write("topic_assignments", pd.DataFrame({
        "model_id": "q06", "response_id": q06["response_id"], "question_id": "q06",
        "topic_id": [i % 3 - 1 if i % 3 == 0 else i % 2 for i in range(len(q06))],
        "similarity": 0.5}))
    ws.write("topic_quality", pd.DataFrame({"model_id": ["q06"], "n_docs": [len(q06)],
                                            "n_topics": [2], "npmi": [0.1], "diversity": [0.9],
                                            "seconds": [1.23]}))
    ev_rows = []
    plan = [("D1", "eusurvey:F100001", "q06", "support", "en"),
            ("D1", "eusurvey:F100002", "q05", "oppose", "de"),
            ("D1", "eusurvey:F100003", "q06", "conditional", "fr"),
            ("S01", "eusurvey:F100007", "q06", "support", "en"),
            ("S01", "eusurvey:F100008", "q06", "oppose", "it"),
            ("R3", "eusurvey:F100002", "q06", "oppose", "de"),
            ("R3", "eusurvey:F100009", "q06", "conditional", "en"),
            ("R3", "eusurvey:F100004", "q06", "support", "en")]
    text_of = {(a, b): t for a, b, t in zip(ans["response_id"], ans["question_id"],
                                            ans["value"], strict=True)}
    for i, (el, rid, qid, stance, lang) in enumerate(plan, start=1):
        quote = text_of.get((rid, qid), "A fallback quote long enough to be shown in reports.")
        ev_rows.append({"evidence_id": f"E{i:06d}", "element_id": el, "response_id": rid,
                        "question_id": qid, "document_id": None, "source": "answer",
                        "quote": quote, "quote_available": True, "stance": stance,
                        "score": 1.0 + i / 10, "method": "cue", "language": lang,
                        "stakeholder_type": None})
    ev_rows.append({"evidence_id": "E000009", "element_id": "D1",
                    "response_id": "eusurvey:F100001", "question_id": None,
                    "document_id": "eusurvey:F100001:1", "source": "document",
                    "quote": "Our university supports a definition based on learning outcomes.",
                    "quote_available": True, "stance": "support", "score": 2.0,
                    "method": "cue", "language": "en", "stakeholder_type": None})
    ev_rows.append({"evidence_id": "E000010", "element_id": "S01",
                    "response_id": "eusurvey:F100005", "question_id": "q03.1",
                    "document_id": None, "source": "closed", "quote": None,
                    "quote_available": False, "stance": "support", "score": 1.0,
                    "method": "closed", "language": None, "stakeholder_type": None})
    ev_rows.append({"evidence_id": "E000011", "element_id": "D1",
                    "response_id": "eusurvey:F100015", "question_id": None,
                    "document_id": "eusurvey:F100015:1", "source": "document",
                    "quote": "The Kelbridge Learning Alliance supports stackable credentials.",
                    "quote_available": True, "stance": "support", "score": 0.5,
                    "method": "cue", "language": "en", "stakeholder_type": None})
    ev = pd.DataFrame(ev_rows)
    ws.write("evidence", ev)
    # an anonymous respondent's paper that names its own organisation (in no other paper)
    ws.write("redacted_documents", pd.DataFrame({
        "document_id": ["eusurvey:F100001:1", "eusurvey:F100015:1"],
        "response_id": ["eusurvey:F100001", "eusurvey:F100015"],
        "text": ["Position of a university on the European Qualifications Framework.",
                 "Position paper of the Kelbridge Learning Alliance on the European "
                 "Qualifications Framework.\nThe Kelbridge Learning Alliance supports "
                 "stackable credentials."],
        "n_redactions": [0, 0]}))
    summ = []
    types = dict(zip(resp["response_id"], resp["stakeholder_type"], strict=True))
    for el, g in ev.groupby("element_id"):
        for group, gg in [("all", g), *g.groupby(g["response_id"].map(types))]:
            n = {s: int((gg["stance"] == s).sum()) for s in ("support", "conditional", "oppose")}
            summ.append({"element_id": el, "label": None, "group_by": "all" if group == "all"
                         else "stakeholder_type", "group": group, "n_support": n["support"],
                         "n_conditional": n["conditional"], "n_oppose": n["oppose"],
                         "contestedness": 0.5, "strength": 0.4, "weak": True,
                         "contested": group == "all" and el == "R3",
                         "top_evidence_ids": list(g["evidence_id"])[:2] if group == "all"
                         else []})
    ws.write("element_summary", pd.DataFrame(summ))
    ws.record_stage("campaigns", parameters={"threshold": 0.85})
    ws.save_manifest()
    return ws


def _texts(out: Path) -> dict[str, str]:
    """The text of every output file (PDF via pypdf, DOCX/XLSX via their XML parts)."""
    from pypdf import PdfReader

    texts: dict[str, str] = {}
    for p in sorted(out.rglob("*")):
        if not p.is_file() or p.suffix == ".png":
            continue
        if p.suffix == ".pdf":
            texts[str(p)] = "\n".join(pg.extract_text() or "" for pg in PdfReader(p).pages)
        elif p.suffix in (".docx", ".xlsx"):
            with zipfile.ZipFile(p) as z:
                texts[str(p)] = "\n".join(z.read(n).decode("utf-8", "replace")
                                          for n in z.namelist() if n.endswith(".xml"))
        else:
            texts[str(p)] = p.read_text(encoding="utf-8", errors="replace")
    return texts


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Workspace, dict[str, Path]]:
    root = tmp_path_factory.mktemp("reports")
    ws = make_workspace(root / "ws")
    paths = build_reports(ws.path, root / "out", generated_at=STAMP, draft=DRAFT)
    return ws, paths


# ------------------------------------------------------------------------------------------------

def test_every_format_is_written(built):
    _, paths = built
    assert {"html", "pdf", "docx", "xlsx", "csv", "charts"} <= set(paths)
    assert paths["pdf"].read_bytes().startswith(b"%PDF")
    assert paths["html"].stat().st_size > 10_000
    assert sorted(p.name for p in paths["csv"].glob("*.csv"))
    assert (paths["charts"] / "report_respondents_by_type.png").is_file()
    assert (paths["charts"] / "report_respondents_by_type.svg").is_file()
    assert not list(paths["html"].parent.glob(".*.html"))  # print variant removed


def test_synthetic_banner_on_cover_html_and_pdf(built):
    from pypdf import PdfReader

    _, paths = built
    html = paths["html"].read_text(encoding="utf-8")
    assert '<p class="synthetic" role="note"><strong>Synthetic data.</strong>' in html
    assert "<title>[SYNTHETIC]" in html
    first = PdfReader(paths["pdf"]).pages[0].extract_text()
    assert "Synthetic data" in first and "2026-01-01 00:00 UTC" in first


def test_html_escapes_respondent_text(built):
    _, paths = built
    html = paths["html"].read_text(encoding="utf-8")
    assert "<script>alert(1)" not in html and "alert(2)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "&lt;script&gt;alert(2)&lt;/script&gt;" in html  # the draft's raw HTML, as text
    assert 'href="javascript:' not in html and "<a href=\"http" not in html
    assert "<img src=\"http" not in html
    assert len(re.findall(r"<script\b", html)) == 2  # the JSON data and the explorer only
    blob = re.search(r'<script type="application/json" id="evidence-data">(.*?)</script>', html,
                     re.S).group(1)
    assert "<" not in blob and ">" not in blob and "&" not in blob
    data = json.loads(blob)
    assert any(HOSTILE in r["quote"] for r in data["rows"])  # round-trips exactly
    assert {f["field"] for f in data["filters"]} == {"element_label", "group", "stance",
                                                     "language"}
    assert all(r["quote"] for r in data["rows"])  # closed answers (no quote) are not listed


def test_html_is_self_contained_and_locked_down(built):
    _, paths = built
    html = paths["html"].read_text(encoding="utf-8")
    refs = re.findall(r'\b(?:src|href)="([^"]*)"', html)
    assert refs and all(r.startswith(("data:", "#")) for r in refs)
    assert "<link" not in html and "@import" not in html and "url(" not in html
    csp = html_lib.unescape(re.search(
        r'http-equiv="Content-Security-Policy" content="([^"]*)"', html).group(1))
    assert "default-src 'none'" in csp and "script-src 'sha256-" in csp
    assert re.search(r'<meta name="generated" content="2026-01-01T00:00:00\+00:00">', html)


class _Outline(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.headings: list[int] = []
        self.imgs: list[dict] = []
        self.tables = 0
        self.captions = 0
        self.col_headers = 0
        self.lang = None
        self.ids: list[str] = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if a.get("id"):
            self.ids.append(a["id"])
        if tag == "html":
            self.lang = a.get("lang")
        if re.fullmatch(r"h[1-6]", tag):
            self.headings.append(int(tag[1]))
        if tag == "img":
            self.imgs.append(a)
        if tag == "table":
            self.tables += 1
        if tag == "caption":
            self.captions += 1
        if tag == "th" and a.get("scope") == "col":
            self.col_headers += 1


def test_html_accessibility_basics(built):
    _, paths = built
    o = _Outline()
    o.feed(paths["html"].read_text(encoding="utf-8"))
    assert o.lang == "en"
    assert o.headings[0] == 1 and o.headings.count(1) == 1
    assert all(b - a <= 1 for a, b in zip(o.headings, o.headings[1:], strict=False))
    assert o.imgs and all(i.get("alt", "").strip() for i in o.imgs)
    assert o.tables and o.captions == o.tables and o.col_headers >= o.tables
    assert len(o.ids) == len(set(o.ids)), "duplicate id attributes"


def test_report_sections_render_what_the_workspace_has(built):
    _, paths = built
    html = paths["html"].read_text(encoding="utf-8")
    for text in ("Views per question", "Campaign C001", "Codes (themes of the codebook)",
                 "Topics in the answers", "Position papers",
                 "Synopsis for the Council Recommendation", "Evidence E000001",
                 "Evidence-linked draft text", "Annex B. Methods", "SHA-256",
                 "Organisations in and outside the EU Transparency Register"):
        assert text in html, text
    assert "Draft Recommendation" in html  # the draft's heading
    assert "contested" in html  # R3 is flagged by the element summary
    assert "academic_research_institution" not in re.sub(
        r'<script type="application/json".*?</script>', "", html, flags=re.S)
    assert "Academic/research institution" in html
    # the annex names the public organisation (escaped), never the anonymous respondents
    assert "&lt;script&gt;alert(1)&lt;/script&gt; University of Examplestad" in html


def test_xlsx_cells_are_neutralised(built):
    from openpyxl import load_workbook

    _, paths = built
    wb = load_workbook(paths["xlsx"])
    assert wb.sheetnames[0] == "About"
    assert {"Responses", "Closed questions", "Evidence", "Element summary", "Campaigns",
            "Codes", "Topics"} <= set(wb.sheetnames)
    hostile_cells = 0
    for ws in wb.worksheets:
        if ws.title != "About":
            assert ws.freeze_panes == "A2"
            assert ws.auto_filter.ref and ws.auto_filter.ref.startswith("A1:")
        for row in ws.iter_rows():
            for c in row:
                assert c.data_type != "f", (ws.title, c.coordinate, c.value)
                if isinstance(c.value, str):
                    assert not c.value.startswith(("=", "+", "-", "@", "\t", "\r")), c.value
                    hostile_cells += c.value.startswith("'=HYPERLINK")
    assert hostile_cells >= 3  # answers, evidence and the organisation name
    assert wb.properties.created.isoformat().startswith("2026-01-01T00:00:00")
    assert wb.properties.creator == "consultation-toolkit"


def test_csv_cells_are_neutralised(built):
    _, paths = built
    seen = 0
    for p in paths["csv"].glob("*.csv"):
        for row in csv.reader(io.StringIO(p.read_text(encoding="utf-8"))):
            for cell in row:
                if cell.startswith(("=", "+", "-", "@", "\t", "\r")):
                    float(cell)  # only a number may start like a formula
                seen += "HYPERLINK" in cell
    assert seen >= 3


def test_docx_is_inert_and_has_evidence_footnotes(built):
    import docx

    _, paths = built
    with zipfile.ZipFile(paths["docx"]) as z:
        body = z.read("word/document.xml").decode("utf-8")
        notes = z.read("word/footnotes.xml").decode("utf-8")
        assert "word/footnotes.xml" in z.read("[Content_Types].xml").decode()
    for xml in (body, notes):
        assert "instrText" not in xml and "fldSimple" not in xml and "w:hyperlink" not in xml
        assert "<script>" not in xml
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in body
    assert "Evidence E000001" in notes and "w:footnoteReference" in body
    d = docx.Document(str(paths["docx"]))
    text = "\n".join(p.text for p in d.paragraphs)
    assert "Synthetic data" in text or "SYNTHETIC DATA" in text
    assert any(HOSTILE in p.text for p in d.paragraphs)
    assert d.core_properties.created.isoformat().startswith("2026-01-01T00:00:00")
    assert any(t.rows for t in d.tables)


def test_no_personal_data_in_any_output(built):
    ws, paths = built
    r = ws["responses"]
    names = [f"{a} {b}" for a, b in zip(r["first_name"], r["surname"], strict=True)
             if pd.notna(a) and pd.notna(b)]
    docs = ws["documents"]["filename"].dropna().tolist()
    assert names and docs
    for path, text in _texts(paths["html"].parent).items():
        for needle in [*PERSONAL, *names, *docs]:
            assert needle not in text, (path, needle)


def test_missing_tables_are_reported_in_one_line(tmp_path, caplog):
    ws = make_workspace(tmp_path / "ws", enrich=False, synthetic=False)
    with caplog.at_level(logging.WARNING):
        paths = build_reports(ws.path, tmp_path / "out", formats=("html", "xlsx"),
                              generated_at=STAMP)
    html = paths["html"].read_text(encoding="utf-8")
    for text in ("Campaign detection was not run.", "Evidence tracing was not run",
                 "Redaction was not run", "Topic modelling was not run",
                 "Coding was not run", "Drafting was not run",
                 "Closed-question statistics were not computed"):
        assert text in html, text
    assert "Synthetic data" not in html and "[SYNTHETIC]" not in html
    assert set(paths) == {"html", "xlsx", "charts"}


def _copy(ws: Workspace, dest: Path) -> Workspace:
    shutil.copytree(ws.path, dest)
    return Workspace.open(dest, verify=False)


def test_missing_columns_are_logged_and_listed(built, tmp_path, caplog):
    ws = _copy(built[0], tmp_path / "ws")
    # written behind the schema's back (Workspace.write would restore declared columns)
    ws["element_summary"].drop(columns=["contestedness"]).to_parquet(
        ws.table_path("element_summary"))
    with caplog.at_level(logging.WARNING, logger="standards_draft.reports"):
        paths = build_reports(ws.path, tmp_path / "out", formats=("html",),
                              generated_at=STAMP)
    assert any("contestedness" in r.getMessage() for r in caplog.records)
    html = paths["html"].read_text(encoding="utf-8")
    assert "Build notes" in html and "no column contestedness" in html


def _digests(out: Path) -> dict[str, str]:
    return {str(p.relative_to(out)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(out.rglob("*")) if p.is_file()}


def test_two_builds_are_identical_except_the_timestamp(built, tmp_path):
    ws, paths = built
    first = paths["html"].parent
    again = build_reports(ws.path, tmp_path / "again", generated_at=STAMP, draft=DRAFT)
    assert _digests(first) == _digests(again["html"].parent)
    later = build_reports(ws.path, tmp_path / "later", formats=("html", "docx", "csv"),
                          generated_at="2027-03-04T05:06:00Z", draft=DRAFT)

    def norm(text: str) -> str:
        for a, b in (("2026-01-01T00:00:00+00:00", "T"), ("2027-03-04T05:06:00+00:00", "T"),
                     ("2026-01-01 00:00 UTC", "T"), ("2027-03-04 05:06 UTC", "T"),
                     ("2026-01-01T00:00:00Z", "T"), ("2027-03-04T05:06:00Z", "T")):
            text = text.replace(a, b)
        return text

    assert norm(paths["html"].read_text()) == norm(later["html"].read_text())
    a, b = _texts(first), _texts(later["html"].parent)
    name = "report.docx"
    assert norm(a[str(first / name)]) == norm(b[str(later["html"].parent / name)])
    for p in paths["csv"].glob("*.csv"):
        assert p.read_bytes() == (later["csv"] / p.name).read_bytes(), p.name


def test_workspace_is_not_modified(built, tmp_path):
    ws, _ = built
    before = _digests(ws.path)
    build_reports(ws.path, tmp_path / "out", formats=("html",), generated_at=STAMP)
    assert _digests(ws.path) == before


def test_formats_are_validated(built, tmp_path):
    ws, _ = built
    with pytest.raises(ParameterError, match="formats"):
        build_reports(ws.path, tmp_path / "o1", formats=("rtf",))
    with pytest.raises(ParameterError, match="formats"):
        build_reports(ws.path, tmp_path / "o2", formats="html")
    with pytest.raises(ParameterError, match="generated_at"):
        build_reports(ws.path, tmp_path / "o3", formats=("html",), generated_at="yesterday")


@pytest.mark.parametrize(("manifest", "expected"), [
    ({"synthetic": True}, True),
    ({"inputs": [{"path": "/x/data/raw/microcredentials_2021_sample/contributions.csv"}]}, True),
    ({"stages": {"ingest": {"parameters": {"sources": ["microcredentials_2021_sample"]}}}},
     True),
    ({"inputs": [{"path": "/x/hys_ai_act_2021/feedbacks.csv"}], "synthetic": False}, False),
    ({}, False),
])
def test_synthetic_detection(manifest, expected):
    assert is_synthetic(manifest) is expected


def test_quotes_from_the_tracing_stage_are_scrubbed_of_missed_personal_data(built):
    _, paths = built
    html = paths["html"].read_text(encoding="utf-8")
    # E000008 quotes the anonymous answer that names "John Placeholder": published redacted
    assert "My name is [PERSON]" in html and "[EMAIL]" in html
    # an anonymous respondent naming its organisation in its own paper is not named either,
    # while a name shared by several papers is left alone
    assert "The [ORGANISATION] supports stackable credentials." in html
    assert "Build notes" in html and "placeholders at publication" in html


def test_published_tables_keep_only_allowed_columns(built):
    from openpyxl import load_workbook

    _, paths = built
    wb = load_workbook(paths["xlsx"])
    header = [c.value for c in next(wb["Responses"].iter_rows(max_row=1))]
    assert not {"first_name", "surname", "email", "stakeholder_type_raw", "source_file"} & set(
        header)
    rows = list(wb["Responses"].iter_rows(values_only=True))
    org = header.index("organisation")
    named = {r[org] for r in rows[1:] if r[org]}
    assert "Verband der Beispielindustrie" in named
    assert all(r[org] is None for r in rows[1:] if r[header.index("publication")] ==
               "anonymous")
    codes = [c.value for c in next(wb["Codes"].iter_rows(max_row=1))]
    assert "span" not in codes and "sentence" not in codes


def test_report_on_real_have_your_say_data(tmp_path):
    src = shared("hys_ai_act_2021")
    ws = ingest_to_workspace([src], tmp_path / "ws")
    paths = build_reports(ws.path, tmp_path / "out", formats=("html", "xlsx", "csv"),
                          generated_at=STAMP)
    html = paths["html"].read_text(encoding="utf-8")
    n = len(ws["responses"])
    assert f"{n:,} contributions were received" in html
    assert "Synthetic data" not in html
    assert "Annex A. Organisations that submitted position papers" in html
    r = ws["responses"]
    public = set(r.loc[r["publication"].eq("public"), "organisation"].dropna())
    anon_orgs = r.loc[r["publication"].eq("anonymous") & r["organisation"].notna(),
                      "organisation"]
    anon_orgs = [o for o in anon_orgs if o not in public]
    assert anon_orgs
    for org in anon_orgs:
        assert f"<th scope=\"row\" class=\"a-l\">{org}</th>" not in html


@pytest.mark.slow
def test_sample_outputs_hold_no_personal_data_of_anonymous_respondents(tmp_path):
    """End to end on the synthetic sample: ingest, redaction and campaigns, then every
    report; no personal-data span of the truth and no anonymous organisation appears."""
    from consultation.pipeline import analyse

    if not (SAMPLE / "truth" / "personal_data.csv").is_file():
        pytest.skip("the synthetic sample is not in this clone")
    ws = ingest_to_workspace([SAMPLE], tmp_path / "ws")
    analyse(ws, stages=["redaction", "campaigns"])
    paths = build_reports(ws.path, tmp_path / "out", generated_at=STAMP)
    truth = pd.read_csv(SAMPLE / "truth" / "personal_data.csv", dtype=str)
    resp = pd.read_csv(SAMPLE / "truth" / "respondents.csv", dtype=str)
    anon = resp[resp["anonymous"].str.lower().isin(["true", "1"])]
    needles = [t for t in truth["text"].dropna() if len(t) >= 4]
    needles += [o for o in anon["organisation"].dropna() if len(o) >= 6]
    assert needles
    for path, text in _texts(paths["html"].parent).items():
        leaks = [n for n in needles if n in text]
        assert not leaks, (path, leaks[:5])


@pytest.mark.slow
def test_hostile_answer_through_the_whole_run(tmp_path):
    """A contribution whose answer is ``=HYPERLINK(...) <script>…`` goes through ingest,
    analysis (languages, redaction, campaigns, closed statistics and charts) and every report."""
    from consultation.pipeline import analyse

    src = tmp_path / "src"
    src.mkdir()
    raw = (FIXTURES / "eusurvey_small" / "contributions.csv").read_text(encoding="utf-8-sig")
    rows = list(csv.reader(io.StringIO(raw), delimiter=";"))
    col = next(i for i, h in enumerate(rows[0]) if h.startswith("Please explain your views"))
    rows[7][col] = HOSTILE
    buf = io.StringIO()
    csv.writer(buf, delimiter=";", lineterminator="\r\n").writerows(rows)
    (src / "contributions.csv").write_text("\ufeff" + buf.getvalue(), encoding="utf-8")
    ws = ingest_to_workspace([src], tmp_path / "ws")
    assert HOSTILE in set(ws["answers"]["value"])
    analyse(ws)
    paths = build_reports(ws.path, tmp_path / "out", generated_at=STAMP)
    html = paths["html"].read_text(encoding="utf-8")
    assert "<script>alert(1)" not in html and len(re.findall(r"<script\b", html)) == 2
    from openpyxl import load_workbook

    cells = [c.value for s in load_workbook(paths["xlsx"]).worksheets for r in s.iter_rows()
             for c in r if isinstance(c.value, str) and "HYPERLINK" in c.value]
    assert cells and all(v.startswith("'") for v in cells)
    with zipfile.ZipFile(paths["docx"]) as z:
        body = z.read("word/document.xml").decode("utf-8")
    assert "instrText" not in body and "<script>" not in body
    seen = 0
    for p in paths["csv"].glob("*.csv"):
        text = p.read_text(encoding="utf-8")
        assert not re.search(r'(^|,)"?=HYPERLINK', text, re.M)
        seen += text.count("'=HYPERLINK")
    assert seen  # the open answers table carries it, neutralised


def test_empty_frames_do_not_break_the_report(built, tmp_path):
    ws = _copy(built[0], tmp_path / "ws")
    for name in ("campaigns", "campaign_members", "evidence", "codes", "topics"):
        ws.write(name, ws[name].iloc[:0])
    ws.write("element_summary", ws["element_summary"].iloc[:0])
    ws.save_manifest()
    paths = build_reports(ws.path, tmp_path / "out", formats=("html", "docx", "xlsx"),
                          generated_at=STAMP)
    html = paths["html"].read_text(encoding="utf-8")
    assert "No organised campaign was found" in html
    assert np.isfinite(paths["xlsx"].stat().st_size)


class _FakeDraft:
    """What standards_draft.drafting.Draft offers: to_markdown() and to_docx(path)."""

    md = ("# Draft\n\n1.1 (D1) A micro-credential records learning outcomes.[^1]\n\n"
          "[^1]: 3 voices.<br>E000011 (not disclosed, en): “The Kelbridge Learning Alliance "
          "supports stackable credentials.”\n")

    def to_markdown(self) -> str:
        return self.md

    def to_docx(self, path):
        import docx

        d = docx.Document()
        d.add_paragraph("Quote: The Kelbridge Learning Alliance supports stackable credentials.")
        d.save(str(path))
        return Path(path)


def test_draft_object_footnotes_and_its_own_docx_are_published_safely(built, tmp_path):
    from standards_draft.reports.collect import prepare_markdown

    md = prepare_markdown(_FakeDraft.md)
    assert "[^" not in md and "<br>" not in md and "### Notes" in md and "**[1]** 3 voices." in md
    ws, _ = built
    paths = build_reports(ws.path, tmp_path / "out", formats=("html", "docx"), draft=_FakeDraft(),
                          generated_at=STAMP)
    assert paths["draft_docx"].name == "draft.docx"
    html = paths["html"].read_text(encoding="utf-8")
    assert "A micro-credential records learning outcomes.[1]" in html
    assert "&lt;br&gt;" not in html and "<br />" in html  # a Markdown hard break, not raw HTML
    for path, text in _texts(paths["html"].parent).items():
        assert "Kelbridge Learning Alliance" not in text, path
    with zipfile.ZipFile(paths["draft_docx"]) as z:
        assert "[ORGANISATION] supports" in z.read("word/document.xml").decode("utf-8")
