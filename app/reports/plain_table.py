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

from typing import Any

from reportlab.platypus import Table

from app.reports.text_ops import draw_string


class PlainTable(Table):  # type: ignore[misc]
    """A Table; rows of plain strings are measured and drawn without the general machinery."""

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


__all__ = ["PlainTable"]
