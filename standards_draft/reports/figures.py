"""The report's own charts (respondents, elements), in the project's style and palette.

Closed-question charts come from the ``charts`` table (:mod:`consultation.charts`); the charts
here use the same style, the same colour per stakeholder type and the same deterministic PNG +
SVG writer, and each comes with an alt-text sentence.
"""

from __future__ import annotations

import logging
import textwrap
from pathlib import Path

import numpy as np
import pandas as pd

from .model import Figure

__all__ = ["elements_chart", "respondents_by_country", "respondents_by_type"]

log = logging.getLogger(__name__)

try:
    from consultation import charts as _charts
except ImportError:  # pragma: no cover - charts is part of the toolkit
    _charts = None

STANCE_COLOURS = {"support": "#0571B0", "conditional": "#92C5DE", "oppose": "#CA0020"}
STANCE_NAMES = {"support": "Support", "conditional": "Conditional support", "oppose": "Oppose"}


def _pct(n: int, total: int) -> str:
    if not total:
        return "–"
    return "<1%" if 0 < n / total < 0.005 else f"{100 * n / total:.0f}%"


_RENDERED: dict[tuple, tuple[bytes, bytes]] = {}  # (chart, data) -> (PNG, SVG), this process


def _cached(key: tuple, stem: Path) -> Path | None:
    """Write a chart drawn earlier in this process from the same data (charts are
    byte-stable, so this gives the same files); None if it was not drawn yet."""
    hit = _RENDERED.get(key)
    if hit is None:
        return None
    stem.parent.mkdir(parents=True, exist_ok=True)
    png = stem.with_name(stem.name + ".png")
    png.write_bytes(hit[0])
    stem.with_name(stem.name + ".svg").write_bytes(hit[1])
    return png


def _save(fig, stem: Path, key: tuple | None = None) -> Path:
    png, svg = _charts.save(fig, stem)
    if key is not None:
        if len(_RENDERED) > 64:
            _RENDERED.clear()
        _RENDERED[key] = (png.read_bytes(), svg.read_bytes())
    return png


def respondents_by_type(types: pd.Series, out_dir: Path) -> Figure | None:
    """Horizontal bars: respondents per stakeholder type, in the Commission's order."""
    if _charts is None or types.empty:
        return None
    vc = types.astype("string").fillna("not_disclosed").value_counts()
    order = [k for k in _charts.STAKEHOLDER_LABELS if k in vc.index] + sorted(
        k for k in vc.index if k not in _charts.STAKEHOLDER_LABELS)
    total = int(vc.sum())
    labels = [_charts.STAKEHOLDER_LABELS.get(k, k) for k in order]
    values = [int(vc[k]) for k in order]
    colours = [_charts.group_colour("stakeholder_type", k, i) for i, k in enumerate(order)]
    ranked = sorted(zip(labels, values, strict=True), key=lambda kv: (-kv[1], kv[0]))
    alt = (f"Bar chart of the {total} contributions by stakeholder type: "
           + "; ".join(f"{k} {v} ({_pct(v, total)})" for k, v in ranked) + ".")
    key = ("type", tuple(order), tuple(values))
    stem = out_dir / "report_respondents_by_type"
    png = _cached(key, stem)
    if png is not None:
        return Figure("fig-respondents-type", "Respondents by stakeholder type", alt, png)
    with _charts.style():
        fig = _charts.figure(7.5, 0.32 * len(order) + 1.0)
        ax = fig.add_subplot()
        y = np.arange(len(order))[::-1]
        ax.barh(y, values, color=colours, edgecolor="white", height=0.7)
        ax.set_yticks(y, labels)
        ax.tick_params(axis="y", length=0)
        top = max(values) if values else 1
        for yi, v in zip(y, values, strict=True):
            ax.text(v + top * 0.01, yi, f"{v} ({_pct(v, total)})", va="center", fontsize=8)
        ax.set_xlim(0, top * 1.18)
        ax.set_xlabel("Contributions")
        fig.suptitle(f"Respondents by stakeholder type (n={total})", fontsize=10.5,
                     fontweight="bold", ha="left", x=0.01)
        png = _save(fig, stem, key)
    return Figure("fig-respondents-type", "Respondents by stakeholder type", alt, png)


def respondents_by_country(countries: pd.Series, out_dir: Path, top: int = 15
                           ) -> Figure | None:
    """Horizontal bars: the ``top`` countries, then 'Other countries' and 'Not disclosed'."""
    if _charts is None or countries.empty:
        return None
    vals = countries.astype("string")
    total = len(vals)
    nd = int(vals.isna().sum())
    vc = vals.dropna().value_counts()
    if vc.empty:
        return None
    ranked = sorted(vc.index, key=lambda k: (-int(vc[k]), k))
    shown = ranked[:top]
    rest = int(vc[ranked[top:]].sum()) if len(ranked) > top else 0
    labels = [_charts.group_label("country", k) for k in shown]
    values = [int(vc[k]) for k in shown]
    colours = ["#44AA99"] * len(shown)
    if rest:
        labels.append(f"{len(ranked) - top} other countries")
        values.append(rest)
        colours.append("#DDDDDD")
    if nd:
        labels.append("Not disclosed")
        values.append(nd)
        colours.append("#BBBBBB")
    alt = (f"Bar chart of the {total} contributions by country: "
           + "; ".join(f"{k} {v}" for k, v in zip(labels, values, strict=True)) + ".")
    key = ("country", tuple(labels), tuple(values))
    stem = out_dir / "report_respondents_by_country"
    png = _cached(key, stem)
    if png is not None:
        return Figure("fig-respondents-country", "Respondents by country", alt, png)
    with _charts.style():
        fig = _charts.figure(7.5, 0.28 * len(labels) + 1.0)
        ax = fig.add_subplot()
        y = np.arange(len(labels))[::-1]
        ax.barh(y, values, color=colours, edgecolor="white", height=0.7)
        ax.set_yticks(y, labels)
        ax.tick_params(axis="y", length=0)
        m = max(values)
        for yi, v in zip(y, values, strict=True):
            ax.text(v + m * 0.01, yi, f"{v} ({_pct(v, total)})", va="center", fontsize=8)
        ax.set_xlim(0, m * 1.2)
        ax.set_xlabel("Contributions")
        fig.suptitle(f"Respondents by country (n={total})", fontsize=10.5, fontweight="bold",
                     ha="left", x=0.01)
        png = _save(fig, stem, key)
    return Figure("fig-respondents-country", "Respondents by country", alt, png)


def elements_chart(kind: str, kind_label: str, rows: list[tuple[str, str, int, int, int]],
                   out_dir: Path) -> Figure | None:
    """100 % stacked bars per element: support, conditional support, opposition.

    ``rows`` are ``(element_id, label, n_support, n_conditional, n_oppose)`` in display order.
    """
    if _charts is None or not rows:
        return None
    labels = [textwrap.shorten(f"{e} {lab}", 60, placeholder="…") for e, lab, *_ in rows]
    counts = np.array([[s, c, o] for _, _, s, c, o in rows], dtype=float)
    totals = counts.sum(axis=1)
    shares = np.divide(counts, totals[:, None], out=np.zeros_like(counts),
                       where=totals[:, None] > 0)
    parts = []
    for (e, _lab, *_), sh, t in zip(rows, shares, totals, strict=True):
        if t:
            parts.append(f"{e} {100 * sh[0]:.0f}% support, {100 * sh[1]:.0f}% conditional, "
                         f"{100 * sh[2]:.0f}% oppose (n={int(t)})")
        else:
            parts.append(f"{e} no positions")
    alt = (f"Stacked bar chart of positions on the {len(rows)} elements ({kind_label}): "
           + "; ".join(parts) + ".")
    key = ("elements", kind, kind_label, tuple(rows))
    stem = out_dir / f"report_elements_{kind}"
    png = _cached(key, stem)
    if png is not None:
        return Figure(f"fig-elements-{kind}", f"{kind_label}: positions", alt, png)
    with _charts.style():
        fig = _charts.figure(8.5, 0.3 * len(rows) + 1.4)
        ax = fig.add_subplot()
        y = np.arange(len(rows))[::-1]
        left = np.zeros(len(rows))
        for j, st in enumerate(("support", "conditional", "oppose")):
            ax.barh(y, shares[:, j], left=left, color=STANCE_COLOURS[st], edgecolor="white",
                    height=0.72, label=STANCE_NAMES[st])
            left += shares[:, j]
        for yi, t in zip(y, totals, strict=True):
            ax.text(1.01, yi, f"n={int(t)}", va="center", fontsize=7.5)
        ax.set_yticks(y, labels)
        ax.tick_params(axis="y", length=0)
        ax.set_xlim(0, 1.09)
        ax.set_xticks([0, 0.25, 0.5, 0.75, 1.0], ["0%", "25%", "50%", "75%", "100%"])
        ax.set_xlabel("Share of respondents taking a position on the element")
        ax.legend(loc="lower left", bbox_to_anchor=(0.0, 1.0), ncol=3, handlelength=1.2)
        fig.suptitle(f"{kind_label}: support, conditional support and opposition",
                     fontsize=10.5, fontweight="bold", ha="left", x=0.01)
        png = _save(fig, stem, key)
    return Figure(f"fig-elements-{kind}", f"{kind_label}: positions", alt, png)
