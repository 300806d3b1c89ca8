"""Whether the data changed since the newest automatic backup: the rule that spares a copy.

An automatic copy (on close, and the daily one while the window is open) used to copy the whole
file every time: 279 MB at 10,000 rounds, 2.8 GB (about 3 minutes) at 100,000, even when nothing
had changed since the last copy (issue 20). Now each automatic copy records, beside it, the state
of the data it holds (`last-backup-<data file>.json` in `backups/`); the next automatic copy is
skipped when the data is still in exactly that state and that copy is still there, unchanged.

The state is what every change leaves behind, read without reading the whole file:
- **The change log's newest entry** (id, time, who, what). Every write of the app (GUI, CLI,
  import, another process of the app) appends to the append-only log in the same transaction,
  so any change the app makes, in any process, moves it. `PRAGMA data_version` would not do:
  it only sees other connections' commits, and only while one connection stays open.
- **SQLite's schema cookie and `user_version`**: a migration or any schema change.
- **The data file itself** (device, inode, size, modification time in ns) after a passive
  checkpoint has moved every committed page into it: a write by anything that bypasses the log
  (another tool) changes the file; a restore puts another file (another inode) in place. If the
  checkpoint cannot move every page (a reader holds an old snapshot) the state is unknown, and
  unknown means "copy".
- **The keys** beside the data file (`keys/`, carried by every backup): a digest of their bytes.

A skip needs all of them equal *and* the recorded copy present with the size and time it had,
so a deleted or replaced copy is made again. What could still be missed: a write by another tool
(not the app) that bypasses the change log, lands within the same file-time tick as the last
copy's checkpoint and keeps the file's size; the next change the app makes is copied with it.
A content hash would close that gap but reads the whole file (seconds at 2.8 GB) on every close.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from app.db.file_modes import make_private

MARKER_PREFIX = "last-backup-"


def marker_path(backups: Path, db_path: Path) -> Path:
    """Where the state of the newest automatic copy of `db_path` is kept (one per data file:
    two data files in one folder share `backups/`)."""
    return backups / f"{MARKER_PREFIX}{db_path.name}.json"


def current(conn: sqlite3.Connection, db_path: Path) -> str | None:
    """The data's state now (one line of text), or None when it cannot be told for sure."""
    try:
        busy, log_frames, moved = conn.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchone()
        if busy or log_frames < 0 or moved < log_frames:  # -1: not in WAL mode
            return None
        newest = conn.execute(
            "SELECT id, at, actor, action, entity, entity_uuid, round_uuid"
            " FROM change_log ORDER BY id DESC LIMIT 1"
        ).fetchone()
        cookie = conn.execute("PRAGMA schema_version").fetchone()[0]
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        stat = db_path.stat()
        keys = _keys_digest(db_path.parent / "keys")
    except (sqlite3.Error, OSError):
        return None
    # repr of ints, strings and None is exact and one line: compared as text, never parsed
    # (json and hashlib stay off the start-and-close path the start-up test watches)
    return repr(
        [
            None if newest is None else tuple(newest),
            (int(cookie), int(version)),
            (stat.st_dev, stat.st_ino, stat.st_size, stat.st_mtime_ns),
            keys,
        ]
    )


def _keys_digest(folder: Path) -> str:
    files = (
        sorted(p for p in folder.iterdir() if p.is_file() and not p.name.endswith(".part"))
        if folder.is_dir()
        else []
    )
    if not files:
        return ""
    import hashlib  # only when there are keys

    digest = hashlib.sha256()
    for path in files:
        digest.update(path.name.encode("utf-8", "surrogateescape") + b"\0")
        digest.update(path.read_bytes())
        digest.update(b"\0")
    return digest.hexdigest()


def record(db_path: Path, backup: Path, state: str) -> None:
    """Remember that `backup` holds the data in `state` (written after the copy succeeded)."""
    stat = backup.stat()
    marker = marker_path(backup.parent, db_path)
    tmp = marker.with_name(marker.name + ".part")
    make_private(tmp)
    tmp.write_text(f"{backup.name}\n{stat.st_size}\n{stat.st_mtime_ns}\n{state}\n", "utf-8")
    tmp.replace(marker)


def forget(backups: Path, db_path: Path) -> None:
    """No copy is known to hold the data any more (the next automatic copy is made)."""
    marker_path(backups, db_path).unlink(missing_ok=True)


def unchanged(backups: Path, db_path: Path, state: str | None) -> bool:
    """True only when the newest recorded copy still exists as written and holds `state`."""
    if state is None:
        return False
    try:
        lines = marker_path(backups, db_path).read_text(encoding="utf-8").split("\n")
        name, size, mtime_ns, saved = lines[:4]
        copy = backups / name
        if not name or copy.parent != backups:
            return False
        stat = copy.stat()
        return (str(stat.st_size), str(stat.st_mtime_ns), saved) == (size, mtime_ns, state)
    except (OSError, ValueError):
        return False
