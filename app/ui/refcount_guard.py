"""Keeps `None`, `True` and `False` from being "deallocated" by PySide6's reference leak.

PySide6-Essentials 6.12 on Python 3.11 drops one reference to `None` on many calls that return
nothing (`QTableWidgetItem.setData`, `QTableWidget.setItem`, `clear`, `setRowCount`…; measured in
tests/gui/test_refcount_guard.py) and, more rarely, to `True`/`False`. `None` starts with about
4,500 references, so a few thousand such calls take it to zero and the interpreter stops with
"Fatal Python error: none_dealloc". The coordinator view filling its tables for 1,000 agencies
(some 30,000 cells) died that way at once, and the `bool_dealloc`/`none_dealloc` crashes on exit
after PDF and export work (issue 16) have the same cause.

These objects are static in CPython: their count only ever matters when it reaches zero. Adding
2**40 references once makes that unreachable (Python 3.12 made them immortal the same way). The
guard needs `ctypes` (2.5 ms to import), so the GUI installs it shortly after the window is up
and before anything fills a table; `install()` is idempotent and costs nothing on 3.12+.
"""

from __future__ import annotations

import sys

RESERVE = 1 << 40
_installed = False


def install() -> None:
    global _installed
    if _installed or sys.version_info >= (3, 12):  # immortal there (PEP 683)
        return
    import ctypes

    for obj in (None, True, False):
        # ob_refcnt is the first field of every object; the GIL is held, so nothing races it.
        ctypes.c_ssize_t.from_address(id(obj)).value += RESERVE
    _installed = True
