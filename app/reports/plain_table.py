"""ReportLab's Table with fast paths for cells that are plain strings.

The roll-up of 1,000 agencies lays out and draws ~2,000 tables of short strings (~73,000 cells);
platypus measured each row cell by cell and drew each cell through its general `_drawCell`
(flowables, alignments, links). For a row of plain strings the height is the tallest cell's
lines × leading + padding, and a left-aligned, top-aligned string cell is its lines drawn from
the top: both done here with the same arithmetic as ReportLab, so the page is identical, byte
for byte. Anything else (Paragraph cells, spans, other alignments, links, bidi) goes through
ReportLab's own code. Splitting (ReportLab makes the parts with `self.__class__`) keeps the class.
"""

from __future__ import annotations

import copy
import threading
from collections.abc import Sequence
from typing import Any

from reportlab.platypus import Table, TableStyle

from app.reports.text_ops import draw_string

# A roll-up of 1,000 agencies builds ~2,000 tables of a few shapes with the same style commands.
# ReportLab makes a CellStyle per cell and applies every command to each (~400,000 calls), the
# same result each time: the styled cells of a shape are kept here and handed to later tables
# of that shape (`cellStyles=`), which only read them. A split part re-applies the same
# commands to them, which leaves them as they are.
_PREPARED: dict[tuple[Any, ...], tuple[list[list[Any]], dict[str, Any]]] = {}
_PREPARED_MAX = 256
_LOCK = threading.Lock()
_STYLE_STATE = ("_bkgrndcmds", "_linecmds", "_spanCmds", "_nosplitCmds", "_srflcmds", "_sircmds")


class PlainTable(Table):  # type: ignore[misc]
    """A Table; rows of plain strings are measured and drawn without the general machinery.

    Shared cell styles (`styled_table`) are copied before `setStyle` changes them. A split
    part re-applies its table's own commands to its share of the cells (ReportLab's
    `_addCommand`), which sets each cell to what it already is: no copy there."""

    _shared_styles = False

    def setStyle(self, tblstyle: Any) -> None:
        if self._shared_styles:
            shared: list[list[Any]] = self.__dict__["_cellStyles"]
            self._cellStyles = [[copy.copy(style) for style in row] for row in shared]
            self._shared_styles = False
        super().setStyle(tblstyle)

    def _calc_height(
        self, availHeight: float, availWidth: float, H: Any = None, W: Any = None
    ) -> Any:
        given: list[float | None] = self.__dict__["_argH"]
        if None not in given or self._spanCmds:
            return super()._calc_height(availHeight, availWidth, H, W)
        heights = list(given)
        minimum = self._minRowHeights
        for i, (values, styles) in enumerate(zip(self._cellvalues, self._cellStyles, strict=True)):
            if heights[i] is not None:
                continue
            h = 0.0
            for value, style in zip(values, styles, strict=False):
                if value is not None and type(value) is not str:
                    return super()._calc_height(availHeight, availWidth, H, W)
                # ReportLab's own sum, in its order, so the heights are equal to the last bit
                t = (style.leading or 1.2 * style.fontsize) * len((value or "").split("\n"))
                t += style.bottomPadding + style.topPadding
                if t > h:
                    h = t
            heights[i] = max(minimum[i], h) if minimum else h
        self._argH = heights
        try:
            result = super()._calc_height(availHeight, availWidth, H, W)
        finally:
            self._argH = given
        self._rowHeights = heights  # what ReportLab keeps when it measured the rows itself
        return result

    def _drawCell(self, cellval: Any, cellstyle: Any, pos: Any, size: Any) -> None:
        if (
            type(cellval) is not str
            or cellstyle.alignment != "LEFT"
            or cellstyle.valign != "TOP"
            or cellstyle.direction
            or cellstyle.shaping
            or cellstyle.href
            or cellstyle.destination
        ):
            super()._drawCell(cellval, cellstyle, pos, size)
            return
        canvas = self.canv
        current: Any = self.__dict__["_curcellstyle"]
        if current is not cellstyle:  # as ReportLab: colour and font when they change
            if current is None or cellstyle.color != current.color:
                canvas.setFillColor(cellstyle.color)
            if (
                current is None
                or cellstyle.leading != current.leading
                or cellstyle.fontname != current.fontname
                or cellstyle.fontsize != current.fontsize
            ):
                canvas.setFont(cellstyle.fontname, cellstyle.fontsize, cellstyle.leading)
            self._curcellstyle = cellstyle
        x = pos[0] + cellstyle.leftPadding
        y = pos[1] + size[1] - cellstyle.topPadding - cellstyle.fontsize
        leading = cellstyle.leading
        for line in cellval.split("\n"):
            if not draw_string(canvas, x, y, line):
                canvas.drawString(x, y, line)
            y -= leading


def styled_table(
    rows: list[list[Any]],
    widths: Sequence[float],
    commands: Sequence[tuple[Any, ...]],
    *,
    row_heights: Sequence[float | None] | None = None,
    repeat_rows: int = 0,
) -> PlainTable:
    """`PlainTable(rows, …)` with `setStyle(TableStyle(commands))`, the styled cells of a table
    of this shape and these commands made once and shared (see `_PREPARED`)."""
    key = (len(rows), max(map(len, rows), default=0), repr(list(commands)))
    heights = list(row_heights) if row_heights is not None else None
    with _LOCK:
        prepared = _PREPARED.get(key)
    if prepared is None:  # nothing kept yet for this shape (or no rows: never kept)
        table = PlainTable(rows, colWidths=list(widths), rowHeights=heights, repeatRows=repeat_rows)
        table.setStyle(TableStyle(list(commands)))
        if rows and set(vars(table)) >= set(_STYLE_STATE):
            state = {name: list(getattr(table, name)) for name in _STYLE_STATE}
            with _LOCK:
                kept = len(_PREPARED) < _PREPARED_MAX
                if kept:
                    _PREPARED[key] = (table._cellStyles, state)
            table._shared_styles = kept  # its styles are the prepared ones now
        return table
    cells, state = prepared
    table = PlainTable(
        rows, colWidths=list(widths), rowHeights=heights, repeatRows=repeat_rows, cellStyles=cells
    )
    table._shared_styles = True
    for name, value in state.items():
        setattr(table, name, list(value))
    return table


__all__ = ["PlainTable", "styled_table"]
