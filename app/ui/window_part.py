"""What the main window's parts (its mixins) may use of the window: the attributes and methods
MainWindow provides, declared once for the type checker so each part can be read and checked on
its own. Nothing here runs; at run time the parts derive from `object` and MainWindow mixes them
in (app/ui/main_window.py).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import sqlite3
    from collections.abc import Callable
    from pathlib import Path

    from PySide6.QtCore import SignalInstance
    from PySide6.QtGui import QAction
    from PySide6.QtWidgets import QDialog, QMainWindow, QStackedWidget, QWidget

    from app.core.catalog import Catalog
    from app.ui.home_page import HomePage
    from app.ui.privacy_gate import PrivacyGate
    from app.ui.round_page import RoundPage
    from app.ui.settings import AppSettings

    _Base = QMainWindow
else:
    _Base = object


class WindowPart(_Base):
    """Base of every main-window mixin; MainWindow provides what is declared here."""

    if TYPE_CHECKING:
        conn: sqlite3.Connection
        db_path: Path
        lang: str
        settings: AppSettings
        read_only: bool
        dialog: QDialog | None
        stack: QStackedWidget
        home: HomePage
        current_round: int | None
        confirm: Callable[[QWidget | None, str, str], bool]
        inform: Callable[[QWidget | None, str, str], None]
        data_changed: SignalInstance
        act_scorecard_comments: QAction
        _catalog: Catalog | Callable[[], Catalog]
        _round_page: RoundPage | None

        @property
        def catalog(self) -> Catalog: ...
        @property
        def privacy(self) -> PrivacyGate: ...
        @property
        def actor(self) -> str: ...
        @property
        def round_page(self) -> RoundPage: ...
        def show_home(self) -> None: ...
        def open_round(self, round_id: int, select_person: int | None = None) -> None: ...
        def show_team_view(self, round_id: int) -> None: ...
        def _save_pending(self) -> None: ...
        def _fail(self, exc: Exception) -> None: ...
        def _backup_note(self, backup: Path | None) -> None: ...
        def _status_saved(self, path: Path) -> None: ...
        def ask_report_path(
            self, title: str, name: str, then: Callable[[Path], object]
        ) -> None: ...
