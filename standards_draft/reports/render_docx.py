"""DOCX rendering (python-docx) for drafting teams: headings, tables, charts, footnotes.

Every piece of evidence quoted gets a real Word footnote (``word/footnotes.xml``) with its
evidence ID, element, stance and source. Respondent text is written as plain runs (python-docx
escapes it): no field codes, hyperlinks or formulas are ever created from it.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape as xml_escape

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import XmlPart
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Inches, Pt, RGBColor

from .model import Report, Section, clean_text

__all__ = ["render_docx"]

_FOOTNOTES = (
    f"<w:footnotes {nsdecls('w')}>"
    '<w:footnote w:type="separator" w:id="-1"><w:p><w:pPr><w:spacing w:after="0" w:line="240"'
    ' w:lineRule="auto"/></w:pPr><w:r><w:separator/></w:r></w:p></w:footnote>'
    '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:pPr><w:spacing w:after="0"'
    ' w:line="240" w:lineRule="auto"/></w:pPr><w:r><w:continuationSeparator/></w:r></w:p>'
    "</w:footnote></w:footnotes>")
# CT_Settings children that must follow w:footnotePr (schema order)
_AFTER_FOOTNOTEPR = ("w:endnotePr", "w:compat", "w:docVars", "w:rsids", "m:mathPr",
                     "w:attachedSchema", "w:themeFontLang", "w:clrSchemeMapping",
                     "w:doNotIncludeSubdocsInStats", "w:doNotAutoCompressPictures",
                     "w:forceUpgrade", "w:captions", "w:readModeInkLockDown", "w:smartTagType",
                     "sl:schemaLibrary", "w:shapeDefaults", "w:doNotEmbedSmartTags",
                     "w:decimalSymbol", "w:listSeparator")
STANCE_NAMES = {"support": "Support", "conditional": "Conditional support",
                "oppose": "Opposition", "neutral": "Neutral"}
MUTED = RGBColor(0x4A, 0x4A, 0x4A)


class _Footnotes:
    """A footnotes part added to a python-docx document (its default template has none)."""

    def __init__(self, doc: Any) -> None:
        self.part = XmlPart(PackURI("/word/footnotes.xml"), CT.WML_FOOTNOTES,
                            parse_xml(_FOOTNOTES), doc.part.package)
        doc.part.relate_to(self.part, RT.FOOTNOTES)
        self.next_id = 1
        settings = doc.settings.element
        pr = parse_xml(f'<w:footnotePr {nsdecls("w")}><w:footnote w:id="-1"/>'
                       '<w:footnote w:id="0"/></w:footnotePr>')
        nsmap = {"w": "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
                 "m": "http://schemas.openxmlformats.org/officeDocument/2006/math",
                 "sl": "http://schemas.openxmlformats.org/schemaLibrary/2006/main"}
        for tag in _AFTER_FOOTNOTEPR:
            pfx, local = tag.split(":")
            found = settings.find(f"{{{nsmap[pfx]}}}{local}")
            if found is not None:
                found.addprevious(pr)
                break
        else:
            settings.append(pr)

    def add(self, paragraph: Any, text: str) -> None:
        fid = self.next_id
        self.next_id += 1
        run = paragraph.add_run()
        rpr = run._r.get_or_add_rPr()
        va = OxmlElement("w:vertAlign")
        va.set(qn("w:val"), "superscript")
        rpr.append(va)
        ref = OxmlElement("w:footnoteReference")
        ref.set(qn("w:id"), str(fid))
        run._r.append(ref)
        fn = OxmlElement("w:footnote")
        fn.set(qn("w:id"), str(fid))
        p = OxmlElement("w:p")
        r1 = OxmlElement("w:r")
        r1pr = OxmlElement("w:rPr")
        va1 = OxmlElement("w:vertAlign")
        va1.set(qn("w:val"), "superscript")
        r1pr.append(va1)
        r1.append(r1pr)
        r1.append(OxmlElement("w:footnoteRef"))
        r2 = OxmlElement("w:r")
        r2pr = OxmlElement("w:rPr")
        sz = OxmlElement("w:sz")
        sz.set(qn("w:val"), "16")
        r2pr.append(sz)
        r2.append(r2pr)
        t = OxmlElement("w:t")
        t.set(qn("xml:space"), "preserve")
        t.text = " " + clean_text(text)
        r2.append(t)
        p.append(r1)
        p.append(r2)
        fn.append(p)
        self.part.element.append(fn)


class _Styles:
    """Style ids resolved once (python-docx resolves a style name on every call)."""

    def __init__(self, doc: Any) -> None:
        self.ids: dict[str, str] = {}
        for st in doc.styles:
            try:
                self.ids[st.name] = st.style_id
            except (AttributeError, KeyError):
                continue

    def apply(self, paragraph: Any, name: str) -> Any:
        sid = self.ids.get(name)
        if sid:
            paragraph._p.get_or_add_pPr().get_or_add_pStyle().set(qn("w:val"), sid)
        return paragraph


def _para(doc: Any, text: str, style: str, styles: _Styles | None = None) -> Any:
    p = doc.add_paragraph()
    run = p.add_run(clean_text(text))
    if style == "lead":
        run.font.size = Pt(11.5)
    elif style in ("note", "meta"):
        run.italic = style == "meta"
        run.font.size = Pt(9)
        run.font.color.rgb = MUTED
    elif style == "warning":
        run.bold = True
        run.font.color.rgb = RGBColor(0x5C, 0x3B, 0x00)
    elif style == "question":
        run.italic = True
    return p


_W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_TEXT_WIDTH = 9792  # twips: A4/Letter text width with 0.9" margins (approx.)


def _run_xml(text: str, *, bold: bool, size: int) -> str:
    return (f"<w:r><w:rPr>{'<w:b/>' if bold else ''}<w:sz w:val=\"{size}\"/></w:rPr>"
            f"<w:t xml:space=\"preserve\">{xml_escape(clean_text(text))}</w:t></w:r>")


def _table(doc: Any, block: Any, styles: _Styles) -> None:
    """A table written as one XML fragment (much faster than python-docx cell by cell)."""
    styles.apply(doc.add_paragraph(clean_text(block.caption)), "Caption")
    ncol = len(block.header)
    size = 16 if ncol > 5 else 18  # half-points
    if block.widths:
        total = float(sum(block.widths))
        widths = [int(_TEXT_WIDTH * w / total) for w in block.widths]
    else:
        first = 0.36 if ncol > 1 else 1.0
        rest = (1.0 - first) / max(ncol - 1, 1)
        widths = [int(_TEXT_WIDTH * (first if i == 0 else rest)) for i in range(ncol)]
    style_id = styles.ids.get("Light Grid Accent 1", "")
    parts = [f'<w:tbl xmlns:w="{_W_NS}"><w:tblPr>'
             + (f'<w:tblStyle w:val="{style_id}"/>' if style_id else "")
             + '<w:tblW w:w="0" w:type="auto"/><w:tblLook w:val="04A0" w:firstRow="1" '
             'w:lastRow="0" w:firstColumn="0" w:lastColumn="0" w:noHBand="0" w:noVBand="1"/>'
             "</w:tblPr><w:tblGrid>"
             + "".join(f'<w:gridCol w:w="{w}"/>' for w in widths) + "</w:tblGrid>"]

    def row(cells: list[str], *, header: bool, bold: bool) -> str:
        out = ["<w:tr>", '<w:trPr><w:tblHeader w:val="true"/></w:trPr>' if header else ""]
        for i, cell in enumerate(cells):
            jc = '<w:pPr><w:jc w:val="right"/></w:pPr>' if block.align[i] == "r" else ""
            out.append(f'<w:tc><w:tcPr><w:tcW w:w="{widths[i]}" w:type="dxa"/></w:tcPr>'
                       f"<w:p>{jc}{_run_xml(cell, bold=bold, size=size)}</w:p></w:tc>")
        out.append("</w:tr>")
        return "".join(out)

    parts.append(row(list(block.header), header=True, bold=True))
    for r in block.rows:
        parts.append(row([str(c) for c in r], header=False, bold=bool(r) and r[0] == "Total"))
    parts.append("</w:tbl>")
    tbl = parse_xml("".join(parts))
    doc.element.body._insert_tbl(tbl)
    if block.note:
        _para(doc, block.note, "note")


def _figure(doc: Any, block: Any, styles: _Styles) -> None:
    doc.add_picture(str(block.png), width=Inches(6.3))
    pic = doc.paragraphs[-1]
    pic.alignment = WD_ALIGN_PARAGRAPH.CENTER
    docpr = pic._p.xpath(".//wp:docPr")
    if docpr:
        docpr[0].set("descr", clean_text(block.alt))
        docpr[0].set("title", clean_text(block.title))
    styles.apply(doc.add_paragraph(clean_text(block.title)), "Caption")


def _quote(doc: Any, block: Any, notes: _Footnotes, styles: _Styles) -> None:
    p = styles.apply(doc.add_paragraph(clean_text(block.text)), "Quote")
    if block.evidence_id and block.note:
        notes.add(p, block.note)
    src = doc.add_paragraph()
    label = STANCE_NAMES.get(block.stance or "", "")
    run = src.add_run((f"{label} · " if label else "") + clean_text(block.source)
                      + (f" · evidence {block.evidence_id}" if block.evidence_id else ""))
    run.font.size = Pt(8.5)
    run.font.color.rgb = MUTED
    src.paragraph_format.left_indent = Inches(0.6)


def _markdown(doc: Any, text: str, base: int, styles: _Styles) -> None:
    from markdown_it import MarkdownIt

    md = MarkdownIt("commonmark", {"html": False})
    tokens = md.parse(text)
    style = None
    heading = None
    for i, t in enumerate(tokens):
        if t.type == "heading_open":
            heading = min(9, int(t.tag[1]) + base - 1)
        elif t.type == "bullet_list_open":
            style = "List Bullet"
        elif t.type == "ordered_list_open":
            style = "List Number"
        elif t.type in ("bullet_list_close", "ordered_list_close"):
            style = None
        elif t.type == "inline":
            prev = tokens[i - 1].type if i else ""
            if prev == "heading_open" and heading is not None:
                styles.apply(doc.add_paragraph(clean_text(t.content)), f"Heading {heading}")
                heading = None
                continue
            p = styles.apply(doc.add_paragraph(), style) if style else doc.add_paragraph()
            bold = italic = False
            for child in t.children or []:
                if child.type == "strong_open":
                    bold = True
                elif child.type == "strong_close":
                    bold = False
                elif child.type == "em_open":
                    italic = True
                elif child.type == "em_close":
                    italic = False
                elif child.type in ("text", "code_inline"):
                    r = p.add_run(clean_text(child.content))
                    r.bold, r.italic = bold or None, italic or None
                elif child.type == "hardbreak":
                    p.add_run().add_break()
                elif child.type == "softbreak":
                    p.add_run(" ")


def _heading(doc: Any, text: str, level: int, styles: _Styles) -> None:
    name = "Title" if level == 0 else f"Heading {min(9, level)}"
    styles.apply(doc.add_paragraph(clean_text(text)), name)


def _section(doc: Any, sec: Section, level: int, notes: _Footnotes, styles: _Styles) -> None:
    _heading(doc, sec.title, level - 1, styles)
    if sec.screen_only:
        for b in sec.blocks:
            if type(b).__name__ == "Explorer":
                _para(doc, b.fallback, "note")
        return
    for b in sec.blocks:
        k = type(b).__name__
        if k == "Para":
            _para(doc, b.text, b.style)
        elif k == "Bullets":
            for item in b.items:
                styles.apply(doc.add_paragraph(clean_text(item)), "List Bullet")
        elif k == "Table":
            _table(doc, b, styles)
        elif k == "Figure":
            _figure(doc, b, styles)
        elif k == "Quote":
            _quote(doc, b, notes, styles)
        elif k == "Markdown":
            _markdown(doc, b.text, level, styles)
        elif k == "Explorer":
            _para(doc, b.fallback, "note")
    for c in sec.children:
        _section(doc, c, level + 1, notes, styles)


def render_docx(report: Report, path: Path, *, when: datetime) -> Path:
    """Write the report as a Word document; core properties fixed except the timestamp."""
    doc = Document()
    normal = doc.styles["Normal"]
    normal.font.name = "Calibri"
    normal.font.size = Pt(10.5)
    sec0 = doc.sections[0]
    sec0.left_margin = sec0.right_margin = Inches(0.9)
    notes = _Footnotes(doc)
    styles = _Styles(doc)
    styles.apply(doc.add_paragraph("Factual summary report"), "Subtitle")
    _heading(doc, report.title, 0, styles)
    styles.apply(doc.add_paragraph(clean_text(report.subtitle)), "Subtitle")
    if report.synthetic:
        _para(doc, report.cover_lines[0], "warning")
    _para(doc, report.cover_lines[-1], "meta")
    doc.add_page_break()
    for sec in report.sections:
        _section(doc, sec, 2, notes, styles)
    cp = doc.core_properties
    cp.title = clean_text(f"{report.title}: {report.subtitle}")
    cp.subject = "Consultation analysis"
    cp.author = "consultation-toolkit"
    cp.last_modified_by = "consultation-toolkit"
    cp.comments = "Synthetic data" if report.synthetic else ""
    cp.keywords = "consultation; factual summary; evidence"
    cp.category = ""
    cp.revision = 1
    cp.created = when.replace(tzinfo=None)
    cp.modified = when.replace(tzinfo=None)
    path.parent.mkdir(parents=True, exist_ok=True)
    doc.save(str(path))
    return path
