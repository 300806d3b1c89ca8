"""Action plans: priorities (an item or domain to improve, with a SMART goal) and PDSA cycles.

Unfinished priorities carry into the agency's next round of the same instrument (`carry_forward`),
keeping a link to where they came from.
"""

from __future__ import annotations

import json
import sqlite3
from datetime import date
from typing import Any

from app.core.errors import NotFoundError, ValidationError
from app.core.ids import random_uuid
from app.core.limits import MAX_LONG_TEXT, MAX_TEXT, check_length
from app.core.models import (
    IMPLEMENTATION_FIELDS,
    PDSA_ACTS,
    PLAN_FIELDS,
    PRIORITY_STATUSES,
    PdsaCycle,
    Priority,
    utc_now,
)
from app.db import changelog, rounds
from app.db.connection import transaction

PRIORITY_FIELDS = (
    "goal",
    "owner",
    "start_date",
    "due_date",
    "measure_how",
    "measure_who",
    "measure_frequency",
    "status",
    *IMPLEMENTATION_FIELDS,
)
CYCLE_FIELDS = ("plan", "do_notes", "study_notes", "act", "act_notes")
# How a too-long field is named in the refusal (app/core/limits.py has the numbers).
_FIELD_WORDS = {
    "goal": "The goal",
    "owner": "The owner",
    "measure_how": "How impact is measured",
    "measure_who": "Who reports it",
    "measure_frequency": "How often",
    "target_population": "The target population",
    "supports": "The supports and resources",
    "team_roles": "The care-team roles",
    "training": "The training needed",
    "do_notes": "The Do notes",
    "study_notes": "The Study notes",
    "act_notes": "The Act notes",
}


def _date(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def _priority(row: sqlite3.Row) -> Priority:
    return Priority(
        id=row["id"],
        uuid=row["uuid"],
        round_id=row["round_id"],
        scope_kind=row["scope_kind"],
        scope_id=row["scope_id"],
        goal=row["goal"],
        owner=row["owner"],
        start_date=_date(row["start_date"]),
        due_date=_date(row["due_date"]),
        measure_how=row["measure_how"],
        measure_who=row["measure_who"],
        measure_frequency=row["measure_frequency"],
        status=row["status"],
        carried_from_uuid=row["carried_from_uuid"],
        created_at=row["created_at"],
        updated_at=row["updated_at"],
        **{key: row[key] for key in IMPLEMENTATION_FIELDS},
    )


def _cycle(row: sqlite3.Row) -> PdsaCycle:
    plan = json.loads(row["plan"] or "{}")
    return PdsaCycle(
        id=row["id"],
        uuid=row["uuid"],
        priority_id=row["priority_id"],
        position=row["position"],
        plan={k: str(plan.get(k, "")) for k in PLAN_FIELDS},
        do_notes=row["do_notes"],
        study_notes=row["study_notes"],
        act=row["act"],
        act_notes=row["act_notes"],
        created_at=row["created_at"],
        updated_at=row["updated_at"],
    )


def _check_scope(conn: sqlite3.Connection, round_id: int, scope_kind: str, scope_id: str) -> str:
    rnd = rounds.get(conn, round_id)
    instrument = rounds.instrument_for(conn, rnd)
    if scope_kind == "item":
        known = instrument.item(scope_id) is not None
    elif scope_kind == "domain":
        known = instrument.domain(scope_id) is not None
    else:
        raise ValidationError(f"A priority is about an item or a domain, not '{scope_kind}'.")
    if not known:
        raise ValidationError(f"'{scope_id}' is not a {scope_kind} of {instrument.id}.")
    return rnd.uuid


def _clean(fields: dict[str, Any]) -> dict[str, Any]:
    unknown = set(fields) - set(PRIORITY_FIELDS)
    if unknown:
        raise ValidationError(f"Unknown priority fields: {', '.join(sorted(unknown))}.")
    if "status" in fields and fields["status"] not in PRIORITY_STATUSES:
        raise ValidationError(f"Status must be one of {', '.join(PRIORITY_STATUSES)}.")
    cleaned: dict[str, Any] = {}
    for key, value in fields.items():
        if key in ("start_date", "due_date"):
            cleaned[key] = value.isoformat() if isinstance(value, date) else None
        else:
            cleaned[key] = check_length(
                str(value).strip(),
                MAX_TEXT if key == "owner" else MAX_LONG_TEXT,
                _FIELD_WORDS.get(key, key),
            )
    start, due = cleaned.get("start_date"), cleaned.get("due_date")
    if start and due and due < start:
        raise ValidationError("The due date is before the start date.", code="due_before_start")
    return cleaned


def create_priority(
    conn: sqlite3.Connection,
    round_id: int,
    scope_kind: str,
    scope_id: str,
    *,
    actor: str = "app",
    priority_uuid: str | None = None,
    carried_from_uuid: str | None = None,
    **fields: Any,
) -> Priority:
    round_uuid = _check_scope(conn, round_id, scope_kind, scope_id)
    values = _clean(fields)
    now = utc_now()
    new_uuid = priority_uuid or random_uuid()
    columns = [
        "uuid",
        "round_id",
        "scope_kind",
        "scope_id",
        "carried_from_uuid",
        "created_at",
        "updated_at",
        *values,
    ]
    params = [
        new_uuid,
        round_id,
        scope_kind,
        scope_id,
        carried_from_uuid,
        now,
        now,
        *values.values(),
    ]
    with transaction(conn):
        cur = conn.execute(
            f"INSERT INTO priorities ({', '.join(columns)})"
            f" VALUES ({', '.join('?' for _ in columns)})",
            params,
        )
        changelog.append(
            conn,
            actor=actor,
            action="create",
            entity="priority",
            entity_uuid=new_uuid,
            round_uuid=round_uuid,
            detail={"scope": f"{scope_kind}:{scope_id}"},
        )
    return get_priority(conn, int(cur.lastrowid or 0))


def update_priority(
    conn: sqlite3.Connection, priority_id: int, *, actor: str = "app", **fields: Any
) -> Priority:
    current = get_priority(conn, priority_id)
    values = _clean(fields)
    if not values:
        return current
    rnd = rounds.get(conn, current.round_id)
    with transaction(conn):
        conn.execute(
            f"UPDATE priorities SET {', '.join(f'{k} = ?' for k in values)}, updated_at = ?"
            " WHERE id = ?",
            [*values.values(), utc_now(), priority_id],
        )
        changelog.append(
            conn,
            actor=actor,
            action="update",
            entity="priority",
            entity_uuid=current.uuid,
            round_uuid=rnd.uuid,
            detail={
                "fields": sorted(values),
                "values": values,
                "was": {k: _stored(current, k) for k in values},
            },
        )
    return get_priority(conn, priority_id)


def delete_priority(conn: sqlite3.Connection, priority_id: int, *, actor: str = "app") -> None:
    current = get_priority(conn, priority_id)
    rnd = rounds.get(conn, current.round_id)
    with transaction(conn):
        conn.execute("DELETE FROM priorities WHERE id = ?", (priority_id,))
        changelog.append(
            conn,
            actor=actor,
            action="delete",
            entity="priority",
            entity_uuid=current.uuid,
            round_uuid=rnd.uuid,
            detail={"scope": f"{current.scope_kind}:{current.scope_id}"},
        )


def _stored(priority: Priority, key: str) -> str | None:
    """A priority field as the database holds it: the "was" of a logged change."""
    value = getattr(priority, key)
    if isinstance(value, date):
        return value.isoformat()
    return None if value is None else str(value)


def _stored_cycle(cycle: PdsaCycle, key: str) -> str:
    if key == "plan":
        return json.dumps(cycle.plan, ensure_ascii=False)
    return str(getattr(cycle, key))


def get_priority(conn: sqlite3.Connection, priority_id: int) -> Priority:
    row = conn.execute("SELECT * FROM priorities WHERE id = ?", (priority_id,)).fetchone()
    if row is None:
        raise NotFoundError(f"There is no priority with id {priority_id}.")
    return _priority(row)


def priorities_for_round(conn: sqlite3.Connection, round_id: int) -> list[Priority]:
    rows = conn.execute("SELECT * FROM priorities WHERE round_id = ? ORDER BY id", (round_id,))
    return [_priority(r) for r in rows]


# ----- PDSA cycles ------------------------------------------------------------------------------


def _clean_cycle(fields: dict[str, Any]) -> dict[str, Any]:
    unknown = set(fields) - set(CYCLE_FIELDS)
    if unknown:
        raise ValidationError(f"Unknown PDSA fields: {', '.join(sorted(unknown))}.")
    if "act" in fields and fields["act"] not in PDSA_ACTS:
        raise ValidationError("Act is adopt, adapt or abandon.")
    cleaned: dict[str, Any] = {}
    for key, value in fields.items():
        if key == "plan":
            extra = set(value) - set(PLAN_FIELDS)
            if extra:
                raise ValidationError(f"Unknown plan fields: {', '.join(sorted(extra))}.")
            plan = {
                k: check_length(str(value.get(k, "")), MAX_LONG_TEXT, f"The plan's '{k}'")
                for k in PLAN_FIELDS
            }
            cleaned[key] = json.dumps(plan, ensure_ascii=False)
        else:
            cleaned[key] = check_length(str(value), MAX_LONG_TEXT, _FIELD_WORDS.get(key, key))
    return cleaned


def add_cycle(
    conn: sqlite3.Connection,
    priority_id: int,
    *,
    actor: str = "app",
    cycle_uuid: str | None = None,
    **fields: Any,
) -> PdsaCycle:
    priority = get_priority(conn, priority_id)
    rnd = rounds.get(conn, priority.round_id)
    values = _clean_cycle(fields)
    now = utc_now()
    new_uuid = cycle_uuid or random_uuid()
    with transaction(conn):
        position = conn.execute(
            "SELECT coalesce(max(position), 0) + 1 FROM pdsa_cycles WHERE priority_id = ?",
            (priority_id,),
        ).fetchone()[0]
        columns = ["uuid", "priority_id", "position", "created_at", "updated_at", *values]
        cur = conn.execute(
            f"INSERT INTO pdsa_cycles ({', '.join(columns)})"
            f" VALUES ({', '.join('?' for _ in columns)})",
            [new_uuid, priority_id, position, now, now, *values.values()],
        )
        changelog.append(
            conn,
            actor=actor,
            action="create",
            entity="pdsa_cycle",
            entity_uuid=new_uuid,
            round_uuid=rnd.uuid,
            detail={"priority": priority.uuid, "position": position},
        )
    return get_cycle(conn, int(cur.lastrowid or 0))


def update_cycle(
    conn: sqlite3.Connection, cycle_id: int, *, actor: str = "app", **fields: Any
) -> PdsaCycle:
    cycle = get_cycle(conn, cycle_id)
    values = _clean_cycle(fields)
    if not values:
        return cycle
    priority = get_priority(conn, cycle.priority_id)
    rnd = rounds.get(conn, priority.round_id)
    with transaction(conn):
        conn.execute(
            f"UPDATE pdsa_cycles SET {', '.join(f'{k} = ?' for k in values)}, updated_at = ?"
            " WHERE id = ?",
            [*values.values(), utc_now(), cycle_id],
        )
        changelog.append(
            conn,
            actor=actor,
            action="update",
            entity="pdsa_cycle",
            entity_uuid=cycle.uuid,
            round_uuid=rnd.uuid,
            detail={
                "fields": sorted(values),
                "values": values,
                "was": {k: _stored_cycle(cycle, k) for k in values},
            },
        )
    return get_cycle(conn, cycle_id)


def get_cycle(conn: sqlite3.Connection, cycle_id: int) -> PdsaCycle:
    row = conn.execute("SELECT * FROM pdsa_cycles WHERE id = ?", (cycle_id,)).fetchone()
    if row is None:
        raise NotFoundError(f"There is no PDSA cycle with id {cycle_id}.")
    return _cycle(row)


def cycles_for_priority(conn: sqlite3.Connection, priority_id: int) -> list[PdsaCycle]:
    rows = conn.execute(
        "SELECT * FROM pdsa_cycles WHERE priority_id = ? ORDER BY position", (priority_id,)
    )
    return [_cycle(r) for r in rows]


def carry_forward(
    conn: sqlite3.Connection, from_round_id: int, to_round_id: int, *, actor: str = "app"
) -> list[Priority]:
    """Copy the unfinished priorities (planned, in progress) of one round into a later round of
    the same agency and instrument id, each with a new empty PDSA cycle; already-carried ones are
    not copied twice, done and dropped ones not at all."""
    source = rounds.get(conn, from_round_id)
    target = rounds.get(conn, to_round_id)
    if (source.organization_id, source.instrument_id) != (
        target.organization_id,
        target.instrument_id,
    ):
        raise ValidationError(
            "Priorities carry only into the same agency's rounds of the same instrument."
        )
    instrument = rounds.instrument_for(conn, target)
    already = {p.carried_from_uuid for p in priorities_for_round(conn, to_round_id)}
    carried = []
    for p in priorities_for_round(conn, from_round_id):
        if p.status not in ("planned", "in_progress") or p.uuid in already:
            continue
        exists = (
            instrument.item(p.scope_id) if p.scope_kind == "item" else instrument.domain(p.scope_id)
        )
        if exists is None:
            continue  # a later instrument version dropped it
        copy = create_priority(
            conn,
            to_round_id,
            p.scope_kind,
            p.scope_id,
            actor=actor,
            carried_from_uuid=p.uuid,
            goal=p.goal,
            owner=p.owner,
            start_date=p.start_date,
            due_date=p.due_date,
            measure_how=p.measure_how,
            measure_who=p.measure_who,
            measure_frequency=p.measure_frequency,
            status=p.status,
            **{key: getattr(p, key) for key in IMPLEMENTATION_FIELDS},
        )
        # The earlier cycles stay with their round (app/services/priority_history.py shows them);
        # the new round starts the next cycle.
        add_cycle(conn, copy.id, actor=actor)
        carried.append(copy)
    return carried
