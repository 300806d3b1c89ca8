"""Destructive steps, each preceded by a backup copy that *Restore from backup…* lists.

Deleting an agency or a round, and removing a person who has saved answers, cannot be undone in
the data file itself, so each first writes a copy with SQLite's backup API
(`backups.backup_before`). If that copy cannot be written (a full disk, an unwritable folder) the
step does not happen: the StorageError (code `backup_failed`) says why and nothing changed.
The GUI and the command line both come through here; the confirmation is theirs.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import NamedTuple

from app.db import organizations, rounds
from app.services import backups


class Removed(NamedTuple):
    """What went, and the copy that still holds it (None when nothing of value was lost)."""

    answers: int
    backup: Path | None


def remove_member(
    conn: sqlite3.Connection, db_path: Path, respondent_id: int, *, actor: str = "app"
) -> Removed:
    """Remove a person from their round; with answers, only after a backup copy."""
    person = rounds.get_respondent(conn, respondent_id)
    count = rounds.answer_count(conn, respondent_id)
    copy = None
    if count:
        copy = backups.backup_before(conn, db_path, "remove-member", person.display_name)
    removed = rounds.remove_respondent(conn, respondent_id, with_answers=True, actor=actor)
    return Removed(removed, copy)


def delete_round(
    conn: sqlite3.Connection, db_path: Path, round_id: int, *, actor: str = "app"
) -> Removed:
    """Delete a round with everything in it, after a backup copy (always: even an empty round
    holds a team and a plan someone may want back)."""
    rnd = rounds.get(conn, round_id)
    copy = backups.backup_before(conn, db_path, "delete-round", rnd.name)
    impact = rounds.delete(conn, round_id, actor=actor)
    return Removed(impact.answers, copy)


def delete_agency(
    conn: sqlite3.Connection, db_path: Path, org_id: int, *, actor: str = "app"
) -> Removed:
    """Delete an agency with its rounds; a backup copy first whenever it has any round."""
    org = organizations.get(conn, org_id)
    impact = organizations.deletion_impact(conn, org_id)
    copy = None
    if impact.rounds:
        copy = backups.backup_before(conn, db_path, "delete-agency", org.name)
    organizations.delete(conn, org_id, actor=actor)
    return Removed(impact.answers, copy)
