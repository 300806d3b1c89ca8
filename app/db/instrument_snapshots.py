"""The exact instrument content every round was answered with, kept inside the data file.

A round stores the instrument's id, version and content hash; this table keeps the content itself,
so a later instrument version (or a missing file) never reinterprets or strands old answers.
"""

from __future__ import annotations

import sqlite3
from typing import TYPE_CHECKING, NamedTuple

from app.core.errors import StorageError
from app.core.models import utc_now

if TYPE_CHECKING:
    from app.core.instrument import Instrument  # the class is not needed to start up

_cache: dict[str, Instrument] = {}


def store(conn: sqlite3.Connection, instrument: Instrument) -> None:
    """Call inside a transaction; storing the same content twice is a no-op."""
    import json

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
    # json, hashlib and the validating loader are imported on first use: the home screen's
    # start-up needs only summaries()
    import json

    from app.core.instrument_loader import parse_instrument

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
    instrument = parse_instrument(
        json.loads(row["content"]), f"stored {row['instrument_id']}", stored_before=True
    )
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


class Summary(NamedTuple):
    items: int
    short_title: str


# The stored content passed the loader's checks when it was stored (docs/instrument-format.md):
# items sit in sections[].items or sections[].subsections[].items, and a missing or empty
# translation of short_title falls back to English, as Text.get does.
_SUMMARY_SQL = """
SELECT s.hash,
  (SELECT coalesce(sum(json_array_length(sec.value, '$.items')), 0)
     FROM json_each(s.content, '$.sections') AS sec)
  + (SELECT coalesce(sum(json_array_length(sub.value, '$.items')), 0)
       FROM json_each(s.content, '$.sections') AS sec,
            json_each(sec.value, '$.subsections') AS sub) AS items,
  coalesce(
    (SELECT nullif(t.value, '') FROM json_each(s.content, '$.short_title') AS t WHERE t.key = ?),
    json_extract(s.content, '$.short_title.en')) AS short_title
FROM instrument_snapshots AS s WHERE s.hash IN ({marks})
"""


def summaries(conn: sqlite3.Connection, hashes: set[str], lang: str) -> dict[str, Summary]:
    """{hash: (number of items, short title in `lang`)} read by SQLite from the stored content,
    without parsing and validating whole instruments: the home screen lists rounds with this."""
    if not hashes:
        return {}
    ordered = sorted(hashes)
    rows = conn.execute(_SUMMARY_SQL.format(marks=",".join("?" * len(ordered))), [lang, *ordered])
    found = {row[0]: Summary(int(row[1]), str(row[2])) for row in rows}
    missing = hashes - found.keys()
    if missing:
        load(conn, next(iter(missing)))  # raises the same clear StorageError a load would
    return found
