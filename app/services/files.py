"""Writing a user's file (a PDF, an export) so that a failure never leaves half a file behind."""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

from app.core.errors import StorageError


def file_stem(text: str, limit: int = 60) -> str:
    """Text made safe for a file name on every system: letters, digits, - and _ only."""
    cleaned = "".join(c if c.isalnum() or c in "-_" else "-" for c in text.strip())
    while "--" in cleaned:
        cleaned = cleaned.replace("--", "-")
    return cleaned.strip("-")[:limit] or "round"


def _cannot_write(path: Path, exc: OSError) -> StorageError:
    reason = exc.strerror or exc
    return StorageError(
        f"Cannot write {path}: {reason}.",
        code="cannot_write",
        params={"path": path, "reason": reason},
    )


def _umask() -> int:
    """The process's umask without setting it (os.umask would change it for every thread for a
    moment); Linux tells it in /proc, elsewhere the usual 022 is assumed."""
    try:
        for line in Path("/proc/self/status").read_text("ascii").splitlines():
            if line.startswith("Umask:"):
                return int(line.split()[1], 8)
    except (OSError, ValueError, IndexError):
        pass
    return 0o022


def _mode_for(path: Path, private: bool) -> int:
    """Replacing a file keeps its permissions; a new one follows the umask, or is the owner's
    alone (0600) when it holds personal data."""
    try:
        return path.stat().st_mode & 0o7777
    except OSError:
        return 0o600 if private else 0o666 & ~_umask()


def write_output(path: Path, data: bytes, db_path: Path | None, *, private: bool = False) -> Path:
    """A user-chosen output, checked (app/services/output_paths.py), then written atomically."""
    from app.services.output_paths import checked_output

    checked_output(path, db_path)
    write_atomically(path, data, private=private)
    return path


def write_atomically(path: Path, data: bytes, *, private: bool = False) -> None:
    """Write to a temp file in the same folder, flush it to disk, then replace the target.

    `private`: a new file is readable by its owner only (names, comments); see `_mode_for`.
    """
    folder = path.resolve().parent
    if not folder.is_dir():
        raise StorageError(
            f"Cannot write {path}: the folder {folder} does not exist.",
            code="folder_missing",
            params={"path": path, "folder": folder},
        )
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=folder)
    except OSError as exc:
        raise _cannot_write(path, exc) from exc
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            if hasattr(os, "fchmod"):  # not on Windows, where files carry no such bits
                os.fchmod(handle.fileno(), _mode_for(path, private))
            os.fsync(handle.fileno())
        Path(tmp).replace(path)
    except OSError as exc:
        with contextlib.suppress(OSError):
            Path(tmp).unlink()
        raise _cannot_write(path, exc) from exc
