"""Screen-reader order = screen order for containers that Qt reorders.

A screen reader walks a window's objects in the order of their QObject children, which is also
their stacking order. Two containers break it: QSplitter lowers each widget it takes, so its
panes are read last one first (the team view read "Team scores by domain" before the grid above
it; the rating screen read the item before the navigator to its left), and QTabWidget makes its
page stack before its tab bar, so the page is read before the tabs above it (issue 25).

These put the children back in reading order. The splitter's handles are raised again last: on
some styles a handle's grab area overlaps its neighbours and must stay on top.
"""

from __future__ import annotations

from PySide6.QtWidgets import QSplitter, QTabWidget


def splitter_in_reading_order(splitter: QSplitter) -> QSplitter:
    """Call after the last addWidget; returns the splitter."""
    for i in range(splitter.count()):
        widget = splitter.widget(i)
        if widget is not None:
            widget.raise_()
    for i in range(splitter.count()):
        handle = splitter.handle(i)
        if handle is not None:
            handle.raise_()
    return splitter


def tabs_in_reading_order(tabs: QTabWidget) -> QTabWidget:
    """The tab bar first, then the pages (they do not overlap, so stacking does not matter)."""
    tabs.tabBar().lower()
    return tabs
