"""Bar charts drawn with reportlab.graphics, readable when printed in black and white.

Colour is never the only cue: this round is a solid grey bar with a black outline and its value
printed beside it, the previous round is a white bar with a dashed outline labelled with its own
value, and the team's min–max is a black whisker with end caps. A legend spells the three out.
Domain labels wrap onto a second line rather than being cut, so every domain stays nameable.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from reportlab.graphics.shapes import Drawing, Line, Rect, String
from reportlab.lib import colors
from reportlab.lib.attrmap import AttrMap, AttrMapValue
from reportlab.lib.validators import isString
from reportlab.pdfbase.pdfmetrics import stringWidth

from app.reports.numbers import fmt_score

FONT = "DejaVuSans"  # registered by app.reports.common.register_fonts before any chart is drawn
_BAR = colors.Color(0.62, 0.62, 0.62)  # light enough for a black whisker to show on top
_AXIS = colors.Color(0.6, 0.6, 0.6)
_DARK = colors.Color(0.3, 0.3, 0.3)
_DASH = [2, 1.5]
STUB = 2.5  # every bar starts this far left of the axis, so a score at the minimum still shows


class _Drawing(Drawing):  # type: ignore[misc]
    """A Drawing whose renderer starts in DejaVu Sans: Helvetica, its default, is not embedded."""

    initialFontName = FONT
    # The chart in words: the tagged PDF's Figure carries it as /Alt (app.reports.tagging).
    _attrMap = AttrMap(BASE=Drawing, alt_text=AttrMapValue(isString, desc="alternative text"))


@dataclass(frozen=True)
class ChartRow:
    """One domain: its label, this round's value, the team's min–max, the previous round's value."""

    label: str
    value: float | None
    low: float | None = None
    high: float | None = None
    previous: float | None = None


@dataclass(frozen=True)
class ChartLegend:
    current: str
    previous: str
    range: str


def _shorten(text: str, size: float, width: float) -> str:
    text = " ".join(text.split())
    if stringWidth(text, FONT, size) <= width:
        return text
    while text and stringWidth(text + "…", FONT, size) > width:
        text = text[:-1]
    return text + "…"


def wrap_label(text: str, size: float, width: float, max_lines: int = 2) -> list[str]:
    """Break a label into at most `max_lines` lines of `width`; only the last one may be cut."""
    words = " ".join(text.split()).split(" ")
    lines: list[str] = []
    current = ""
    for n, word in enumerate(words):
        candidate = f"{current} {word}".strip()
        if stringWidth(candidate, FONT, size) <= width or not current:
            current = candidate
            continue
        if len(lines) == max_lines - 1:
            current = " ".join([current, *words[n:]])
            break
        lines.append(current)
        current = word
    lines.append(current)
    return [_shorten(line, size, width) for line in lines]


def chart_alt_text(
    rows: Sequence[ChartRow], legend: ChartLegend, fmt: Callable[[float], str]
) -> str:
    """The chart in words, for the tagged PDF's Figure: every bar's value, range and previous
    value, e.g. "1.1 Activating: 2.05, Team min–max 1.80–2.40, Previous round 2.27"."""

    def value(v: float | None) -> str:
        return "–" if v is None else fmt(v)

    parts = []
    for row in rows:
        text = f"{row.label}: {value(row.value)}"
        if row.low is not None and row.high is not None:
            text += f", {legend.range} {value(row.low)}–{value(row.high)}"
        if row.previous is not None:
            text += f", {legend.previous} {value(row.previous)}"
        parts.append(text)
    return f"{legend.current}. " + "; ".join(parts) + "."


def domain_bar_chart(
    rows: Sequence[ChartRow],
    *,
    vmin: float,
    vmax: float,
    width: float,
    legend: ChartLegend,
    percent: bool = False,
    ticks: Sequence[float] | None = None,
    lang: str,
) -> Drawing:
    """Horizontal bars, one group per domain, scaled from `vmin` to `vmax` (the metric's range).

    A row whose value is None shows "–". Previous-round bars appear only for rows that have one.
    """
    size = 7.5
    line_h = size * 1.2
    label_w = width * 0.36
    value_w = 36.0
    plot_x = label_w + 6
    plot_w = width - plot_x - value_w
    has_previous = any(r.previous is not None for r in rows)
    bar_h = 9.0
    prev_h = 8.0 if has_previous else 0.0  # room for its 7 pt value
    labels = [wrap_label(r.label, size, label_w) for r in rows]
    heights = [max(bar_h + prev_h, len(lines) * line_h) + 7 for lines in labels]
    legend_h = 16.0
    axis_h = 14.0
    height = legend_h + axis_h + sum(heights) + 4
    drawing = _Drawing(width, height)
    span = (vmax - vmin) or 1.0

    def x_of(value: float) -> float:
        return plot_x + max(0.0, min(1.0, (value - vmin) / span)) * plot_w

    def fmt(value: float) -> str:
        return fmt_score(value, "percent" if percent else "mean", lang)

    top = height - legend_h
    # axis with ticks at the scale's values
    tick_values = list(ticks) if ticks else [vmin + span * k / 4 for k in range(5)]
    bottom = axis_h
    for tv in tick_values:
        x = x_of(tv)
        drawing.add(Line(x, bottom, x, top, strokeColor=_AXIS, strokeWidth=0.3))
        label = f"{tv:g}%" if percent else f"{tv:g}"
        drawing.add(String(x, bottom - 9, label, fontName=FONT, fontSize=7, textAnchor="middle"))
    drawing.add(Line(plot_x, bottom, plot_x + plot_w, bottom, strokeColor=_DARK, strokeWidth=0.5))

    y = top - 4
    for row, lines, row_h in zip(rows, labels, heights, strict=True):
        y -= row_h
        group_h = bar_h + prev_h
        group_y = y + 3.5 + (row_h - 7 - group_h) / 2  # bars centred on the (maybe two-line) label
        bar_y = group_y + prev_h
        text_top = y + 3.5 + (row_h - 7 + len(lines) * line_h) / 2 - size
        for n, line in enumerate(lines):
            drawing.add(String(0, text_top - n * line_h, line, fontName=FONT, fontSize=size))
        if row.value is not None:
            drawing.add(
                Rect(
                    plot_x - STUB,
                    bar_y,
                    x_of(row.value) - plot_x + STUB,
                    bar_h,
                    fillColor=_BAR,
                    strokeColor=colors.black,
                    strokeWidth=0.5,
                )
            )
        if row.low is not None and row.high is not None:
            lo, hi = x_of(row.low), x_of(row.high)
            mid = bar_y + bar_h / 2
            drawing.add(Line(lo, mid, hi, mid, strokeColor=colors.black, strokeWidth=1.0))
            for x in (lo, hi):
                drawing.add(
                    Line(x, mid - 3.5, x, mid + 3.5, strokeColor=colors.black, strokeWidth=1.0)
                )
        text = fmt(row.value) if row.value is not None else "–"
        value_x = plot_x + plot_w + 6
        drawing.add(String(value_x, bar_y + 1.5, text, fontName=FONT, fontSize=size))
        if row.previous is not None:
            prev_end = x_of(row.previous)
            drawing.add(
                Rect(
                    plot_x - STUB,
                    group_y,
                    prev_end - plot_x + STUB,
                    prev_h - 1.5,
                    fillColor=colors.white,
                    strokeColor=colors.black,
                    strokeWidth=0.6,
                    strokeDashArray=_DASH,
                )
            )
            drawing.add(
                String(value_x, group_y + 0.5, fmt(row.previous), fontName=FONT, fontSize=7)
            )

    drawing.alt_text = chart_alt_text(rows, legend, fmt)
    # legend: above the plot, moved left when its words are long (Spanish, a long round name)
    ly = height - 11
    has_range = any(r.low is not None and r.high is not None for r in rows)
    entries = [legend.current] + ([legend.range] if has_range else [])
    entries += [legend.previous] if has_previous else []
    needed = sum(28 + stringWidth(e, FONT, size) for e in entries) - 10
    x = max(0.0, min(plot_x, width - needed))
    drawing.add(Rect(x, ly, 14, 7, fillColor=_BAR, strokeColor=colors.black, strokeWidth=0.5))
    drawing.add(String(x + 18, ly + 1, legend.current, fontName=FONT, fontSize=size))
    x += 28 + stringWidth(legend.current, FONT, size)
    if has_range:
        drawing.add(Line(x, ly + 3.5, x + 14, ly + 3.5, strokeColor=colors.black, strokeWidth=1.0))
        for cap in (x, x + 14):
            drawing.add(Line(cap, ly, cap, ly + 7, strokeColor=colors.black, strokeWidth=1.0))
        drawing.add(String(x + 18, ly + 1, legend.range, fontName=FONT, fontSize=size))
        x += 28 + stringWidth(legend.range, FONT, size)
    if has_previous:
        drawing.add(
            Rect(
                x,
                ly,
                14,
                6,
                fillColor=colors.white,
                strokeColor=colors.black,
                strokeWidth=0.6,
                strokeDashArray=_DASH,
            )
        )
        drawing.add(String(x + 18, ly + 1, legend.previous, fontName=FONT, fontSize=size))
    return drawing
