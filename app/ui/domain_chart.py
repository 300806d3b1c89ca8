"""Domain scores drawn with QPainter (QtCharts is not in PySide6-Essentials).

Each domain: a solid bar for this round's score, a line from the lowest to the highest team
member, and a hatched bar for the previous round when there is one. Patterns and a legend, not
colour alone, tell them apart; the numbers are printed on the bars.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QBrush, QColor, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from app.ui.texts import fmt_number, fmt_value


@dataclass(frozen=True)
class ChartBar:
    label: str
    value: float | None
    low: float | None = None
    high: float | None = None
    previous: float | None = None


class DomainChart(QWidget):
    def __init__(self) -> None:
        super().__init__()
        self.bars: list[ChartBar] = []
        self.lo = 0.0
        self.hi = 4.0
        self.current_label = ""
        self.previous_label = ""
        self.setMinimumHeight(200)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def set_data(
        self, bars: list[ChartBar], lo: float, hi: float, current: str, previous: str
    ) -> None:
        self.bars, self.lo, self.hi = bars, lo, hi
        self.current_label, self.previous_label = current, previous
        parts = [
            f"{b.label}: {fmt_number(b.value)}"
            + ("" if b.previous is None else f" ({previous} {fmt_number(b.previous)})")
            for b in bars
        ]
        self.setAccessibleDescription("; ".join(parts))
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(600, 260)

    def _y(self, value: float, top: float, height: float) -> float:
        span = (self.hi - self.lo) or 1.0
        return top + height - (value - self.lo) / span * height

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        metrics = painter.fontMetrics()
        line = metrics.height()
        left, top = metrics.horizontalAdvance("100") + 12, line * 2
        width = self.width() - left - 10
        height = self.height() - top - line * 2 - 6
        if width <= 0 or height <= 0 or not self.bars:
            return
        ink = QColor("#111827")
        painter.setPen(QPen(ink, 1))
        # axis with whole-number ticks
        step = 1.0 if self.hi - self.lo <= 10 else 20.0
        tick = self.lo
        while tick <= self.hi + 1e-9:
            y = self._y(tick, top, height)
            painter.setPen(QPen(QColor("#c7ccd6"), 1))
            painter.drawLine(int(left), int(y), int(left + width), int(y))
            painter.setPen(QPen(ink, 1))
            painter.drawText(
                QRectF(0, y - line / 2, left - 6, line),
                Qt.AlignmentFlag.AlignRight,
                fmt_value(tick),
            )
            tick += step
        # legend
        painter.setBrush(QBrush(QColor("#1e3a8a")))
        painter.drawRect(QRectF(left, 4, line, line * 0.8))
        painter.drawText(QRectF(left + line + 4, 2, 300, line), self.current_label)
        if any(b.previous is not None for b in self.bars):
            x = left + line + 12 + metrics.horizontalAdvance(self.current_label)
            painter.setBrush(QBrush(QColor("#4b5563"), Qt.BrushStyle.BDiagPattern))
            painter.drawRect(QRectF(x, 4, line, line * 0.8))
            painter.drawText(QRectF(x + line + 4, 2, 300, line), self.previous_label)
        slot = width / len(self.bars)
        bar_w = max(6.0, slot * 0.32)
        base = self._y(self.lo, top, height)
        for i, bar in enumerate(self.bars):
            x0 = left + i * slot + slot * 0.15
            if bar.value is not None:
                y = self._y(bar.value, top, height)
                painter.setPen(QPen(ink, 1))
                painter.setBrush(QBrush(QColor("#1e3a8a")))
                painter.drawRect(QRectF(x0, y, bar_w, base - y))
                label_y = min(y, self._y(bar.high, top, height) if bar.high is not None else y)
                painter.drawText(
                    QRectF(x0 - 10, label_y - line - 2, bar_w + 20, line),
                    Qt.AlignmentFlag.AlignCenter,
                    fmt_number(bar.value, 1),
                )
            if bar.low is not None and bar.high is not None:
                cx = x0 + bar_w / 2
                painter.setPen(QPen(QColor("#b45309"), 2))
                y1, y2 = self._y(bar.low, top, height), self._y(bar.high, top, height)
                painter.drawLine(int(cx), int(y1), int(cx), int(y2))
                painter.drawLine(int(cx - 5), int(y1), int(cx + 5), int(y1))
                painter.drawLine(int(cx - 5), int(y2), int(cx + 5), int(y2))
            if bar.previous is not None:
                px = x0 + bar_w + 3
                y = self._y(bar.previous, top, height)
                painter.setPen(QPen(ink, 1))
                painter.setBrush(QBrush(QColor("#4b5563"), Qt.BrushStyle.BDiagPattern))
                painter.drawRect(QRectF(px, y, bar_w, base - y))
            painter.setPen(QPen(ink, 1))
            painter.drawText(
                QRectF(left + i * slot, base + 4, slot, line),
                Qt.AlignmentFlag.AlignCenter,
                metrics.elidedText(bar.label, Qt.TextElideMode.ElideRight, int(slot)),
            )
        painter.end()
