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


def write_atomically(path: Path, data: bytes) -> None:
    """Write to a temp file in the same folder, flush it to disk, then replace the target."""
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
            os.fsync(handle.fileno())
        Path(tmp).replace(path)
    except OSError as exc:
        with contextlib.suppress(OSError):
            Path(tmp).unlink()
        raise _cannot_write(path, exc) from exc
