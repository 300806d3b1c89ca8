"""File › Add instrument…: choose a .json or .xlsx instrument, see the check result (every problem
with its place, or a preview of sections, items, scale and bands), then install it."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.core.errors import InstrumentError
from app.core.instrument import Instrument
from app.services.instrument_install import CheckedFile, check_file, install
from app.ui.texts import counted, fmt_value


class AddInstrumentDialog(QDialog):
    installed = Signal(str)  # the path written

    def __init__(
        self,
        parent: QWidget | None,
        folder: Path,
        existing: list[Instrument],
        lang: str,
        ask_file: Callable[[], Path | None] | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Add instrument"))
        self.folder, self.existing, self.lang = folder, existing, lang
        self.ask_file = ask_file or self._ask_file
        self.checked: CheckedFile | None = None
        intro = QLabel(
            self.tr(
                "Choose an instrument file (.json) or workbook (.xlsx). It is checked and shown "
                "here before anything is installed in {0}."
            ).format(folder)
        )
        intro.setWordWrap(True)
        self.choose_button = QPushButton(self.tr("&Choose a file…"))
        self.choose_button.clicked.connect(self.choose)
        self.file_label = QLabel()
        self.file_label.setTextFormat(Qt.TextFormat.PlainText)
        row = QHBoxLayout()
        row.addWidget(self.choose_button)
        row.addWidget(self.file_label, 1)
        self.report = QPlainTextEdit()
        self.report.setReadOnly(True)
        self.report.setAccessibleName(self.tr("Check result"))
        self.install_button = QPushButton(self.tr("&Install"))
        self.install_button.setEnabled(False)
        self.install_button.clicked.connect(self.install)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.install_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(row)
        layout.addWidget(self.report, 1)
        layout.addWidget(buttons)
        self.resize(760, 520)

    def _ask_file(self) -> Path | None:
        from app.ui import file_dialogs

        chosen = file_dialogs.open_paths(
            self,
            "instrument",
            self.tr("Add instrument"),
            self.tr("Instrument files (*.json *.xlsx)"),
            many=False,
        )
        return chosen[0] if chosen else None

    def choose(self) -> None:
        path = self.ask_file()
        if path is not None:
            self.show_check(check_file(path))

    def show_check(self, checked: CheckedFile) -> None:
        self.checked = checked
        self.file_label.setText(str(checked.path))
        inst = checked.instrument
        if inst is None:
            head = self.tr(
                "%n problem(s); fix them in the file and choose it again:",
                "",
                len(checked.problems),
            )
            self.report.setPlainText("\n".join([head, *checked.problems]))
            self.install_button.setEnabled(False)
            return
        self.report.setPlainText(self.preview(inst))
        self.install_button.setEnabled(True)

    def preview(self, inst: Instrument) -> str:
        lang = self.lang if self.lang in inst.languages else "en"
        lines = [
            self.tr("{0}, version {1} ({2})").format(inst.title.get(lang), inst.version, inst.id),
            self.tr("Official wording") if inst.official else self.tr("Not the official wording"),
            inst.attribution.get(lang),
        ]
        if inst.terms is not None:
            lines.append(self.tr("Terms of use: {0}").format(inst.terms.get(lang)))
        lines.append("")
        lines.append(
            self.tr("{0}, {1}, {2}; languages {3}").format(
                counted("section", len(inst.sections)),
                counted("domain", len(inst.domains)),
                counted("item", len(inst.items)),
                ", ".join(inst.languages),
            )
        )
        for section in inst.sections:
            lines.append(f"  {section.id} {section.title.get(lang)}")
            for domain in section.domains:
                if section.has_subsections:
                    lines.append(f"    {domain.id} {domain.title.get(lang)} ({len(domain.items)})")
        lines.append("")
        lines.append(self.tr("Scale:"))
        lines.extend(f"  {c.code}: {c.label.get(lang)}" for c in inst.scale.choices)
        lines.append(self.tr("Bands ({0}):").format(inst.band_metric))
        lines.extend(
            f"  {fmt_value(b.min)}–{fmt_value(b.max)} {b.label.get(lang)}: {b.meaning.get(lang)}"
            for b in inst.bands
        )
        return "\n".join(lines)

    def install(self) -> None:
        if self.checked is None:
            return
        try:
            path = install(self.checked, self.folder, self.existing)
        except (InstrumentError, OSError) as exc:
            self.report.appendPlainText("\n" + str(exc))
            self.install_button.setEnabled(False)
            return
        self.install_button.setEnabled(False)
        self.report.appendPlainText("\n" + self.tr("Installed as {0}.").format(path))
        self.installed.emit(str(path))
