"""Draws the app icon and writes resources/icons/smsoat.{png,ico,icns} (committed; rerun after a
change): a dark-blue rounded square holding a scorecard, three bars rising with a tick.

    .venv/bin/python build/make_icons.py
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QGuiApplication, QImage, QPainter, QPainterPath, QPen

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "resources" / "icons"
NAVY = QColor("#1e3a8a")
WHITE = QColor("#ffffff")
AMBER = QColor("#f59e0b")


def draw(size: int) -> QImage:
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    p = QPainter(image)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    s = size / 256
    frame = QPainterPath()
    frame.addRoundedRect(QRectF(8 * s, 8 * s, 240 * s, 240 * s), 48 * s, 48 * s)
    p.fillPath(frame, NAVY)
    for i, height in enumerate((70, 110, 150)):  # three bars rising
        x = (52 + i * 56) * s
        p.fillRect(QRectF(x, (204 - height) * s, 40 * s, height * s), WHITE)
    pen = QPen(AMBER, 22 * s, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap)
    pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    p.setPen(pen)
    p.drawPolyline([QPointF(60 * s, 70 * s), QPointF(92 * s, 100 * s), QPointF(150 * s, 42 * s)])
    p.end()
    return image


def main() -> int:
    QGuiApplication(sys.argv)
    OUT.mkdir(parents=True, exist_ok=True)
    big = draw(256)
    for name in ("smsoat.png", "smsoat.ico", "smsoat.icns"):
        if not big.save(str(OUT / name)):
            print(f"could not write {name}", file=sys.stderr)
            return 2
        print(OUT / name)
    return 0


if __name__ == "__main__":
    sys.exit(main())
