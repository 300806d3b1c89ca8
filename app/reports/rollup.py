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
from reportlab.platypus import Flowable, KeepTogether, PageBreak, Spacer, TableStyle

from app.core.instrument import Instrument
from app.core.scoring import OVERALL
from app.reports.bands import band_fact, band_table
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
    fit_line,
    fmt_score,
    make_styles,
    para,
)
from app.reports.labels import check_language, comparison_note, t
from app.reports.numbers import fmt_change
from app.reports.provenance import provenance_facts
from app.services.rollup import MIN_GROUP, AgencyRound, Rollup, Scope

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
        " left out of the state statistics.",
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
        "flag_legend": "Señales: NO TEAM = sin integrantes; UNANSWERED = alguien dejó ítems sin"
        " responder; NO CONSENSUS = no todos los ítems acordados, los puntajes son la media;"
        " OTHER SCALE = una versión del instrumento con otra escala o métrica, se muestra pero"
        " no cuenta en las estadísticas del estado.",
        "agency_vs_state": "Frente al estado",
        "agency_vs_group": "Frente al grupo de pares {group}",
        "source": "Los puntajes se basan en",
        "source_consensus": "las respuestas de consenso acordadas",
        "source_team_mean": "la media del equipo (consenso incompleto)",
        "team_members": "Integrantes",
        "none": "Ninguna.",
        "metric_mean": "Los puntajes son medias en la escala {lo}–{hi}.",
        "metric_percent": "Los puntajes son porcentajes del máximo.",
        "metric_sum": "Los puntajes son totales de las respuestas, {lo}–{hi}; un total con un "
        "ítem sin puntaje no se clasifica en un rango.",
        "metric_score": "Los puntajes son el total de cada persona convertido con la tabla de "
        "puntajes del instrumento, {lo}–{hi}.",
    },
}

_FLAG_WORDS = {
    "no_team": "NO TEAM",
    "unanswered": "UNANSWERED",
    "consensus_incomplete": "NO CONSENSUS",
    "other_scale": "OTHER SCALE",
}


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
            [width * 0.34, width * 0.66],
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
                para(
                    clip(_scope_label(s, lang), 120),
                    st.cell_bold if s.kind != "domain" else st.cell,
                ),
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
def _fit(text: str, width: float, bold: bool = False) -> str:
    """Plain text cut to one line of a table cell. Plain strings instead of Paragraphs keep a
    roll-up of a thousand agencies fast (no markup to parse, no line breaking to compute)."""
    font = FONT_BOLD if bold else FONT
    room = width - _PADDING
    text = " ".join(text.split())
    if stringWidth(text, font, _CELL_SIZE) <= room:
        return text
    while text and stringWidth(text + "…", font, _CELL_SIZE) > room:
        text = text[: max(len(text) - max(len(text) // 8, 1), 0)]
    return text + "…"


def _head(text: str, width: float) -> str:
    """A header cell: bold words wrapped onto as many lines as the column needs."""
    room = width - _PADDING
    lines: list[str] = []
    for word in text.split():
        if lines and stringWidth(f"{lines[-1]} {word}", FONT_BOLD, _CELL_SIZE) <= room:
            lines[-1] = f"{lines[-1]} {word}"
        else:
            lines.append(_fit(word, width, True))
    return "\n".join(lines)


def _table(
    rows: list[list[str]], widths: list[float], *, header: bool = True, bold: tuple[int, ...] = ()
) -> Flowable:
    """A data_table of plain strings with a bold header row (and bold rows/first column)."""
    table = data_table(rows, widths, header_rows=1 if header else 0)
    commands: list[tuple[object, ...]] = []
    if header:
        commands.append(("FONTNAME", (0, 0), (-1, 0), FONT_BOLD))
    commands += [("FONTNAME", (0, r), (-1, r), FONT_BOLD) for r in bold]
    if not header:
        commands.append(("FONTNAME", (0, 0), (0, -1), FONT_BOLD))
    table.setStyle(TableStyle(commands))
    return table


def _agency_list(rollup: Rollup, lang: str, st: Styles, width: float) -> list[Flowable]:
    metric = rollup.instrument.band_metric
    widths = [width * f for f in (0.23, 0.15, 0.12, 0.11, 0.12, 0.1, 0.17)]
    heads = [
        t(lang, "agency"),
        t(lang, "round"),
        w(lang, "period_end"),
        w(lang, "overall"),
        w(lang, "vs_median"),
        t(lang, "change"),
        w(lang, "flags"),
    ]
    rows = [[_head(h, widths[i]) for i, h in enumerate(heads)]]
    for a in rollup.agencies:
        rows.append(
            [
                _fit(a.organization.name, widths[0]),
                _fit(a.round.name, widths[1]),
                a.round.period_end.isoformat(),
                fmt_score(a.score(), metric, lang),
                _signed(rollup.vs_median(a), metric, lang),
                _signed(a.change(), metric, lang),
                "\n".join(_FLAG_WORDS.get(f, f) for f in a.flags),
            ]
        )
    story: list[Flowable] = [
        para(w(lang, "agencies"), st.h1),
        _table(rows, widths),
        Spacer(1, 3),
        para(w(lang, "flag_legend"), st.small),
        para(w(lang, "not_reported"), st.h2),
    ]
    names = ", ".join(o.name for o in rollup.not_reported)
    story.append(para(clip(names, 4000) if names else w(lang, "none"), st.body))
    return story


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
    colour alone): the agency is a solid dark bar with its value beside it, the previous round a
    dashed white bar with its value, the state's middle half (Q1–Q3) a whisker with end caps, and
    the state median a white diamond, which the shared chart has no mark for. Drawing directly
    (no shape tree to validate and render) keeps a thousand agency pages within seconds.
    """

    _SIZE = 7.5
    _BAR = 9.0

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
        self.has_previous = any(r.previous is not None for r in rows)
        self.prev_h = 6.0 if self.has_previous else 0.0
        self.row_h = self._BAR + self.prev_h + 7
        self.chart_height = 16 + 14 + self.row_h * len(rows) + 4

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return self.chart_width, self.chart_height

    def _fmt(self, value: float) -> str:
        return fmt_score(value, "percent" if self.percent else "mean", self.lang)

    def draw(self) -> None:
        c = self.canv
        size = self._SIZE
        label_w = self.chart_width * 0.36
        plot_x = label_w + 6
        plot_w = self.chart_width - plot_x - 34
        span = (self.vmax - self.vmin) or 1.0

        def x_of(value: float) -> float:
            return plot_x + max(0.0, min(1.0, (value - self.vmin) / span)) * plot_w

        top = self.chart_height - 16
        bottom = 14.0
        c.saveState()
        c.setFont(FONT, 6.5)
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
        y = top - 4
        for row in self.rows:
            y -= self.row_h
            bar_y = y + self.prev_h + 3
            mid = bar_y + self._BAR / 2
            c.setFont(FONT, size)
            c.setFillColor(colors.black)
            draw_line(c, 0, bar_y + 1.5, fit_line(row.label, label_w, size), size)
            if row.value is not None:
                c.setFillColor(_DARK)
                c.setLineWidth(0.4)
                c.rect(plot_x, bar_y, x_of(row.value) - plot_x, self._BAR, stroke=1, fill=1)
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
                c.rect(plot_x, y + 2, end - plot_x, self.prev_h - 1, stroke=1, fill=1)
                c.setDash()
                c.setFillColor(colors.black)
                c.setFont(FONT, 6)
                c.drawString(end + 3, y + 2, self._fmt(row.previous))
        self._draw_legend(plot_x)
        c.restoreState()

    def _whisker(self, lo: float, hi: float, mid: float) -> None:
        c = self.canv
        c.setLineWidth(0.9)
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

    def _draw_legend(self, x: float) -> None:
        c = self.canv
        size = self._SIZE
        current, median, iqr, previous = self.legend
        ly = self.chart_height - 11
        c.setFont(FONT, size)
        c.setFillColor(_DARK)
        c.setLineWidth(0.4)
        c.rect(x, ly, 14, 7, stroke=1, fill=1)
        c.setFillColor(colors.black)
        c.drawString(x + 18, ly + 1, current)
        x += 26 + stringWidth(current, FONT, size)
        self._diamond(x + 5, ly + 3.5)
        c.drawString(x + 13, ly + 1, median)
        x += 21 + stringWidth(median, FONT, size)
        self._whisker(x, x + 14, ly + 3.5)
        c.drawString(x + 18, ly + 1, iqr)
        x += 26 + stringWidth(iqr, FONT, size)
        if self.has_previous:
            c.setFillColor(colors.white)
            c.setLineWidth(0.6)
            c.setDash(2, 1.5)
            c.rect(x, ly, 14, 6, stroke=1, fill=1)
            c.setDash()
            c.setFillColor(colors.black)
            c.drawString(x + 18, ly + 1, previous)


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
    flags = " ".join(_FLAG_WORDS.get(f, f) for f in agency.flags) or "–"
    facts = [
        (
            t(lang, "round"),
            f"{rnd.name} ({rnd.period_start.isoformat()} – {rnd.period_end.isoformat()})",
        ),
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
    widths = [width * f for f in (0.42, 0.11, 0.11, 0.14, 0.11, 0.11)]
    heads = [
        t(lang, "domain"),
        t(lang, "score"),
        w(lang, "median"),
        w(lang, "vs_median"),
        t(lang, "previous"),
        t(lang, "change"),
    ]
    table = [[_head(h, widths[i]) for i, h in enumerate(heads)]]
    for s in rollup.scopes:
        table.append(
            [
                _fit(_scope_label(s, lang), widths[0], s.kind != "domain"),
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
        _table([[k, _fit(v, fact_widths[1])] for k, v in facts], fact_widths, header=False),
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
