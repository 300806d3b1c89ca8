"""The state roll-up PDF: a state summary with a chart, then one page per agency against the state.

Built from a computed `app.services.rollup.Rollup` (no database access here), with the shared
blocks of `app.reports.common`: DejaVu fonts, escaped user text, the page header and footer, and the
black-and-white-safe domain bar chart. On the summary page the bars are the state median with the
min–max whisker; on an agency's page the bars are the agency's scores, the whisker is the state's
middle half (Q1–Q3), and the dashed bar is the agency's previous round.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from reportlab.lib import colors
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, PageBreak, Spacer

from app.core.instrument import Instrument
from app.core.limits import MAX_TEXT
from app.core.scoring import OVERALL
from app.reports.bands import band_fact, band_table
from app.reports.charts import wrap_label
from app.reports.common import (
    FONT,
    FONT_BOLD,
    ChartLegend,
    ChartRow,
    HeaderInfo,
    Styles,
    build_pdf,
    check_paper,
    clip,
    content_width,
    data_table,
    domain_bar_chart,
    draw_line,
    esc,
    fmt_score,
    make_styles,
    para,
)
from app.reports.labels import check_language, comparison_note, t
from app.reports.numbers import fmt_change
from app.reports.provenance import provenance_facts
from app.reports.rollup_sites import site_fact, site_section
from app.services.rollup import MIN_GROUP, AgencyRound, Rollup, Scope

OPEN = "open"  # not a data flag: printed beside them so nobody takes an open round as final

# The roll-up's own words (app.reports.labels holds the words shared by every report).
_WORDS: dict[str, dict[str, str]] = {
    "en": {
        "title": "State roll-up",
        "group": "Peer group",
        "suppressed": "Fewer than {n} agencies are in this group: its median, quartiles and "
        "range are left out so that they cannot identify an agency.",
        "period": "Rounds ending",
        "any_time": "any time",
        "from": "from {day}",
        "until": "until {day}",
        "reported": "Agencies reported",
        "incomplete": "With incomplete data",
        "not_reported": "Agencies without a round in the period",
        "state_chart": "State distribution by domain",
        "state_median": "State median",
        "state_range": "Agency min–max",
        "state_iqr": "State Q1–Q3",
        "this_agency": "This agency",
        "previous_round": "Previous round",
        "domains": "Domains across agencies",
        "agencies": "Agencies",
        "median": "Median",
        "quartiles": "Q1–Q3",
        "min_max": "Min–max",
        "n": "Agencies",
        "overall": "Overall",
        "vs_median": "Vs median",
        "period_end": "Period end",
        "flags": "Flags",
        "flag_legend": "Flags: NO TEAM = no team members; UNANSWERED = someone left items"
        " unanswered; NO CONSENSUS = not every item agreed, so scores are the team mean;"
        " OTHER SCALE = an instrument version whose scale or band metric differs, shown but"
        " left out of the state statistics; OPEN ROUND = the round is still open and its data"
        " may change.",
        "agency_vs_state": "Against the state",
        "agency_vs_group": "Against the peer group {group}",
        "source": "Scores are based on",
        "source_consensus": "the agreed consensus answers",
        "source_team_mean": "the team mean (consensus not complete)",
        "team_members": "Team members",
        "none": "None.",
        "metric_mean": "Scores are means on the {lo}–{hi} scale.",
        "metric_percent": "Scores are percentages of the maximum.",
        "metric_sum": "Scores are totals of the answers, {lo}–{hi}; a total with an item not "
        "scored is not banded.",
        "metric_score": "Scores are each person's total converted through the instrument's "
        "score table, {lo}–{hi}.",
        "round_open": "still open",
    },
    "es": {
        "title": "Resumen estatal",
        "group": "Grupo de pares",
        "suppressed": "Hay menos de {n} organizaciones en este grupo: su mediana, cuartiles y "
        "rango se omiten para que no identifiquen a ninguna organización.",
        "period": "Rondas que terminan",
        "any_time": "en cualquier fecha",
        "from": "desde {day}",
        "until": "hasta {day}",
        "reported": "Organizaciones con datos",
        "incomplete": "Con datos incompletos",
        "not_reported": "Organizaciones sin ronda en el período",
        "state_chart": "Distribución estatal por dominio",
        "state_median": "Mediana estatal",
        "state_range": "Mín–máx de organizaciones",
        "state_iqr": "Q1–Q3 estatal",
        "this_agency": "Esta organización",
        "previous_round": "Ronda anterior",
        "domains": "Dominios entre organizaciones",
        "agencies": "Organizaciones",
        "median": "Mediana",
        "quartiles": "Q1–Q3",
        "min_max": "Mín–máx",
        "n": "N.º org.",
        "overall": "Global",
        "vs_median": "Frente a la mediana",
        "period_end": "Fin del período",
        "flags": "Señales",
        "flag_legend": "Señales: SIN EQUIPO = sin integrantes; SIN RESPONDER = alguien dejó ítems"
        " sin responder; SIN CONSENSO = no todos los ítems acordados, las puntuaciones son la"
        " media; OTRA ESCALA = una versión del instrumento con otra escala o métrica, se muestra"
        " pero no cuenta en las estadísticas del estado; RONDA ABIERTA = la ronda sigue abierta y"
        " sus datos pueden cambiar.",
        "agency_vs_state": "Frente al estado",
        "agency_vs_group": "Frente al grupo de pares {group}",
        "source": "Las puntuaciones se basan en",
        "source_consensus": "las respuestas de consenso acordadas",
        "source_team_mean": "la media del equipo (consenso incompleto)",
        "team_members": "Integrantes",
        "none": "Ninguna.",
        "metric_mean": "Las puntuaciones son medias en la escala {lo}–{hi}.",
        "metric_percent": "Las puntuaciones son porcentajes del máximo.",
        "metric_sum": "Las puntuaciones son totales de las respuestas, {lo}–{hi}; un total con"
        " un ítem sin puntuación no se clasifica en un rango.",
        "metric_score": "Las puntuaciones son el total de cada persona convertido con la tabla"
        " de puntuaciones del instrumento, {lo}–{hi}.",
        "round_open": "todavía abierta",
    },
}

# Flag words as printed; the codes (in the XLSX/CSV) stay English and stable.
_FLAG_WORDS: dict[str, dict[str, str]] = {
    "en": {
        "no_team": "NO TEAM",
        "unanswered": "UNANSWERED",
        "consensus_incomplete": "NO CONSENSUS",
        "other_scale": "OTHER SCALE",
        OPEN: "OPEN ROUND",
    },
    "es": {
        "no_team": "SIN EQUIPO",
        "unanswered": "SIN RESPONDER",
        "consensus_incomplete": "SIN CONSENSO",
        "other_scale": "OTRA ESCALA",
        OPEN: "RONDA ABIERTA",
    },
}


def flag_words(agency: AgencyRound, lang: str) -> list[str]:
    """The agency's flags in the report's language, "open round" last when the round is open."""
    words = _FLAG_WORDS.get(lang, _FLAG_WORDS["en"])
    codes = [*agency.flags, *([OPEN] if agency.round.status == "open" else [])]
    return [words.get(code, code) for code in codes]


def w(lang: str, key: str, **values: object) -> str:
    text = _WORDS.get(lang, _WORDS["en"]).get(key) or _WORDS["en"][key]
    return text.format(**values) if values else text


def _scope_label(scope: Scope, lang: str) -> str:
    if scope.title is None:
        return w(lang, "overall")
    return f"{scope.id} {scope.title.get(lang)}"


def _signed(value: float | None, metric: str, lang: str) -> str:
    """A difference: signed, and for a percent of maximum in points, never "%"."""
    return fmt_change(value, metric, lang)


def _axis(instrument: Instrument) -> tuple[float, float, list[float] | None, bool]:
    if instrument.band_metric == "percent":
        return 0.0, 100.0, [0.0, 25.0, 50.0, 75.0, 100.0], True
    if instrument.band_metric in ("sum", "score"):  # the bands span the score's range
        return instrument.bands[0].min, instrument.bands[-1].max, None, False
    values = instrument.scale.scored_values
    ticks = values if len(values) <= 11 else None
    return instrument.scale.min_value, instrument.scale.max_value, ticks, False


def _period(rollup: Rollup, lang: str) -> str:
    parts = []
    if rollup.since:
        parts.append(w(lang, "from", day=rollup.since.isoformat()))
    if rollup.until:
        parts.append(w(lang, "until", day=rollup.until.isoformat()))
    return " ".join(parts) or w(lang, "any_time")


def _metric_sentence(instrument: Instrument, lang: str) -> str:
    if instrument.band_metric == "percent":
        return w(lang, "metric_percent")
    if instrument.band_metric in ("sum", "score"):
        lo, hi = instrument.bands[0].min, instrument.bands[-1].max
        return w(lang, f"metric_{instrument.band_metric}", lo=f"{lo:g}", hi=f"{hi:g}")
    scale = instrument.scale
    return w(lang, "metric_mean", lo=f"{scale.min_value:g}", hi=f"{scale.max_value:g}")


def _summary(rollup: Rollup, lang: str, st: Styles, width: float) -> list[Flowable]:
    inst = rollup.instrument
    metric = inst.band_metric
    facts = [
        *provenance_facts(inst, lang, ", ".join(rollup.versions)),
        (w(lang, "period"), _period(rollup, lang)),
        # a peer group is named; the whole state's summary keeps its one page as before
        *([(w(lang, "group"), rollup.group_label)] if rollup.groups else []),
        (w(lang, "reported"), str(len(rollup.agencies))),
        (w(lang, "incomplete"), str(len(rollup.incomplete))),
        (w(lang, "not_reported"), str(len(rollup.not_reported))),
    ]
    story: list[Flowable] = [
        para(w(lang, "title"), st.title),
        data_table(
            [[para(k, st.cell_bold), para(v, st.cell)] for k, v in facts],
            # wide enough for the longest Spanish label on one line (a line saved for the page)
            [width * 0.4, width * 0.6],
            header_rows=0,
        ),
        Spacer(1, 4),
        *([para(w(lang, "suppressed", n=MIN_GROUP), st.body)] if rollup.suppressed else []),
        para(_metric_sentence(inst, lang), st.small),
        *band_table(
            inst.bands,
            rollup.state[OVERALL].median if OVERALL in rollup.state else None,
            metric,
            lang,
            st,
            width,
            title=t(lang, "band_table_state"),
        ),
    ]
    vmin, vmax, ticks, percent = _axis(inst)
    rows = [
        ChartRow(
            _scope_label(s, lang),
            rollup.state[s.id].median,
            rollup.state[s.id].min,
            rollup.state[s.id].max,
        )
        for s in rollup.domains
    ]
    legend = ChartLegend(w(lang, "state_median"), w(lang, "previous_round"), w(lang, "state_range"))
    chart = domain_bar_chart(
        rows,
        vmin=vmin,
        vmax=vmax,
        width=width,
        legend=legend,
        percent=percent,
        ticks=ticks,
        lang=lang,
    )
    story.append(KeepTogether([para(w(lang, "state_chart"), st.h1), chart]))
    heads = [
        t(lang, "domain"),
        w(lang, "n"),
        w(lang, "median"),
        w(lang, "quartiles"),
        w(lang, "min_max"),
    ]
    table: list[list[object]] = [[para(h, st.cell_bold) for h in heads]]
    for s in rollup.scopes:
        stats = rollup.state[s.id]
        table.append(
            [
                para(_scope_label(s, lang), st.cell_bold if s.kind != "domain" else st.cell),
                str(stats.n),
                fmt_score(stats.median, metric, lang),
                f"{fmt_score(stats.q1, metric, lang)}–{fmt_score(stats.q3, metric, lang)}",
                f"{fmt_score(stats.min, metric, lang)}–{fmt_score(stats.max, metric, lang)}",
            ]
        )
    story += [
        para(w(lang, "domains"), st.h1),
        data_table(table, [width * f for f in (0.43, 0.13, 0.12, 0.16, 0.16)]),
    ]
    story += _agency_list(rollup, lang, st, width)
    return story


_CELL_SIZE = 8.5  # as data_table's cells
_PADDING = 12.0  # a table cell's left and right padding together


@lru_cache(maxsize=4096)
def _wrap(text: str, width: float, bold: bool = False) -> str:
    """Plain text wrapped onto as many lines of a table cell as it needs, never cut.

    Plain strings with line breaks instead of Paragraphs keep a roll-up of a thousand agencies
    fast (no markup to parse); a word wider than the cell is broken between characters.
    """
    font = FONT_BOLD if bold else FONT
    room = width - _PADDING
    # A table row cannot split across pages: a name longer than entry allows (a file from before
    # the limits) is cut here, and printed whole as its agency page's title.
    text = clip(text, MAX_TEXT)

    def fits(candidate: str) -> bool:
        return float(stringWidth(candidate, font, _CELL_SIZE)) <= room

    lines: list[str] = []
    for word in " ".join(text.split()).split(" "):
        if lines and fits(f"{lines[-1]} {word}"):
            lines[-1] = f"{lines[-1]} {word}"
            continue
        while len(word) > 1 and not fits(word):
            good, bad = 1, len(word)  # word[:good] is kept even if one character overflows
            while bad - good > 1:
                middle = (good + bad) // 2
                good, bad = (middle, bad) if fits(word[:middle]) else (good, middle)
            lines.append(word[:good])
            word = word[good:]
        lines.append(word)
    return "\n".join(lines)


def _head(text: str, width: float) -> str:
    """A header cell: bold words wrapped onto as many lines as the column needs."""
    return _wrap(text, width, True)


def head_widths(heads: list[str], shares: tuple[float, ...], width: float) -> list[float]:
    """Column widths from their shares of `width`, each widened so its header's longest word
    fits whole ("Puntuación", never "Puntuaci" / "ón"); the room comes from the first column,
    which holds names that wrap anyway."""
    widths = [width * share for share in shares]
    for i, head in enumerate(heads[1:], 1):
        word = max((stringWidth(x, FONT_BOLD, _CELL_SIZE) for x in head.split()), default=0.0)
        need = float(word) + _PADDING + 0.5
        if widths[i] < need:
            widths[0] -= need - widths[i]
            widths[i] = need
    return widths


def _table(
    rows: list[list[str]], widths: list[float], *, header: bool = True, bold: tuple[int, ...] = ()
) -> Flowable:
    """A data_table of plain strings with a bold header row (and bold rows/first column)."""
    commands: list[tuple[object, ...]] = []
    if header:
        commands.append(("FONTNAME", (0, 0), (-1, 0), FONT_BOLD))
    commands += [("FONTNAME", (0, r), (-1, r), FONT_BOLD) for r in bold]
    if not header:
        commands.append(("FONTNAME", (0, 0), (0, -1), FONT_BOLD))
    return data_table(rows, widths, header_rows=1 if header else 0, extra=commands)


def _agency_list(rollup: Rollup, lang: str, st: Styles, width: float) -> list[Flowable]:
    metric = rollup.instrument.band_metric
    # "Frente a la mediana" wraps onto two lines, not three (a line kept for the one-page summary)
    heads = [
        t(lang, "agency"),
        t(lang, "round"),
        w(lang, "period_end"),
        w(lang, "overall"),
        w(lang, "vs_median"),
        t(lang, "change"),
        w(lang, "flags"),
    ]
    widths = head_widths(heads, (0.21, 0.12, 0.11, 0.09, 0.13, 0.1, 0.24), width)
    rows = [[_head(h, widths[i]) for i, h in enumerate(heads)]]
    for a in rollup.agencies:
        rows.append(
            [
                _wrap(a.organization.name, widths[0]),
                _wrap(a.round.name, widths[1]),
                a.round.period_end.isoformat(),
                fmt_score(a.score(), metric, lang),
                _signed(rollup.vs_median(a), metric, lang),
                _signed(a.change(), metric, lang),
                _wrap(", ".join(flag_words(a, lang)), widths[6]),  # fewer lines than one a flag
            ]
        )
    names = ", ".join(o.name for o in rollup.not_reported)
    # The summary is one page where it can be (a few agencies, a short instrument, in either
    # language and paper size): the agencies without a round are one line under their bold
    # label, not a heading of their own. With more agencies the list goes on, a deliberate break:
    # its heading never stays alone at the foot of a page (CondPageBreak) and the table repeats
    # its header row on every page.
    return [
        CondPageBreak(_LIST_START),
        para(w(lang, "agencies"), st.h1),
        _table(rows, widths),
        Spacer(1, 3),
        para(w(lang, "flag_legend"), st.small),
        Spacer(1, 3),
        para(
            clip(names, 4000) if names else w(lang, "none"),
            st.body,
            markup=f"<b>{esc(w(lang, 'not_reported'))}:</b> ",
        ),
    ]


# Room for the agencies' heading, header row and a few rows; less left on a page starts the list
# on the next one.
_LIST_START = 110.0


@dataclass(frozen=True)
class StateRow:
    label: str
    value: float | None
    median: float | None
    q1: float | None
    q3: float | None
    previous: float | None


_DARK = colors.Color(0.3, 0.3, 0.3)
_AXIS = colors.Color(0.6, 0.6, 0.6)


class AgencyStateChart(Flowable):  # type: ignore[misc]
    """One agency's domain scores against the state, drawn straight onto the canvas.

    The conventions of `app.reports.charts` (readable in black and white, values printed, never
    colour alone): the agency is a solid grey bar with its value beside it, the previous round a
    dashed white bar with its value, the state's middle half (Q1–Q3) a black whisker with end
    caps, and the state median a white diamond, which the shared chart has no mark for. Drawing
    directly (no shape tree to validate and render) keeps a thousand agency pages within seconds.

    Every bar starts with a `STUB` left of the axis, so a score at the scale's minimum (1.00)
    still shows a bar rather than nothing; the bar's grey is light enough for the black whisker
    to stand out at WCAG's 4.5:1; text is never under 7 pt; the legend wraps onto a second line
    when its words (Spanish on A4) do not fit the frame.
    """

    _SIZE = 7.5
    _SMALL = 7.0  # previous-round values and tick labels: the smallest text on the page
    _BAR = 9.0
    STUB = 2.5
    BAR_FILL = colors.Color(0.62, 0.62, 0.62)
    _LEGEND_LINE = 11.0

    def __init__(
        self,
        rows: list[StateRow],
        *,
        vmin: float,
        vmax: float,
        ticks: list[float] | None,
        percent: bool,
        legend: tuple[str, str, str, str],
        width: float,
        lang: str,
    ) -> None:
        super().__init__()
        self.rows = rows
        self.vmin, self.vmax = vmin, vmax
        self.ticks = ticks or [vmin + (vmax - vmin) * k / 4 for k in range(5)]
        self.percent = percent
        self.legend = legend
        self.lang = lang
        self.chart_width = width
        self.label_width = width * 0.36
        self.plot_x = self.label_width + 6
        self.plot_width = width - self.plot_x - 34
        self.has_previous = any(r.previous is not None for r in rows)
        self.prev_h = 7.0 if self.has_previous else 0.0
        self.row_h = self._BAR + self.prev_h + 7
        # Domain titles wrap (up to four lines) instead of being cut; a row grows to fit them.
        self.labels = [wrap_label(r.label, self._SIZE, self.label_width, max_lines=4) for r in rows]
        self.row_heights = [
            max(self.row_h, len(lines) * self._SIZE * 1.2 + 4) for lines in self.labels
        ]
        self.legend_rows = self._legend_layout()
        legend_h = 16 + self._LEGEND_LINE * (len(self.legend_rows) - 1)
        self.legend_height = legend_h
        self.chart_height = legend_h + 14 + sum(self.row_heights) + 4

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return self.chart_width, self.chart_height

    @property
    def alt_text(self) -> str:
        """The chart in words for the tagged PDF's Figure: each domain's score, the state median
        and middle half, and the previous round."""
        current, median, iqr, previous = self.legend

        def value(v: float | None) -> str:
            return "–" if v is None else self._fmt(v)

        parts = []
        for row in self.rows:
            text = f"{row.label}: {current} {value(row.value)}, {median} {value(row.median)}"
            text += f", {iqr} {value(row.q1)}–{value(row.q3)}"
            if row.previous is not None:
                text += f", {previous} {value(row.previous)}"
            parts.append(text)
        return "; ".join(parts) + "."

    def _fmt(self, value: float) -> str:
        return fmt_score(value, "percent" if self.percent else "mean", self.lang)

    def x_of(self, value: float) -> float:
        span = (self.vmax - self.vmin) or 1.0
        return self.plot_x + max(0.0, min(1.0, (value - self.vmin) / span)) * self.plot_width

    def bar_width(self, value: float) -> float:
        """A bar's drawn width: from the stub left of the axis to the value."""
        return self.STUB + self.x_of(value) - self.plot_x

    def _legend_entries(self) -> list[tuple[str, str]]:
        current, median, iqr, previous = self.legend
        entries = [("bar", current), ("diamond", median), ("whisker", iqr)]
        return entries + ([("previous", previous)] if self.has_previous else [])

    def _legend_layout(self) -> list[list[tuple[str, str, float]]]:
        """Legend entries as (kind, words, x) in rows, each row inside the chart's width."""
        rows: list[list[tuple[str, str, float]]] = [[]]
        x = self.plot_x
        for kind, words in self._legend_entries():
            needed = 18 + float(stringWidth(words, FONT, self._SIZE))
            if rows[-1] and x + needed > self.chart_width:
                rows.append([])
                x = self.plot_x if self.plot_x + needed <= self.chart_width else 0.0
            elif not rows[-1] and x + needed > self.chart_width:
                x = max(0.0, self.chart_width - needed)
            rows[-1].append((kind, words, x))
            x += needed + 8
        return rows

    def draw(self) -> None:
        c = self.canv
        size = self._SIZE
        plot_x, plot_w = self.plot_x, self.plot_width
        x_of = self.x_of
        top = self.chart_height - self.legend_height
        bottom = 14.0
        c.saveState()
        c.setFont(FONT, self._SMALL)
        c.setLineWidth(0.3)
        c.setStrokeColor(_AXIS)
        for tick in self.ticks:
            x = x_of(tick)
            c.line(x, bottom, x, top)
            c.drawCentredString(x, bottom - 9, f"{tick:g}%" if self.percent else f"{tick:g}")
        c.setStrokeColor(_DARK)
        c.setLineWidth(0.5)
        c.line(plot_x, bottom, plot_x + plot_w, bottom)
        c.setStrokeColor(colors.black)
        row_top = top - 4
        line_h = size * 1.2
        for row, lines, row_h in zip(self.rows, self.labels, self.row_heights, strict=True):
            row_top -= row_h
            text_top = row_top + row_h / 2 + len(lines) * line_h / 2 - size + 1
            y = row_top + (row_h - self.row_h) / 2  # bars centred on the (maybe wrapped) title
            bar_y = y + self.prev_h + 3
            mid = bar_y + self._BAR / 2
            c.setFont(FONT, size)
            c.setFillColor(colors.black)
            for n, line in enumerate(lines):
                draw_line(c, 0, text_top - n * line_h, line, size)
            if row.value is not None:
                c.setFillColor(self.BAR_FILL)
                c.setLineWidth(0.5)
                left, length = plot_x - self.STUB, self.bar_width(row.value)
                c.rect(left, bar_y, length, self._BAR, stroke=1, fill=1)
            c.setFillColor(colors.black)
            text = self._fmt(row.value) if row.value is not None else "–"
            c.drawString(plot_x + plot_w + 6, bar_y + 1.5, text)
            if row.q1 is not None and row.q3 is not None:
                self._whisker(x_of(row.q1), x_of(row.q3), mid)
            if row.median is not None:
                self._diamond(x_of(row.median), mid)
            if row.previous is not None:
                end = x_of(row.previous)
                c.setFillColor(colors.white)
                c.setLineWidth(0.6)
                c.setDash(2, 1.5)
                c.rect(
                    plot_x - self.STUB,
                    y + 2,
                    self.bar_width(row.previous),
                    self.prev_h - 1,
                    stroke=1,
                    fill=1,
                )
                c.setDash()
                c.setFillColor(colors.black)
                c.setFont(FONT, self._SMALL)
                c.drawString(end + 3, y + 1.5, self._fmt(row.previous))
        self._draw_legend()
        c.restoreState()

    def _whisker(self, lo: float, hi: float, mid: float) -> None:
        c = self.canv
        c.setLineWidth(1.0)
        c.line(lo, mid, hi, mid)
        c.line(lo, mid - 3.5, lo, mid + 3.5)
        c.line(hi, mid - 3.5, hi, mid + 3.5)

    def _diamond(self, x: float, mid: float, r: float = 3.6) -> None:
        c = self.canv
        path = c.beginPath()
        path.moveTo(x, mid - r)
        path.lineTo(x + r, mid)
        path.lineTo(x, mid + r)
        path.lineTo(x - r, mid)
        path.close()
        c.setFillColor(colors.white)
        c.setLineWidth(0.8)
        c.drawPath(path, stroke=1, fill=1)
        c.setFillColor(colors.black)

    def _draw_legend(self) -> None:
        c = self.canv
        size = self._SIZE
        for n, row in enumerate(self.legend_rows):
            ly = self.chart_height - 11 - n * self._LEGEND_LINE
            for kind, words, x in row:
                c.setFont(FONT, size)
                if kind == "bar":
                    c.setFillColor(self.BAR_FILL)
                    c.setLineWidth(0.5)
                    c.rect(x, ly, 14, 7, stroke=1, fill=1)
                elif kind == "diamond":
                    self._diamond(x + 7, ly + 3.5)
                elif kind == "whisker":
                    self._whisker(x, x + 14, ly + 3.5)
                else:
                    c.setFillColor(colors.white)
                    c.setLineWidth(0.6)
                    c.setDash(2, 1.5)
                    c.rect(x, ly, 14, 6, stroke=1, fill=1)
                    c.setDash()
                c.setFillColor(colors.black)
                c.drawString(x + 18, ly + 1, words)


def previous_bar(agency: AgencyRound, scope: str) -> float | None:
    """The previous round beside this one in the chart only on the same basis and metric as the
    bar drawn (the agency's official score), so a consensus bar never faces a team-mean one."""
    comparison = agency.comparison
    if (
        comparison is None
        or comparison.reason is not None
        or comparison.basis != comparison.current_official_basis
    ):
        return None
    return agency.previous(scope)


def _agency_page(
    rollup: Rollup, agency: AgencyRound, lang: str, st: Styles, width: float
) -> list[Flowable]:
    metric = rollup.instrument.band_metric
    org, rnd = agency.organization, agency.round
    source = w(lang, "source_consensus" if agency.source == "consensus" else "source_team_mean")
    flags = " ".join(flag_words(agency, lang)) or "–"
    facts = [
        (
            t(lang, "round"),
            f"{rnd.name} ({rnd.period_start.isoformat()} – {rnd.period_end.isoformat()})"
            + (f", {w(lang, 'round_open')}" if rnd.status == "open" else ""),
        ),
        site_fact(rollup, agency, lang),
        (w(lang, "source"), source),
        (w(lang, "team_members"), str(agency.respondents)),
        (w(lang, "flags"), flags),
        (t(lang, "previous"), agency.previous_round.name if agency.previous_round else "–"),
    ]
    # The agency's band and its range (the full table with meanings is on the summary page).
    facts.append(
        (
            t(lang, "band"),
            band_fact(agency.instrument.bands, agency.score(), agency.instrument.band_metric, lang),
        )
    )
    comparison = agency.comparison
    if comparison is not None:
        facts.append(
            (
                t(lang, "change"),
                comparison_note(lang, comparison),
            )
        )
    fact_widths = [width * 0.3, width * 0.7]
    vmin, vmax, ticks, percent = _axis(rollup.instrument)
    chart = AgencyStateChart(
        [
            StateRow(
                _scope_label(s, lang),
                agency.score(s.id),
                rollup.state[s.id].median,
                rollup.state[s.id].q1,
                rollup.state[s.id].q3,
                previous_bar(agency, s.id),
            )
            for s in rollup.domains
        ],
        vmin=vmin,
        vmax=vmax,
        ticks=ticks,
        percent=percent,
        legend=(
            w(lang, "this_agency"),
            w(lang, "state_median"),
            w(lang, "state_iqr"),
            w(lang, "previous_round"),
        ),
        width=width,
        lang=lang,
    )
    heads = [
        t(lang, "domain"),
        t(lang, "score"),
        w(lang, "median"),
        w(lang, "vs_median"),
        t(lang, "previous"),
        t(lang, "change"),
    ]
    widths = head_widths(heads, (0.42, 0.11, 0.11, 0.14, 0.11, 0.11), width)
    table = [[_head(h, widths[i]) for i, h in enumerate(heads)]]
    for s in rollup.scopes:
        table.append(
            [
                _wrap(_scope_label(s, lang), widths[0], s.kind != "domain"),
                fmt_score(agency.score(s.id), metric, lang),
                fmt_score(rollup.state[s.id].median, metric, lang),
                _signed(rollup.vs_median(agency, s.id), metric, lang),
                fmt_score(agency.previous(s.id), metric, lang),
                _signed(agency.change(s.id), metric, lang),
            ]
        )
    place = ", ".join(x for x in (org.site, org.region, org.state_identifier) if x)
    return [
        PageBreak(),
        para(org.name, st.title),
        para(place, st.small),
        _table(
            [[_wrap(k, fact_widths[0], True), _wrap(v, fact_widths[1])] for k, v in facts],
            fact_widths,
            header=False,
        ),
        Spacer(1, 8),
        chart,
        para(
            w(lang, "agency_vs_group", group=rollup.group_label)
            if rollup.groups
            else w(lang, "agency_vs_state"),
            st.h2,
        ),
        _table(
            table,
            widths,
            bold=tuple(i for i, s in enumerate(rollup.scopes, 1) if s.kind != "domain"),
        ),
        *site_section(rollup, agency, lang, st, width),
    ]


def build_rollup_pdf(
    rollup: Rollup,
    *,
    lang: str = "en",
    paper: str = "letter",
    generated: date | None = None,
) -> bytes:
    check_language(lang)
    check_paper(paper)
    st = make_styles()
    width = content_width(paper)
    story = _summary(rollup, lang, st, width)
    for agency in rollup.agencies:
        story += _agency_page(rollup, agency, lang, st, width)
    inst = rollup.instrument
    header = HeaderInfo(
        left=f"{w(lang, 'title')} — {inst.short_title.get(lang)}",
        right=_period(rollup, lang),
        lang=lang,
        generated=generated or date.today(),
    )
    return build_pdf(
        story, title=f"{w(lang, 'title')} — {inst.title.get(lang)}", header=header, paper=paper
    )
