"""The roll-up PDF's second level: a small table of the agency's sites on the agency's page.

Each site with a round in the period gets one row: its newest round, when the period ended,
the source of its scores and its overall score, beside the agency's own overall (the agency's
row is the summary). Kept apart from app/reports/rollup.py so the agency page only calls it.
"""

from __future__ import annotations

from reportlab.platypus import Flowable, Spacer, TableStyle

from app.reports.common import FONT_BOLD, Styles, data_table, fmt_score, para
from app.reports.labels import t
from app.services.rollup import AgencyRound, Rollup


def site_fact(rollup: Rollup, agency: AgencyRound, lang: str) -> tuple[str, str]:
    """The agency page's line saying which site its round is for."""
    return t(lang, "round_site"), rollup.site_name(agency) or t(lang, "whole_agency")


def site_section(
    rollup: Rollup, agency: AgencyRound, lang: str, st: Styles, width: float
) -> list[Flowable]:
    """The agency's sites as a table, or nothing when no site has a round in the period."""
    rows = rollup.sites_of(agency)
    if not rows:
        return []
    metric = rollup.instrument.band_metric
    widths = [width * f for f in (0.3, 0.3, 0.14, 0.13, 0.13)]
    heads = [
        t(lang, "site"),
        t(lang, "round"),
        t(lang, "sites_period_end"),
        t(lang, "sites_source"),
        t(lang, "sites_overall"),
    ]
    table = [[para(h, st.small) for h in heads]]
    for row in rows:
        table.append(
            [
                para(row.name, st.small),
                para(row.round.name, st.small),
                row.round.period_end.isoformat(),
                t(lang, "sites_consensus" if row.source == "consensus" else "sites_team_mean"),
                fmt_score(row.score(), metric, lang),
            ]
        )
    grid = data_table(table, widths)
    grid.setStyle(TableStyle([("FONTNAME", (0, 0), (-1, 0), FONT_BOLD)]))
    note = t(lang, "sites_withheld") if rollup.suppressed else t(lang, "sites_note")
    return [Spacer(1, 8), para(t(lang, "sites_heading"), st.h2), para(note, st.small), grid]
