"""Is the data file in a folder that a sync client or a network share manages?

SQLite keeps a data file consistent with its `-wal`/`-shm` companions and file locks. OneDrive,
Dropbox, Google Drive and iCloud copy those files one by one and at their own moments, and
network drives do not honour the locks reliably: both are known ways to corrupt a database. The
app cannot prevent a person from choosing such a folder (Windows often moves Documents into
OneDrive), so it says so once, with the safer way: keep the data in the per-user data folder and
put *backups* in the synced folder instead.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import PurePath, PureWindowsPath

# Environment variables the sync clients set to their root folders (Windows and macOS).
ROOT_VARIABLES = ("OneDrive", "OneDriveCommercial", "OneDriveConsumer", "DROPBOX_PATH")
# Folder names that mark a synced tree wherever it is mounted.
FOLDER_MARKERS = (
    "onedrive",
    "dropbox",
    "google drive",
    "googledrive",
    "my drive",
    "icloud drive",
    "iclouddrive",
    "mobile documents",  # macOS: ~/Library/Mobile Documents is iCloud Drive
)


def _parts(path: str) -> list[str]:
    pure: PurePath = PureWindowsPath(path) if "\\" in path or ":" in path[:3] else PurePath(path)
    return [part.casefold() for part in pure.parts]


def _inside(path: str, root: str) -> bool:
    inner, outer = _parts(path), _parts(root)
    return bool(outer) and inner[: len(outer)] == outer


def sync_service(path: str, environ: Mapping[str, str] | None = None) -> str | None:
    """A short name of what manages `path` ("OneDrive", "a network share", …), or None."""
    env = os.environ if environ is None else environ
    if path.startswith(("\\\\", "//")):
        return "a network share"
    for variable in ROOT_VARIABLES:
        root = env.get(variable)
        if root and _inside(path, root):
            return "Dropbox" if variable == "DROPBOX_PATH" else "OneDrive"
    for part in _parts(path):
        for marker in FOLDER_MARKERS:
            if part == marker or part.startswith(f"{marker} -") or part.startswith(f"{marker}-"):
                return {
                    "onedrive": "OneDrive",
                    "dropbox": "Dropbox",
                    "icloud drive": "iCloud Drive",
                    "iclouddrive": "iCloud Drive",
                    "mobile documents": "iCloud Drive",
                }.get(marker, "Google Drive")
    return None


def warning(db_path: str, environ: Mapping[str, str] | None = None) -> str | None:
    """The warning to show once for a data file in a synced folder or on a share, or None."""
    service = sync_service(db_path, environ)
    if service is None:
        return None
    return (
        f"The data file {db_path} is in a folder managed by {service}. Syncing or sharing a data"
        " file while the app uses it can damage it. Keep the data in the app's own data folder"
        " (the default) and put backups (File › Back up data…) in the synced folder instead."
    )


def cli_warning(db_path: str, environ: Mapping[str, str] | None = None) -> str | None:
    """The same warning as one line for the command line, which has no File menu."""
    service = sync_service(db_path, environ)
    if service is None:
        return None
    return (
        f"warning: the data file {db_path} is in a folder managed by {service}; syncing or"
        " sharing a data file while the app uses it can damage it. Keep it in the app's own"
        " data folder (leave out --db) and put backups ('smsoat backup -o FILE') there instead."
    )
