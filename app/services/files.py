"""Writing a user's file (a PDF, an export) so that a failure never leaves half a file behind."""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

from app.core.errors import StorageError


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
        raise StorageError(
            f"Cannot write {path}: {exc.strerror or exc}.",
            code="cannot_write",
            params={"path": path, "reason": exc.strerror or exc},
        ) from exc
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        Path(tmp).replace(path)
    except OSError as exc:
        with contextlib.suppress(OSError):
            Path(tmp).unlink()
        raise StorageError(
            f"Cannot write {path}: {exc.strerror or exc}.",
            code="cannot_write",
            params={"path": path, "reason": exc.strerror or exc},
        ) from exc
