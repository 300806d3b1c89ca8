"""Big read-only tables that format only the rows someone looks at (issue 20).

The coordinator's roll-up at country scale has 10,000 agencies: four QTableWidgets of about
30 cells an agency meant 300,000 QTableWidgetItems built and formatted on the GUI thread before
the page could show (51 s at 100,000 rounds). `RowsModel` keeps each table's source objects and a
function that turns one into its cells; a row is formatted the first time the view (or a screen
reader, or a sort) asks for it, then kept. A view of 30 visible rows formats 30 rows (plus the
50 that fit the columns' widths).

What the QTableWidgets gave stays: the cell's text as its tooltip, the raw value in UserRole (tests
and sorting compare numbers, not formatted text), a font per row, tooltips on column headers, and
row headers named by the first column for a screen reader while the row numbers stay hidden
(app/ui/table_headers.py says why). Clicking a column header sorts by it (raw values where a cell
has one, else its text); `sort(-1)` restores the source order.

`LazyTable` is the QTableView for it; `rowCount()` and `item(row, column)` read a cell like a
QTableWidget's, for the main window's shortcuts and the tests.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QFont, QShowEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

ROLE = Qt.ItemDataRole.UserRole
DISPLAY = Qt.ItemDataRole.DisplayRole
TOOLTIP = Qt.ItemDataRole.ToolTipRole
FONT = Qt.ItemDataRole.FontRole
ROLES = frozenset((DISPLAY, TOOLTIP, ROLE, FONT))
FIT_ROWS = 50  # the columns fit the first rows: about two screens' worth
# A fitted column stops at about this many characters: a 200-character agency name sized its
# column to ~1,700 px and pushed every score out of sight; the cell elides, its tooltip holds all.
MAX_COLUMN_CHARS = 40

Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class Row:
    """One row's cells: the texts, the raw values (None where there is none), its font, and
    tooltips where one differs from the cell's text (a file's whole path, a refusal's reason)."""

    cells: Sequence[str]
    data: Sequence[object] = ()
    font: QFont | None = None
    tips: Sequence[str] = ()


Formatter = Callable[[Any], Row]


class RowsModel(QAbstractTableModel):
    """A read-only table over `sources`, each turned into a `Row` by `format_row` on first use."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.headers: list[str] = []
        self.header_tips: dict[int, str] = {}
        self.sources: Sequence[Any] = ()
        self.format_row: Formatter = lambda _source: Row(())
        self.order: list[int] = []  # view row → source row (sorting)
        self.cache: dict[int, Row] = {}

    def set_rows(self, headers: list[str], sources: Sequence[Any], format_row: Formatter) -> None:
        """Replace the whole table; nothing is formatted yet."""
        self.beginResetModel()
        self.headers = list(headers)
        self.header_tips = {}
        self.sources = sources
        self.format_row = format_row
        self.order = list(range(len(sources)))
        self.cache = {}
        self.endResetModel()

    def set_header_tips(self, tips: dict[int, str]) -> None:
        self.header_tips = dict(tips)
        if self.headers:
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self.headers) - 1)

    def row(self, row: int) -> Row:
        """The formatted row shown at `row` (formatted now if it never was)."""
        source = self.order[row]
        cached = self.cache.get(source)
        if cached is None:
            cached = self.format_row(self.sources[source])
            self.cache[source] = cached
        return cached

    # ------------------------------------------------------------ QAbstractTableModel
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 (Qt's default)
        return 0 if parent.isValid() else len(self.order)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 (Qt's default)
        return 0 if parent.isValid() else len(self.headers)

    def data(self, index: Index, role: int = DISPLAY) -> Any:
        # the view asks for a dozen roles a cell (decoration, size hint, colours…): answer the
        # four it has before formatting anything
        if role not in ROLES or not index.isValid():
            return None
        row = self.row(index.row())
        column = index.column()
        if role == TOOLTIP and column < len(row.tips):
            return row.tips[column]
        if role in (DISPLAY, TOOLTIP):
            return row.cells[column] if column < len(row.cells) else ""
        if role == ROLE:
            return row.data[column] if column < len(row.data) else None
        if role == FONT:
            return row.font
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = DISPLAY) -> Any:
        if orientation == Qt.Orientation.Horizontal:
            if role == DISPLAY and section < len(self.headers):
                return self.headers[section]
            if role == TOOLTIP:
                return self.header_tips.get(section)
            return None
        if role == DISPLAY and section < len(self.order):  # the row's name for a screen reader
            cells = self.row(section).cells
            return cells[0] if cells else ""
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """By the raw values where a cell has one (numbers sort as numbers), else by the text;
        empty cells last. `column` -1 restores the order the rows were given in."""
        self.layoutAboutToBeChanged.emit()
        if column < 0 or column >= len(self.headers):
            self.order = list(range(len(self.sources)))
        else:
            descending = order == Qt.SortOrder.DescendingOrder

            def key(source: int) -> tuple[int, int, Any]:
                row = self.cache.get(source) or self.format_row(self.sources[source])
                self.cache[source] = row
                raw = row.data[column] if column < len(row.data) else None
                if isinstance(raw, (int, float)) and not isinstance(raw, bool):
                    return (0, 0, raw)
                text = row.cells[column] if column < len(row.cells) else ""
                return (0 if text else 1, 1, text.casefold())

            self.order = sorted(range(len(self.sources)), key=key, reverse=descending)
        self.layoutChanged.emit()


class Cell:
    """A cell read like a QTableWidgetItem: `text()` and `data(role)`."""

    def __init__(self, model: RowsModel, row: int, column: int) -> None:
        self.index = model.index(row, column)

    def text(self) -> str:
        return str(self.index.data(DISPLAY) or "")

    def toolTip(self) -> str:
        return str(self.index.data(TOOLTIP) or "")

    def data(self, role: int) -> Any:
        return self.index.data(role)

    def font(self) -> QFont:
        font = self.index.data(FONT)
        return font if isinstance(font, QFont) else QFont()


class LazyTable(QTableView):
    """A read-only, row-selecting table over its own `RowsModel`; Tab leaves it, arrows move."""

    def __init__(self, accessible: str) -> None:
        super().__init__()
        self.rows = RowsModel(self)
        self.setModel(self.rows)
        self.setTabKeyNavigation(False)
        self.setAccessibleName(accessible)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.verticalHeader().hide()  # the model names each row by its first column instead
        header = self.horizontalHeader()
        header.setStretchLastSection(True)
        header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)  # the order given, until asked
        self.setSortingEnabled(True)
        self.fit_pending = False

    def show_rows(self, headers: list[str], sources: Sequence[Any], format_row: Formatter) -> None:
        """Show `sources`, columns fitted once to the first FIT_ROWS rows (not every row's text:
        at 200 rows fitting cost a quarter of a second, the GUI thread's longest stall)."""
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.rows.set_rows(headers, sources, format_row)
        self.fit_pending = bool(sources)
        if self.isVisible():  # a table on a hidden tab fits when it is first shown
            self._fit()

    def _fit(self) -> None:
        if self.fit_pending:
            self.fit_pending = False
            self.horizontalHeader().setResizeContentsPrecision(FIT_ROWS)
            self.resizeColumnsToContents()
            cap = self.fontMetrics().averageCharWidth() * MAX_COLUMN_CHARS
            for column in range(self.rows.columnCount()):
                if self.columnWidth(column) > cap:
                    self.setColumnWidth(column, cap)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._fit()

    def fitted(self) -> bool:
        """Whether the columns fit the rows shown (False until a hidden table is shown)."""
        return not self.fit_pending

    # ------------------------------------------------------------ read like a QTableWidget
    def rowCount(self) -> int:
        return self.rows.rowCount()

    def columnCount(self) -> int:
        return self.rows.columnCount()

    def item(self, row: int, column: int) -> Cell:
        return Cell(self.rows, row, column)
