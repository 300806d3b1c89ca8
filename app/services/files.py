"""Writing a user's file (a PDF, an export) so that a failure never leaves half a file behind."""

from __future__ import annotations

import contextlib
import os
import sys
import tempfile
from pathlib import Path

from app.core.errors import StorageError
from app.db import replace
from app.db.replace import replace_retrying

# Names Windows keeps for devices, whatever the extension ("NUL.pdf" is the null device there).
RESERVED_NAMES = frozenset(
    ["CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$"]
    + [f"{port}{n}" for port in ("COM", "LPT") for n in range(10)]
)
WINDOWS = sys.platform == "win32"
MAX_WINDOWS_PATH = 259  # MAX_PATH (260) less the closing NUL, without long-path support
REPLACE_TRIES = replace.REPLACE_TRIES  # shared with the data file's backups (app/db/replace.py)
REPLACE_PAUSE_S = replace.REPLACE_PAUSE_S


def file_stem(text: str, limit: int = 60) -> str:
    """Text made safe for a file name on every system: letters, digits, - and _ only, never a
    name Windows reserves for a device."""
    cleaned = "".join(c if c.isalnum() or c in "-_" else "-" for c in text.strip())
    while "--" in cleaned:
        cleaned = cleaned.replace("--", "-")
    stem = cleaned.strip("-")[:limit].strip("-") or "round"
    return f"{stem}-file" if stem.upper() in RESERVED_NAMES else stem


def _locked(path: Path) -> StorageError:
    return StorageError(
        f"Cannot replace {path}: it is open in another program (a PDF viewer or a spreadsheet?)."
        " Close it there and try again, or save under another name.",
        code="output_locked",
        params={"path": path},
    )


def _replace(tmp: Path, path: Path) -> None:
    """Move the finished temp file into place; a file held open elsewhere (Windows refuses to
    replace it) or briefly locked by a scanner is retried a few times, then reported."""
    replace_retrying(tmp, path, tries=REPLACE_TRIES, pause=REPLACE_PAUSE_S)


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
    if WINDOWS and len(str(path.resolve())) > MAX_WINDOWS_PATH:
        raise StorageError(
            f"Cannot write {path}: the full path is longer than Windows allows"
            f" ({MAX_WINDOWS_PATH} characters). Choose a shorter name or a folder nearer the"
            " top of the drive.",
            code="path_too_long",
            params={"path": path, "max": MAX_WINDOWS_PATH},
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
        _replace(Path(tmp), path)
    except OSError as exc:
        with contextlib.suppress(OSError):
            Path(tmp).unlink()
        if isinstance(exc, PermissionError) and path.exists():
            raise _locked(path) from exc
        raise _cannot_write(path, exc) from exc
