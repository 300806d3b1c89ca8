"""Answers and consensus: each one its own committed, durable transaction.

`save_answer` returns only after COMMIT with `synchronous=FULL`, so when the interface shows
"Saved" the answer has reached the disk and survives a crash, a kill or a power cut.
"""

from __future__ import annotations

import sqlite3
from collections import defaultdict
from enum import Enum
from typing import Final, Literal

from app.core.errors import NotFoundError, ValidationError
from app.core.instrument import Instrument
from app.core.limits import MAX_LONG_TEXT
from app.core.models import Answer, AnswerSource, ConsensusAnswer, utc_now
from app.db import changelog, instrument_snapshots
from app.db.connection import transaction


class _Keep(Enum):
    KEEP = 0


KEEP: Final = _Keep.KEEP
MAX_COMMENT_CHARS = MAX_LONG_TEXT  # the importer's limit too (app/core/limits.py)


def _context(conn: sqlite3.Connection, respondent_id: int) -> sqlite3.Row:
    row = conn.execute(
        "SELECT p.uuid AS respondent_uuid, p.display_name, p.withdrawn_at, r.id AS round_id,"
        " r.uuid AS round_uuid, r.status, r.instrument_hash"
        " FROM respondents p JOIN rounds r ON r.id = p.round_id WHERE p.id = ?",
        (respondent_id,),
    ).fetchone()
    if row is None:
        raise NotFoundError(f"There is no team member with id {respondent_id}.")
    if row["withdrawn_at"] is not None:
        name = row["display_name"]
        raise ValidationError(
            f"{name} is withdrawn from this round; reinstate them to change their answers.",
            code="member_withdrawn",
            params={"name": name},
        )
    return row  # type: ignore[no-any-return]


def _check(
    instrument: Instrument, status: str, item_id: str, choice: str | None, comment: str | None
) -> None:
    if status != "open":
        raise ValidationError(
            "This round is closed; reopen it to change answers.", code="round_closed"
        )
    item = instrument.item(item_id)
    if item is None:
        raise ValidationError(f"'{item_id}' is not an item of {instrument.id}.")
    if choice is not None and item.scale.choice(choice) is None:
        codes = ", ".join(c.code for c in item.scale.choices)
        raise ValidationError(f"Item {item_id}: '{choice}' is not on its scale ({codes}).")
    if comment is not None and len(comment) > MAX_COMMENT_CHARS:
        raise ValidationError(
            f"A comment can hold up to {MAX_COMMENT_CHARS:,} characters.",
            code="comment_too_long",
            params={"max": MAX_COMMENT_CHARS},
        )


def save_answer(
    conn: sqlite3.Connection,
    respondent_id: int,
    item_id: str,
    choice: str | Literal[_Keep.KEEP] | None = KEEP,
    *,
    comment: str | None = None,
    source: AnswerSource = "screen",
    actor: str | None = None,
) -> Answer:
    """Set the choice and/or the comment of one item; unspecified parts keep their value.

    Pass choice=None to clear a choice (the comment stays). Returns after a durable COMMIT.
    """
    with transaction(conn):
        ctx = _context(conn, respondent_id)
        instrument = instrument_snapshots.load(conn, ctx["instrument_hash"])
        new_choice = None if choice is KEEP else choice
        _check(instrument, ctx["status"], item_id, new_choice, comment)
        now = utc_now()
        existing = conn.execute(
            "SELECT choice, comment FROM responses WHERE respondent_id = ? AND item_id = ?",
            (respondent_id, item_id),
        ).fetchone()
        final_choice = (existing["choice"] if existing else None) if choice is KEEP else new_choice
        final_comment = (
            comment if comment is not None else (existing["comment"] if existing else "")
        )
        conn.execute(
            "INSERT INTO responses (respondent_id, item_id, choice, comment, source, created_at,"
            " updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)"
            " ON CONFLICT (respondent_id, item_id) DO UPDATE SET choice = excluded.choice,"
            " comment = excluded.comment, source = excluded.source,"
            " updated_at = excluded.updated_at",
            (respondent_id, item_id, final_choice, final_comment, source, now, now),
        )
        detail: dict[str, object] = {"item": item_id, "choice": final_choice}
        if existing is not None:
            detail["was"] = existing["choice"]  # old -> new in the history of changes
        if comment is not None:
            detail["comment_chars"] = len(comment)
        changelog.append(
            conn,
            actor=actor or ctx["display_name"],
            action="answer",
            entity="response",
            entity_uuid=ctx["respondent_uuid"],
            round_uuid=ctx["round_uuid"],
            detail=detail,
        )
    return Answer(respondent_id, item_id, final_choice, final_comment, source, now)


def clear_answer(
    conn: sqlite3.Connection,
    respondent_id: int,
    item_id: str,
    *,
    source: AnswerSource = "screen",
    actor: str | None = None,
) -> Answer | None:
    """Take back the choice of one item (Delete on the rating screen or in paper mode).

    The item counts as unanswered again. A comment written on it is kept (the row stays with no
    choice); without one the row goes. Returns the remaining answer, or None, after a durable
    COMMIT with a change-log entry, like every edit. Clearing an unanswered item is a no-op.
    """
    with transaction(conn):
        ctx = _context(conn, respondent_id)
        instrument = instrument_snapshots.load(conn, ctx["instrument_hash"])
        _check(instrument, ctx["status"], item_id, None, None)
        existing = conn.execute(
            "SELECT choice, comment, source, updated_at FROM responses"
            " WHERE respondent_id = ? AND item_id = ?",
            (respondent_id, item_id),
        ).fetchone()
        if existing is None:
            return None
        if existing["choice"] is None:
            return Answer(
                respondent_id,
                item_id,
                None,
                existing["comment"],
                existing["source"],
                existing["updated_at"],
            )
        now = utc_now()
        if existing["comment"]:
            conn.execute(
                "UPDATE responses SET choice = NULL, source = ?, updated_at = ?"
                " WHERE respondent_id = ? AND item_id = ?",
                (source, now, respondent_id, item_id),
            )
            kept: Answer | None = Answer(
                respondent_id, item_id, None, existing["comment"], source, now
            )
        else:
            conn.execute(
                "DELETE FROM responses WHERE respondent_id = ? AND item_id = ?",
                (respondent_id, item_id),
            )
            kept = None
        changelog.append(
            conn,
            actor=actor or ctx["display_name"],
            action="clear",
            entity="response",
            entity_uuid=ctx["respondent_uuid"],
            round_uuid=ctx["round_uuid"],
            detail={"item": item_id, "was": existing["choice"]},
        )
    return kept


def answers_for_respondent(conn: sqlite3.Connection, respondent_id: int) -> dict[str, Answer]:
    rows = conn.execute(
        "SELECT * FROM responses WHERE respondent_id = ? ORDER BY item_id", (respondent_id,)
    )
    return {
        r["item_id"]: Answer(
            r["respondent_id"],
            r["item_id"],
            r["choice"],
            r["comment"],
            r["source"],
            r["updated_at"],
        )
        for r in rows
    }


def choices_for_respondent(conn: sqlite3.Connection, respondent_id: int) -> dict[str, str]:
    """{item_id: choice} of answered items only: the input the scoring core takes."""
    rows = conn.execute(
        "SELECT item_id, choice FROM responses WHERE respondent_id = ? AND choice IS NOT NULL",
        (respondent_id,),
    )
    return {r["item_id"]: r["choice"] for r in rows}


def choices_for_round(conn: sqlite3.Connection, round_id: int) -> dict[int, dict[str, str]]:
    """{respondent_id: {item_id: choice}} for every counted team member, including those with none.

    Withdrawn members are left out (app/db/rounds.py): this is what team statistics are made of.
    """
    result: dict[int, dict[str, str]] = defaultdict(dict)
    for row in conn.execute(
        "SELECT id FROM respondents WHERE round_id = ? AND withdrawn_at IS NULL ORDER BY id",
        (round_id,),
    ):
        result[row["id"]] = {}
    rows = conn.execute(
        "SELECT a.respondent_id, a.item_id, a.choice FROM responses a"
        " JOIN respondents p ON p.id = a.respondent_id"
        " WHERE p.round_id = ? AND p.withdrawn_at IS NULL AND a.choice IS NOT NULL",
        (round_id,),
    )
    for r in rows:
        result[r["respondent_id"]][r["item_id"]] = r["choice"]
    return dict(result)


def comments_for_round(conn: sqlite3.Connection, round_id: int) -> dict[int, dict[str, str]]:
    result: dict[int, dict[str, str]] = defaultdict(dict)
    rows = conn.execute(
        "SELECT a.respondent_id, a.item_id, a.comment FROM responses a"
        " JOIN respondents p ON p.id = a.respondent_id"
        " WHERE p.round_id = ? AND p.withdrawn_at IS NULL AND a.comment != ''",
        (round_id,),
    )
    for r in rows:
        result[r["respondent_id"]][r["item_id"]] = r["comment"]
    return dict(result)


# ----- consensus --------------------------------------------------------------------------------


def save_consensus(
    conn: sqlite3.Connection,
    round_id: int,
    item_id: str,
    choice: str | None,
    rationale: str = "",
    *,
    actor: str = "meeting",
) -> ConsensusAnswer:
    """The team's agreed answer for one item, saved at once like any answer."""
    with transaction(conn):
        row = conn.execute(
            "SELECT uuid, status, instrument_hash FROM rounds WHERE id = ?", (round_id,)
        ).fetchone()
        if row is None:
            raise NotFoundError(f"There is no round with id {round_id}.")
        instrument = instrument_snapshots.load(conn, row["instrument_hash"])
        _check(instrument, row["status"], item_id, choice, rationale)
        now = utc_now()
        before = conn.execute(
            "SELECT choice FROM consensus WHERE round_id = ? AND item_id = ?", (round_id, item_id)
        ).fetchone()
        conn.execute(
            "INSERT INTO consensus (round_id, item_id, choice, rationale, updated_at)"
            " VALUES (?, ?, ?, ?, ?) ON CONFLICT (round_id, item_id) DO UPDATE SET"
            " choice = excluded.choice, rationale = excluded.rationale,"
            " updated_at = excluded.updated_at",
            (round_id, item_id, choice, rationale, now),
        )
        changelog.append(
            conn,
            actor=actor,
            action="consensus",
            entity="consensus",
            entity_uuid=row["uuid"],
            round_uuid=row["uuid"],
            detail={
                "item": item_id,
                "choice": choice,
                "was": before["choice"] if before else None,
            },
        )
    return ConsensusAnswer(round_id, item_id, choice, rationale, now)


def consensus_for_round(conn: sqlite3.Connection, round_id: int) -> dict[str, ConsensusAnswer]:
    rows = conn.execute("SELECT * FROM consensus WHERE round_id = ? ORDER BY item_id", (round_id,))
    return {
        r["item_id"]: ConsensusAnswer(
            r["round_id"], r["item_id"], r["choice"], r["rationale"], r["updated_at"]
        )
        for r in rows
    }
