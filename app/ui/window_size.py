"""The window's size on the first start, before any saved geometry exists."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

FIRST_SIZE = (1200, 760)  # the first start's window, where the screen has room for it
FRAME_ALLOWANCE = (16, 64)  # a window manager's borders and title bar around the window


def fit_first_start(window: QWidget) -> None:
    """1200×760 where it fits; on a smaller screen (1366×768 laptops) the available area less
    the window manager's frame, so the status bar is not cut off, centred on the screen."""
    screen = window.screen()
    if screen is None:
        window.resize(FIRST_SIZE[0], FIRST_SIZE[1])
        return
    area = screen.availableGeometry()
    width = min(FIRST_SIZE[0], area.width() - FRAME_ALLOWANCE[0])
    height = min(FIRST_SIZE[1], area.height() - FRAME_ALLOWANCE[1])
    window.resize(width, height)
    window.move(
        area.x() + max(0, (area.width() - width) // 2),
        area.y() + max(0, (area.height() - height - FRAME_ALLOWANCE[1]) // 2),
    )
