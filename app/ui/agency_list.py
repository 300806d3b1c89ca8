"""Home's list of agencies as a model: only the rows on the screen are read and formatted.

Home listed every agency in a QListWidget: at 10,000 agencies (a whole country, issue 20) that
meant 10,000 records read and 10,000 QListWidgetItems built, each measured for its wrapped
height, on the GUI thread at every start and every refresh. `AgencyModel` holds only the
agencies' ids in home's order (one read of the name index, ~3 ms at 10,000) and reads name and
site for a block of rows the first time the view asks for one of them (`names_of`, the rows on
the screen). It answers three roles: the label ("name — site"), the same text as the tooltip,
and the agency's id in USER_ROLE; every other role the view asks for is None at once.

Long names wrap while the list is short enough to measure every row (`WRAP_UP_TO`, about 20 ms
of layout); above that the rows are one line high (`uniformItemSizes`, so the view measures one
row, not every row) and a long name is elided, its tooltip and accessible name holding all of
it. The view's type-ahead (typing a name's first letters) finds an agency either way.

This module is on the start-up path: no `Qt` namespace at module level (docs/startup.md); roles
are plain ints.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, QRect
from PySide6.QtWidgets import QListView, QWidget

from app.ui.item_roles import USER_ROLE

DISPLAY = 0  # Qt.ItemDataRole.DisplayRole
TOOLTIP = 3  # Qt.ItemDataRole.ToolTipRole
# Up to this many agencies every row is measured so long names wrap (about 20 ms at 500 here);
# beyond, rows are one line and long names elide (their tooltip holds the whole name).
WRAP_UP_TO = 500
LAYOUT_BATCH = 1000  # rows laid out between two events when the list is long
BLOCK = 100  # rows whose names are read together: a screen's worth and some
GONE = "–"  # an agency removed since the list was read (the next refresh drops it)

Index = QModelIndex | QPersistentModelIndex
NamesOf = Callable[[list[int]], dict[int, tuple[str, str]]]


def label_of(name: str, site: str) -> str:
    return name if not site else f"{name} — {site}"


class AgencyModel(QAbstractListModel):
    """The agencies `ids` in the order given; names are read a block at a time, on first use."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ids: Sequence[int] = ()
        self.names_of: NamesOf = lambda _ids: {}
        self.labels: dict[int, str] = {}  # row → label, for the rows read so far
        self._rows: dict[int, int] | None = None  # agency id → row, built on first look-up

    def set_agencies(self, ids: Sequence[int], names_of: NamesOf) -> None:
        self.beginResetModel()
        self.ids = ids
        self.names_of = names_of
        self.labels = {}
        self._rows = None
        self.endResetModel()

    def label(self, row: int) -> str:
        text = self.labels.get(row)
        if text is None:
            first = row - row % BLOCK
            block = list(self.ids[first : first + BLOCK])
            names = self.names_of(block)
            for offset, org_id in enumerate(block):
                found = names.get(org_id)
                self.labels[first + offset] = label_of(*found) if found else GONE
            text = self.labels[row]
        return text

    def row_of(self, org_id: int) -> int | None:
        if self._rows is None:
            self._rows = {org: row for row, org in enumerate(self.ids)}
        return self._rows.get(org_id)

    # ------------------------------------------------------------ QAbstractListModel
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 (Qt's default)
        return 0 if parent.isValid() else len(self.ids)

    def data(self, index: Index, role: int = DISPLAY) -> Any:
        # the view asks a dozen roles a row (font, colours, decoration…): only three are ours
        if role in (DISPLAY, TOOLTIP):
            return self.label(index.row()) if index.isValid() else None
        if role == USER_ROLE and index.isValid():
            return self.ids[index.row()]
        return None


class AgencyItem:
    """A row read like a QListWidgetItem (`text`, `toolTip`, `data`), for the window and tests."""

    def __init__(self, view: AgencyList, row: int) -> None:
        self.index = view.agencies.index(row)

    def text(self) -> str:
        return str(self.index.data(DISPLAY) or "")

    def toolTip(self) -> str:
        return str(self.index.data(TOOLTIP) or "")

    def data(self, role: int) -> Any:
        return self.index.data(role)


class AgencyList(QListView):
    """The view over its own AgencyModel; `count`, `item`, `current_row` read it like a
    QListWidget."""

    def __init__(self) -> None:
        super().__init__()
        self.agencies = AgencyModel(self)
        self.setModel(self.agencies)
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.setSpacing(1)

    def set_agencies(self, ids: Sequence[int], names_of: NamesOf) -> None:
        """Show the agencies `ids`; wrapping (every row measured) only while the list is short."""
        wrap = len(ids) <= WRAP_UP_TO
        # long names wrap instead of scrolling sideways out of sight; a long list elides them
        self.setWordWrap(wrap)
        self.setUniformItemSizes(not wrap)
        # a long list is laid out a batch at a time between events: the first screen shows
        # at once, the scroll bar grows to the whole list within a few event-loop passes
        self.setLayoutMode(
            QListView.LayoutMode.SinglePass if wrap else QListView.LayoutMode.Batched
        )
        self.setBatchSize(LAYOUT_BATCH)
        self.agencies.set_agencies(ids, names_of)

    def count(self) -> int:
        return self.agencies.rowCount()

    def item(self, row: int) -> AgencyItem:
        return AgencyItem(self, row)

    def visualItemRect(self, item: AgencyItem) -> QRect:
        return self.visualRect(item.index)

    def current_row(self) -> int | None:
        index = self.currentIndex()
        return index.row() if index.isValid() else None

    def set_current_row(self, row: int) -> None:
        self.setCurrentIndex(self.agencies.index(row))

    def current_id(self) -> int | None:
        row = self.current_row()
        return self.agencies.ids[row] if row is not None else None
