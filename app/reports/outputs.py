"""One door for outputs: every file the app prints or exports for people to read, in one table.

The command line (`smsoat report …`, `smsoat exchange rollup`), the main window and the
coordinator page all ask this module which outputs exist, which paper sizes and languages they
come in, whether a file holds personal data (then a new file is private, see
`app.services.files.write_atomically(private=...)`), what to call it, and to build it. Adding an
output is one entry in `OUTPUTS` and one branch in `build` (CONTRIBUTING.md, "Add an output").

It lives in `app/reports` because building an output means calling the builders, and the layer
rules let reports use services (the roll-up is computed by `app.services.rollup`) but not the other
way round. Importing it is cheap (no ReportLab, no xlsxwriter, no dataclasses): the settings and
the CLI parser read `PAPERS` and `LANGUAGES` at start-up; the builders load on first `build`.
"""

from __future__ import annotations

import sqlite3
from datetime import date
from typing import TYPE_CHECKING, Final, NamedTuple, TypeVar

if TYPE_CHECKING:
    from app.core.instrument import Instrument
    from app.services.rollup import Rollup
    from app.services.round_scores import RoundScores

T = TypeVar("T")

# The one definition of paper sizes, in PostScript points, exactly as ReportLab defines them
# (reportlab.lib.units: inch = 72, cm = inch / 2.54, mm = cm * 0.1), so PDFs stay byte for byte
# the same.
_MM: Final = 72.0 / 2.54 * 0.1
PAPERS: Final[dict[str, tuple[float, float]]] = {
    "letter": (8.5 * 72.0, 11 * 72.0),
    "a4": (210 * _MM, 297 * _MM),
}
DEFAULT_PAPER: Final = "letter"
# The one definition of the languages a report can be printed in (its words: app.reports.labels).
LANGUAGES: Final[tuple[str, ...]] = ("en", "es")
DEFAULT_LANGUAGE: Final = "en"


class Output(NamedTuple):
    """What an output is: its kind, its file suffix, whether it holds personal data (names,
    answers or comments: a new file is private), and whether it is printed (paper, language)."""

    kind: str
    suffix: str
    personal: bool
    printed: bool
    stem: str  # the suggested file name starts with it


OUTPUTS: Final[dict[str, Output]] = {
    o.kind: o
    for o in (
        Output("scorecard", ".pdf", personal=True, printed=True, stem="scorecard"),
        Output("respondent", ".pdf", personal=True, printed=True, stem="my-answers"),
        Output("action-plan", ".pdf", personal=True, printed=True, stem="action-plan"),
        Output("blank", ".pdf", personal=False, printed=True, stem="blank-form"),
        Output("rollup-pdf", ".pdf", personal=False, printed=True, stem="state-rollup"),
        Output("rollup-xlsx", ".xlsx", personal=False, printed=False, stem="state-rollup"),
        Output("rollup-csv", ".csv", personal=False, printed=False, stem="state-rollup"),
    )
}
ROLLUP_KINDS: Final[dict[str, str]] = {
    ".xlsx": "rollup-xlsx",
    ".csv": "rollup-csv",
    ".pdf": "rollup-pdf",
}


def output(kind: str) -> Output:
    """The output called `kind`; a ValueError names the known ones (a programming error)."""
    try:
        return OUTPUTS[kind]
    except KeyError:
        raise ValueError(f"unknown output {kind!r}; known: {', '.join(OUTPUTS)}") from None


def suggested_name(kind: str, subject: str, *, today: date | None = None) -> str:
    """A file name to offer: `scorecard-<round>.pdf`, `state-rollup-<instrument>-<day>.xlsx` …

    `subject` is a round or person's name or an instrument id; it is made safe for a file name."""
    from app.services.files import file_stem

    spec = output(kind)
    by_id = kind == "blank" or kind.startswith("rollup-")  # an instrument id: up to 64 characters
    name = f"{spec.stem}-{file_stem(subject, 64 if by_id else 40)}"
    if kind.startswith("rollup-"):
        name += f"-{(today or date.today()).isoformat()}"
    return name + spec.suffix


def build(
    kind: str,
    *,
    conn: sqlite3.Connection | None = None,
    round_id: int | None = None,
    respondent_id: int | None = None,
    instrument: Instrument | None = None,
    rollup: Rollup | None = None,
    lang: str = DEFAULT_LANGUAGE,
    paper: str = DEFAULT_PAPER,
    show_names: bool | None = None,
    comments: bool = False,
) -> bytes:
    """Build the output `kind` and return its bytes (the caller writes them through
    `app.services.files`, after `checked_output`). Each kind takes what its builder needs: a
    round's reports a connection and `round_id` (and `respondent_id`), the blank form an
    instrument, the roll-up files a computed `Rollup`. `comments` adds the team's comments to
    the scorecard (off by default)."""
    output(kind)
    if kind == "scorecard":
        return build_scorecard_pdf(
            _need(conn),
            _need(round_id),
            lang=lang,
            paper=paper,
            show_names=show_names,
            comments=comments,
        )
    if kind == "respondent":
        return build_respondent_pdf(
            _need(conn), _need(round_id), _need(respondent_id), lang=lang, paper=paper
        )
    if kind == "action-plan":
        return build_action_plan_pdf(_need(conn), _need(round_id), lang=lang, paper=paper)
    if kind == "blank":
        from app.reports.blank_form import build_blank_form_pdf

        return build_blank_form_pdf(_need(instrument), lang=lang, paper=paper)
    if kind == "rollup-pdf":
        from app.reports.rollup import build_rollup_pdf

        return build_rollup_pdf(_need(rollup), lang=lang, paper=paper)
    if kind == "rollup-xlsx":
        from app.reports.rollup_xlsx import build_rollup_xlsx

        return build_rollup_xlsx(_need(rollup), lang=lang)
    from app.reports.rollup_xlsx import build_rollup_csv

    return build_rollup_csv(_need(rollup), lang=lang)


def _need(value: T | None) -> T:
    if value is None:
        raise ValueError("this output needs an argument that was not given")
    return value


# A round's reports from the data file: their inputs are read once through services
# (app/services/report_inputs.py) and handed to builders that never see a connection.


def build_scorecard_pdf(
    conn: sqlite3.Connection,
    round_id: int,
    *,
    lang: str = "en",
    paper: str = "letter",
    show_names: bool | None = None,
    generated: date | None = None,
    comments: bool = False,
    scores: RoundScores | None = None,
) -> bytes:
    """The scorecard of a round; `comments` adds the team's comments (off by default), and
    `scores` reuses a round's scores the caller already has (the export)."""
    from app.reports.scorecard import scorecard_pdf
    from app.services.report_inputs import scorecard_inputs

    inputs = scorecard_inputs(conn, round_id, comments=comments, scores=scores)
    return scorecard_pdf(inputs, lang=lang, paper=paper, show_names=show_names, generated=generated)


def build_action_plan_pdf(
    conn: sqlite3.Connection,
    round_id: int,
    *,
    lang: str = "en",
    paper: str = "letter",
    generated: date | None = None,
) -> bytes:
    """The action plan of a round, each carried priority with its history."""
    from app.reports.action_plan import action_plan_pdf
    from app.services.report_inputs import action_plan_inputs

    return action_plan_pdf(
        action_plan_inputs(conn, round_id), lang=lang, paper=paper, generated=generated
    )


def build_respondent_pdf(
    conn: sqlite3.Connection,
    round_id: int,
    respondent_id: int,
    *,
    lang: str = "en",
    paper: str = "letter",
    generated: date | None = None,
) -> bytes:
    """One person's own copy of their answers."""
    from app.reports.respondent_copy import respondent_pdf
    from app.services.report_inputs import respondent_inputs

    return respondent_pdf(
        respondent_inputs(conn, round_id, respondent_id),
        lang=lang,
        paper=paper,
        generated=generated,
    )
