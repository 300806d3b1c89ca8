"""How long a text may be: one set of numbers for entry (GUI and CLI) and for the exchange import.

The importer refused what the app had let a person type (an action-plan owner of 660 characters, a
name over 500), so one agency's export could not be read at the state. The repositories in app/db
check these at entry (ValidationError, so the GUI and the command line both get it; the GUI's line
edits also stop at them) and app/exchange checks the same numbers on import.
Lengths are counted in characters (Python's len), after surrounding spaces are stripped.
"""

from __future__ import annotations

from typing import Final

from app.core.errors import ValidationError

MAX_TEXT: Final = 500  # names and short fields: agency, site, region, round, team member, owner
MAX_LONG_TEXT: Final = 20_000  # comments, rationales, goals, measures, PDSA notes


def check_length(value: str, limit: int, what: str) -> str:
    """`value` as given, or a ValidationError naming the field, its limit and how far over it is."""
    if len(value) > limit:
        raise ValidationError(
            f"{what} can hold up to {limit:,} characters (this one has {len(value):,}); "
            "shorten it.",
            params={"max": limit},
        )
    return value
