"""How long a text may be: one set of numbers for entry (GUI and CLI) and for the exchange import.

The importer refused what the app had let a person type (an action-plan owner of 660 characters, a
name over 500), so one agency's export could not be read at the state. The repositories in app/db
check these at entry (ValidationError, so the GUI and the command line both get it; the GUI's line
edits also stop at them) and app/exchange checks the same numbers on import.
Lengths are counted in characters (Python's len), after surrounding spaces are stripped.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Final

from app.core.errors import ValidationError

MAX_TEXT: Final = 500  # names and short fields: agency, site, region, round, team member, owner
MAX_LONG_TEXT: Final = 20_000  # comments, rationales, goals, measures, PDSA notes
EARLIEST_DAY: Final = date(2000, 1, 1)  # no review period or stamp before this is real
MAX_PERIOD_AHEAD: Final = timedelta(days=366)  # a round may be set up ahead of its period


def check_length(value: str, limit: int, what: str) -> str:
    """`value` as given, or a ValidationError naming the field, its limit and how far over it is."""
    if len(value) > limit:
        raise ValidationError(
            f"{what} can hold up to {limit:,} characters (this one has {len(value):,}); "
            "shorten it.",
            params={"max": limit},
        )
    return value


def required_name(value: str, what: str, message: str, code: str) -> str:
    """A name stripped of surrounding spaces, with at least one visible character (a name of
    zero-width spaces prints as nothing and the importer refuses it) and within MAX_TEXT."""
    from app.core.safe_json import has_visible  # not at start-up: it imports json

    cleaned = value.strip()
    if not has_visible(cleaned):
        raise ValidationError(message, code=code)
    return check_length(cleaned, MAX_TEXT, what)


def check_period(start: date, end: date, today: date) -> None:
    """A review period the importer will accept: not reversed, not before 2000, and not more than
    MAX_PERIOD_AHEAD after today (a round is often set up before its period, never years ahead)."""
    if end < start:
        raise ValidationError("The review period ends before it starts.", code="period_reversed")
    if start < EARLIEST_DAY:
        raise ValidationError(
            f"A review period cannot start before {EARLIEST_DAY.isoformat()}; check the year.",
            code="period_too_early",
            params={"earliest": EARLIEST_DAY.isoformat()},
        )
    latest = today + MAX_PERIOD_AHEAD
    if end > latest:
        raise ValidationError(
            f"A review period cannot end after {latest.isoformat()} (a year from today); check"
            " the year.",
            code="period_too_late",
            params={"latest": latest.isoformat()},
        )
