"""A rotating log file in the per-user log folder; nothing is printed to users from here.

The log is rotated when the app starts (smsoat.log → .1 → .2 → .3 once it passes 1 MB) rather than
by `logging.handlers.RotatingFileHandler`, whose import (socket, pickle, queue) costs the GUI's cold
start about 9 ms; the app writes a few lines a session, so one check per start is enough.
"""

from __future__ import annotations

import logging
from pathlib import Path

from app import paths
from app.db.file_modes import make_private

MAX_BYTES = 1_000_000
KEEP = 3

_configured = False


def configure_logging(level: int = logging.INFO) -> None:
    global _configured
    if _configured:
        return
    _configured = True
    root = logging.getLogger()
    root.setLevel(level)
    try:
        folder = paths.log_dir()
        folder.mkdir(parents=True, exist_ok=True)
        target = folder / "smsoat.log"
        rotate(target)
        make_private(target)  # messages may carry names and paths: 0600 like the data file
        handler: logging.Handler = logging.FileHandler(target, encoding="utf-8")
    except OSError:
        handler = logging.NullHandler()  # a read-only home must not stop the app
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root.addHandler(handler)


def rotate(target: Path, max_bytes: int = MAX_BYTES, keep: int = KEEP) -> None:
    """smsoat.log → smsoat.log.1 → … → smsoat.log.KEEP (the oldest is dropped) once it is big."""
    try:
        if not target.exists() or target.stat().st_size < max_bytes:
            return
        for n in range(keep - 1, 0, -1):
            older = target.with_name(f"{target.name}.{n}")
            if older.exists():
                older.replace(target.with_name(f"{target.name}.{n + 1}"))
        target.replace(target.with_name(f"{target.name}.1"))
    except OSError:
        pass  # a log that cannot rotate keeps growing; the app goes on


def log_file() -> str:
    return str(paths.log_dir() / "smsoat.log")
