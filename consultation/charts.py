"""Charts for consultation reports: one palette, one style, deterministic PNG and SVG files.

This module is the single home of the project's colours and labels, so that a stakeholder group
has the same colour in every chart of every report:

* :data:`STAKEHOLDER_LABELS`, :data:`STAKEHOLDER_COLOURS`: the canonical stakeholder types. The
  first nine colours are Paul Tol's colour-blind-safe "muted" scheme; the remaining three are
  distinct in lightness. No chart relies on colour alone: every bar is labelled on an axis or
  by its panel title.
* :data:`RATING_COLOURS`: a diverging ColorBrewer RdBu scale for 5-point ratings (colour-blind
  safe; red = low, blue = high, grey = neutral); :func:`rating_colours` derives one for other
  scales. :data:`NO_OPINION_COLOUR`, :data:`BLANK_COLOUR` for the non-substantive answers.
* :data:`OPTION_COLOURS`: the Okabe–Ito colours for the options of single-choice questions.

:func:`save` writes a figure as PNG (150 dpi) and SVG so that two runs give byte-identical
files (fixed style, fixed SVG hash salt, no dates). Figures are built on the Agg canvas without
``pyplot``, so nothing here touches the caller's matplotlib backend or global state.

:func:`plot_closed_questions` draws the closed-question statistics of
:func:`consultation.enrich.closed.closed_question_stats`: diverging stacked bars for rating
questions (one chart per sub-item with a bar per group, and one overview per rating matrix),
100 % stacked bars for single-choice questions and small multiples of bars for multi-choice
questions, each with an alt-text sentence for the HTML and DOCX reports.
"""

from __future__ import annotations

import contextlib
import functools
import logging
import math
import os
import pickle
import re
import textwrap
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

import matplotlib as mpl
import numpy as np
import pandas as pd
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.collections import PolyCollection
from matplotlib.figure import Figure
from matplotlib.patches import Patch

from . import schema
from .errors import ParameterError
from .schema import Column, TableSchema

__all__ = [
    "BLANK_COLOUR",
    "CHARTS",
    "NO_OPINION_COLOUR",
    "OPTION_COLOURS",
    "RATING_COLOURS",
    "STAKEHOLDER_COLOURS",
    "STAKEHOLDER_LABELS",
    "figure",
    "group_colour",
    "group_label",
    "plot_closed_questions",
    "rating_colours",
    "save",
    "style",
]

logger = logging.getLogger(__name__)

# --------------------------------------------------------------------------------------------
# Palette and labels
# --------------------------------------------------------------------------------------------

STAKEHOLDER_LABELS: dict[str, str] = {
    "eu_citizen": "EU citizen",
    "non_eu_citizen": "Non-EU citizen",
    "academic_research_institution": "Academic/research institution",
    "business_association": "Business association",
    "company": "Company/business organisation",
    "consumer_organisation": "Consumer organisation",
    "environmental_organisation": "Environmental organisation",
    "ngo": "NGO",
    "public_authority": "Public authority",
    "trade_union": "Trade union",
    "other": "Other",
    "not_disclosed": "Not disclosed",
}
"""Human labels of the canonical stakeholder types, in the Commission's order."""

STAKEHOLDER_COLOURS: dict[str, str] = {
    "eu_citizen": "#332288",
    "non_eu_citizen": "#88CCEE",
    "academic_research_institution": "#44AA99",
    "business_association": "#117733",
    "company": "#999933",
    "consumer_organisation": "#DDCC77",
    "environmental_organisation": "#CC6677",
    "ngo": "#882255",
    "public_authority": "#AA4499",
    "trade_union": "#EE7733",
    "other": "#777777",
    "not_disclosed": "#BBBBBB",
}
"""One colour per stakeholder type, used by every chart of the project."""

ORGANISATION_SIZE_LABELS: dict[str, str] = {
    "micro": "Micro (< 10 employees)",
    "small": "Small (< 50 employees)",
    "medium": "Medium (< 250 employees)",
    "large": "Large (250 or more)",
    "not_applicable": "Not applicable (citizens)",
    "not_disclosed": "Not disclosed",
}

OTHER_LABELS: dict[str, str] = {
    "all": "All respondents",
    "not_disclosed": "Not disclosed",
    "not_applicable": "Not applicable",
    "other_groups": "Other groups",
    "yes": "Yes",
    "no": "No",
}

ALL_COLOUR = "#444444"
OTHER_GROUPS_COLOUR = "#DDDDDD"
NO_OPINION_COLOUR = "#8C8C8C"
BLANK_COLOUR = "#D9D9D9"

RATING_COLOURS: dict[int, str] = {
    1: "#CA0020",
    2: "#F4A582",
    3: "#D0D0D0",
    4: "#92C5DE",
    5: "#0571B0",
}
"""ColorBrewer RdBu for a 1–5 rating scale (neutral in light grey so it shows on white)."""

OPTION_COLOURS: tuple[str, ...] = (
    "#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000",
)
"""Okabe–Ito colours for unordered answer options (single-choice questions)."""

_CATEGORICAL: tuple[str, ...] = (
    "#332288", "#88CCEE", "#44AA99", "#117733", "#999933", "#DDCC77", "#CC6677", "#882255",
    "#AA4499", "#EE7733", "#777777",
)

STYLE: dict[str, object] = {
    "font.family": "DejaVu Sans",
    "font.size": 9,
    "axes.titlesize": 10,
    "axes.labelsize": 9,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "xtick.labelsize": 8,
    "ytick.labelsize": 8.5,
    "legend.fontsize": 8,
    "legend.frameon": False,
    "figure.dpi": 100,
    "savefig.dpi": 150,
    "svg.fonttype": "path",
    "svg.hashsalt": "consultation-toolkit",
    "path.simplify": True,
}
"""The rcParams every chart is drawn and saved with (independent of the user's matplotlibrc)."""


def rating_colours(values: Sequence[float]) -> dict[float, str]:
    """Diverging colours (RdBu) for the points of a rating scale, low = red, high = blue."""
    vals = sorted({float(v) for v in values})
    if not vals:
        return {}
    if vals == [1.0, 2.0, 3.0, 4.0, 5.0]:
        return {v: RATING_COLOURS[int(v)] for v in vals}
    cmap = mpl.colormaps["RdBu"]
    lo, hi = vals[0], vals[-1]
    out = {}
    for v in vals:
        x = 0.5 if hi == lo else 0.08 + 0.84 * (v - lo) / (hi - lo)
        out[v] = "#D0D0D0" if abs(x - 0.5) < 1e-9 else mpl.colors.to_hex(cmap(x))
    return out


@functools.lru_cache(maxsize=512)
def _country_name(code: str) -> str:
    try:
        import pycountry

        c = pycountry.countries.get(alpha_3=code)
    except (ImportError, KeyError, LookupError):  # pragma: no cover - pycountry is a dependency
        c = None
    if c is None:
        return code
    return getattr(c, "common_name", None) or c.name


def group_label(group_by: str, group: str) -> str:
    """Human label of a group value (stakeholder types, sizes, countries, special groups)."""
    if group in OTHER_LABELS and group not in ("yes", "no"):
        return OTHER_LABELS[group]
    if group_by == "stakeholder_type":
        return STAKEHOLDER_LABELS.get(group, group)
    if group_by == "organisation_size":
        return ORGANISATION_SIZE_LABELS.get(group, group)
    if group_by == "country" and re.fullmatch(r"[A-Z]{3}", group or ""):
        return _country_name(group)
    return OTHER_LABELS.get(group, str(group))


def group_colour(group_by: str, group: str, index: int = 0) -> str:
    """Colour of a group: fixed for stakeholder types, else the ``index``-th palette colour."""
    if group == "all":
        return ALL_COLOUR
    if group in ("other_groups", "not_disclosed", "not_applicable"):
        return OTHER_GROUPS_COLOUR if group == "other_groups" else "#BBBBBB"
    if group_by == "stakeholder_type" and group in STAKEHOLDER_COLOURS:
        return STAKEHOLDER_COLOURS[group]
    return _CATEGORICAL[index % len(_CATEGORICAL)]


# --------------------------------------------------------------------------------------------
# Figures and deterministic files
# --------------------------------------------------------------------------------------------

@contextlib.contextmanager
def style() -> Iterator[None]:
    """Context with matplotlib's defaults plus :data:`STYLE`; restores the caller's rcParams."""
    with mpl.rc_context():
        mpl.rcdefaults()
        mpl.rcParams.update(STYLE)
        yield


def figure(width: float, height: float) -> Figure:
    """A new figure on the Agg canvas, with constrained layout (no pyplot involved).

    Create it inside :func:`style` so that it picks up the project's style.
    """
    fig = Figure(figsize=(width, height), layout="constrained")
    FigureCanvasAgg(fig)
    return fig


def save(fig: Figure, path_stem: str | os.PathLike, *, title: str | None = None,
         description: str | None = None) -> list[Path]:
    """Write ``<path_stem>.png`` (150 dpi) and ``<path_stem>.svg``; return both paths.

    The files are byte-identical from run to run: the style is fixed, the SVG hash salt is
    fixed and no date or software version is embedded. Parent folders are created. ``title``
    and ``description`` (the alt text) are embedded as file metadata when given.
    """
    stem = Path(path_stem)
    stem.parent.mkdir(parents=True, exist_ok=True)
    png = stem.with_name(stem.name + ".png")
    svg = stem.with_name(stem.name + ".svg")
    png_meta: dict[str, str | None] = {"Software": None}
    svg_meta: dict[str, str | None] = {"Date": None, "Creator": None}
    for key, value in (("Title", title), ("Description", description)):
        if value:
            png_meta[key] = svg_meta[key] = str(value)
    engine = fig.get_layout_engine()
    with style():
        try:
            if engine is not None:  # lay out once, not once per file
                engine.execute(fig)
                # no engine at all: with a placeholder ("none") savefig would draw the whole
                # figure once more per file before rendering it
                fig.set_layout_engine(None)
            fig.savefig(png, format="png", dpi=150, metadata=png_meta, facecolor="white")
            fig.savefig(svg, format="svg", metadata=svg_meta, facecolor="white")
        finally:
            if engine is not None:
                fig.set_layout_engine(engine)
    return [png, svg]


# --------------------------------------------------------------------------------------------
# The charts table
# --------------------------------------------------------------------------------------------

CHARTS = schema.register(TableSchema(
    "charts",
    "Charts written for the reports (paths relative to the output folder).",
    (
        Column("chart_id", "string", "File stem, unique in the output folder.", nullable=False),
        Column("question_id", "string", "Question (matrix parent for overviews).",
               nullable=False),
        Column("kind", "string", "diverging | stacked | bar.", nullable=False),
        Column("title", "string", "Chart title (question text).", nullable=False),
        Column("alt_text", "string", "One or two sentences summarising the chart.",
               nullable=False),
        Column("png", "string", "PNG file, relative path.", nullable=False),
        Column("svg", "string", "SVG file, relative path.", nullable=False),
        Column("group_by", "string", "Grouping shown."),
        Column("campaigns", "string", "all | once."),
    ),
    key=("chart_id",),
))

_MAX_GROUPS = 12
_MIN_N_COMPARE = 5  # groups smaller than this are not singled out in alt text
_WIDTH = 10.0


def _wrap(text: str, width: int) -> str:
    return "\n".join(textwrap.wrap(" ".join(str(text).split()), width=width,
                                   break_long_words=True)) or str(text)


def _short(text: str, limit: int = 160) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _pct(x: float) -> str:
    return "–" if x is None or not np.isfinite(x) else f"{100 * x:.0f}%"


def _safe_stem(text: str) -> str:
    stem = re.sub(r"[^A-Za-z0-9._-]+", "_", str(text)).strip("._") or "chart"
    return stem[:120]


def _p_text(p: float) -> str:
    return "p < 0.001" if p < 0.001 else f"p = {p:.3f}"


# --------------------------------------------------------------------------------------------
# Data for one chart
# --------------------------------------------------------------------------------------------

_CHART_COLUMNS = ["group", "option", "option_kind", "option_order", "rating_value", "n",
                  "share", "n_group", "n_answered", "n_no_opinion", "n_blank", "mean_rating",
                  "p_value", "p_adjusted", "cramers_v"]


def _collapse(st: pd.DataFrame, group_by: str) -> tuple[pd.DataFrame, list[str]]:
    """Keep the 11 largest groups and merge the rest into ``other_groups`` (if > 12 groups).

    Returns the rows to draw (the columns of ``_CHART_COLUMNS``) and the groups in drawing
    order: canonical for stakeholder types, else by respondents who answered, largest first,
    with undisclosed / not applicable / other groups last.
    """
    st = st[_CHART_COLUMNS].copy()
    st["n_group"] = st["n_group"].astype("int64")
    for c in ("n", "n_answered", "n_no_opinion", "n_blank", "option_order"):
        st[c] = st[c].astype("int64")
    sizes = st.drop_duplicates("group").set_index("group")["n_group"]
    sizes = sizes[sizes > 0]
    groups = list(sizes.index)
    if len(groups) > _MAX_GROUPS:
        ranked = sorted(groups, key=lambda g: (-int(sizes[g]), g))
        keep = set(ranked[: _MAX_GROUPS - 1])
        rest = st[~st["group"].isin(keep)]
        st = st[st["group"].isin(keep)]
        per_group = rest.drop_duplicates("group")
        agg = (rest.groupby(["option", "option_kind", "option_order"], sort=False)
               .agg(n=("n", "sum"), rating_value=("rating_value", "first")).reset_index())
        tot = {c: int(per_group[c].sum())
               for c in ("n_group", "n_answered", "n_no_opinion", "n_blank")}
        for c, v in tot.items():
            agg[c] = v
        wsum = float((per_group["mean_rating"].fillna(0.0) * per_group["n_answered"]).sum())
        agg["mean_rating"] = wsum / tot["n_answered"] if tot["n_answered"] else np.nan
        agg["share"] = np.where(agg["option_kind"].eq("option") & (tot["n_answered"] > 0),
                                agg["n"] / max(tot["n_answered"], 1), np.nan)
        agg["group"] = "other_groups"
        for c in ("p_value", "p_adjusted", "cramers_v"):
            agg[c] = st[c].iloc[0] if len(st) else np.nan
        st = pd.concat([st, agg[_CHART_COLUMNS].astype(st.dtypes.to_dict())],
                       ignore_index=True)
        groups = [g for g in groups if g in keep] + ["other_groups"]
    if group_by != "stakeholder_type":
        answered = st.drop_duplicates("group").set_index("group")["n_answered"]
        special = {"not_disclosed": 1, "not_applicable": 1, "other_groups": 2}
        groups = sorted(groups, key=lambda g: (special.get(g, 0), -int(answered[g]), g))
    return st, groups


def _matrix(st: pd.DataFrame, rows: list[str], key: str) -> dict[str, dict]:
    """For each row value of ``key`` (group or question): shares and totals."""
    out = {}
    for r, g in st.groupby(key, sort=False):
        if r not in rows:
            continue
        opt = g[g["option_kind"].eq("option")].sort_values("option_order")
        first = g.iloc[0]
        n_group = int(first["n_group"])
        out[r] = {
            "options": opt["option"].tolist(),
            "values": opt["rating_value"].tolist(),
            "n": opt["n"].astype(int).tolist(),
            "share": opt["share"].fillna(0.0).tolist(),
            "n_group": n_group,
            "n_answered": int(first["n_answered"]),
            "n_no_opinion": int(first["n_no_opinion"]),
            "n_blank": int(first["n_blank"]),
            "mean": float(first["mean_rating"]) if pd.notna(first["mean_rating"]) else np.nan,
            "p_value": float(first["p_value"]) if pd.notna(first["p_value"]) else np.nan,
            "p_adjusted": (float(first["p_adjusted"]) if pd.notna(first["p_adjusted"])
                           else np.nan),
            "cramers_v": (float(first["cramers_v"]) if pd.notna(first["cramers_v"])
                          else np.nan),
        }
    return out


# --------------------------------------------------------------------------------------------
# Drawing
# --------------------------------------------------------------------------------------------

def _title(fig: Figure, title: str) -> None:
    """Bold title, wrapped, left-aligned."""
    fig.suptitle(_wrap(title, 95), fontsize=10.5, ha="left", x=0.01, fontweight="bold")


def _hbar(ax, y, width, *, left=0.0, color, height: float = 0.7, edgecolor: str = "none",
          linewidth: float = 0.0, hatch: str | None = None) -> PolyCollection:
    """Horizontal bars drawn as one collection: what ``ax.barh`` draws (same rectangles,
    colours, edges and hatching) at a fraction of the cost, one artist instead of one
    ``Rectangle`` per bar. Axis limits are not updated: every caller sets them."""
    y = np.asarray(y, dtype=float)
    x0 = np.broadcast_to(np.asarray(left, dtype=float), y.shape)
    x1 = x0 + np.broadcast_to(np.asarray(width, dtype=float), y.shape)
    y0, y1 = y - height / 2, y + height / 2
    verts = np.stack([np.column_stack(c) for c in ((x0, y0), (x0, y1), (x1, y1), (x1, y0))],
                     axis=1)
    coll = PolyCollection(verts, closed=True, facecolors=color, edgecolors=edgecolor,
                          linewidths=linewidth, hatch=hatch)
    ax.add_collection(coll, autolim=False)
    return coll


def _legend(ax, handles: list, subtitle: str | None = None) -> None:
    """Legend above the main axes, read row by row; the subtitle, if any, as its title."""
    widths = [0.062 * max(len(line) for line in h.get_label().split("\n")) + 0.5
              for h in handles]
    ncol = len(handles)
    while ncol > 1 and max(sum(widths[i:i + ncol])
                           for i in range(0, len(widths), ncol)) > 7.2:
        ncol -= 1
    nrows = math.ceil(len(handles) / ncol)
    padded = handles + [Patch(visible=False, label="")] * (nrows * ncol - len(handles))
    ordered = [padded[r * ncol + c] for c in range(ncol) for r in range(nrows)]
    ax.legend(handles=ordered, loc="lower left", bbox_to_anchor=(0.0, 1.01), ncol=ncol,
              handlelength=1.2, columnspacing=1.4, borderaxespad=0.2, title=subtitle,
              alignment="left", title_fontproperties={"size": 9, "style": "italic"})


def _ypos(n_rows: int, total_first: bool) -> np.ndarray:
    """Bar positions, top to bottom; the 'All respondents' bar is set apart by a gap."""
    y = np.arange(n_rows)[::-1].astype(float)
    if total_first and n_rows > 1:
        y[0] += 0.5
    return y


def _row_axis(ax, y: np.ndarray, labels: list[str], total_first: bool) -> None:
    ax.set_yticks(y, labels)
    ax.tick_params(axis="y", length=0)
    ax.set_ylim(-0.6, y.max() + 0.6)
    if total_first:
        ax.get_yticklabels()[0].set_fontweight("bold")


def _side_panel(ax, rows: list[dict], y: np.ndarray) -> None:
    """Grey bars: no opinion and blank as % of the group."""
    noop = np.array([r["n_no_opinion"] / r["n_group"] if r["n_group"] else 0 for r in rows])
    blank = np.array([r["n_blank"] / r["n_group"] if r["n_group"] else 0 for r in rows])
    _hbar(ax, y, 100 * noop, color=NO_OPINION_COLOUR, height=0.7, edgecolor="white",
          linewidth=0.4)
    _hbar(ax, y, 100 * blank, left=100 * noop, color=BLANK_COLOUR, height=0.7,
          edgecolor="white", linewidth=0.4, hatch="///")
    for yi, a, b in zip(y, noop, blank, strict=True):
        if a + b > 0:
            ax.text(min(100 * (a + b), 100) + 3, yi, _pct(a + b), va="center", fontsize=7.5,
                    color="#333333")
    ax.set_xlim(0, 135)
    ax.set_xticks([0, 50, 100], ["0%", "50%", "100%"])
    ax.tick_params(axis="y", left=False, labelleft=False)
    ax.spines["left"].set_visible(False)
    ax.set_xlabel("No opinion or\nblank (% of group)")
    ax.xaxis.grid(True, color="#EEEEEE", linewidth=0.6)
    ax.set_axisbelow(True)


def _diverging(rows: list[dict], labels: list[str], *, title: str, subtitle: str | None,
               scale: list[tuple[float, str]], total_first: bool = True,
               row_height: float = 0.36) -> Figure:
    """Diverging stacked bars: low ratings left of 0, high right, neutral centred."""
    values = [v for v, _ in scale]
    colours = rating_colours(values)
    lo, hi = min(values), max(values)
    mid = (lo + hi) / 2
    n_rows = len(rows)
    label_lines = max(lab.count("\n") + 1 for lab in labels)
    height = 1.9 + max(row_height, 0.17 * label_lines + 0.1) * n_rows + 0.25 * (
        title.count("\n") + len(title) // 95)
    fig = figure(_WIDTH, height)
    gs = fig.add_gridspec(1, 2, width_ratios=[5.2, 1.1])
    ax = fig.add_subplot(gs[0, 0])
    side = fig.add_subplot(gs[0, 1], sharey=ax)
    y = _ypos(n_rows, total_first)
    by_value = [{v: 0.0 for v in values} for _ in rows]
    for i, r in enumerate(rows):
        for v, s in zip(r["values"], r["share"], strict=True):
            by_value[i][v] = s
    neg = sorted([v for v in values if v < mid], reverse=True)  # closest to neutral first
    pos = sorted([v for v in values if v > mid])
    neutral = [v for v in values if v == mid]
    share = {v: np.array([b[v] for b in by_value]) for v in values}
    half = share[neutral[0]] / 2 if neutral else np.zeros(n_rows)
    bar = {"height": 0.7, "edgecolor": "white", "linewidth": 0.4}
    if neutral:
        _hbar(ax, y, 100 * 2 * half, left=-100 * half, color=colours[neutral[0]], **bar)
    right = half.copy()
    for v in pos:  # one call per rating value, all rows at once
        _hbar(ax, y, 100 * share[v], left=100 * right, color=colours[v], **bar)
        right += share[v]
    left_edge = -half
    for v in neg:
        _hbar(ax, y, -100 * share[v], left=100 * left_edge, color=colours[v], **bar)
        left_edge = left_edge - share[v]
    s_pos = sum((share[v] for v in pos), np.zeros(n_rows))
    s_neg = sum((share[v] for v in neg), np.zeros(n_rows))
    for i, yi in enumerate(y):
        if rows[i]["n_answered"] > 0:
            if s_pos[i] >= 0.06:
                ax.text(100 * right[i] + 1.5, yi, _pct(s_pos[i]), va="center", ha="left",
                        fontsize=7.5, color="#1F3D66")
            if s_neg[i] >= 0.06:
                ax.text(100 * left_edge[i] - 1.5, yi, _pct(s_neg[i]), va="center", ha="right",
                        fontsize=7.5, color="#7A1020")
        else:
            ax.text(0, yi, "no rating", va="center", ha="center", fontsize=7.5,
                    color="#666666", style="italic")
    ax.axvline(0, color="#333333", linewidth=0.8)
    # the axis reaches as far as the longest bar on each side (at least 50%), plus room for
    # the percentage labels
    reach_l = max([sum(b[v] for v in neg) + (b[neutral[0]] / 2 if neutral else 0)
                   for b in by_value] + [0.5])
    reach_r = max([sum(b[v] for v in pos) + (b[neutral[0]] / 2 if neutral else 0)
                   for b in by_value] + [0.5])
    lim_l, lim_r = (min(math.ceil(r * 4 - 1e-9) * 25, 100) for r in (reach_l, reach_r))
    ax.set_xlim(-lim_l - 16, lim_r + 16)
    ticks = list(range(-lim_l, lim_r + 1, 25))
    ax.set_xticks(ticks, [f"{abs(t)}%" for t in ticks])
    ax.xaxis.grid(True, color="#EEEEEE", linewidth=0.6)
    ax.set_axisbelow(True)
    _row_axis(ax, y, labels, total_first)
    ax.set_xlabel("% of respondents who gave a rating  (← lower | higher →)")
    # means on the right edge of the rating panel
    means = ax.secondary_yaxis("right")
    means.set_yticks(y, [f"{r['mean']:.1f}" if np.isfinite(r["mean"]) else "–" for r in rows])
    means.tick_params(length=0, labelsize=8)
    means.set_ylabel("mean rating", fontsize=8, rotation=270, labelpad=11)
    means.spines["right"].set_visible(False)
    _side_panel(side, rows, y)
    side.tick_params(axis="y", left=False, labelleft=False)
    _title(fig, title)
    handles = [Patch(facecolor=colours[v], label=lab) for v, lab in sorted(scale)]
    handles += [Patch(facecolor=NO_OPINION_COLOUR, label="No opinion"),
                Patch(facecolor=BLANK_COLOUR, hatch="///", label="Blank")]
    _legend(ax, handles, _wrap(subtitle, 100) if subtitle else None)
    return fig


def _stacked(rows: list[dict], labels: list[str], *, title: str, options: list[str]) -> Figure:
    """100% stacked bars of single-choice answers, one bar per group."""
    n_rows = len(rows)
    height = 1.9 + 0.36 * n_rows + 0.22 * (math.ceil(len(options) / 3)) + 0.25 * (
        len(title) // 95)
    fig = figure(_WIDTH, height)
    gs = fig.add_gridspec(1, 2, width_ratios=[5.2, 1.1])
    ax = fig.add_subplot(gs[0, 0])
    side = fig.add_subplot(gs[0, 1], sharey=ax)
    y = _ypos(n_rows, True)
    colours = {o: OPTION_COLOURS[i % len(OPTION_COLOURS)] for i, o in enumerate(options)}
    dark = {"#0072B2", "#009E73", "#D55E00", "#000000", "#CC79A7"}
    shares = {o: np.array([dict(zip(r["options"], r["share"], strict=True)).get(o, 0.0)
                           for r in rows]) for o in options}
    left = np.zeros(n_rows)
    for o in options:  # one call per option, all rows at once
        w = shares[o]
        _hbar(ax, y, 100 * w, left=100 * left, color=colours[o], height=0.7, edgecolor="white",
              linewidth=0.4)
        for yi, wi, li in zip(y, w, left, strict=True):
            if wi >= 0.07:
                ax.text(100 * (li + wi / 2), yi, _pct(wi), ha="center", va="center",
                        fontsize=7.5, color="white" if colours[o] in dark else "black")
        left = left + w
    for yi, r in zip(y, rows, strict=True):
        if r["n_answered"] == 0:
            ax.text(50, yi, "no answer", va="center", ha="center", fontsize=7.5,
                    color="#666666", style="italic")
    ax.set_xlim(0, 100)
    ax.set_xticks([0, 25, 50, 75, 100], ["0%", "25%", "50%", "75%", "100%"])
    _row_axis(ax, y, labels, True)
    ax.set_xlabel("% of respondents who chose an answer")
    _side_panel(side, rows, y)
    side.tick_params(axis="y", left=False, labelleft=False)
    _title(fig, title)
    handles = [Patch(facecolor=colours[o], label=_wrap(o, 40)) for o in options]
    handles += [Patch(facecolor=NO_OPINION_COLOUR, label="No opinion"),
                Patch(facecolor=BLANK_COLOUR, hatch="///", label="Blank")]
    _legend(ax, handles)
    return fig


def _small_multiples(rows: list[dict], labels: list[str], colours: list[str], *, title: str,
                     options: list[str]) -> Figure:
    """Multi-choice: one panel per option, one bar per group (share choosing it)."""
    n_opt = len(options)
    ncols = 1 if n_opt == 1 else 2 if n_opt <= 6 else 3
    nrows = math.ceil(n_opt / ncols)
    n_rows = len(rows)
    panel_h = 0.75 + 0.2 * n_rows
    fig = figure(_WIDTH if ncols < 3 else 12.0,
                 1.2 + nrows * panel_h + 0.25 * (len(title) // 95))
    axes = fig.subplots(nrows, ncols, sharex=True, sharey=True, squeeze=False)
    y = _ypos(n_rows, True)
    for k, ax in enumerate(axes.flat):
        if k >= n_opt:
            ax.set_visible(False)
            continue
        o = options[k]
        shares = [dict(zip(r["options"], r["share"], strict=True)).get(o, 0.0) for r in rows]
        _hbar(ax, y, [100 * s for s in shares], color=colours, height=0.72)
        for yi, s, r in zip(y, shares, rows, strict=True):
            txt = _pct(s) if r["n_answered"] else "–"
            ax.text(100 * s + 2, yi, txt, va="center", fontsize=7, color="#333333")
        ax.set_title(_wrap(o, 48 if ncols == 2 else 38), fontsize=8.5, loc="left")
        ax.set_xlim(0, 115)
        ax.set_xticks([0, 50, 100], ["0%", "50%", "100%"])
        ax.xaxis.grid(True, color="#EEEEEE", linewidth=0.6)
        ax.set_axisbelow(True)
    for ax in axes[:, 0]:
        _row_axis(ax, y, labels, True)
    # a panel above an empty slot of the last row shows its own x tick labels
    for k in range(n_opt):
        r, c = divmod(k, ncols)
        if r == nrows - 2 and (r + 1) * ncols + c >= n_opt:
            axes[r, c].tick_params(labelbottom=True)
    _title(fig, title)
    fig.supxlabel("% of the respondents who answered the question who chose the option "
                  "(several answers possible: shares add up to more than 100%)", fontsize=8.5)
    return fig


# --------------------------------------------------------------------------------------------
# Alt text
# --------------------------------------------------------------------------------------------

def _plural(word: str) -> str:
    return word[:-1] + "ies" if word.endswith("y") else word + "s"


def _join(items: list[str]) -> str:
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


def _test_sentence(r: dict, group_word: str) -> str:
    p = r.get("p_adjusted")
    if p is None or not np.isfinite(p):
        return f"Too few answers per {group_word} for a chi-square test."
    v = r.get("cramers_v", np.nan)
    if p < 0.05:
        return (f"Answers differ significantly by {group_word} (chi-square, adjusted "
                f"{_p_text(p)}, Cramér's V = {v:.2f}).")
    return f"No significant difference by {group_word} (chi-square, adjusted {_p_text(p)})."


def _nonsubstantive(r: dict) -> str:
    parts = []
    if r["n_no_opinion"]:
        parts.append(f"{r['n_no_opinion']} had no opinion")
    if r["n_blank"]:
        parts.append(f"{r['n_blank']} left it blank")
    text = _join(parts)
    return (" " + text[:1].upper() + text[1:] + ".") if parts else ""


def _rating_split(r: dict, mid: float) -> tuple[float, float]:
    pos = sum(s for v, s in zip(r["values"], r["share"], strict=True) if v > mid)
    neg = sum(s for v, s in zip(r["values"], r["share"], strict=True) if v < mid)
    return pos, neg


def _alt_rating(item: str, overall: dict, groups: dict[str, dict], names: dict[str, str],
                mid: float, group_word: str, parent: str | None = None) -> str:
    pos, neg = _rating_split(overall, mid)
    context = f" (in '{_short(parent, 120)}')" if parent else ""
    s = (f"Ratings of '{_short(item)}'{context}: {_pct(pos)} of the "
         f"{overall['n_answered']} respondents who gave a rating rate it above the neutral "
         f"point and {_pct(neg)} below it "
         f"(mean {overall['mean']:.1f}).") if overall["n_answered"] else (
        f"Nobody rated '{_short(item)}'.")
    big = {g: r for g, r in groups.items() if r["n_answered"] >= _MIN_N_COMPARE
           and np.isfinite(r["mean"])}
    if len(big) >= 2:
        top = max(big, key=lambda g: (big[g]["mean"], g))
        low = min(big, key=lambda g: (big[g]["mean"], g))
        all_pos = all(_rating_split(r, mid)[0] > 0.5 for r in big.values())
        lead = (f" Most respondents in every {group_word} with at least {_MIN_N_COMPARE} "
                "ratings rate it above the neutral point.") if all_pos else ""
        s += (f"{lead} Among {_plural(group_word)} with at least {_MIN_N_COMPARE} ratings, "
              f"{names[top]} is the most positive (mean {big[top]['mean']:.1f}, "
              f"n={big[top]['n_answered']}) and {names[low]} the least positive (mean "
              f"{big[low]['mean']:.1f}, n={big[low]['n_answered']}).")
    if groups:
        s += " " + _test_sentence(overall, group_word)
    return s + _nonsubstantive(overall)


def _alt_single(question: str, overall: dict, groups: dict[str, dict], names: dict[str, str],
                group_word: str) -> str:
    if not overall["n_answered"]:
        return f"Nobody answered '{_short(question)}'." + _nonsubstantive(overall)
    parts = [f"{_pct(s)} '{_short(o, 60)}'" for o, s in
             sorted(zip(overall["options"], overall["share"], strict=True),
                    key=lambda x: -x[1]) if s > 0]
    s = (f"'{_short(question)}': of the {overall['n_answered']} respondents who answered, "
         f"{_join(parts[:4])}{' (other answers fewer)' if len(parts) > 4 else ''}.")
    top = overall["options"][int(np.argmax(overall["share"]))]
    big = {g: r for g, r in groups.items() if r["n_answered"] >= _MIN_N_COMPARE}
    if len(big) >= 2:
        tops = {g: r["options"][int(np.argmax(r["share"]))] for g, r in big.items()}
        differ = [names[g] for g, t in tops.items() if t != top]
        if not differ:
            s += (f" '{_short(top, 60)}' is the most common answer in every {group_word} "
                  f"with at least {_MIN_N_COMPARE} answers.")
        else:
            more = f" and {len(differ) - 4} more" if len(differ) > 4 else ""
            listed = _join(differ[:4]) if not more else ", ".join(differ[:4]) + more
            s += (f" '{_short(top, 60)}' is the most common answer overall, but not among "
                  f"{listed}.")
    if groups:
        s += " " + _test_sentence(overall, group_word)
    return s + _nonsubstantive(overall)


def _alt_multi(question: str, overall: dict, groups: dict[str, dict], names: dict[str, str],
               group_word: str, tests: pd.DataFrame) -> str:
    if not overall["n_answered"]:
        return f"Nobody answered '{_short(question)}'." + _nonsubstantive(overall)
    ranked = sorted(zip(overall["options"], overall["share"], strict=True),
                    key=lambda x: -x[1])
    parts = [f"'{_short(o, 60)}' ({_pct(s)})" for o, s in ranked[:3] if s > 0]
    s = (f"'{_short(question)}' (several answers possible): of the {overall['n_answered']} "
         f"respondents who answered, the most chosen options are {_join(parts)}.")
    top = ranked[0][0]
    big = {g: r for g, r in groups.items() if r["n_answered"] >= _MIN_N_COMPARE}
    if len(big) >= 2:
        shares = {g: dict(zip(r["options"], r["share"], strict=True)).get(top, 0.0)
                  for g, r in big.items()}
        hi = max(shares, key=lambda g: (shares[g], g))
        lo = min(shares, key=lambda g: (shares[g], g))
        s += (f" '{_short(top, 60)}' is chosen most often by {names[hi]} ({_pct(shares[hi])})"
              f" and least by {names[lo]} ({_pct(shares[lo])}).")
    if groups:
        tested = tests[tests["p_adjusted"].notna()]
        if len(tested):
            sig = int((tested["p_adjusted"] < 0.05).sum())
            pl = _plural(group_word)
            s += (f" {pl[:1].upper() + pl[1:]} differ significantly on {sig} of "
                  f"{len(tested)} options (chi-square, adjusted p < 0.05).")
        else:
            s += f" Too few answers per {group_word} for chi-square tests."
    return s + _nonsubstantive(overall)


def _alt_matrix(question: str, items: dict[str, dict], names: dict[str, str],
                mid: float) -> str:
    rated = {k: r for k, r in items.items() if r["n_answered"] and np.isfinite(r["mean"])}
    if not rated:
        return f"Nobody rated the items of '{_short(question)}'."
    top = max(rated, key=lambda k: (rated[k]["mean"], k))
    low = min(rated, key=lambda k: (rated[k]["mean"], k))
    pos = [_rating_split(r, mid)[0] for r in rated.values()]
    return (f"Ratings of the {len(items)} items of '{_short(question)}': the highest mean is "
            f"for '{_short(names[top], 90)}' ({rated[top]['mean']:.1f}), the lowest for "
            f"'{_short(names[low], 90)}' ({rated[low]['mean']:.1f}); the share of ratings "
            f"above the neutral point ranges from {_pct(min(pos))} to {_pct(max(pos))}.")


# --------------------------------------------------------------------------------------------
# plot_closed_questions
# --------------------------------------------------------------------------------------------

_GROUP_WORDS = {"stakeholder_type": "stakeholder group", "country": "country",
                "organisation_size": "organisation size"}


def _scale(st: pd.DataFrame) -> list[tuple[float, str]]:
    opt = st[st["option_kind"].eq("option")].drop_duplicates("option_order")
    opt = opt.sort_values("option_order")
    return [(float(v), str(o)) for v, o in zip(opt["rating_value"], opt["option"], strict=True)
            if pd.notna(v)]


def _row_label(name: str, r: dict) -> str:
    return f"{_wrap(name, 34)} (n={r['n_answered']})"


def plot_closed_questions(
    closed_stats: pd.DataFrame,
    questions: pd.DataFrame,
    out_dir: str | os.PathLike,
    *,
    group_by: str = "stakeholder_type",
    campaigns: str = "all",
    progress: Callable[[int, int], None] | None = None,
    n_jobs: int | None = None,
) -> pd.DataFrame:
    """Draw one chart per closed question (and one overview per rating matrix).

    Files go to ``<out_dir>/charts/<chart_id>.png`` and ``.svg``; ``chart_id`` is the question
    id (made file-name safe), suffixed ``_by_<group_by>`` for other groupings than the
    stakeholder type and ``_once`` for ``campaigns='once'``.

    Parameters
    ----------
    closed_stats : DataFrame
        Output of :func:`consultation.enrich.closed.closed_question_stats`.
    questions : DataFrame
        ``question_id``, ``text`` (and ``parent_id``), for titles.
    out_dir : path
        Output folder (a workspace or report folder).
    group_by : str
        Grouping to draw (one of the ``group_by`` values in ``closed_stats``).
    campaigns : {'all', 'once'}
        Which campaign setting to draw.
    progress : callable(done, total), optional
        Called after each chart.
    n_jobs : int, optional
        Processes drawing the charts (default: one per available CPU, at most 4, and at most
        one per 4 charts; 1 draws in this process). The files are the same either way; if the
        worker processes fail, the charts are drawn in this process (with a warning).

    Returns
    -------
    DataFrame
        Table ``charts``: ``chart_id``, ``question_id``, ``kind`` (``diverging`` for ratings,
        ``stacked`` for single choice, ``bar`` for multi choice), ``title``, ``alt_text``,
        ``png``, ``svg`` (paths relative to ``out_dir``), ``group_by``, ``campaigns``.
    """
    schema.require(closed_stats, "closed_stats",
                   ["question_id", "parent_id", "group_by", "group", "option", "n", "n_group",
                    "share", "mean_rating", "p_value", "cramers_v", "campaigns",
                    "option_kind", "option_order", "rating_value", "question_kind",
                    "n_answered", "n_no_opinion", "n_blank", "p_adjusted"],
                   stage="charts")
    schema.require(questions, "questions", ["question_id", "text"], stage="charts")
    if n_jobs is not None and (isinstance(n_jobs, bool) or not isinstance(n_jobs, int)
                               or n_jobs < 1):
        raise ParameterError("The 'n_jobs' parameter must be an int in [1, inf) or None. "
                             f"Got {n_jobs!r} instead.")
    if not isinstance(group_by, str) or not isinstance(campaigns, str):
        raise ParameterError("The 'group_by' and 'campaigns' parameters must be strings. "
                             f"Got {group_by!r} and {campaigns!r} instead.")
    st = closed_stats[closed_stats["campaigns"].eq(campaigns)]
    if not len(st) and len(closed_stats):
        raise ParameterError(
            f"The 'campaigns' parameter must be one of "
            f"{sorted(closed_stats['campaigns'].dropna().unique())}. Got {campaigns!r} instead.")
    dims = [d for d in st["group_by"].dropna().unique() if d != "all"]
    if group_by != "all" and len(st) and group_by not in dims:
        raise ParameterError(
            f"The 'group_by' parameter must be one of {sorted(dims)} (the groupings in "
            f"closed_stats). Got {group_by!r} instead.")
    out_dir = Path(out_dir)
    texts = dict(zip(questions["question_id"].astype(str), questions["text"].astype(str),
                     strict=False))
    suffix = ("" if group_by == "stakeholder_type" else f"_by_{_safe_stem(group_by)}") + (
        "" if campaigns == "all" else "_once")
    group_word = _GROUP_WORDS.get(group_by, group_by.replace("_", " "))
    overall_all = st[st["group_by"].eq("all")]
    by_group = st[st["group_by"].eq(group_by)] if group_by != "all" else st.iloc[:0]
    qids = list(dict.fromkeys(overall_all["question_id"]))
    parents: dict[str, list[str]] = {}
    for qid, pid, kind in overall_all.drop_duplicates("question_id")[
            ["question_id", "parent_id", "question_kind"]].itertuples(index=False):
        if pd.notna(pid) and kind == "rating":
            parents.setdefault(str(pid), []).append(qid)
    plan: list[tuple[str, str | None]] = []  # (question_id, parent for overview)
    done_parents: set[str] = set()
    for qid in qids:
        pid = overall_all.loc[overall_all["question_id"].eq(qid), "parent_id"].iloc[0]
        if (pd.notna(pid) and len(parents.get(str(pid), ())) >= 2
                and str(pid) not in done_parents):
            plan.append((str(pid), "matrix"))
            done_parents.add(str(pid))
        plan.append((qid, None))
    used: set[str] = set()
    overall_by_q = dict(tuple(overall_all.groupby("question_id", sort=False)))
    group_by_q = dict(tuple(by_group.groupby("question_id", sort=False)))
    tasks, stems = [], []
    for qid, what in plan:
        stem = _safe_stem(qid) + suffix
        while stem in used:
            stem += "_"
        used.add(stem)
        stems.append(stem)
        if what == "matrix":
            payload = (parents[qid], {q: overall_by_q[q] for q in parents[qid]}, texts)
        else:
            payload = (overall_by_q[qid], group_by_q.get(qid), texts)
        tasks.append((out_dir / "charts" / stem, qid, what, payload, group_by, group_word))
    drawn = _draw_all(tasks, _n_workers(n_jobs, len(tasks)), progress)
    records = [{"chart_id": stem, "question_id": qid, "kind": kind, "title": title,
                "alt_text": alt, "png": f"charts/{stem}.png", "svg": f"charts/{stem}.svg",
                "group_by": group_by, "campaigns": campaigns}
               for stem, (qid, _), (kind, title, alt) in zip(stems, plan, drawn, strict=True)]
    out = pd.DataFrame(records, columns=CHARTS.names)
    return schema.conform(out, CHARTS)


# Charts are drawn in worker processes when there are enough of them: matplotlib spends
# ~0.5-1 s of CPU on one of these figures (layout, PNG and SVG), all of it in Python.
_MIN_CHARTS_PER_WORKER = 4
_MAX_WORKERS = 4


def _n_workers(n_jobs: int | None, n_tasks: int) -> int:
    """Processes to draw ``n_tasks`` charts with: ``n_jobs`` (at most one per chart), or by
    default one per available CPU, at most 4, and at most one per 4 charts (a worker costs
    about a second of imports)."""
    if n_jobs is not None:
        return max(1, min(n_jobs, n_tasks))
    try:
        cpus = len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - not on Linux
        cpus = os.cpu_count() or 1
    return max(1, min(cpus, _MAX_WORKERS, n_tasks // _MIN_CHARTS_PER_WORKER))


def _draw_chart(task: tuple) -> tuple[str, str, str]:
    """Draw and save one chart (here or in a worker process); ``(kind, title, alt text)``."""
    stem, qid, what, payload, group_by, group_word = task
    with style():
        if what == "matrix":
            items, overall_by_q, texts = payload
            fig, kind, title, alt = _plot_matrix(qid, items, overall_by_q, texts)
        else:
            overall, grouped, texts = payload
            fig, kind, title, alt = _plot_question(qid, overall, grouped, texts, group_by,
                                                   group_word)
        save(fig, stem, title=title, description=alt)
    return kind, title, alt


def _draw_all(tasks: list[tuple], workers: int,
              progress: Callable[[int, int], None] | None) -> list[tuple[str, str, str]]:
    """Draw every chart, in ``workers`` processes when more than one (the same files either
    way: each chart is drawn alone, with the fixed style); results in task order."""
    if workers > 1:
        try:
            return _draw_in_workers(tasks, workers, progress)
        except (OSError, RuntimeError, EOFError, pickle.UnpicklingError) as exc:
            logger.warning("charts: worker processes failed (%s); drawing in this process",
                           exc)
    out: list[tuple[str, str, str]] = []
    for task in tasks:
        out.append(_draw_chart(task))
        if progress is not None:
            progress(len(out), len(tasks))
    return out


def _draw_in_workers(tasks: list[tuple], workers: int,
                     progress: Callable[[int, int], None] | None) -> list[tuple[str, str, str]]:
    """Fresh ``python -m consultation.charts`` processes, each drawing every ``workers``-th
    chart. Fresh interpreters rather than ``multiprocessing``: nothing of the caller is
    inherited (threads of models loaded by earlier stages) or re-imported (its ``__main__``
    script or notebook)."""
    import subprocess
    import sys
    import tempfile

    env = dict(os.environ)
    pkg_root = str(Path(__file__).resolve().parents[1])
    env["PYTHONPATH"] = os.pathsep.join(p for p in (pkg_root, env.get("PYTHONPATH")) if p)
    order = [list(range(k, len(tasks), workers)) for k in range(workers)]
    out: list[tuple[str, str, str] | None] = [None] * len(tasks)
    with tempfile.TemporaryDirectory(prefix="consult-charts-") as tmp:
        procs = []
        for k, idx in enumerate(order):
            src, dst = Path(tmp) / f"in{k}.pickle", Path(tmp) / f"out{k}.pickle"
            src.write_bytes(pickle.dumps([tasks[i] for i in idx], protocol=5))
            procs.append((idx, dst, subprocess.Popen(
                [sys.executable, "-m", "consultation.charts", str(src), str(dst)], env=env,
                stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)))
        done, failed = 0, []
        for idx, dst, proc in procs:
            _, err = proc.communicate()
            if proc.returncode != 0 or not dst.is_file():
                lines = err.decode("utf-8", "replace").strip().splitlines()
                failed.append(lines[-1] if lines else f"exit code {proc.returncode}")
                continue
            for i, res in zip(idx, pickle.loads(dst.read_bytes()), strict=True):
                out[i] = tuple(res)
            done += len(idx)
            if progress is not None:
                progress(done, len(tasks))
    if failed:
        raise RuntimeError("; ".join(failed))
    return out  # type: ignore[return-value]


def _worker_main(argv: Sequence[str]) -> int:
    """``python -m consultation.charts TASKS.pickle RESULTS.pickle`` (see _draw_in_workers)."""
    tasks = pickle.loads(Path(argv[0]).read_bytes())
    results = [_draw_chart(task) for task in tasks]
    Path(argv[1]).write_bytes(pickle.dumps(results, protocol=5))
    return 0


def _plot_matrix(pid: str, items: list[str], overall_by_q: dict, texts: dict) -> tuple:
    title = texts.get(pid, pid)
    data = {}
    for qid in items:
        data.update(_matrix(overall_by_q[qid], ["all"], "group"))
        data[qid] = data.pop("all")
    names = {q: texts.get(q, q) for q in items}
    scale = _scale(overall_by_q[items[0]])
    mid = (min(v for v, _ in scale) + max(v for v, _ in scale)) / 2 if scale else 3.0
    rows = [data[q] for q in items]
    labels = [f"{_wrap(names[q], 46)} (n={data[q]['n_answered']})" for q in items]
    fig = _diverging(rows, labels, title=title, subtitle="All respondents", scale=scale,
                     total_first=False)
    return fig, "diverging", title, _alt_matrix(title, data, names, mid)


def _plot_question(qid: str, overall: pd.DataFrame, grouped: pd.DataFrame | None,
                   texts: dict, group_by: str, group_word: str) -> tuple:
    kind = overall["question_kind"].iloc[0]
    pid = overall["parent_id"].iloc[0]
    text = texts.get(qid, qid)
    parent_text = texts.get(str(pid)) if pd.notna(pid) else None
    title = text
    ov = _matrix(overall, ["all"], "group")["all"]
    groups: dict[str, dict] = {}
    order: list[str] = []
    if grouped is not None and len(grouped):
        first = grouped.iloc[0]
        for c in ("p_value", "p_adjusted", "cramers_v"):  # the test lives on the group rows
            ov[c] = float(first[c]) if pd.notna(first[c]) else np.nan
        grouped, order = _collapse(grouped, group_by)
        groups = _matrix(grouped, order, "group")
        order = [g for g in order if g in groups]
    names = {g: group_label(group_by, g) for g in order}
    if "other_groups" in names:
        names["other_groups"] = f"Other {_plural(group_word)}"
    rows = [ov] + [groups[g] for g in order]
    labels = [_row_label("All respondents", ov)] + [_row_label(names[g], groups[g])
                                                    for g in order]
    if kind == "rating":
        scale = _scale(overall)
        mid = (min(v for v, _ in scale) + max(v for v, _ in scale)) / 2 if scale else 3.0
        fig = _diverging(rows, labels, title=text, subtitle=parent_text, scale=scale)
        if parent_text:
            title = f"{parent_text} — {text}"
        alt = _alt_rating(text, ov, groups, names, mid, group_word, parent_text)
        return fig, "diverging", title, alt
    options = ov["options"]
    if not options:  # nothing to draw but the title and the counts
        fig = figure(_WIDTH, 1.6)
        ax = fig.add_subplot()
        ax.set_axis_off()
        ax.text(0, 0.5, f"No answer options: {ov['n_no_opinion']} respondents had no opinion "
                f"and {ov['n_blank']} left the question blank.", va="center", fontsize=9)
        _title(fig, text)
        alt = f"Nobody chose an option of '{_short(text)}'." + _nonsubstantive(ov)
        return fig, "bar" if kind == "multi_choice" else "stacked", title, alt
    if kind == "single_choice":
        fig = _stacked(rows, labels, title=text, options=options)
        return fig, "stacked", title, _alt_single(text, ov, groups, names, group_word)
    colours = [ALL_COLOUR] + [group_colour(group_by, g, i) for i, g in enumerate(order)]
    fig = _small_multiples(rows, labels, colours, title=text, options=options)
    tests = (grouped[grouped["option_kind"].eq("option")].drop_duplicates("option")
             if grouped is not None and len(grouped) else pd.DataFrame({"p_adjusted": []}))
    return fig, "bar", title, _alt_multi(text, ov, groups, names, group_word, tests)


if __name__ == "__main__":  # pragma: no cover - exercised through _draw_in_workers
    import sys

    sys.exit(_worker_main(sys.argv[1:]))
