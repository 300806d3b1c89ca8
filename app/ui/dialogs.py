"""Small forms: an agency, a round, a team member. Opened with open(), never exec(), so tests
can fill them in and accept them like a user would."""

from __future__ import annotations

import itertools
from datetime import date
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QDate, Qt, QUrl
from PySide6.QtGui import QDesktopServices, QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from app.core.catalog import Catalog
from app.core.instrument import Instrument
from app.core.limits import MAX_TEXT
from app.core.models import ROLES, Organization, Respondent
from app.ui.texts import date_edit_format, role_label

VERSION = Qt.ItemDataRole.UserRole + 1  # the instrument version of an entry in the round dialog


def add_months(day: date, months: int) -> date:
    month = day.month - 1 + months
    year = day.year + month // 12
    month = month % 12 + 1
    leap = year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)
    last = [31, 29 if leap else 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
    return date(year, month, min(day.day, last))


class _Form(QDialog):
    def __init__(self, parent: QWidget | None, title: str) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setModal(True)
        self.form = QFormLayout()
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setObjectName("formError")
        self.error.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)

    def showEvent(self, event: QShowEvent) -> None:
        """Tab goes down the fields, then to OK and Cancel; the first field has the focus (the
        buttons are built first, so Qt's own order would start on OK)."""
        fields: list[QWidget] = []
        for row in range(self.form.rowCount()):
            item = self.form.itemAt(row, QFormLayout.ItemRole.FieldRole)
            widget = item.widget() if item is not None else None
            if widget is not None:
                fields.append(widget)
        chain: list[QWidget] = fields + list(self.buttons.buttons())
        for a, b in itertools.pairwise(chain):
            QWidget.setTabOrder(a, b)
        if fields and not any(f.hasFocus() for f in fields):
            fields[0].setFocus()
        super().showEvent(event)

    def line(self, label: str, text: str = "", accessible: str | None = None) -> QLineEdit:
        edit = QLineEdit(text)
        edit.setMaxLength(MAX_TEXT)  # what the importer accepts (app/core/limits.py)
        edit.setAccessibleName(accessible or label.replace("&", ""))
        self.form.addRow(label, edit)
        return edit

    def show_error(self, message: str) -> None:
        self.error.setText("⚠ " + message)
        self.error.show()


class AgencyDialog(_Form):
    def __init__(self, parent: QWidget | None, org: Organization | None = None) -> None:
        super().__init__(parent, self.tr("Edit agency") if org else self.tr("New agency"))
        self.org = org
        self.name = self.line(self.tr("&Name:"), org.name if org else "")
        self.site = self.line(self.tr("&Site:"), org.site if org else "")
        self.region = self.line(self.tr("&Region:"), org.region if org else "")
        self.state_id = self.line(
            self.tr("State &identifier:"), org.state_identifier if org else ""
        )
        self.name.setPlaceholderText(self.tr("e.g. Riverbend Community Health"))

    def accept(self) -> None:
        if not self.name.text().strip():
            self.show_error(self.tr("An agency needs a name."))
            self.name.setFocus()
            return
        super().accept()


class RoundDialog(_Form):
    def __init__(
        self,
        parent: QWidget | None,
        catalog: Catalog,
        lang: str,
        sites: list[tuple[int, str]] | None = None,
    ) -> None:
        """`sites`: the agency's sites (id, name) a round may be for, besides the whole agency."""
        super().__init__(parent, self.tr("Start a round"))
        self.catalog = catalog
        self.instrument = QComboBox()
        self.instrument.setAccessibleName(self.tr("Instrument"))
        # One entry per version, the highest of an id first (the default); an older version
        # stays on offer so a round can be compared like with like with the earlier ones.
        for offered in sorted(catalog.instruments.values(), key=lambda i: i.id != "sms-oat-bh"):
            for inst in catalog.versions_of(offered.id):
                self.instrument.addItem(
                    self.tr("{0} (version {1})").format(inst.title.get(lang), inst.version),
                    inst.id,
                )
                self.instrument.setItemData(self.instrument.count() - 1, inst.version, VERSION)
        self.form.addRow(self.tr("&Instrument:"), self.instrument)
        self.name = self.line(self.tr("Round &name:"))
        self.name.setPlaceholderText(self.tr("e.g. Spring 2026"))
        self.start = QDateEdit()
        self.end = QDateEdit()
        for edit, label in (
            (self.start, self.tr("Review period &from:")),
            (self.end, self.tr("&to:")),
        ):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat(date_edit_format())
            edit.setAccessibleName(label.replace("&", "").rstrip(":"))
            self.form.addRow(label, edit)
        self.instrument.currentIndexChanged.connect(self._default_period)
        self._default_period()
        # Private until the meeting (docs/team-memory.md): on for every new round.
        self.private = QCheckBox(self.tr("Keep answers &private until the facilitator opens them"))
        self.private.setChecked(True)
        self.form.addRow("", self.private)
        self.site = QComboBox()
        self.site.setAccessibleName(self.tr("Site this round is for"))
        self.site.addItem(self.tr("Whole agency"), None)
        for site_id, site_name in sites or []:
            self.site.addItem(site_name, site_id)
        self.form.addRow(self.tr("Round f&or:"), self.site)

    def chosen_site(self) -> int | None:
        """The site picked (None: the whole agency)."""
        value = self.site.currentData()
        return None if value is None else int(value)

    def chosen_version(self) -> str | None:
        """The version picked beside the instrument's title (None: nothing installed)."""
        version = self.instrument.currentData(VERSION)
        return None if version is None else str(version)

    def chosen_instrument(self) -> Instrument:
        return self.catalog.get_version(self.instrument.currentData(), self.chosen_version())

    def _default_period(self) -> None:
        """The prior N months (the instrument's review period; three for the SMS OAT)."""
        inst = self.chosen_instrument() if self.instrument.currentData() is not None else None
        months = inst.review_period_months if inst else 3
        end = date.today()
        start = add_months(end, -months)
        self.end.setDate(QDate(end.year, end.month, end.day))
        self.start.setDate(QDate(start.year, start.month, start.day))

    def period(self) -> tuple[date, date]:
        s, e = self.start.date(), self.end.date()
        return date(s.year(), s.month(), s.day()), date(e.year(), e.month(), e.day())

    def accept(self) -> None:
        if not self.name.text().strip():
            self.show_error(self.tr('A round needs a name, e.g. "Spring 2026".'))
            self.name.setFocus()
            return
        start, end = self.period()
        if end < start:
            self.show_error(self.tr("The review period ends before it starts."))
            return
        if self.instrument.currentData() is None:
            self.show_error(self.tr("No instrument is installed."))
            return
        super().accept()


class PersonDialog(_Form):
    def __init__(self, parent: QWidget | None, person: Respondent | None = None) -> None:
        super().__init__(
            parent, self.tr("Edit team member") if person else self.tr("Add team member")
        )
        self.person_id = person.id if person else None
        self.name = self.line(self.tr("&Name or initials:"), person.display_name if person else "")
        self.role = QComboBox()
        self.role.setAccessibleName(self.tr("Role"))
        for role in ROLES:
            self.role.addItem(role_label(role), role)
        if person:
            self.role.setCurrentIndex(max(0, self.role.findData(person.role)))
        self.form.addRow(self.tr("&Role:"), self.role)

    def accept(self) -> None:
        if not self.name.text().strip():
            self.show_error(self.tr("A team member needs a name or initials."))
            self.name.setFocus()
            return
        super().accept()


def open_path(path: Path, parent: QWidget | None = None) -> None:
    """A file in the system's viewer, or a folder in the file manager; says so when it cannot.

    *Open* on a saved PDF did nothing on a computer with no PDF viewer. Now the person is told,
    and offered the file's folder instead (the file can be copied or sent from there).
    """
    if QDesktopServices.openUrl(QUrl.fromLocalFile(str(path))):
        return
    title = QCoreApplication.translate("Dialogs", "Could not open")
    if path.is_dir() or not path.parent.is_dir():
        inform(
            parent,
            title,
            QCoreApplication.translate(
                "Dialogs", "No program on this computer could open {0}."
            ).format(path),
        )
        return
    question = QCoreApplication.translate(
        "Dialogs",
        "No program on this computer opens {0} (for a PDF, install a PDF viewer). Show it in"
        " its folder instead?",
    ).format(path.name)
    if confirm(parent, title, question):
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(path.parent)))


def confirm(parent: QWidget | None, title: str, text: str) -> bool:
    """Asks yes/no; the main window holds this as an attribute so tests can answer for the user."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(title)
    box.setText(text)
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
    box.setDefaultButton(QMessageBox.StandardButton.No)
    return box.exec() == QMessageBox.StandardButton.Yes


def inform(parent: QWidget | None, title: str, text: str) -> None:
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Information)
    box.setWindowTitle(title)
    box.setText(text)
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.open()
