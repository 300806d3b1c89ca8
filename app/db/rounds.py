"""Assessment rounds and their team of respondents.

A team member may be *withdrawn* (a test entry, a mistaken rater): their row and answers stay, the
change log says who and when, but `respondents()` and every query behind scoring, reports and
exports leave them out until they are reinstated. Listing the team for statistics is done here,
once, so no consumer can forget the rule.
"""

from __future__ import annotations

import sqlite3
from datetime import date
from typing import TYPE_CHECKING, NamedTuple

from app.core.errors import NotFoundError, ValidationError
from app.core.ids import random_uuid
from app.core.limits import check_period, required_name
from app.core.models import ROLES, Respondent, Round, utc_now
from app.db import changelog, instrument_snapshots
from app.db.connection import transaction

if TYPE_CHECKING:
    from app.core.instrument import Instrument  # the class is not needed to start up


def _round(row: sqlite3.Row) -> Round:
    return Round(
        id=row["id"],
        uuid=row["uuid"],
        organization_id=row["organization_id"],
        instrument_id=row["instrument_id"],
        instrument_version=row["instrument_version"],
        instrument_hash=row["instrument_hash"],
        name=row["name"],
        period_start=date.fromisoformat(row["period_start"]),
        period_end=date.fromisoformat(row["period_end"]),
        status=row["status"],
        show_names=bool(row["show_names"]),
        created_at=row["created_at"],
        updated_at=row["updated_at"],
        closed_at=row["closed_at"],
    )


def _respondent(row: sqlite3.Row) -> Respondent:
    return Respondent(
        id=row["id"],
        uuid=row["uuid"],
        round_id=row["round_id"],
        display_name=row["display_name"],
        role=row["role"],
        position=row["position"],
        created_at=row["created_at"],
        updated_at=row["updated_at"],
        withdrawn_at=row["withdrawn_at"],
    )


def create(
    conn: sqlite3.Connection,
    organization_id: int,
    instrument: Instrument,
    name: str,
    period_start: date,
    period_end: date,
    *,
    actor: str = "app",
    round_uuid: str | None = None,
    private: bool = False,
) -> Round:
    """`private`: answers closed until the facilitator opens the results (app/services/
    privacy.py); the GUI's and `start_round`'s default for a new round is True."""
    required_name(name, "A round's name", 'A round needs a name, e.g. "Spring 2026".', "round_name")
    check_period(period_start, period_end, date.today())
    now = utc_now()
    new_uuid = round_uuid or random_uuid()
    with transaction(conn):
        if (
            conn.execute("SELECT 1 FROM organizations WHERE id = ?", (organization_id,)).fetchone()
            is None
        ):
            raise NotFoundError(f"There is no agency with id {organization_id}.")
        instrument_snapshots.store(conn, instrument)
        # The privacy column is named only when it is set: a round that is not private is
        # written as schema versions before _TEAM_MEMORY wrote it (their migration tests use this).
        private_column = ", private_until_opened" if private else ""
        cur = conn.execute(
            "INSERT INTO rounds (uuid, organization_id, instrument_id, instrument_version,"
            f" instrument_hash, name, period_start, period_end, created_at, updated_at"
            f"{private_column}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?{', ?' if private else ''})",
            (
                new_uuid,
                organization_id,
                instrument.id,
                instrument.version,
                instrument.content_hash,
                name.strip(),
                period_start.isoformat(),
                period_end.isoformat(),
                now,
                now,
                *([1] if private else []),
            ),
        )
        changelog.append(
            conn,
            actor=actor,
            action="create",
            entity="round",
            entity_uuid=new_uuid,
            round_uuid=new_uuid,
            detail={
                "name": name.strip(),
                "instrument": instrument.id,
                "version": instrument.version,
                "private": private,
            },
        )
    return get(conn, int(cur.lastrowid or 0))


def get(conn: sqlite3.Connection, round_id: int) -> Round:
    row = conn.execute("SELECT * FROM rounds WHERE id = ?", (round_id,)).fetchone()
    if row is None:
        raise NotFoundError(f"There is no round with id {round_id}; 'smsoat rounds' lists them.")
    return _round(row)


def find_by_uuid(conn: sqlite3.Connection, round_uuid: str) -> Round | None:
    row = conn.execute("SELECT * FROM rounds WHERE uuid = ?", (round_uuid,)).fetchone()
    return _round(row) if row else None


def list_for_organization(conn: sqlite3.Connection, organization_id: int) -> list[Round]:
    rows = conn.execute(
        "SELECT * FROM rounds WHERE organization_id = ? ORDER BY period_end, id",
        (organization_id,),
    )
    return [_round(r) for r in rows]


def list_for_instrument(
    conn: sqlite3.Connection, instrument_id: str, *, opened_only: bool = False
) -> list[Round]:
    """Every round of one instrument id in period order, in one query (the roll-up's history);
    `opened_only` leaves out rounds private until their meeting whose results are not open."""
    closed = " AND NOT (private_until_opened = 1 AND results_opened_at IS NULL)"
    rows = conn.execute(
        "SELECT * FROM rounds WHERE instrument_id = ?"
        + (closed if opened_only else "")
        + " ORDER BY period_end, id",
        (instrument_id,),
    )
    return [_round(r) for r in rows]


def list_all(conn: sqlite3.Connection) -> list[tuple[Round, str]]:
    """Every round with its agency's name, for listings."""
    rows = conn.execute(
        "SELECT r.*, o.name AS organization_name FROM rounds r"
        " JOIN organizations o ON o.id = r.organization_id ORDER BY r.id"
    )
    return [(_round(r), r["organization_name"]) for r in rows]


def instrument_for(conn: sqlite3.Connection, rnd: Round) -> Instrument:
    return instrument_snapshots.load(conn, rnd.instrument_hash)


def previous_round(conn: sqlite3.Connection, rnd: Round) -> Round | None:
    """The same agency's latest earlier round of the same instrument id (any version)."""
    row = conn.execute(
        "SELECT * FROM rounds WHERE organization_id = ? AND instrument_id = ? AND id != ?"
        " AND (period_end < ? OR (period_end = ? AND id < ?))"
        " ORDER BY period_end DESC, id DESC LIMIT 1",
        (
            rnd.organization_id,
            rnd.instrument_id,
            rnd.id,
            rnd.period_end.isoformat(),
            rnd.period_end.isoformat(),
            rnd.id,
        ),
    ).fetchone()
    return _round(row) if row else None


def set_status(
    conn: sqlite3.Connection, round_id: int, status: str, *, actor: str = "app"
) -> Round:
    """Close or reopen a round (closing stamps `closed_at`)."""
    if status not in ("open", "closed"):
        raise ValidationError(f"Unknown round status '{status}'.")
    now = utc_now()
    change_round(
        conn,
        round_id,
        {"status": status, "closed_at": now if status == "closed" else None},
        actor=actor,
        action="close" if status == "closed" else "reopen",
    )
    return get(conn, round_id)


# The round's own columns a change may set; each change is one transaction with its log entry.
_ROUND_COLUMNS = frozenset(
    {"status", "closed_at", "show_names", "site_id", "private_until_opened", "results_opened_at"}
)


def change_round(
    conn: sqlite3.Connection,
    round_id: int,
    values: dict[str, object],
    *,
    actor: str,
    action: str = "update",
    detail: dict[str, object] | None = None,
) -> None:
    """Set some of a round's own columns and append the change-log entry, in one transaction
    (the one place a round's settings are written: status, names shown, site, privacy)."""
    unknown = set(values) - _ROUND_COLUMNS
    if unknown:
        raise ValueError(f"not a round setting: {sorted(unknown)}")
    rnd = get(conn, round_id)
    assignments = ", ".join(f"{column} = ?" for column in values)
    with transaction(conn):
        conn.execute(
            f"UPDATE rounds SET {assignments}, updated_at = ? WHERE id = ?",
            (*values.values(), utc_now(), round_id),
        )
        changelog.append(
            conn,
            actor=actor,
            action=action,
            entity="round",
            entity_uuid=rnd.uuid,
            round_uuid=rnd.uuid,
            detail=detail,
        )


def set_show_names(
    conn: sqlite3.Connection, round_id: int, show: bool, *, actor: str = "app"
) -> Round:
    """The lead's choice: team members by name, or by role only, in the team view and reports."""
    change_round(
        conn, round_id, {"show_names": 1 if show else 0}, actor=actor, detail={"show_names": show}
    )
    return get(conn, round_id)


class RoundImpact(NamedTuple):
    """What deleting a round takes with it, so the confirmation can name it."""

    respondents: int
    answers: int
    agreed: int
    priorities: int


def deletion_impact(conn: sqlite3.Connection, round_id: int) -> RoundImpact:
    get(conn, round_id)  # a clear NotFoundError for a wrong id
    row = conn.execute(
        "SELECT (SELECT count(*) FROM respondents WHERE round_id = :r) AS respondents,"
        " (SELECT count(*) FROM responses a JOIN respondents p ON p.id = a.respondent_id"
        "   WHERE p.round_id = :r) AS answers,"
        " (SELECT count(*) FROM consensus WHERE round_id = :r AND choice IS NOT NULL) AS agreed,"
        " (SELECT count(*) FROM priorities WHERE round_id = :r) AS priorities",
        {"r": round_id},
    ).fetchone()
    return RoundImpact(row["respondents"], row["answers"], row["agreed"], row["priorities"])


def delete(conn: sqlite3.Connection, round_id: int, *, actor: str = "app") -> RoundImpact:
    """Delete a round with its team, answers, agreed scores and plan (foreign keys cascade).

    The caller confirms first (deletion_impact) and makes a backup copy (app/services/removal.py).
    The change log keeps the deletion: it is append-only and not tied to the round's rows.
    """
    rnd = get(conn, round_id)
    impact = deletion_impact(conn, round_id)
    with transaction(conn):
        conn.execute("DELETE FROM rounds WHERE id = ?", (round_id,))
        changelog.append(
            conn,
            actor=actor,
            action="delete",
            entity="round",
            entity_uuid=rnd.uuid,
            round_uuid=rnd.uuid,
            detail={"name": rnd.name, **impact._asdict()},
        )
    return impact


# ----- respondents ------------------------------------------------------------------------------


def _check_role(role: str) -> None:
    if role not in ROLES:
        raise ValidationError(f"Unknown role '{role}'; choose one of: {', '.join(ROLES)}.")


def _member_name(display_name: str) -> str:
    return required_name(
        display_name,
        "A team member's name",
        "A team member needs a name or initials.",
        "member_name",
    )


def add_respondent(
    conn: sqlite3.Connection,
    round_id: int,
    display_name: str,
    role: str,
    *,
    actor: str = "app",
    respondent_uuid: str | None = None,
) -> Respondent:
    _check_role(role)
    _member_name(display_name)
    rnd = get(conn, round_id)
    now = utc_now()
    new_uuid = respondent_uuid or random_uuid()
    with transaction(conn):
        cur = conn.execute(
            "INSERT INTO respondents (uuid, round_id, display_name, role, created_at, updated_at)"
            " VALUES (?, ?, ?, ?, ?, ?)",
            (new_uuid, round_id, display_name.strip(), role, now, now),
        )
        changelog.append(
            conn,
            actor=actor,
            action="create",
            entity="respondent",
            entity_uuid=new_uuid,
            round_uuid=rnd.uuid,
            detail={"name": display_name.strip(), "role": role},
        )
    return get_respondent(conn, int(cur.lastrowid or 0))


def update_respondent(
    conn: sqlite3.Connection,
    respondent_id: int,
    *,
    display_name: str,
    role: str,
    actor: str = "app",
) -> Respondent:
    _check_role(role)
    _member_name(display_name)
    person = get_respondent(conn, respondent_id)
    rnd = get(conn, person.round_id)
    with transaction(conn):
        conn.execute(
            "UPDATE respondents SET display_name = ?, role = ?, updated_at = ? WHERE id = ?",
            (display_name.strip(), role, utc_now(), respondent_id),
        )
        changelog.append(
            conn,
            actor=actor,
            action="update",
            entity="respondent",
            entity_uuid=person.uuid,
            round_uuid=rnd.uuid,
            detail={"name": display_name.strip(), "role": role},
        )
    return get_respondent(conn, respondent_id)


def answer_count(conn: sqlite3.Connection, respondent_id: int) -> int:
    """Saved answers of one person (a choice or a comment), as a confirmation names them."""
    return int(
        conn.execute(
            "SELECT count(*) FROM responses WHERE respondent_id = ?", (respondent_id,)
        ).fetchone()[0]
    )


def remove_respondent(
    conn: sqlite3.Connection,
    respondent_id: int,
    *,
    with_answers: bool = False,
    actor: str = "app",
) -> int:
    """Delete a team member; returns how many answers went with them.

    Someone with answers is removed only when the caller says so (`with_answers`), after the user
    confirmed what is lost and a backup copy was made (app/services/removal.py), so answers are
    never deleted by accident.
    """
    person = get_respondent(conn, respondent_id)
    rnd = get(conn, person.round_id)
    with transaction(conn):
        count = conn.execute(
            "SELECT count(*) FROM responses WHERE respondent_id = ?", (respondent_id,)
        ).fetchone()[0]
        if count and not with_answers:
            raise ValidationError(
                f"{person.display_name} has {count} saved answers and cannot be removed.",
                code="member_has_answers",
                params={"name": person.display_name, "count": count},
            )
        conn.execute("DELETE FROM respondents WHERE id = ?", (respondent_id,))
        changelog.append(
            conn,
            actor=actor,
            action="delete",
            entity="respondent",
            entity_uuid=person.uuid,
            round_uuid=rnd.uuid,
            detail={"name": person.display_name, "answers": int(count)},
        )
    return int(count)


def _set_withdrawn(
    conn: sqlite3.Connection, respondent_id: int, withdrawn: bool, actor: str
) -> Respondent:
    person = get_respondent(conn, respondent_id)
    rnd = get(conn, person.round_id)
    if rnd.status != "open":
        raise ValidationError(
            "This round is closed; reopen it to change its team.", code="round_closed_team"
        )
    if person.withdrawn == withdrawn:
        state = "already withdrawn" if withdrawn else "not withdrawn"
        raise ValidationError(
            f"{person.display_name} is {state}.",
            code="member_already_withdrawn" if withdrawn else "member_not_withdrawn",
            params={"name": person.display_name},
        )
    now = utc_now()
    with transaction(conn):
        conn.execute(
            "UPDATE respondents SET withdrawn_at = ?, updated_at = ? WHERE id = ?",
            (now if withdrawn else None, now, respondent_id),
        )
        changelog.append(
            conn,
            actor=actor,
            action="withdraw" if withdrawn else "reinstate",
            entity="respondent",
            entity_uuid=person.uuid,
            round_uuid=rnd.uuid,
            detail={"name": person.display_name, "answers": answer_count(conn, respondent_id)},
        )
    return get_respondent(conn, respondent_id)


def withdraw_respondent(
    conn: sqlite3.Connection, respondent_id: int, *, actor: str = "app"
) -> Respondent:
    """Leave a person and their answers out of every statistic, report and export; reversible."""
    return _set_withdrawn(conn, respondent_id, True, actor)


def reinstate_respondent(
    conn: sqlite3.Connection, respondent_id: int, *, actor: str = "app"
) -> Respondent:
    """Count a withdrawn person again, with every answer they had."""
    return _set_withdrawn(conn, respondent_id, False, actor)


def get_respondent(conn: sqlite3.Connection, respondent_id: int) -> Respondent:
    row = conn.execute("SELECT * FROM respondents WHERE id = ?", (respondent_id,)).fetchone()
    if row is None:
        raise NotFoundError(f"There is no team member with id {respondent_id}.")
    return _respondent(row)


def respondents(
    conn: sqlite3.Connection, round_id: int, *, include_withdrawn: bool = False
) -> list[Respondent]:
    """The round's team as it counts: withdrawn members are left out unless asked for."""
    where = "" if include_withdrawn else " AND withdrawn_at IS NULL"
    rows = conn.execute(
        f"SELECT * FROM respondents WHERE round_id = ?{where} ORDER BY id", (round_id,)
    )
    return [_respondent(r) for r in rows]


def withdrawn_respondents(conn: sqlite3.Connection, round_id: int) -> list[Respondent]:
    rows = conn.execute(
        "SELECT * FROM respondents WHERE round_id = ? AND withdrawn_at IS NOT NULL ORDER BY id",
        (round_id,),
    )
    return [_respondent(r) for r in rows]


def set_position(conn: sqlite3.Connection, respondent_id: int, item_id: str | None) -> None:
    """Where this person is in the walkthrough, so they resume exactly there."""
    with transaction(conn):
        conn.execute("UPDATE respondents SET position = ? WHERE id = ?", (item_id, respondent_id))
