"""File › Print (issue 16): a report goes to the system's print dialog and onto a QPrinter.

A QPrinter set to write a PDF file stands in for a real printer: the printed file must have the
report's pages, with ink where the report has text. The print dialog is replaced by a plain
QDialog that plays the user's part (accept with a page range, cancel), because the real one is
modal and system-specific.
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any, ClassVar

import pypdfium2
import pytest
from pypdf import PdfReader
from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtGui import QShowEvent
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QDialog, QWidget
from pytestqt.qtbot import QtBot

from app.reports import outputs
from app.services.catalog import default_catalog
from app.services.demo import create_demo
from app.ui import print_report
from app.ui.main_window import MainWindow
from tests.gui.conftest import Told


def _ink(data: bytes, index: int, level: int) -> list[list[bool]]:
    """Page `index` of a PDF at 36 dpi as rows of "darker than `level`" cells (0-255)."""
    document = pypdfium2.PdfDocument(data)
    try:
        bitmap = document[index].render(scale=0.5, grayscale=True)
        width, height, stride = bitmap.width, bitmap.height, bitmap.stride
        raw = bytes(bitmap.buffer)
        return [[raw[y * stride + x] < level for x in range(width)] for y in range(height)]
    finally:
        document.close()


def _demo_scorecard(window: MainWindow, paper: str | None = None) -> tuple[int, bytes]:
    """The demo round and its scorecard as the window would build it (or on `paper`)."""
    result = create_demo(window.conn, default_catalog().get("sms-oat-bh"))
    data = outputs.build(
        "scorecard",
        conn=window.conn,
        round_id=result.round.id,
        respondent_id=None,
        instrument=None,
        lang=window.lang,
        paper=paper or window.settings.paper,
        comments=False,
    )
    return result.round.id, data


def _pdf_printer(target: Path) -> QPrinter:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(target))
    return printer


def test_printed_pages_match_the_report(window: MainWindow, tmp_path: Path) -> None:
    """Every page of the scorecard is printed, same size, with ink where the report has text."""
    _round_id, data = _demo_scorecard(window, "letter")
    target = tmp_path / "printed.pdf"
    printer = _pdf_printer(target)
    from PySide6.QtGui import QPageSize

    printer.setPageSize(QPageSize(QPageSize.PageSizeId.Letter))
    printer.setFullPage(True)
    sent = print_report.print_document(printer, data)
    report_pages = len(PdfReader(io.BytesIO(data)).pages)
    assert report_pages > 1 and sent == report_pages
    printed = target.read_bytes()
    reader = PdfReader(target)
    assert len(reader.pages) == report_pages
    box = reader.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (612, 792)
    # clearly dark in the report, at least mid-grey in the print (thin lines resample lighter)
    original, copy = _ink(data, 0, 100), _ink(printed, 0, 200)
    assert len(original) == len(copy) and len(original[0]) == len(copy[0])
    dark = [(y, x) for y, row in enumerate(original) for x, cell in enumerate(row) if cell]
    assert len(dark) > 200  # the report's first page has text

    # a printed cell is dark where the report's is (one cell of slack for resampling)
    def near(y: int, x: int) -> bool:
        return any(
            copy[j][i]
            for j in range(max(0, y - 1), min(len(copy), y + 2))
            for i in range(max(0, x - 1), min(len(copy[0]), x + 2))
        )

    matched = sum(1 for y, x in dark if near(y, x))
    assert matched / len(dark) > 0.95
    report_grey = sum(cell for row in _ink(data, 0, 200) for cell in row)
    printed_grey = sum(cell for row in copy for cell in row)
    assert printed_grey < 1.2 * report_grey  # and no ink where the report has none


def test_a_page_range_prints_only_those_pages(window: MainWindow, tmp_path: Path) -> None:
    _round_id, data = _demo_scorecard(window)
    target = tmp_path / "range.pdf"
    printer = _pdf_printer(target)
    printer.setPrintRange(QPrinter.PrintRange.PageRange)
    printer.setFromTo(2, 3)
    assert print_report.print_document(printer, data) == 2
    assert len(PdfReader(target).pages) == 2


class FakePrintDialog(QDialog):
    """Plays the user at the print dialog: `answer` is applied when the dialog is opened."""

    answer: str = "print"
    seen: ClassVar[list[FakePrintDialog]] = []

    def __init__(self, printer: QPrinter, parent: QWidget, target: Path) -> None:
        super().__init__(parent)
        self.printer = printer
        self.target = target
        self.range: tuple[int, int] | None = None
        FakePrintDialog.seen.append(self)

    def setMinMax(self, low: int, high: int) -> None:
        self.range = (low, high)

    def setFromTo(self, low: int, high: int) -> None:
        pass

    def showEvent(self, event: QShowEvent) -> None:
        """Opened (the window calls QDialog.open): answer once the dialog is up."""
        super().showEvent(event)
        self.printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        self.printer.setOutputFileName(str(self.target))
        QTimer.singleShot(0, self.accept if self.answer == "print" else self.reject)


def _patch_dialog(monkeypatch: pytest.MonkeyPatch, target: Path, answer: str) -> None:
    FakePrintDialog.seen = []
    monkeypatch.setattr(FakePrintDialog, "answer", answer)

    def make(printer: QPrinter, parent: QWidget) -> Any:
        return FakePrintDialog(printer, parent, target)

    monkeypatch.setattr(print_report, "make_print_dialog", make)


def _print_from_menu(window: MainWindow, qtbot: QtBot, entry: int) -> None:
    menu = window.print_menu
    assert menu is not None
    task = window.print_task
    menu.actions()[entry].trigger()
    assert window.print_task is not task
    with qtbot.waitSignal(window.print_task.signals.finished, timeout=20000):  # type: ignore[union-attr]
        pass


def test_the_menu_prints_through_the_dialog(
    window: MainWindow, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """File › Print › The scorecard: built in the worker, the dialog offers pages 1..n, and the
    accepted dialog's printer receives every page."""
    round_id, data = _demo_scorecard(window)
    window.open_round(round_id)
    target = tmp_path / "from-menu.pdf"
    _patch_dialog(monkeypatch, target, "print")
    _print_from_menu(window, qtbot, 0)
    qtbot.waitUntil(target.exists, timeout=5000)
    pages = len(PdfReader(io.BytesIO(data)).pages)
    assert FakePrintDialog.seen[0].range == (1, pages)
    printed = PdfReader(target)
    assert len(printed.pages) == pages
    width, height = outputs.PAPERS[window.settings.paper]  # the paper the report was laid out on
    box = printed.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (round(width), round(height))
    # the English plural form arrives with the lead's catalogue update (smsoat_en.ts)
    said = QCoreApplication.translate("MainWindow", "Sent %n page(s) to the printer.", "", pages)
    assert window.statusBar().currentMessage() == said and f"Sent {pages} " in said


@pytest.mark.parametrize("entry", [1, 2, 3])
def test_every_report_of_the_menu_prints(
    window: MainWindow, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, entry: int
) -> None:
    """Action plan, blank form and the selected person's copy print too."""
    round_id, _data = _demo_scorecard(window)
    window.open_round(round_id)
    target = tmp_path / f"entry{entry}.pdf"
    _patch_dialog(monkeypatch, target, "print")
    _print_from_menu(window, qtbot, entry)
    qtbot.waitUntil(target.exists, timeout=5000)
    assert len(PdfReader(target).pages) >= 1


def test_a_cancelled_dialog_prints_nothing(
    window: MainWindow, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    round_id, _data = _demo_scorecard(window)
    window.open_round(round_id)
    target = tmp_path / "cancelled.pdf"
    _patch_dialog(monkeypatch, target, "cancel")
    _print_from_menu(window, qtbot, 0)
    qtbot.waitUntil(lambda: bool(FakePrintDialog.seen), timeout=5000)
    qtbot.wait(200)
    assert not target.exists()
    assert window.statusBar().currentMessage() == "Printing cancelled."


def test_a_printer_error_is_one_message(
    window: MainWindow, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, told: Told
) -> None:
    """A printer that cannot start (here: its output folder does not exist) gives one clear
    message and no traceback; nothing is written."""
    round_id, _data = _demo_scorecard(window)
    window.open_round(round_id)
    target = tmp_path / "no-such-folder" / "printed.pdf"
    _patch_dialog(monkeypatch, target, "print")
    _print_from_menu(window, qtbot, 0)
    qtbot.waitUntil(lambda: bool(told.messages), timeout=5000)
    assert told.messages[0][0] == "Nothing printed"
    assert "printer could not be started" in told.take()[0]
    assert not target.exists()


def test_printing_needs_an_open_round(window: MainWindow, told: Told) -> None:
    menu = window.print_menu
    assert menu is not None
    task = window.print_task
    menu.actions()[0].trigger()
    assert told.take() == ["Open a round first."]
    assert window.print_task is task  # nothing was built
