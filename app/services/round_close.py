"""What is still open in a round about to be closed: people who have not finished, and flagged
items the team has not agreed an answer for.

Closing locks the answers and agreed scores, so the window lists these first and asks; closing
anyway stays allowed (a member may have left, a flag may be settled outside the meeting).
"""

from __future__ import annotations

import sqlite3
from typing import NamedTuple

from app.core.models import Respondent
from app.services.progress import team_progress
from app.services.team_review import team_review


class OpenWork(NamedTuple):
    """What is still open in a round: who has not finished, flagged items not agreed."""

    unfinished: list[tuple[Respondent, int, int]]  # person, answered, total (withdrawn left out)
    unagreed_flags: list[str]  # flagged item ids without an agreed answer, in instrument order

    @property
    def empty(self) -> bool:
        return not self.unfinished and not self.unagreed_flags


def open_work(conn: sqlite3.Connection, round_id: int) -> OpenWork:
    """The open work to list before a round is closed."""
    unfinished = [
        (p.respondent, p.answered, p.total)
        for p in team_progress(conn, round_id)
        if not p.finished and not p.respondent.withdrawn
    ]
    review = team_review(conn, round_id)
    flags = [row.item_id for row in review.flagged if row.consensus is None]
    return OpenWork(unfinished, flags)
