"""The append-only change log: who changed what and when (triggers forbid edits and deletes)."""

from __future__ import annotations

import sqlite3
from typing import Any

from app.core.models import utc_now


def append(
    conn: sqlite3.Connection,
    *,
    actor: str,
    action: str,
    entity: str,
    entity_uuid: str | None = None,
    round_uuid: str | None = None,
    detail: dict[str, Any] | None = None,
) -> None:
    """Call inside the transaction that makes the change, so both commit or neither does."""
    import json  # imported on the first change, not at start-up

    conn.execute(
        "INSERT INTO change_log (at, actor, action, entity, entity_uuid, round_uuid, detail)"
        " VALUES (?, ?, ?, ?, ?, ?, ?)",
        (
            utc_now(),
            actor,
            action,
            entity,
            entity_uuid,
            round_uuid,
            json.dumps(detail or {}, ensure_ascii=False, sort_keys=True),
        ),
    )


def entries(conn: sqlite3.Connection, round_uuid: str | None = None) -> list[sqlite3.Row]:
    if round_uuid is None:
        return list(conn.execute("SELECT * FROM change_log ORDER BY id"))
    return list(
        conn.execute("SELECT * FROM change_log WHERE round_uuid = ? ORDER BY id", (round_uuid,))
    )
