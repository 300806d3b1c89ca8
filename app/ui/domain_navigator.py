"""The walkthrough's left-hand tree: sections and domains, each with how many items are answered.

Apart from the walkthrough page so the page stays about the item being rated. The words keep the
"WalkthroughPage" translation context they had there, so the Spanish catalogue still finds them.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QHeaderView, QTreeWidget, QTreeWidgetItem

from app.core.instrument import Instrument


class DomainNavigator(QTreeWidget):
    """Sections (when they have subsections) over their domains; a domain's row says "3/5"."""

    chosen = Signal(QTreeWidgetItem)  # a domain's row (or a section's) was activated or clicked

    def __init__(self, progress: Callable[[str], tuple[int, int]]) -> None:
        super().__init__()
        self.progress = progress  # a domain id -> (answered, items)
        self.instrument: Instrument | None = None
        self.lang = "en"
        self.nodes: dict[str, QTreeWidgetItem] = {}
        self.setHeaderHidden(True)
        self.setColumnCount(2)
        # hidden, but a screen reader still asks a column's header: "1" and "2" without these
        self.setHeaderLabels(
            [
                QCoreApplication.translate("WalkthroughPage", "Domain"),
                QCoreApplication.translate("WalkthroughPage", "Answered"),
            ]
        )
        self.header().setStretchLastSection(False)
        self.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.header().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.setAccessibleName(
            QCoreApplication.translate("WalkthroughPage", "Sections and domains with progress")
        )
        self.setAccessibleDescription(
            QCoreApplication.translate(
                "WalkthroughPage", "Enter goes to the first unanswered item of the domain."
            )
        )
        self.itemActivated.connect(lambda node, _column: self.chosen.emit(node))
        self.itemClicked.connect(lambda node, _column: self.chosen.emit(node))
        self.setMinimumWidth(220)

    def build(self, instrument: Instrument, lang: str) -> None:
        """One row per domain, under its section's row when the section has subsections."""
        self.instrument, self.lang = instrument, lang
        self.clear()
        self.nodes = {}
        for section in instrument.sections:
            if section.has_subsections:
                node = QTreeWidgetItem([f"{section.id} {section.title.get(lang)}"])
                node.setData(0, Qt.ItemDataRole.UserRole, None)
                self.addTopLevelItem(node)
                for domain in section.domains:
                    child = QTreeWidgetItem(node)
                    child.setData(0, Qt.ItemDataRole.UserRole, domain.id)
                    self.nodes[domain.id] = child
                node.setExpanded(True)
            else:
                domain = section.domains[0]
                node = QTreeWidgetItem()
                node.setData(0, Qt.ItemDataRole.UserRole, domain.id)
                self.addTopLevelItem(node)
                self.nodes[domain.id] = node
        self.refresh()

    def refresh(self) -> None:
        """Each domain's progress again, in words a screen reader reads whole."""
        assert self.instrument is not None
        for domain in self.instrument.domains:
            done, total = self.progress(domain.id)
            mark = (
                QCoreApplication.translate("WalkthroughPage", "✓ done")
                if done == total
                else f"{done}/{total}"
            )
            node = self.nodes[domain.id]
            node.setText(0, f"{domain.id} {domain.title.get(self.lang)}")
            node.setText(1, mark)
            node.setToolTip(0, node.text(0))
            node.setData(
                0,
                Qt.ItemDataRole.AccessibleTextRole,
                QCoreApplication.translate("WalkthroughPage", "{0}: {1} of {2} answered").format(
                    node.text(0), done, total
                ),
            )

    def show_domain(self, domain_id: str) -> None:
        """Make the domain of the item on screen the current row."""
        node = self.nodes.get(domain_id)
        if node is not None:
            self.setCurrentItem(node)
