"""Private files: the data file and everything that copies it are readable by their owner only.

The data file, its `-wal`/`-shm`, the backups, the lock file and the log hold team members' names
and comments, so they are created 0600 (issue 15), like the reports (app/services/files.py).
SQLite creates the `-wal` and `-shm` files with the mode of the data file, so creating the data
file empty with 0600 *before* SQLite opens it is enough for all three; files made by an older
version are tightened whenever they are opened. On Windows, files carry no such bits: privacy
there comes from the per-user folder.
"""

from __future__ import annotations

import os
from pathlib import Path

PRIVATE = 0o600
SIDE_FILES = ("-wal", "-shm", "-journal")


def make_private(path: Path) -> None:
    """Create `path` empty with mode 0600 if it does not exist; tighten it to 0600 if it does."""
    if os.name == "nt":  # pragma: no cover - no mode bits on Windows
        return
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | getattr(os, "O_CLOEXEC", 0), PRIVATE)
    try:
        if os.fstat(fd).st_mode & 0o777 != PRIVATE:
            os.fchmod(fd, PRIVATE)
    finally:
        os.close(fd)


def tighten(path: Path) -> None:
    """Set an existing file to 0600; a file that is not there is left absent."""
    if os.name == "nt":  # pragma: no cover - no mode bits on Windows
        return
    try:
        if path.stat().st_mode & 0o777 != PRIVATE:
            path.chmod(PRIVATE)
    except FileNotFoundError:
        pass


def make_database_private(path: Path) -> None:
    """The data file created (or tightened) 0600 before SQLite opens it; its side files too."""
    make_private(path)
    for suffix in SIDE_FILES:
        tighten(path.with_name(path.name + suffix))


def copy_keys_beside(db_path: Path, backup: Path) -> None:
    """A backup carries the keys: the files of `keys/` beside the data file are copied to
    `<backup>.keys/` (0700 folder, 0600 files), so restoring the backup brings them back
    (app/services/keys.py says which files they are)."""
    source = db_path.parent / "keys"
    if not source.is_dir():
        return
    target = backup.with_name(backup.name + ".keys")
    target.mkdir(parents=True, exist_ok=True)
    if os.name != "nt":
        target.chmod(0o700)
    for path in sorted(source.iterdir()):
        if path.is_file() and not path.name.endswith(".part"):
            copy = target / path.name
            make_private(copy)
            copy.write_bytes(path.read_bytes())
