"""HTML rendering: one self-contained, accessible file (also the source of the PDF).

Everything is inline: the stylesheet, the explorer script (allowed by its SHA-256 in a strict
Content-Security-Policy that forbids any network fetch), charts as base64 PNG with alt text and
the evidence as a JSON blob in ``<script type="application/json">``. Jinja2 autoescapes every
value; the only markup not produced by the template is the draft's Markdown, rendered with raw
HTML and images disabled.
"""

from __future__ import annotations

import base64
import hashlib
import json
import struct
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape
from markupsafe import Markup

from .model import Bullets, Explorer, Figure, Markdown, Para, Quote, Report, Section, Table
from .pdf import chart_url

__all__ = ["json_for_script", "render_html"]

HERE = Path(__file__).resolve().parent
TOC_DEPTH = 3  # h2 and h3 in the table of contents


def json_for_script(data: Any) -> Markup:
    """JSON safe inside ``<script type="application/json">``: ``<``, ``>``, ``&`` escaped."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    text = (text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
            .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))
    return Markup(text)


def _png_size(data: bytes) -> tuple[int, int]:
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        return (0, 0)
    w, h = struct.unpack(">II", data[16:24])
    return int(w), int(h)


@lru_cache(maxsize=256)
def _figure_data(path: str, mtime: float) -> tuple[str, int, int]:
    data = Path(path).read_bytes()
    w, h = _png_size(data)
    return base64.b64encode(data).decode("ascii"), w, h


def _markdown(text: str, base_level: int) -> Markup:
    """Markdown → HTML with raw HTML and images disabled; links become text plus their URL
    (http/https only), so the page never links or loads anything outside itself."""
    from markdown_it import MarkdownIt
    from markdown_it.common.utils import escapeHtml

    md = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False})
    md.disable(["image", "html_block", "html_inline"])

    def link_open(self, tokens, idx, options, env):
        return ""

    def link_close(self, tokens, idx, options, env):
        j = idx
        while j >= 0 and tokens[j].type != "link_open":
            j -= 1
        href = str(tokens[j].attrGet("href") or "") if j >= 0 else ""
        return f" ({escapeHtml(href)})" if href.startswith(("http://", "https://")) else ""

    md.add_render_rule("link_open", link_open)
    md.add_render_rule("link_close", link_close)
    tokens = md.parse(text)
    for t in tokens:
        if t.type in ("heading_open", "heading_close"):
            level = min(6, int(t.tag[1]) + base_level - 1)
            t.tag = f"h{level}"
    return Markup(md.renderer.render(tokens, md.options, {}))


def _kind(block: Any) -> str:
    return type(block).__name__.lower()


def _toc(report: Report) -> list[dict[str, Any]]:
    items: list[dict[str, Any]] = []
    for sec, level in report.walk():
        if level > TOC_DEPTH:
            continue
        items.append({"id": sec.id, "title": sec.title, "level": level,
                      "screen_only": sec.screen_only})
    return items


def _env() -> Environment:
    env = Environment(loader=FileSystemLoader(str(HERE / "templates")),
                      autoescape=select_autoescape(default=True, default_for_string=True),
                      undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True,
                      keep_trailing_newline=True)
    env.globals.update(kind=_kind)
    return env


def render_html(report: Report, *, generated_iso: str, for_print: bool = False,
                chart_roots: Sequence[Path] = ()) -> str:
    """Render the report as one self-contained HTML page.

    ``for_print`` renders the variant weasyprint prints: no script, no evidence data, and
    charts inside ``chart_roots`` as ``chart:`` URLs (served by the PDF's fetcher from those
    folders only), which keeps the page small and the PDF fast.
    """
    css = (HERE / "static" / "report.css").read_text(encoding="utf-8")
    js = (HERE / "static" / "explorer.js").read_text(encoding="utf-8")
    if "</" in js or "</" in css:
        raise ValueError("report.css / explorer.js must not contain '</'")
    js_hash = base64.b64encode(hashlib.sha256(js.encode("utf-8")).digest()).decode("ascii")
    csp = ("default-src 'none'; img-src data:; style-src 'unsafe-inline'; "
           f"script-src 'sha256-{js_hash}'; base-uri 'none'; form-action 'none'")

    def figure(fig: Figure) -> dict[str, Any]:
        p = Path(fig.png)
        b64, w, h = _figure_data(str(p), p.stat().st_mtime)
        shape = "landscape" if w and h / w < 0.9 else "portrait"
        src = chart_url(p, chart_roots) if for_print else None
        src = src or "data:image/png;base64," + b64
        return {"src": Markup(src), "width": round(w * 0.64),
                "height": round(h * 0.64), "shape": shape}

    def markdown(block: Markdown, level: int) -> Markup:
        return _markdown(block.text, level + 1)

    tmpl = _env().get_template("report.html.j2")
    data = {"filters": [{"field": f, "label": lab} for f, lab in report.explorer_filters],
            "rows": [] if for_print else report.evidence}
    html = tmpl.render(report=report, css=Markup(css), js=Markup(js), csp=csp,
                       toc=_toc(report), figure=figure, markdown=markdown,
                       evidence_json=json_for_script(data), for_print=for_print,
                       generated_iso=generated_iso, Para=Para, Table=Table, Bullets=Bullets,
                       Quote=Quote, Explorer=Explorer, Section=Section)
    return html
