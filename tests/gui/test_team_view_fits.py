"""The team view at 1366×768: domain names readable, the item grid without sideways scrolling,
in English at the default text size and in Spanish at the largest (issue 16: the domain table
showed "1…", the grid scrolled sideways, and Spanish at large text cut the Mean column)."""

from __future__ import annotations

import math
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QApplication, QTableWidget
from pytestqt.qtbot import QtBot

from app import paths
from app.services.catalog import default_catalog
from app.services.demo import create_demo
from app.ui import pseudo
from app.ui.main_window import MainWindow
from app.ui.settings import AppSettings
from app.ui.style import apply_text_size
from tests.gui.conftest import MakeWindow


@pytest.fixture(params=[("en", "medium"), ("es", "large")], ids=["en-medium", "es-large"])
def look(
    request: pytest.FixtureRequest,
    qapp: QApplication,
    data_dir: Path,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[tuple[str, str]]:
    lang, size = request.param
    locale = QLocale()
    installed = []
    settings = AppSettings()
    settings.language = lang
    settings.text_size = size
    settings.sync()
    if lang != "en":
        from app.ui.launch import install_translators
        from tests.test_translations import compile_catalogues

        folder = compile_catalogues(tmp_path_factory.mktemp("qm"))
        monkeypatch.delenv(pseudo.PSEUDO_ENV, raising=False)
        monkeypatch.setattr(paths, "translations_dir", lambda: folder)
        installed = install_translators(qapp, lang)
    apply_text_size(size)
    yield lang, size
    for translator in installed:
        qapp.removeTranslator(translator)
    QLocale.setDefault(locale)
    apply_text_size("medium")


def _team_view(qtbot: QtBot, window: MainWindow) -> None:
    result = create_demo(window.conn, default_catalog().get("sms-oat-bh"))
    window.home.refresh()
    window.show_team_view(result.round.id)
    window.resize(1366, 768)
    qtbot.waitUntil(lambda: window.team_view.grid.viewport().width() > 0)
    QApplication.processEvents()


def _lines_needed(table: QTableWidget, row: int, column: int) -> float:
    item = table.item(row, column)
    assert item is not None
    return table.fontMetrics().horizontalAdvance(item.text()) / max(1, table.columnWidth(column))


def test_the_team_view_fits_1366_without_cut_columns(
    qtbot: QtBot, make_window: MakeWindow, look: tuple[str, str]
) -> None:
    window = make_window()
    _team_view(qtbot, window)
    view = window.team_view
    grid, domains = view.grid, view.domains
    assert grid.horizontalScrollBar().maximum() == 0, "the item grid scrolls sideways"
    widths = [grid.columnWidth(c) for c in range(grid.columnCount())]
    assert sum(widths) <= grid.viewport().width() + 1
    mean = next(
        c
        for c in range(grid.columnCount())
        if grid.horizontalHeaderItem(c).text() in ("Mean", "Media")
    )
    header_text = grid.horizontalHeaderItem(mean).text()
    assert widths[mean] >= grid.horizontalHeader().fontMetrics().horizontalAdvance(header_text)
    assert widths[0] >= 12 * grid.fontMetrics().averageCharWidth(), "room for the item's words"
    # domain names: the widest column, wrapped onto as many lines as they need, never elided
    assert domains.columnWidth(0) == max(
        domains.columnWidth(c) for c in range(domains.columnCount())
    )
    assert domains.horizontalScrollBar().maximum() == 0
    for row in range(domains.rowCount()):
        lines = math.ceil(_lines_needed(domains, row, 0))
        needed = lines * domains.fontMetrics().lineSpacing()
        assert domains.rowHeight(row) >= needed, domains.item(row, 0).text()
