"""Injection through every text that reaches a published output, besides the answers.

``tests.hostile_inputs`` plants ``<script>``, ``<img onerror>``, ``javascript:`` links and
``=HYPERLINK`` formulas in an organisation name, a question text (a CSV header), a closed
option label, an attachment's file name, a codebook label and a catalogue element label, then
runs the whole chain (``consultation.pipeline.run``) on it. The respondent's free-text answer is
the lead's end-to-end test (``tests/test_end_to_end.py``).

Expected: in HTML every vector is shown as text (escaped) and nothing active is added; in
XLSX and CSV no formula is created and every text cell that starts like one is neutralised;
DOCX and PDF hold no field, hyperlink or script; SVG charts carry labels as escaped text; file
names are never published at all.
"""

from __future__ import annotations

import csv
import re
import zipfile
from html.parser import HTMLParser

import pytest

from consultation.safety import FORMULA_TRIGGERS
from tests.hostile_inputs import FILENAME, TAGS, run_hostile
from tests.published_text import file_text, output_files

pytestmark = pytest.mark.slow

IN_HTML = ("org", "question", "option", "code", "element")  # vectors the HTML report shows
IN_SHEETS = ("org", "option", "code", "element")  # vectors with a formula, in XLSX/CSV


@pytest.fixture(scope="module")
def hostile_run(tmp_path_factory):
    return run_hostile(tmp_path_factory.mktemp("hostile_run"))


class _Page(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        self._in_script = tag == "script"

    def handle_endtag(self, tag):
        self._in_script = False

    def handle_data(self, data):
        if not self._in_script:
            self.text.append(data)


def test_html_shows_every_vector_as_text_and_adds_nothing_active(hostile_run):
    raw = hostile_run["html"].read_text(encoding="utf-8")
    page = _Page()
    page.feed(raw)
    text = "".join(page.text)
    for tag in IN_HTML:  # rendered, as text
        assert f"<script>alert('{tag}')</script>" in text, tag
        assert f"<img src=x onerror=alert('{tag}')>" in text, tag
    scripts = [a for t, a in page.tags if t == "script"]
    assert len(scripts) == 2 and {"type": "application/json", "id": "evidence-data"} in scripts
    for tag, attrs in page.tags:
        assert not any(k.startswith("on") for k in attrs), (tag, attrs)
        for k in ("href", "src", "action", "formaction", "xlink:href"):
            v = (attrs.get(k) or "").strip().lower()
            assert not v.startswith(("javascript:", "vbscript:", "data:text")), (tag, attrs)
        if tag == "img":
            assert (attrs.get("src") or "").startswith("data:image/"), attrs
    for tag in TAGS:  # never as markup: only escaped, in text or attribute values
        assert f"<script>alert('{tag}')" not in raw and f"<img src=x onerror=alert('{tag}')" \
            not in raw, tag


def test_file_names_are_never_published(hostile_run):
    import pandas as pd

    docs = pd.read_parquet(hostile_run["workspace"] / "documents.parquet")
    row = docs[docs["filename"].eq(FILENAME)]
    assert row["extraction_status"].tolist() == ["ok"]  # the hostile name was used, by name
    files = output_files(hostile_run)
    assert len(files) > 20
    for p in files:
        text = file_text(p)
        assert "alert('file')" not in text and "calc'!A0" not in text, p.name


def test_xlsx_and_csv_neutralise_formulas_from_every_vector(hostile_run):
    from openpyxl import load_workbook

    seen: dict[str, int] = dict.fromkeys(IN_SHEETS, 0)
    wb = load_workbook(hostile_run["xlsx"])
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for c in row:
                assert c.data_type != "f", (ws.title, c.coordinate, c.value)
                if isinstance(c.value, str):
                    assert not c.value.startswith(FORMULA_TRIGGERS), (ws.title, c.value)
                    for tag in IN_SHEETS:
                        seen[tag] += f'HYPERLINK("http://x","{tag}")' in c.value
    assert all(seen.values()), seen
    seen = dict.fromkeys(IN_SHEETS, 0)
    for p in sorted(hostile_run["csv"].glob("*.csv")):
        with p.open(encoding="utf-8", newline="") as fh:
            for row in csv.reader(fh):
                for cell in row:
                    if cell.startswith(FORMULA_TRIGGERS):
                        float(cell)  # only a number may start like a formula
                    for tag in IN_SHEETS:
                        if f'=HYPERLINK("http://x","{tag}")' in cell:
                            seen[tag] += 1
                            assert cell.startswith("'=HYPERLINK"), (p.name, cell)
    assert all(seen.values()), seen


@pytest.mark.parametrize("kind", ["docx", "draft_docx"])
def test_docx_has_no_fields_links_or_external_targets(hostile_run, kind):
    with zipfile.ZipFile(hostile_run[kind]) as z:
        parts = {n: z.read(n).decode("utf-8", "replace") for n in z.namelist()
                 if n.endswith((".xml", ".rels"))}
    for name, xml in parts.items():
        for bad in ("<w:hyperlink", "<w:fldSimple", "<w:instrText", "<w:fldChar",
                    'TargetMode="External"', "<script", "<img"):
            assert bad not in xml, (kind, name, bad)
    if kind == "docx":
        body = file_text(hostile_run[kind])
        for tag in ("question", "code", "element", "org"):
            assert f"<script>alert('{tag}')</script>" in body, tag


def test_pdf_has_no_script_or_link_from_the_vectors(hostile_run):
    from pypdf import PdfReader

    reader = PdfReader(str(hostile_run["pdf"]))
    assert "/JavaScript" not in reader.trailer["/Root"].get("/Names", {})
    assert "/OpenAction" not in reader.trailer["/Root"]
    uris = []
    for page in reader.pages:
        for annot in page.get("/Annots", []) or []:
            action = annot.get_object().get("/A") or {}
            assert action.get("/S") != "/JavaScript"
            if "/URI" in action:
                uris.append(str(action["/URI"]))
    assert not [u for u in uris if "javascript" in u.lower() or u.startswith("http://x")]
    text = file_text(hostile_run["pdf"])
    assert "alert('question')" in text.replace("’", "'")


def test_svg_charts_carry_labels_as_escaped_text(hostile_run):
    svgs = sorted(hostile_run["charts"].glob("*.svg"))
    assert svgs
    hit = 0
    for p in svgs:
        raw = p.read_text(encoding="utf-8")
        comments = re.findall(r"<!--(.*?)-->", raw, flags=re.S)
        assert not [c for c in comments if "--" in c or "<" in c], p.name  # cannot break out
        markup = re.sub(r"<!--.*?-->", "", raw, flags=re.S)
        assert "<script" not in markup and not re.search(r"<[^>]+\son\w+\s*=", markup), p.name
        assert "javascript:" not in markup, p.name
        hit += "alert('option')" in raw
    assert hit  # the hostile option label is drawn (and escaped) in a chart


def test_every_vector_reached_the_outputs(hostile_run):
    texts = {p.name: file_text(p) for p in output_files(hostile_run)}
    for tag in TAGS:
        if tag != "file":
            assert any(f"alert('{tag}')" in t for t in texts.values()), tag


def test_the_run_writes_only_into_its_output_folder(hostile_run):
    import json

    from consultation.workspace import file_sha256

    out = hostile_run["html"].parent
    root = out.parent
    written = [p for p in root.rglob("*") if p.is_file() and not p.is_relative_to(out)]
    inputs = {"codebook.yaml", "catalogue.yaml"}
    assert all(p.name in inputs or p.is_relative_to(root / "eusurvey_hostile")
               for p in written), written
    manifest = json.loads((hostile_run["workspace"] / "manifest.json").read_text())
    recorded = [*manifest["inputs"], *manifest["attachments"]]
    assert recorded and all(file_sha256(i["path"]) == i["sha256"] for i in recorded)
    assert {p.name for p in (root / "eusurvey_hostile").iterdir()} == {
        "contributions.csv", "README.md", FILENAME}  # nothing added beside the inputs
