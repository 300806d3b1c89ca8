"""Every save and open dialog of the app: where it starts, and remembering where the user went.

The first time, a dialog starts in the user's Documents folder (QStandardPaths), not the home
folder, where clinic staff do not look for their files. After that each kind of file starts
where the last file of that kind was saved or opened: a supervisor keeps PDFs in one folder and
exchange files in another. The folders are kept in the settings file (`folders/<kind>`); one
that no longer exists falls back to Documents.

Dialogs are modal `QFileDialog` calls; tests replace `ask_save`, `ask_open`, `ask_open_one` and
`ask_folder` (module attributes) or the caller's own `ask_*` hook. No module of app/ui but this
one calls QFileDialog (tests/gui/test_file_dialogs.py checks).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import QFileDialog, QWidget

from app.ui.settings import AppSettings

# The kinds of file, each remembering its own folder.
KINDS = ("report", "exchange", "import", "rollup", "backup", "instrument")


def documents_folder() -> Path:
    """The user's Documents folder when it exists, else the home folder."""
    location = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    if location and Path(location).is_dir():
        return Path(location)
    return Path.home()


def start_folder(kind: str) -> Path:
    """Where a dialog for this kind of file opens: the last folder used for it, else Documents."""
    if kind not in KINDS:
        raise ValueError(f"unknown kind of file: {kind}")
    last = AppSettings().last_folder(kind)
    if last and Path(last).is_dir():
        return Path(last)
    return documents_folder()


def remember(kind: str, chosen: Path) -> None:
    """Keeps the folder of a chosen file (or a chosen folder itself) for the next dialog."""
    if kind not in KINDS:
        raise ValueError(f"unknown kind of file: {kind}")
    folder = chosen if chosen.is_dir() else chosen.parent
    settings = AppSettings()
    settings.set_last_folder(kind, str(folder))
    settings.sync()


def _save(parent: QWidget | None, title: str, start: str, filters: str) -> str:
    return QFileDialog.getSaveFileName(parent, title, start, filters)[0]


def _open(parent: QWidget | None, title: str, start: str, filters: str) -> list[str]:
    return QFileDialog.getOpenFileNames(parent, title, start, filters)[0]


def _open_one(parent: QWidget | None, title: str, start: str, filters: str) -> list[str]:
    chosen = QFileDialog.getOpenFileName(parent, title, start, filters)[0]
    return [chosen] if chosen else []


def _folder(parent: QWidget | None, title: str, start: str) -> str:
    return QFileDialog.getExistingDirectory(parent, title, start)


ask_save: Callable[[QWidget | None, str, str, str], str] = _save
ask_open: Callable[[QWidget | None, str, str, str], list[str]] = _open
ask_open_one: Callable[[QWidget | None, str, str, str], list[str]] = _open_one
ask_folder: Callable[[QWidget | None, str, str], str] = _folder


def save_path(
    parent: QWidget | None, kind: str, title: str, name: str, filters: str, suffix: str = ""
) -> Path | None:
    """Asks where to save a file suggested as `name`; None when cancelled. `suffix` (".pdf") is
    added when the typed name lacks it."""
    chosen = ask_save(parent, title, str(start_folder(kind) / Path(name).name), filters)
    if not chosen:
        return None
    path = Path(chosen)
    if suffix and path.suffix.lower() != suffix:
        path = path.with_name(path.name + suffix)
    remember(kind, path)
    return path


def open_paths(
    parent: QWidget | None, kind: str, title: str, filters: str, *, many: bool = True
) -> list[Path]:
    """Asks for one or more files to open (one when not `many`); [] when cancelled."""
    start = str(start_folder(kind))
    chosen = [Path(p) for p in (ask_open if many else ask_open_one)(parent, title, start, filters)]
    if chosen:
        remember(kind, chosen[0])
    return chosen


def open_folder(parent: QWidget | None, kind: str, title: str) -> Path | None:
    chosen = ask_folder(parent, title, str(start_folder(kind)))
    if not chosen:
        return None
    remember(kind, Path(chosen))
    return Path(chosen)
