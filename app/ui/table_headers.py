"""Tables without row numbers on the screen say no row numbers to a screen reader either.

Hiding a QTableView's vertical header hides it from the eye only: Qt's accessibility bridge still
gives every cell the row header "1", "2"… (the model's default header text), which a screen
reader speaks as the row header on every move between rows (issue 25). The tables that hide
their row numbers call hide_row_numbers() instead: the header stays hidden, and each row's
header is named by what identifies the row on the screen (its first column: the person, the
item, the domain), which is what a screen reader should say when the row changes.
"""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QTableWidget, QTableWidgetItem


def hide_row_numbers(table: QTableWidget, column: int = 0) -> None:
    """Hide the row numbers and name each row's header by its cell in `column`, kept up to date
    as the table is filled (once per fill, after the event loop turns: not once per cell)."""
    table.verticalHeader().hide()
    timer = QTimer(table)
    timer.setSingleShot(True)
    timer.setInterval(0)

    def refresh() -> None:
        for row in range(table.rowCount()):
            cell = table.item(row, column)
            text = cell.text() if cell is not None else ""
            header = table.verticalHeaderItem(row)
            if header is None:
                table.setVerticalHeaderItem(row, QTableWidgetItem(text))
            elif header.text() != text:
                header.setText(text)

    timer.timeout.connect(refresh)
    model = table.model()
    for signal in (model.rowsInserted, model.modelReset, model.layoutChanged, model.dataChanged):
        signal.connect(timer.start)
    refresh()
