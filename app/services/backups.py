"""Automatic and manual backups of the data file, and restoring one.

Every copy is made with SQLite's backup API, so it is consistent even while the app is writing.
Automatic copies go to `backups/` beside the data file, named `auto-YYYYMMDD-HHMMSS.sqlite3`
(UTC), at most once a day while the app runs, and at every close (`auto-…-close.sqlite3`),
each only when the data changed since the newest automatic copy (app/services/backup_state.py:
at country scale a copy is 2.8 GB and about 3 minutes).
Retention (documented in docs/data-safety.md): the last 5 on-close copies, whatever their day (so
a delete followed by a close still leaves the copy of the close before it), plus the newest copy
of each of the last 7 days that have one, plus the newest copy of each of the 4 ISO weeks before
those; everything older is deleted. Copies made before a
migration (`*.before-v*`) and manual backups are never deleted automatically.

Every destructive step (deleting an agency or a round, removing a person who has answers) first
writes a copy named `before-<what>-YYYYMMDD-HHMMSS.sqlite3` with a small `.json` beside it naming
what was about to go, so *Restore from backup…* can say "before deleting round Spring 2026".
These are kept like manual backups: never deleted automatically.
"""

from __future__ import annotations

import logging
import shutil
import sqlite3
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import NamedTuple

from app import paths
from app.core.errors import StorageError
from app.db.connection import backup_to
from app.db.file_modes import make_private

log = logging.getLogger(__name__)

AUTO_PREFIX = "auto-"
CLOSE_SUFFIX = "-close"  # an automatic copy made when the window closed
BEFORE_PREFIX = "before-"
# what a destructive step is about to do -> the file name's middle part
BEFORE_REASONS = ("delete-agency", "delete-round", "remove-member")
KEEP_DAYS = 7
KEEP_WEEKS = 4
KEEP_CLOSES = 5
_STAMP = "%Y%m%d-%H%M%S"


def backups_folder(db_path: Path) -> Path:
    """The backups of the data file `db_path` (it may live outside the per-user folder)."""
    return paths.backups_dir(db_path.parent)


class BackupInfo(NamedTuple):
    """What a backup copy holds and why it was made, read without opening it for writing."""

    path: Path
    created: datetime
    automatic: bool
    agencies: int | None
    rounds: int | None
    answers: int | None
    reason: str = ""  # one of BEFORE_REASONS for a copy made before a destructive step
    subject: str = ""  # the agency, round or person it names
    on_close: bool = False  # an automatic copy made when the window closed

    @property
    def readable(self) -> bool:
        return self.answers is not None


def _stamp_of(path: Path) -> datetime | None:
    if path.name.startswith(AUTO_PREFIX):
        stamp = path.stem[len(AUTO_PREFIX) :].removesuffix(CLOSE_SUFFIX)
    elif path.name.startswith(BEFORE_PREFIX) and _reason_of(path):
        stamp = path.stem[len(BEFORE_PREFIX) + len(_reason_of(path)) + 1 :][:15]
    else:
        return None
    try:
        # by hand, not strptime: listing backups at start-up should not import _strptime
        day, _, clock = stamp.partition("-")
        if len(day) != 8 or len(clock) != 6 or not (day + clock).isdigit():
            return None
        return datetime(
            int(day[:4]),
            int(day[4:6]),
            int(day[6:]),
            int(clock[:2]),
            int(clock[2:4]),
            int(clock[4:]),
            tzinfo=UTC,
        )
    except ValueError:
        return None


def _is_close_copy(path: Path) -> bool:
    return path.name.startswith(AUTO_PREFIX) and path.stem.endswith(CLOSE_SUFFIX)


def write_copy(conn: sqlite3.Connection, target: Path) -> None:
    """A consistent copy of the data file at a path the user chose (`smsoat backup -o`), with
    its keys beside it; the caller has checked the path (app/services/output_paths.py)."""
    backup_to(conn, target)


def make_backup(
    conn: sqlite3.Connection,
    db_path: Path,
    now: datetime | None = None,
    *,
    on_close: bool = False,
) -> Path:
    """A consistent copy of the data file in `backups/`, with its keys; returns its path."""
    now = now or datetime.now(UTC)
    suffix = CLOSE_SUFFIX if on_close else ""
    target = backups_folder(db_path) / f"{AUTO_PREFIX}{now.strftime(_STAMP)}{suffix}.sqlite3"
    backup_to(conn, target)
    log.info("backup written to %s", target)
    return target


def _reason_of(path: Path) -> str:
    for reason in BEFORE_REASONS:
        if path.name.startswith(f"{BEFORE_PREFIX}{reason}-"):
            return reason
    return ""


def backup_before(
    conn: sqlite3.Connection,
    db_path: Path,
    reason: str,
    subject: str,
    now: datetime | None = None,
) -> Path:
    """The copy a destructive step takes first; raises StorageError (code backup_failed) when it
    cannot be written, and the caller then does not go ahead."""
    import json  # only a destructive step needs it

    if reason not in BEFORE_REASONS:
        raise ValueError(f"unknown backup reason {reason!r}")
    now = now or datetime.now(UTC)
    folder = backups_folder(db_path)
    base = f"{BEFORE_PREFIX}{reason}-{now.strftime(_STAMP)}"
    target = folder / f"{base}.sqlite3"
    n = 1
    while target.exists():  # two steps in one second keep both copies
        n += 1
        target = folder / f"{base}-{n}.sqlite3"
    try:
        backup_to(conn, target)
    except (OSError, StorageError) as exc:
        why = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        raise StorageError(
            f"Could not make a backup copy first ({why}), so nothing was deleted. Free some space"
            " on the disk (or fix the backups folder) and try again.",
            code="backup_failed",
            params={"reason": why},
        ) from exc
    note = target.with_name(target.name + ".json")
    try:
        note.write_text(
            json.dumps({"reason": reason, "subject": subject}, ensure_ascii=False),
            encoding="utf-8",
        )
    except OSError:
        log.warning("could not write %s; the copy is kept without its note", note)
    log.info("backup before %s (%s) written to %s", reason, subject, target)
    return target


def _subject_of(path: Path) -> str:
    import json

    try:
        data = json.loads(path.with_name(path.name + ".json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return ""
    subject = data.get("subject") if isinstance(data, dict) else None
    return subject if isinstance(subject, str) else ""


def last_automatic_backup(db_path: Path) -> datetime | None:
    """When the newest automatic copy was made, or None when there is none."""
    stamps = [
        s
        for p in backups_folder(db_path).glob(f"{AUTO_PREFIX}*.sqlite3")
        if (s := _stamp_of(p)) is not None
    ]
    return max(stamps, default=None)


def backup_if_due(
    conn: sqlite3.Connection, db_path: Path, now: datetime | None = None
) -> Path | None:
    """At most one automatic copy a day while the app runs, and only when the data changed
    since the newest automatic copy (app/services/backup_state.py); then the retention rule."""
    now = now or datetime.now(UTC)
    last = last_automatic_backup(db_path)
    if last is not None and now - last < timedelta(days=1):
        return None
    return _automatic_copy(conn, db_path, now, on_close=False)


def copy_to_file(conn: sqlite3.Connection, target: Path, db_path: Path | None) -> Path:
    """A copy of the data where the user chose (File > Back up): never over the data file itself
    or its backups (app/services/output_paths.py); the save dialog has asked about replacing."""
    from app.services.output_paths import checked_output

    checked_output(target, db_path, database_copy=True)
    backup_to(conn, target)
    return target


def backup_on_close(
    conn: sqlite3.Connection, db_path: Path, now: datetime | None = None
) -> Path | None:
    """The copy made when the app closes, then old automatic copies pruned; None (no copy, a
    close of 2.8 GB spared) when nothing changed since the newest automatic copy."""
    return _automatic_copy(conn, db_path, now, on_close=True)


def _automatic_copy(
    conn: sqlite3.Connection, db_path: Path, now: datetime | None, *, on_close: bool
) -> Path | None:
    """An automatic copy unless the newest one still holds exactly this data (the rule and why
    it cannot miss a change the app makes: app/services/backup_state.py)."""
    from app.services import backup_state

    folder = backups_folder(db_path)
    state = backup_state.current(conn, db_path)
    if backup_state.unchanged(folder, db_path, state):
        log.info("no automatic backup: nothing changed since the last one")
        return None
    path = make_backup(conn, db_path, now, on_close=on_close)
    if state is None:
        backup_state.forget(folder, db_path)
    else:
        try:
            backup_state.record(db_path, path, state)
        except OSError as exc:  # the copy is made; the next one is simply not spared
            log.warning("could not record the state of %s: %s", path, exc)
            backup_state.forget(folder, db_path)
    prune(db_path)
    return path


def prune(db_path: Path) -> list[Path]:
    """Apply the retention rule to automatic copies; returns what was deleted."""
    copies = sorted(
        (
            (s, p)
            for p in backups_folder(db_path).glob(f"{AUTO_PREFIX}*.sqlite3")
            if (s := _stamp_of(p)) is not None
        ),
        reverse=True,
    )
    # the last closes each keep their copy: a second close the same day no longer replaces the
    # first, which was the only copy from before a delete made in between
    keep: set[Path] = set([p for _, p in copies if _is_close_copy(p)][:KEEP_CLOSES])
    days: set[date] = set()
    covered_weeks: set[tuple[int, int]] = set()  # weeks that already have a daily copy
    weeks: set[tuple[int, int]] = set()
    for stamp, path in copies:
        day = stamp.date()
        week = (stamp.isocalendar()[0], stamp.isocalendar()[1])
        if len(days) < KEEP_DAYS and day not in days:
            days.add(day)
            covered_weeks.add(week)
            keep.add(path)
        elif day in days or week in covered_weeks or week in weeks:
            continue
        elif len(weeks) < KEEP_WEEKS:
            weeks.add(week)
            keep.add(path)
    removed = []
    for _, path in copies:
        if path not in keep:
            path.unlink(missing_ok=True)
            shutil.rmtree(path.with_name(path.name + ".keys"), ignore_errors=True)
            removed.append(path)
    return removed


def describe(path: Path) -> BackupInfo:
    """What a backup holds, read without changing it; unreadable copies say so (counts None)."""
    created = _stamp_of(path) or datetime.fromtimestamp(path.stat().st_mtime, UTC)
    counts: tuple[int | None, int | None, int | None] = (None, None, None)
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            row = conn.execute(
                "SELECT (SELECT count(*) FROM organizations), (SELECT count(*) FROM rounds),"
                " (SELECT count(*) FROM responses)"
            ).fetchone()
            counts = (int(row[0]), int(row[1]), int(row[2]))
        finally:
            conn.close()
    except sqlite3.Error:
        log.warning("backup %s is unreadable", path)
    reason = _reason_of(path)
    return BackupInfo(
        path,
        created,
        path.name.startswith(AUTO_PREFIX),
        *counts,
        reason=reason,
        subject=_subject_of(path) if reason else "",
        on_close=_is_close_copy(path),
    )


def list_backups(db_path: Path) -> list[BackupInfo]:
    """Every backup copy of the data file, newest first."""
    folder = backups_folder(db_path)
    if not folder.is_dir():
        return []
    infos = [describe(p) for p in folder.glob("*.sqlite3")]
    return sorted(infos, key=lambda b: b.created, reverse=True)


def newest_good_backup(db_path: Path) -> BackupInfo | None:
    """The newest backup that opens and reads, the one to offer after damage."""
    for info in list_backups(db_path):
        if info.readable:
            return info
    return None


def restore(backup: Path, db_path: Path, now: datetime | None = None) -> Path:
    """Replace the data file with a backup; the current file is kept aside first.

    Call with every connection to `db_path` closed. Returns where the old file was kept.
    """
    now = now or datetime.now(UTC)
    if describe(backup).answers is None:
        raise StorageError(f"{backup.name} is not a readable backup; choose another one.")
    aside = backups_folder(db_path) / f"replaced-{now.strftime(_STAMP)}-{db_path.name}"
    try:
        aside.parent.mkdir(parents=True, exist_ok=True)
        if db_path.exists():
            shutil.move(str(db_path), aside)
        for suffix in ("-wal", "-shm"):
            side = db_path.with_name(db_path.name + suffix)
            if side.exists():
                shutil.move(str(side), aside.with_name(aside.name + suffix))
        tmp = db_path.with_name(db_path.name + ".restoring")
        shutil.copy2(backup, tmp)
        make_private(tmp)  # a backup made by an older version may be 0644
        tmp.replace(db_path)
    except OSError as exc:
        raise StorageError(
            f"Could not restore {backup.name} ({exc.strerror or exc}); the current file was kept "
            f"at {aside}."
        ) from exc
    from app.services import backup_state
    from app.services.keys import restore_keys_from

    backup_state.forget(backups_folder(db_path), db_path)  # another file: the next close copies it

    restore_keys_from(backup, db_path)  # the keys the backup carries (app/services/keys.py)
    log.info("restored %s over %s; previous file kept at %s", backup, db_path, aside)
    return aside
