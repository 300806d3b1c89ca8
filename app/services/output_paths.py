"""Where a user-chosen output may go: never over the data, never over anything but a plain file.

A typo in `-o`, or a careless click in a save dialog, must not destroy the data file, one of
SQLite's companion files, a backup or an instrument. Every writer of an output the user names
(reports, exports, roll-ups, backups; command line and GUI alike) asks `checked_output` before it
builds anything. The rules (docs/data-safety.md):

- never the data file, its `-wal`/`-shm`/`-journal` companions or its `.lock` file, and never a
  name ending in `-wal`, `-shm` or `-journal` (SQLite would take it for a companion);
- never an existing file in the backups folder, the key folder or an instruments folder;
- never an existing SQLite database (another data file, a backup) unless the output itself is
  a database copy and replacing was asked for;
- never a directory, device, FIFO or socket: only a regular file, or a new one;
- the folder must exist: a mistyped folder is not created silently.

Symbolic links are followed for the check (a link to the data file is refused); writing replaces
the link itself with the new file, never what it points at.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from app import paths
from app.core.errors import StorageError

SQLITE_HEADER = b"SQLite format 3\x00"
COMPANION_SUFFIXES = ("-wal", "-shm", "-journal")
LOCK_SUFFIX = ".lock"
KEYS_FOLDER = "keys"


def _refuse(path: Path, code: str, why: str, what_to_do: str) -> StorageError:
    return StorageError(
        f"Will not write {path}: {why}; {what_to_do}",
        code=code,
        params={"path": path},
    )


def _same(a: Path, b: Path) -> bool:
    """The same file: the same inode when both exist (hard links, case-insensitive disks),
    else the same normalised absolute path."""
    try:
        return a.samefile(b)
    except OSError:
        return os.path.normcase(a) == os.path.normcase(b)


def _inside(path: Path, folder: Path) -> bool:
    folder = Path(os.path.realpath(folder))
    return any(_same(parent, folder) for parent in path.parents)


def _protected_folders(db_path: Path | None) -> list[Path]:
    folders = [paths.instruments_dir(), paths.user_instruments_dir()]
    if db_path is not None:
        data = Path(os.path.realpath(db_path)).parent
        folders += [paths.backups_dir(data), data / KEYS_FOLDER, data / "instruments"]
    return folders


def _is_sqlite(path: Path) -> bool:
    try:
        with path.open("rb") as handle:
            return handle.read(len(SQLITE_HEADER)) == SQLITE_HEADER
    except OSError:
        return False


def checked_output(
    path: Path,
    db_path: Path | None,
    *,
    database_copy: bool = False,
    replace: bool = True,
) -> Path:
    """The real path `path` names (links followed), or a StorageError saying why it may not be
    written and what to do.

    `db_path` is the data file in use (None when there is none); `database_copy` marks a backup
    (it may replace another database when `replace` is allowed); `replace=False` refuses any
    existing file (the command line's `backup -o` without `--force`).
    """
    target = Path(os.path.realpath(path))
    other = "choose another file name"
    if db_path is not None:
        data = Path(os.path.realpath(db_path))
        names = [data] + [data.with_name(data.name + s) for s in (*COMPANION_SUFFIXES, LOCK_SUFFIX)]
        if any(_same(target, name) for name in names):
            raise _refuse(
                path, "output_is_data", "it is the data file or one of its companions", other
            )
    if target.name.endswith(COMPANION_SUFFIXES):
        raise _refuse(
            path,
            "output_companion_name",
            "names ending in -wal, -shm or -journal belong to SQLite databases",
            other,
        )
    try:
        info = target.stat()
    except FileNotFoundError:
        info = None
    except OSError as exc:
        raise _refuse(path, "output_unusable", exc.strerror or str(exc), other) from exc
    if info is not None:
        if not stat.S_ISREG(info.st_mode):
            kind = "a folder" if stat.S_ISDIR(info.st_mode) else "not a regular file"
            raise _refuse(
                path, "output_not_regular", f"it is {kind}", "name a file in a folder instead"
            )
        if any(_inside(target, folder) for folder in _protected_folders(db_path)):
            raise _refuse(
                path,
                "output_protected",
                "it would replace a backup, a key or an instrument file",
                other,
            )
        if not replace:
            raise _refuse(
                path,
                "output_exists",
                "the file already exists",
                f"{other}, or add --force to replace it",
            )
        if _is_sqlite(target) and not database_copy:
            raise _refuse(
                path,
                "output_is_database",
                "it holds a database (data file or backup), not a report",
                other,
            )
    folder = target.parent
    if not folder.is_dir():
        raise StorageError(
            f"Cannot write {path}: the folder {folder} does not exist.",
            code="folder_missing",
            params={"path": path, "folder": folder},
        )
    return target
