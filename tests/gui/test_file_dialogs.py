"""Save and open dialogs start in Documents, then where the user last went, per kind of file."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from app.ui import file_dialogs
from app.ui.main_window import MainWindow
from tests.conftest import REPO
from tests.gui.conftest import MakeWindow


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, data_dir: Path) -> Path:
    """A home folder with a Documents folder in it (as on a fresh Windows or Linux account)."""
    home = tmp_path / "home"
    (home / "Documents").mkdir(parents=True)
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / ".config"))  # no user-dirs.dirs: defaults
    return home


class Asked:
    """Stands in for QFileDialog: records where each dialog started, answers with `answer`."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.starts: list[str] = []
        self.answer = ""
        monkeypatch.setattr(file_dialogs, "ask_save", self._save)
        monkeypatch.setattr(file_dialogs, "ask_open", self._open)
        monkeypatch.setattr(file_dialogs, "ask_open_one", self._open)
        monkeypatch.setattr(file_dialogs, "ask_folder", self._folder)

    def _save(self, _parent: object, _title: str, start: str, _filters: str) -> str:
        self.starts.append(start)
        return self.answer

    def _open(self, _parent: object, _title: str, start: str, _filters: str) -> list[str]:
        self.starts.append(start)
        return [self.answer] if self.answer else []

    def _folder(self, _parent: object, _title: str, start: str) -> str:
        self.starts.append(start)
        return self.answer


def test_the_first_dialog_starts_in_documents_not_home(
    qapp: object, home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked = Asked(monkeypatch)
    assert file_dialogs.save_path(None, "report", "Save", "card.pdf", "", suffix=".pdf") is None
    assert asked.starts == [str(home / "Documents" / "card.pdf")]


def test_no_documents_folder_starts_at_home(
    qapp: object, home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (home / "Documents").rmdir()
    assert file_dialogs.start_folder("report") == home


def test_each_kind_of_file_remembers_its_own_folder(
    qapp: object, home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked = Asked(monkeypatch)
    reports, exchange = tmp_path / "pdfs", tmp_path / "to-state"
    reports.mkdir()
    exchange.mkdir()
    asked.answer = str(reports / "card")
    saved = file_dialogs.save_path(None, "report", "Save", "card.pdf", "", suffix=".pdf")
    assert saved == reports / "card.pdf"  # the suffix added to a typed name
    asked.answer = str(exchange / "round.smsoat")
    file_dialogs.save_path(None, "exchange", "Export", "round.smsoat", "")
    asked.answer = ""
    file_dialogs.save_path(None, "report", "Save", "plan.pdf", "", suffix=".pdf")
    file_dialogs.open_paths(None, "import", "Import", "")
    file_dialogs.save_path(None, "exchange", "Export", "round.smsoat", "")
    assert asked.starts[2:] == [
        str(reports / "plan.pdf"),
        str(home / "Documents"),  # nothing imported yet
        str(exchange / "round.smsoat"),
    ]
    exchange.rmdir()  # a remembered folder that is gone: Documents again
    assert file_dialogs.start_folder("exchange") == home / "Documents"


def test_a_chosen_folder_is_remembered_itself(
    qapp: object, home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked = Asked(monkeypatch)
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    asked.answer = str(inbox)
    assert file_dialogs.open_folder(None, "import", "Folder") == inbox
    assert file_dialogs.start_folder("import") == inbox


def test_the_pdf_menu_entries_start_in_the_last_report_folder(
    qtbot: QtBot,
    make_window: MakeWindow,
    home: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Through the window's own code path: the blank form is saved, the scorecard dialog then
    starts in the same folder."""
    asked = Asked(monkeypatch)
    window: MainWindow = make_window()
    folder = tmp_path / "printouts"
    folder.mkdir()
    written: list[Path] = []
    asked.answer = str(folder / "form.pdf")
    window.ask_report_path("Save", "blank.pdf", written.append)
    asked.answer = ""
    window.ask_report_path("Save", "scorecard.pdf", written.append)
    assert written == [folder / "form.pdf"]
    assert asked.starts == [str(home / "Documents" / "blank.pdf"), str(folder / "scorecard.pdf")]


def test_only_the_helper_calls_qfiledialog() -> None:
    """One helper for every save and open dialog, so none starts at home or forgets its folder."""
    callers = []
    for path in sorted((REPO / "app" / "ui").glob("*.py")):
        if path.name == "file_dialogs.py":
            continue
        tree = ast.parse(path.read_text("utf-8"))
        names = {n.id for n in ast.walk(tree) if isinstance(n, ast.Name)}
        path_home = any(
            isinstance(n, ast.Attribute)
            and n.attr == "home"
            and isinstance(n.value, ast.Name)
            and n.value.id == "Path"
            for n in ast.walk(tree)
        )
        if "QFileDialog" in names or path_home:
            callers.append(path.name)
    assert callers == [], (
        f"use app/ui/file_dialogs.py instead of QFileDialog / Path.home(): {callers}"
    )


def test_an_unknown_kind_is_a_programming_error(qapp: object, home: Path) -> None:
    with pytest.raises(ValueError, match="unknown kind"):
        file_dialogs.start_folder("photos")
