"""One GUI per data file: an OS-level lock on `<data file>.lock`, released by the OS on exit.

SQLite itself keeps two writers from corrupting the file; this lock is about people: a second
window on the same data would show stale screens, so the second copy of the app is told the data
is already open and can switch to the first or open read-only. The lock dies with the process,
so a crash or a kill never leaves a stale lock behind.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import IO

from app.db.file_modes import make_private


class InstanceLock:
    def __init__(self, handle: IO[bytes], path: Path) -> None:
        self._handle = handle
        self.path = path

    def release(self) -> None:
        if self._handle.closed:
            return
        try:
            _unlock(self._handle)
        finally:
            self._handle.close()


def lock_path(db_path: Path) -> Path:
    return db_path.with_name(db_path.name + ".lock")


def try_acquire(db_path: Path) -> InstanceLock | None:
    """The lock, or None when another running copy of the app holds it."""
    path = lock_path(db_path)
    path.parent.mkdir(parents=True, exist_ok=True)
    make_private(path)  # it sits beside the data file and names it: 0600 like it
    handle = path.open("a+b")
    try:
        _lock(handle)
    except OSError:
        handle.close()
        return None
    handle.seek(0)
    handle.truncate()
    handle.write(str(os.getpid()).encode())
    handle.flush()
    return InstanceLock(handle, path)


if sys.platform == "win32":  # pragma: no cover - exercised on Windows builds only
    import msvcrt

    def _lock(handle: IO[bytes]) -> None:
        handle.seek(0)
        msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)

    def _unlock(handle: IO[bytes]) -> None:
        handle.seek(0)
        msvcrt.locking(handle.fileno(), msvcrt.LK_UNLCK, 1)

else:
    import fcntl

    def _lock(handle: IO[bytes]) -> None:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)

    def _unlock(handle: IO[bytes]) -> None:
        fcntl.flock(handle.fileno(), fcntl.LOCK_UN)
