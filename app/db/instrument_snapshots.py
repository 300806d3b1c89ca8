"""The exact instrument content every round was answered with, kept inside the data file.

A round stores the instrument's id, version and content hash; this table keeps the content itself,
so a later instrument version (or a missing file) never reinterprets or strands old answers.
"""

from __future__ import annotations

import json
import sqlite3

from app.core.errors import StorageError
from app.core.instrument import Instrument
from app.core.instrument_loader import parse_instrument
from app.core.models import utc_now

_cache: dict[str, Instrument] = {}


def store(conn: sqlite3.Connection, instrument: Instrument) -> None:
    """Call inside a transaction; storing the same content twice is a no-op."""
    conn.execute(
        "INSERT OR IGNORE INTO instrument_snapshots"
        " (hash, instrument_id, version, content, added_at) VALUES (?, ?, ?, ?, ?)",
        (
            instrument.content_hash,
            instrument.id,
            instrument.version,
            json.dumps(instrument.source, ensure_ascii=False, sort_keys=True),
            utc_now(),
        ),
    )
    _cache.setdefault(instrument.content_hash, instrument)


def load(conn: sqlite3.Connection, content_hash: str) -> Instrument:
    cached = _cache.get(content_hash)
    if cached is not None:
        return cached
    row = conn.execute(
        "SELECT content, instrument_id FROM instrument_snapshots WHERE hash = ?", (content_hash,)
    ).fetchone()
    if row is None:
        raise StorageError(
            f"The instrument a round was answered with (hash {content_hash[:12]}…) is missing "
            "from the data file. Run 'smsoat check' and restore a backup."
        )
    instrument = parse_instrument(json.loads(row["content"]), f"stored {row['instrument_id']}")
    if instrument.content_hash != content_hash:
        raise StorageError(
            f"The stored copy of instrument {row['instrument_id']} does not match its hash; "
            "the data file may be damaged. Run 'smsoat check'."
        )
    _cache[content_hash] = instrument
    return instrument


def all_snapshots(conn: sqlite3.Connection) -> list[sqlite3.Row]:
    return list(
        conn.execute(
            "SELECT hash, instrument_id, version, added_at FROM instrument_snapshots"
            " ORDER BY instrument_id, version"
        )
    )
