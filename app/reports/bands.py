"""The band table on paper: every band's name, range and meaning, with the score's row marked.

A band name alone does not say how far a team is from the next one; printing the cut-offs beside
the score lets a reader check the band (min ≤ score < max, the top band including its max, decided
on the exact score) and see what the next band asks for.
"""

from __future__ import annotations

from reportlab.platypus import Flowable, KeepTogether

from app.core.instrument import Band, band_for
from app.reports.common import Styles, data_table, para
from app.reports.labels import t
from app.reports.numbers import fmt_score


def band_range_text(bands: tuple[Band, ...], index: int, metric: str, lang: str) -> str:
    band = bands[index]
    key = "band_range_closed" if index == len(bands) - 1 else "band_range_open"
    return t(lang, key, lo=fmt_score(band.min, metric, lang), hi=fmt_score(band.max, metric, lang))


def band_table(
    bands: tuple[Band, ...],
    score: float | None,
    metric: str,
    lang: str,
    st: Styles,
    width: float,
    *,
    title: str,
) -> list[Flowable]:
    """`title`, then one row per band; the row the score falls in carries "◄ score"."""
    here = band_for(bands, score) if score is not None else None
    rows: list[list[Flowable | str]] = [
        [
            para(h, st.cell_bold)
            for h in (
                t(lang, "band"),
                t(lang, "band_range"),
                t(lang, "band_meaning"),
                t(lang, "band_this_score"),
            )
        ]
    ]
    for index, band in enumerate(bands):
        marked = here is not None and band.id == here.id
        rows.append(
            [
                para(band.label.get(lang), st.cell_bold if marked else st.cell),
                para(band_range_text(bands, index, metric, lang), st.cell),
                para(band.meaning.get(lang), st.cell),
                para(f"◄ {fmt_score(score, metric, lang)}" if marked else "", st.cell_bold),
            ]
        )
    # the range ("de 1,00 a menos de 2,00") on one line where it can be: a line saved per band
    table = data_table(rows, [width * f for f in (0.17, 0.25, 0.43, 0.15)])
    return [KeepTogether([para(title, st.h2), table])]


def band_fact(bands: tuple[Band, ...], score: float | None, metric: str, lang: str) -> str:
    """ "Developing: 1.75 to under 2.50 ◄ 2.10" — one line, light enough for one per agency in a
    1,000-agency roll-up (the full table with meanings is printed once)."""
    here = band_for(bands, score) if score is not None else None
    if here is None:
        return "–"
    index = next(i for i, band in enumerate(bands) if band.id == here.id)
    return (
        f"{here.label.get(lang)}: {band_range_text(bands, index, metric, lang)}"
        f" ◄ {fmt_score(score, metric, lang)}"
    )
