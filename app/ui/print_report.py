"""File › Print: a report on paper through the system's print dialog.

Qt cannot print a PDF as it is; it prints what a QPainter draws. So the report is built exactly as
*Save … as PDF* builds it (`app.reports.outputs.build`, in a worker with its own connection), kept
in memory (a report holds names and answers: no temporary file is left behind, not even a private
one), then each page is rendered by PDFium (`pypdfium2`) to a bitmap and drawn on a `QPrinter`,
scaled to the paper and keeping the page's proportions. QtPdf would do the same, but the pip wheels
of PySide6 6.12 no longer ship it (neither PySide6-Addons nor PySide6-WebEngine has it).

Printing with a QPainter must happen on the GUI thread; only the build runs in the worker. Pages
render at the printer's resolution, at most `PRINT_DPI_CAP` (a Letter page at 1200 dpi would be a
540 MB bitmap; 300 dpi is print quality for text and charts, ~55 ms a page here). The page range
and copies come from the dialog. A cancelled dialog prints nothing; a missing printer or a
printer error is one clear message.

Its texts keep the "MainWindow" translation context (docs/main-window.md).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QRectF

from app.ui.window_part import WindowPart
from app.ui.worker import Task, run_with_database

if TYPE_CHECKING:
    from PySide6.QtPrintSupport import QPrintDialog, QPrinter
    from PySide6.QtWidgets import QMenu, QWidget

PRINT_DPI_CAP = 300
_PDF_POINTS_PER_INCH = 72.0


class PrintFailed(Exception):
    """The printer refused a step; the message says which, in words for the user."""


def page_count(data: bytes) -> int:
    """The number of pages of a PDF held in memory."""
    import pypdfium2

    document = pypdfium2.PdfDocument(data)
    try:
        return len(document)
    finally:
        document.close()


def chosen_pages(printer: QPrinter, total: int) -> list[int]:
    """The 0-based pages the print dialog asked for: all, or the range(s) typed in it."""
    from PySide6.QtPrintSupport import QPrinter

    ranges = printer.pageRanges()
    if printer.printRange() != QPrinter.PrintRange.PageRange or ranges.isEmpty():
        return list(range(total))
    return [index for index in range(total) if ranges.contains(index + 1)]


def print_document(printer: QPrinter, data: bytes) -> int:
    """Draw the PDF `data` on `printer` (GUI thread), one printed page per chosen page and copy;
    returns the number of sheets sent. Raises PrintFailed when the printer refuses."""
    import pypdfium2
    import pypdfium2.raw as pdfium_c
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtPrintSupport import QPrinter

    document = pypdfium2.PdfDocument(data)
    try:
        pages = chosen_pages(printer, len(document))
        if not pages:
            raise PrintFailed(
                QCoreApplication.translate(
                    "MainWindow", "The page range holds no page of this report."
                )
            )
        # a printer that makes copies itself gets one; otherwise each copy is sent, collated
        copies = 1 if printer.supportsMultipleCopies() else max(1, printer.copyCount())
        dpi = min(printer.resolution(), PRINT_DPI_CAP)
        paper = printer.paperRect(QPrinter.Unit.DevicePixel)
        painter = QPainter()
        if not painter.begin(printer):
            raise PrintFailed(
                QCoreApplication.translate(
                    "MainWindow",
                    "The printer could not be started. Check that it is on and set up.",
                )
            )
        sent = 0
        try:
            for _copy in range(copies):
                for index in pages:
                    if sent and not printer.newPage():
                        raise PrintFailed(
                            QCoreApplication.translate(
                                "MainWindow", "The printer stopped taking pages."
                            )
                        )
                    page = document[index]
                    width_pt, height_pt = page.get_size()
                    bitmap = page.render(
                        scale=dpi / _PDF_POINTS_PER_INCH,
                        force_bitmap_format=pdfium_c.FPDFBitmap_BGRx,
                    )
                    image = QImage(
                        bytes(bitmap.buffer),
                        bitmap.width,
                        bitmap.height,
                        bitmap.stride,
                        QImage.Format.Format_RGB32,
                    )
                    # the page's own proportions, as large as the paper allows, centred
                    scale = min(paper.width() / width_pt, paper.height() / height_pt)
                    w, h = width_pt * scale, height_pt * scale
                    target = QRectF(
                        paper.x() + (paper.width() - w) / 2,
                        paper.y() + (paper.height() - h) / 2,
                        w,
                        h,
                    )
                    painter.drawImage(target, image)
                    bitmap.close()
                    page.close()
                    sent += 1
        finally:
            painter.end()
        if printer.printerState() == QPrinter.PrinterState.Error:
            raise PrintFailed(
                QCoreApplication.translate(
                    "MainWindow", "The printer reported an error. Check it and try again."
                )
            )
        return sent
    finally:
        document.close()


def make_print_dialog(printer: QPrinter, parent: QWidget) -> QPrintDialog:
    """The system's print dialog (a function of its own, so tests can stand in for it)."""
    from PySide6.QtPrintSupport import QAbstractPrintDialog, QPrintDialog

    dialog = QPrintDialog(printer, parent)
    option = QAbstractPrintDialog.PrintDialogOption
    dialog.setOption(option.PrintSelection, False)
    dialog.setOption(option.PrintCurrentPage, False)
    dialog.setOption(option.PrintPageRange, True)
    dialog.setOption(option.PrintCollateCopies, True)
    return dialog


class PrintActions(WindowPart):
    """Mixed into MainWindow: the File › Print submenu and its four reports."""

    print_dialog: QPrintDialog | None = None
    print_task: Task | None = None
    print_menu: QMenu | None = None

    def add_print_menu(self, file_menu: QMenu) -> None:
        # No Alt letter: every letter of "Print" (and of "Imprimir") is taken in the File menu in
        # English or Spanish; the arrow keys reach it in the open menu, and its entries have theirs.
        menu = file_menu.addMenu(QCoreApplication.translate("MainWindow", "Print"))
        entries: list[tuple[str, Callable[[], object]]] = [
            (QCoreApplication.translate("MainWindow", "The &scorecard…"), self._print_scorecard),
            (
                QCoreApplication.translate("MainWindow", "The &action plan…"),
                self._print_action_plan,
            ),
            (
                QCoreApplication.translate("MainWindow", "A &blank paper form…"),
                self._print_blank_form,
            ),
            (
                QCoreApplication.translate("MainWindow", "The selected person's &copy…"),
                self._print_respondent_copy,
            ),
        ]
        for text, slot in entries:
            menu.addAction(text).triggered.connect(lambda _=False, s=slot: s())
        self.print_menu = menu

    def _round_or_say(self) -> int | None:
        if self.current_round is None:
            self.inform(
                self,
                QCoreApplication.translate("MainWindow", "Print"),
                QCoreApplication.translate("MainWindow", "Open a round first."),
            )
        return self.current_round

    def _print_scorecard(self) -> None:
        round_id = self._round_or_say()
        if round_id is not None and self.privacy.results_door(round_id):
            self.print_report(
                "scorecard", round_id, comments=self.act_scorecard_comments.isChecked()
            )

    def _print_action_plan(self) -> None:
        round_id = self._round_or_say()
        if round_id is not None:
            self.print_report("action-plan", round_id)

    def _print_blank_form(self) -> None:
        from app.services import round_people
        from app.services.demo import DEMO_INSTRUMENT

        instrument_id = DEMO_INSTRUMENT
        if self.current_round is not None:
            instrument_id = round_people.get(self.conn, self.current_round).instrument_id
        self.print_report("blank", None, instrument_id=instrument_id)

    def _print_respondent_copy(self) -> None:
        from app.services import round_people

        person = self.round_page.current_person() if self.current_round is not None else None
        if person is None:
            self.inform(
                self,
                QCoreApplication.translate("MainWindow", "Print"),
                QCoreApplication.translate(
                    "MainWindow", "Open a round and select a team member first."
                ),
            )
            return
        if self.privacy.person_door(person):
            round_id = round_people.get_respondent(self.conn, person).round_id
            self.print_report("respondent", round_id, respondent=person)

    def print_report(
        self,
        kind: str,
        round_id: int | None,
        *,
        instrument_id: str | None = None,
        respondent: int | None = None,
        comments: bool = False,
    ) -> Task:
        """Build the report in a worker, then show the print dialog (GUI thread). Returns the
        task (tests wait on its signals)."""
        lang, paper, catalog = self.lang, self.settings.paper, self.catalog
        instrument = catalog.get(instrument_id or "") if kind == "blank" else None

        def work(conn: sqlite3.Connection) -> tuple[bytes, int]:
            from app.reports import outputs

            data = outputs.build(
                kind,
                conn=conn,
                round_id=round_id,
                respondent_id=respondent,
                instrument=instrument,
                lang=lang,
                paper=paper,
                comments=comments,
            )
            return data, page_count(data)

        self.statusBar().showMessage(
            QCoreApplication.translate("MainWindow", "Preparing the pages…")
        )
        task = run_with_database(
            self.db_path,
            work,
            lambda built: self._ask_printer(kind, paper, *built),
            lambda message: self.inform(
                self, QCoreApplication.translate("MainWindow", "Nothing printed"), message
            ),
        )
        self.print_task = task
        return task

    def _ask_printer(self, kind: str, paper: str, data: bytes, pages: int) -> None:
        from PySide6.QtGui import QPageSize
        from PySide6.QtPrintSupport import QPrinter

        self.statusBar().clearMessage()
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        if not printer.isValid():
            self.inform(
                self,
                QCoreApplication.translate("MainWindow", "Nothing printed"),
                QCoreApplication.translate(
                    "MainWindow",
                    "No printer is set up on this computer. Set one up in the system's settings, "
                    "or use File › Print / Save PDF… and print the file from another computer.",
                ),
            )
            return
        size = QPageSize.PageSizeId.A4 if paper == "a4" else QPageSize.PageSizeId.Letter
        printer.setPageSize(QPageSize(size))
        printer.setFullPage(True)  # the report's pages carry their own margins
        printer.setDocName(kind)
        dialog = make_print_dialog(printer, self)
        dialog.setMinMax(1, pages)
        dialog.setFromTo(1, pages)
        dialog.accepted.connect(lambda: self._print_now(printer, data))
        dialog.rejected.connect(
            lambda: self.statusBar().showMessage(
                QCoreApplication.translate("MainWindow", "Printing cancelled."), 5000
            )
        )
        self.print_dialog = dialog
        from PySide6.QtWidgets import QDialog

        QDialog.open(dialog)  # QPrintDialog.open() wants a slot; the base's open() is window-modal

    def _print_now(self, printer: QPrinter, data: bytes) -> None:
        from PySide6.QtGui import QGuiApplication

        QGuiApplication.setOverrideCursor(_busy_cursor())
        try:
            sent = print_document(printer, data)
        except PrintFailed as exc:
            self.inform(self, QCoreApplication.translate("MainWindow", "Nothing printed"), str(exc))
            return
        except Exception as exc:  # PDFium or the print engine: one line, no traceback
            self.inform(
                self,
                QCoreApplication.translate("MainWindow", "Nothing printed"),
                f"{type(exc).__name__}: {exc}",
            )
            return
        finally:
            QGuiApplication.restoreOverrideCursor()
        self.statusBar().showMessage(
            QCoreApplication.translate("MainWindow", "Sent %n page(s) to the printer.", "", sent),
            10000,
        )


def _busy_cursor() -> Any:
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QCursor

    return QCursor(Qt.CursorShape.WaitCursor)
