"""The state's distribution per domain, drawn with QPainter as box plots.

For each domain: a thin whisker from the lowest to the highest agency, a box from the first to the
third quartile, and a thick line at the state median, with the median printed above. Shapes and a
legend, not colour alone, tell the parts apart; the accessible description reads every number.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QBrush, QColor, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from app.ui.texts import counted, fmt_score, fmt_value

INK = QColor("#111827")
GRID = QColor("#c7ccd6")
BOX = QColor("#bfd0f2")


@dataclass(frozen=True)
class BoxRow:
    """One domain across agencies; any value may be missing (no agency has a score)."""

    label: str
    n: int
    median: float | None
    q1: float | None
    q3: float | None
    low: float | None
    high: float | None


class StateChart(QWidget):
    def __init__(self) -> None:
        super().__init__()
        self.rows: list[BoxRow] = []
        self.lo = 0.0
        self.hi = 4.0
        self.percent = False
        self.setMinimumHeight(200)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def set_data(self, rows: list[BoxRow], lo: float, hi: float, percent: bool) -> None:
        self.rows, self.lo, self.hi, self.percent = rows, lo, hi, percent
        parts = []
        for row in rows:
            if row.median is None:
                parts.append(self.tr("{0}: no scores").format(row.label))
                continue
            parts.append(
                self.tr("{0}: median {1}, quartiles {2}–{3}, range {4}–{5}, {6}").format(
                    row.label,
                    self._fmt(row.median),
                    self._fmt(row.q1),
                    self._fmt(row.q3),
                    self._fmt(row.low),
                    self._fmt(row.high),
                    counted("agency", row.n),
                )
            )
        self.setAccessibleDescription("; ".join(parts))
        self.update()

    def _fmt(self, value: float | None) -> str:
        return fmt_score(value, self.percent)

    def sizeHint(self) -> QSize:
        return QSize(600, 280)

    def _y(self, value: float, top: float, height: float) -> float:
        span = (self.hi - self.lo) or 1.0
        return top + height - (value - self.lo) / span * height

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        try:
            self._paint(painter)
        finally:
            painter.end()

    def _paint(self, painter: QPainter) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        metrics = painter.fontMetrics()
        line = metrics.height()
        left, top = metrics.horizontalAdvance("100%") + 12, line * 2 + 6
        width = self.width() - left - 10
        height = self.height() - top - line * 2 - 6
        if width <= 0 or height <= 0 or not self.rows:
            return
        # axis: whole-number ticks on a mean scale, every 20 on a percent scale
        step = 20.0 if self.percent or self.hi - self.lo > 10 else 1.0
        tick = self.lo
        while tick <= self.hi + 1e-9:
            y = self._y(tick, top, height)
            painter.setPen(QPen(GRID, 1))
            painter.drawLine(QPointF(left, y), QPointF(left + width, y))
            painter.setPen(QPen(INK, 1))
            text = f"{fmt_value(tick)} %" if self.percent else fmt_value(tick)
            painter.drawText(
                QRectF(0, y - line / 2, left - 6, line), Qt.AlignmentFlag.AlignRight, text
            )
            tick += step
        self._legend(painter, left, line)
        slot = width / len(self.rows)
        box_w = max(8.0, min(slot * 0.45, 60.0))
        base = self._y(self.lo, top, height)
        for i, row in enumerate(self.rows):
            cx = left + i * slot + slot / 2
            self._box(painter, row, cx, box_w, top, height, line)
            painter.setPen(QPen(INK, 1))
            painter.drawText(
                QRectF(left + i * slot, base + 4, slot, line),
                Qt.AlignmentFlag.AlignCenter,
                metrics.elidedText(row.label, Qt.TextElideMode.ElideRight, int(slot)),
            )

    def _legend(self, painter: QPainter, left: float, line: float) -> None:
        metrics = painter.fontMetrics()
        x = left
        y = line * 0.6
        entries = [
            ("whisker", self.tr("Lowest to highest agency")),
            ("box", self.tr("Middle half (quartiles)")),
            ("median", self.tr("State median")),
        ]
        for kind, text in entries:
            needed = line + 4 + metrics.horizontalAdvance(text)
            if x > left and x + needed > self.width() - 6:  # no room: on to a second line
                x, y = left, y + line
            if kind == "whisker":
                painter.setPen(QPen(INK, 1))
                painter.drawLine(QPointF(x, y), QPointF(x + line, y))
                painter.drawLine(QPointF(x, y - 4), QPointF(x, y + 4))
                painter.drawLine(QPointF(x + line, y - 4), QPointF(x + line, y + 4))
            elif kind == "box":
                painter.setPen(QPen(INK, 1))
                painter.setBrush(QBrush(BOX))
                painter.drawRect(QRectF(x, y - line * 0.35, line, line * 0.7))
            else:
                painter.setPen(QPen(INK, 3))
                painter.drawLine(QPointF(x, y), QPointF(x + line, y))
            painter.setPen(QPen(INK, 1))
            painter.drawText(QRectF(x + line + 4, y - line / 2, 400, line), text)
            x += line + 16 + metrics.horizontalAdvance(text)

    def _box(
        self,
        painter: QPainter,
        row: BoxRow,
        cx: float,
        box_w: float,
        top: float,
        height: float,
        line: float,
    ) -> None:
        if row.median is None:
            return
        painter.setPen(QPen(INK, 1))
        if row.low is not None and row.high is not None:
            y1, y2 = self._y(row.low, top, height), self._y(row.high, top, height)
            painter.drawLine(QPointF(cx, y1), QPointF(cx, y2))
            cap = box_w * 0.3
            painter.drawLine(QPointF(cx - cap, y1), QPointF(cx + cap, y1))
            painter.drawLine(QPointF(cx - cap, y2), QPointF(cx + cap, y2))
        if row.q1 is not None and row.q3 is not None:
            yq1, yq3 = self._y(row.q1, top, height), self._y(row.q3, top, height)
            painter.setBrush(QBrush(BOX))
            painter.drawRect(QRectF(cx - box_w / 2, yq3, box_w, max(yq1 - yq3, 1.0)))
        ym = self._y(row.median, top, height)
        painter.setPen(QPen(INK, 3))
        painter.drawLine(QPointF(cx - box_w / 2, ym), QPointF(cx + box_w / 2, ym))
        painter.setPen(QPen(INK, 1))
        label_top = self._y(row.high, top, height) if row.high is not None else ym
        painter.drawText(
            QRectF(cx - box_w, label_top - line - 2, box_w * 2, line),
            Qt.AlignmentFlag.AlignCenter,
            self._fmt(row.median),
        )
