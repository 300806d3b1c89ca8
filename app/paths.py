"""The one place that knows where things live, in a source tree and in a PyInstaller bundle.

Bundled data mirrors the source layout (`resources/`, `instruments/` at the bundle root), so the
same join works in both. User data lives in the per-user data folder, never beside the executable,
unless portable mode is switched on by a marker file `portable.txt` beside the executable (USB
sticks), or `SMSOAT_DATA_DIR` points elsewhere (tests, IT-managed installs).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from platformdirs import user_data_path, user_log_path

APP_DIR_NAME = "SMS OAT Studio"
DATABASE_NAME = "smsoat.sqlite3"
PORTABLE_MARKER = "portable.txt"


def bundle_root() -> Path:
    """The folder holding `resources/` and `instruments/`."""
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        return Path(frozen_root)
    return Path(__file__).resolve().parent.parent


def resources_dir() -> Path:
    return bundle_root() / "resources"


def instruments_dir() -> Path:
    return bundle_root() / "instruments"


def fonts_dir() -> Path:
    return resources_dir() / "fonts"


def translations_dir() -> Path:
    return resources_dir() / "translations"


def executable_dir() -> Path:
    return Path(sys.executable).resolve().parent


def is_portable() -> bool:
    return bool(getattr(sys, "frozen", False)) and (executable_dir() / PORTABLE_MARKER).exists()


def data_dir() -> Path:
    override = os.environ.get("SMSOAT_DATA_DIR")
    if override:
        return Path(override)
    if is_portable():
        return executable_dir() / "data"
    return user_data_path(APP_DIR_NAME, appauthor=False)


def log_dir() -> Path:
    override = os.environ.get("SMSOAT_DATA_DIR")
    if override:
        return Path(override) / "logs"
    if is_portable():
        return executable_dir() / "data" / "logs"
    return user_log_path(APP_DIR_NAME, appauthor=False)


def default_database_path() -> Path:
    return data_dir() / DATABASE_NAME


def user_instruments_dir() -> Path:
    """Instrument files an agency or state adds (e.g. the official wording); loaded beside ours."""
    return data_dir() / "instruments"


BACKUPS_FOLDER = "backups"


def backups_dir(data_folder: Path | None = None) -> Path:
    """The backup copies' folder: beside the data file, in `data_folder` (the data file's own
    folder, which `--db` may move) or else the per-user data folder. The one place it is named."""
    return (data_dir() if data_folder is None else data_folder) / BACKUPS_FOLDER
