"""What an instrument is, printed on every report that shows it (issue 17, "Say what it is").

The scorecard cover, the blank form and the roll-up carry the instrument's title, version and
attribution, and either "Not the official wording" (a file not marked `"official": true`, which is
every shipped own-words instrument) or, for an official file, its terms of use. One function so the
three reports cannot drift apart.
"""

from __future__ import annotations

from reportlab.platypus import Flowable

from app.core.instrument import Instrument
from app.reports.common import Styles, esc, para
from app.reports.labels import t


def wording_status(instrument: Instrument, lang: str) -> str:
    """The one-line status: "Not the official wording", or "Official wording"."""
    return t(lang, "official_wording" if instrument.official else "not_official")


def provenance_facts(
    instrument: Instrument, lang: str, versions: str | None = None
) -> list[tuple[str, str]]:
    """Label/value rows for a cover's facts table: the instrument (title, id, version, and its
    wording status: "Not the official wording", or the official file's terms), then its source."""
    return [
        (
            t(lang, "instrument"),
            f"{instrument.title.get(lang)} ({instrument.id}, {t(lang, 'version')} "
            f"{versions or instrument.version}). {wording_line(instrument, lang)}",
        ),
        (t(lang, "attribution"), instrument.attribution.get(lang)),
    ]


def wording_line(instrument: Instrument, lang: str) -> str:
    """ "Not the official wording", or "Official wording. Terms of use: …" for an official file."""
    status = wording_status(instrument, lang)
    if instrument.official and instrument.terms is not None:
        return f"{status}. {t(lang, 'terms')}: {instrument.terms.get(lang)}"
    return status


def provenance_notice(instrument: Instrument, lang: str, st: Styles) -> list[Flowable]:
    """The wording status in bold, then the note (not official) or the terms (official)."""
    status = esc(wording_status(instrument, lang))
    if not instrument.official:
        return [para(t(lang, "not_official_note"), st.small, markup=f"<b>{status}.</b> ")]
    out = [para("", st.small, markup=f"<b>{status}.</b>")]
    if instrument.terms is not None:
        label = esc(t(lang, "terms"))
        out.append(para(instrument.terms.get(lang), st.small, markup=f"<b>{label}:</b> "))
    return out
