"""Translations: every interface string has a finished translation, the catalogues are in step with
app/ui, placeholders and mnemonics survive, the compiled catalogue and Qt's own load, every
instrument carries Spanish, and the main screens fit 1366×768 in Spanish and survive
pseudo-localisation.

The catalogues are resources/translations/smsoat_<lang>.ts; `make translations` updates them from
app/ui and docs/translations.md says how to translate. Whatever this file reports as missing is
fixed by running `make translations` and translating the new entries.
"""

from __future__ import annotations

import ast
import json
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from app import paths
from app.ui import pseudo
from tests.conftest import REPO

UI = REPO / "app" / "ui"
TS_DIR = REPO / "resources" / "translations"
CATALOGUES = sorted(TS_DIR.glob("smsoat_*.ts"))
# English needs a catalogue only for the plural forms of `%n` messages (docs/translations.md).
PLURAL_ONLY = {TS_DIR / "smsoat_en.ts"}
QT_APPS = {"QCoreApplication", "QGuiApplication", "QApplication"}
PLACEHOLDER = re.compile(r"\{\d*\}|%(?:\d+|n)")
MNEMONIC = re.compile(r"&(?!&)(?=\S)")

Key = tuple[str, str, str]  # context, source, disambiguation ("" when none)


def _tool(name: str) -> str:
    """A Qt Linguist tool: the `pyside6-` wrapper beside this Python, else the wheel's binary."""
    wrapper = Path(sys.executable).with_name(f"pyside6-{name}")
    if wrapper.exists():
        return str(wrapper)
    import PySide6

    folder = Path(PySide6.__file__).parent
    for candidate in (folder / name, folder / f"{name}.exe"):
        if candidate.exists():
            return str(candidate)
    found = shutil.which(f"pyside6-{name}")
    if found is None:
        pytest.fail(f"Qt's {name} was not found (it comes with PySide6)")
    return found


# ------------------------------------------------------------------ reading the catalogue


@dataclass(frozen=True)
class Entry:
    key: Key
    translations: tuple[str, ...]
    kind: str  # the <translation type="…">: "" when finished


def read_catalogue(path: Path) -> dict[Key, Entry]:
    entries: dict[Key, Entry] = {}
    for context in ET.parse(path).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            key = (name, message.findtext("source") or "", message.findtext("comment") or "")
            translation = message.find("translation")
            assert translation is not None, key
            forms = [f.text or "" for f in translation.iter("numerusform")]
            texts = tuple(forms) if forms else (translation.text or "",)
            entries[key] = Entry(key, texts, translation.get("type", ""))
    return entries


def where(key: Key) -> str:
    context, source, comment = key
    return f"{context}: {source!r}" + (f" ({comment})" if comment else "")


# ------------------------------------------------------------------ reading the sources


@dataclass(frozen=True)
class Call:
    key: Key
    place: str


class _TranslatableCalls(ast.NodeVisitor):
    """`self.tr("…")` (context: the class) and `Q*Application.translate("Ctx", "…")`, also through
    a local alias. Anything lupdate cannot read the way Qt looks it up is a problem."""

    def __init__(self, path: Path) -> None:
        self.path = path.relative_to(REPO).as_posix()
        self.classes: list[str] = []
        self.aliases: set[str] = set()
        self.calls: list[Call] = []
        self.problems: list[str] = []

    def visit_ClassDef(self, node: ast.ClassDef) -> None:
        self.classes.append(node.name)
        self.generic_visit(node)
        self.classes.pop()

    def visit_Assign(self, node: ast.Assign) -> None:
        if _is_qt_translate(node.value):
            self.aliases.update(t.id for t in node.targets if isinstance(t, ast.Name))
        self.generic_visit(node)

    def visit_Call(self, node: ast.Call) -> None:
        func = node.func
        place = f"{self.path}:{node.lineno}"
        if isinstance(func, ast.Attribute) and func.attr == "tr":
            context = self.classes[-1] if self.classes else ""
            self._record(place, context, node.args[:1], node.args[1:2])
        elif _is_qt_translate(func) or (
            isinstance(func, ast.Name) and (func.id == "translate" or func.id in self.aliases)
        ):
            if isinstance(func, ast.Name) and func.id != "translate":
                self.problems.append(
                    f"{place}: translate() is called through the alias {func.id!r}; lupdate cannot"
                    " read that call (it takes tr(a, b) for a source text and a comment). Call"
                    " QCoreApplication.translate(...) directly, or name the alias `translate`."
                )
            context_arg = node.args[0] if node.args else None
            if not (isinstance(context_arg, ast.Constant) and isinstance(context_arg.value, str)):
                self.problems.append(f"{place}: the translation context is not a literal string")
            else:
                self._record(place, context_arg.value, node.args[1:2], node.args[2:3])
        self.generic_visit(node)

    def _record(
        self, place: str, context: str, source: list[ast.expr], comment: list[ast.expr]
    ) -> None:
        literal = source[0] if source else None
        if not (isinstance(literal, ast.Constant) and isinstance(literal.value, str)):
            self.problems.append(
                f"{place}: the text given to tr()/translate() is not a literal string (an f-string,"
                " a variable or a sum): no catalogue can hold it; use a literal with {0} and"
                " .format() after the call"
            )
            return
        disambiguation = ""
        if comment and isinstance(comment[0], ast.Constant) and isinstance(comment[0].value, str):
            disambiguation = comment[0].value
        self.calls.append(Call((context, literal.value, disambiguation), place))


def _is_qt_translate(node: ast.expr) -> bool:
    return (
        isinstance(node, ast.Attribute)
        and node.attr == "translate"
        and isinstance(node.value, ast.Name)
        and node.value.id in QT_APPS
    )


def scan_sources() -> tuple[list[Call], list[str]]:
    calls: list[Call] = []
    problems: list[str] = []
    for path in sorted(UI.glob("*.py")):
        visitor = _TranslatableCalls(path)
        visitor.visit(ast.parse(path.read_text("utf-8"), str(path)))
        calls += visitor.calls
        problems += visitor.problems
    return calls, problems


# ------------------------------------------------------------------ (a) complete


def test_there_is_a_spanish_catalogue() -> None:
    assert TS_DIR / "smsoat_es.ts" in CATALOGUES


@pytest.mark.parametrize("catalogue", CATALOGUES, ids=lambda p: p.stem)
def test_every_message_is_translated_and_finished(catalogue: Path) -> None:
    entries = read_catalogue(catalogue)
    assert entries, f"{catalogue.name} is empty"
    unfinished = [where(e.key) for e in entries.values() if e.kind]
    empty = [where(e.key) for e in entries.values() if not all(t.strip() for t in e.translations)]
    assert not unfinished, f"unfinished in {catalogue.name} (finish them in Linguist): {unfinished}"
    assert not empty, f"no translation in {catalogue.name}: {empty}"


# ------------------------------------------------------------------ (b) in step with app/ui


def test_every_translatable_call_can_be_read_by_lupdate() -> None:
    _calls, problems = scan_sources()
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("catalogue", CATALOGUES, ids=lambda p: p.stem)
def test_every_source_string_is_in_the_catalogue(catalogue: Path) -> None:
    calls, _problems = scan_sources()
    assert len(calls) > 100, "the source scan found too little; is it still reading app/ui?"
    entries = read_catalogue(catalogue)
    if catalogue in PLURAL_ONLY:
        calls = [c for c in calls if "%n" in c.key[1]]
    missing = sorted({f"{c.place}: {where(c.key)}" for c in calls if c.key not in entries})
    assert not missing, (
        f"not in {catalogue.name}; run `make translations` and translate them:\n"
        + "\n".join(missing)
    )


@pytest.mark.parametrize("catalogue", CATALOGUES, ids=lambda p: p.stem)
def test_lupdate_finds_nothing_new(catalogue: Path, tmp_path: Path) -> None:
    """What Qt's own extractor finds in app/ui (the same command as `make translations`) is all
    in the committed catalogue."""
    fresh = tmp_path / catalogue.name
    subprocess.run(
        [
            _tool("lupdate"),
            *map(str, sorted(UI.glob("*.py"))),
            *("-no-obsolete", "-locations", "none", "-source-language", "en", "-ts", str(fresh)),
            *(["-pluralonly"] if catalogue in PLURAL_ONLY else []),
        ],
        check=True,
        capture_output=True,
        timeout=60,
    )
    entries = read_catalogue(catalogue)
    missing = sorted(where(key) for key in read_catalogue(fresh) if key not in entries)
    assert not missing, (
        f"lupdate finds these in app/ui but {catalogue.name} lacks them; run `make translations`"
        " and translate them:\n" + "\n".join(missing)
    )


# ------------------------------------------------------------------ (c) placeholders, mnemonics


@pytest.mark.parametrize("catalogue", CATALOGUES, ids=lambda p: p.stem)
def test_placeholders_and_mnemonics_survive_translation(catalogue: Path) -> None:
    wrong = []
    for entry in read_catalogue(catalogue).values():
        source = entry.key[1]
        for text in entry.translations:
            if sorted(PLACEHOLDER.findall(source)) != sorted(PLACEHOLDER.findall(text)):
                wrong.append(f"placeholders differ: {where(entry.key)} → {text!r}")
            if len(MNEMONIC.findall(source)) != len(MNEMONIC.findall(text)):
                wrong.append(f"& shortcut letter lost or added: {where(entry.key)} → {text!r}")
    assert not wrong, "\n".join(wrong)


def test_mnemonics_placeholder_patterns() -> None:
    assert MNEMONIC.findall("Open data &folder") == ["&"]
    assert MNEMONIC.findall("Tom && Jerry & co") == []
    assert PLACEHOLDER.findall("{0} of {1}; %1") == ["{0}", "{1}", "%1"]


# ------------------------------------------------------------------ (d) compiled catalogues load


@pytest.fixture(scope="module")
def qm_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Where fresh .qm files are: the built ones (make run/test build them) when up to date, else
    compiled here, so the check does not depend on the state of the working tree."""
    built = [ts.with_suffix(".qm") for ts in CATALOGUES]
    if all(
        qm.exists() and qm.stat().st_mtime >= qm.with_suffix(".ts").stat().st_mtime for qm in built
    ):
        return TS_DIR
    return compile_catalogues(tmp_path_factory.mktemp("qm"))


def compile_catalogues(folder: Path) -> Path:
    """Every .ts compiled with lrelease into `folder` (as smsoat_<lang>.qm); returns `folder`."""
    for ts in CATALOGUES:
        subprocess.run(
            [_tool("lrelease"), "-silent", str(ts), "-qm", str(folder / f"{ts.stem}.qm")],
            check=True,
            timeout=60,
        )
    return folder


def test_the_compiled_catalogue_translates(qm_dir: Path) -> None:
    translator = QTranslator()
    assert translator.load("smsoat_es", str(qm_dir))
    assert translator.translate("MainWindow", "&File") == "&Archivo"
    assert translator.translate("RoundPage", "{0} of {1}") == "{0} de {1}"
    assert translator.translate("Texts", "Open") == "Abierta"


def test_there_is_an_english_plural_catalogue_with_only_plural_messages() -> None:
    en = TS_DIR / "smsoat_en.ts"
    assert en in CATALOGUES
    entries = read_catalogue(en)
    assert entries
    single = [where(key) for key, entry in entries.items() if len(entry.translations) != 2]
    assert not single, f"smsoat_en.ts should hold only singular/plural pairs: {single}"
    same = [where(key) for key, entry in entries.items() if "(s)" in "".join(entry.translations)]
    assert not same, f"an English form still says (s): {same}"


def test_english_counts_agree_with_their_number(
    qapp: QApplication,
    qm_dir: Path,
    restore_app: list[QTranslator],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The English app loads its plural catalogue: "1 priority", "2 priorities", never "(s)"."""
    from app.ui.launch import install_translators
    from app.ui.texts import counted

    monkeypatch.delenv(pseudo.PSEUDO_ENV, raising=False)
    monkeypatch.setattr(paths, "translations_dir", lambda: qm_dir)
    restore_app += install_translators(qapp, "en")
    assert len(restore_app) == 1, "English: the app's plural catalogue, no Qt catalogue"
    assert counted("priority", 1) == "1 action-plan priority"
    assert counted("priority", 2) == "2 action-plan priorities"
    assert counted("answer", 1) == "1 answer"
    assert counted("answer", 0) == "0 answers"
    assert counted("round", None) == "? rounds"
    plan = QCoreApplication.translate("ExportDialog", "• the action plan (%n priorities)", "", 1)
    assert plan == "• the action plan (1 priority)"


def test_spanish_counts_use_the_catalogues_plural_forms(
    qapp: QApplication,
    qm_dir: Path,
    restore_app: list[QTranslator],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from app.ui.launch import install_translators

    monkeypatch.delenv(pseudo.PSEUDO_ENV, raising=False)
    monkeypatch.setattr(paths, "translations_dir", lambda: qm_dir)
    restore_app += install_translators(qapp, "es")
    source = "%n problem(s); fix them in the file and choose it again:"
    one = QCoreApplication.translate("AddInstrumentDialog", source, "", 1)
    two = QCoreApplication.translate("AddInstrumentDialog", source, "", 2)
    assert one.startswith("1 problema;") and two.startswith("2 problemas;"), (one, two)


def test_qts_own_spanish_catalogue_ships_with_pyside() -> None:
    folder = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))
    assert (folder / "qtbase_es.qm").exists(), folder


@pytest.fixture
def restore_app(qapp: QApplication) -> Iterator[list[QTranslator]]:
    """Undoes what a test installs: translators, the default locale, the text size."""
    installed: list[QTranslator] = []
    locale, font, sheet = QLocale(), qapp.font(), qapp.styleSheet()
    yield installed
    for translator in installed:
        qapp.removeTranslator(translator)
    QLocale.setDefault(locale)
    qapp.setFont(font)
    qapp.setStyleSheet(sheet)


def _window(lang: str) -> object:
    from app.db.connection import open_database
    from app.services.catalog import default_catalog
    from app.ui.main_window import MainWindow
    from app.ui.settings import AppSettings

    settings = AppSettings()
    settings.language = lang
    db_path = paths.default_database_path()
    db_path.parent.mkdir(parents=True, exist_ok=True)
    window = MainWindow(open_database(db_path), db_path, default_catalog(), settings)
    window.confirm = lambda *_a: True  # type: ignore[method-assign]
    window.inform = lambda *_a: None  # type: ignore[method-assign]
    window.resize(1366, 768)
    window.show()
    return window


def _main_screens(window: object) -> Iterator[str]:
    """Walks the demo through the main screens, yielding each screen's name once shown."""
    from app.ui.main_window import MainWindow

    assert isinstance(window, MainWindow)
    yield "home, first start"
    window.create_demo()
    yield "home"
    round_id = window.home.selected_round()
    assert round_id is not None
    window.open_round(round_id)
    yield "round"
    person = window.round_page.current_person()
    assert person is not None
    window.resume_at(person, "1.1.3")
    window.walkthrough.examples_button.setChecked(True)
    yield "rating"
    window.show_finish(person)
    yield "finish"
    window.start_paper(person)
    yield "paper form"
    window.show_team_view(round_id)
    yield "team view"
    window.show_meeting(round_id)
    yield "meeting"
    window.show_action_plan(round_id)
    yield "action plan"


def test_spanish_app_with_standard_buttons_and_a_fit_at_1366x768(
    qapp: QApplication,
    qm_dir: Path,
    restore_app: list[QTranslator],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    from app.ui.launch import install_translators
    from app.ui.main_window import MainWindow
    from app.ui.style import apply_text_size

    monkeypatch.setenv("SMSOAT_DATA_DIR", str(tmp_path))
    monkeypatch.delenv(pseudo.PSEUDO_ENV, raising=False)
    monkeypatch.setattr(paths, "translations_dir", lambda: qm_dir)
    restore_app += install_translators(qapp, "es")
    assert len(restore_app) == 2, "the app's catalogue and Qt's qtbase_es"
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
    assert buttons.buttons()[0].text().replace("&", "") == "Cancelar"

    window = _window("es")
    assert isinstance(window, MainWindow)
    try:
        assert [a.text() for a in window.menuBar().actions()][:2] == ["&Archivo", "&Edición"]
        too_big = []
        for screen in _main_screens(window):
            for size in ("medium", "large"):
                apply_text_size(size)
                hint = window.minimumSizeHint()
                if hint.width() > 1366 or hint.height() > 768:
                    too_big.append(f"{screen} at {size} text: {hint.width()}×{hint.height()}")
        assert not too_big, f"Spanish screens that cannot fit 1366×768: {too_big}"
    finally:
        window.close()
        window.conn.close()


# ------------------------------------------------------------------ (e) instruments


def test_every_instrument_file_declares_spanish() -> None:
    """The loader refuses a file whose declared language is missing from any text, so a declared
    `es` means every text has Spanish (tests/test_instrument_loader.py checks the refusal)."""
    files = sorted((REPO / "instruments").glob("*.json"))
    assert files
    lacking = [f.name for f in files if "es" not in json.loads(f.read_text("utf-8"))["languages"]]
    assert not lacking, f"instrument files without Spanish: {lacking}"


# ------------------------------------------------------------------ pseudo-localisation


def test_pseudo_text_is_longer_and_keeps_what_qt_reads() -> None:
    text = pseudo.pseudo("Open data &folder for {0}")
    assert "&f" in text and "{0}" in text and text.startswith("[") and text.endswith("]")
    assert len(text) >= 1.35 * len("Open data &folder for {0}")
    assert "(*.sqlite3)" in pseudo.pseudo("SMS OAT data (*.sqlite3)")
    assert pseudo.pseudo("Tom && Jerry").count("&&") == 1
    assert pseudo.pseudo("") == ""


def test_main_screens_build_under_pseudo_localisation(
    qapp: QApplication,
    qm_dir: Path,
    restore_app: list[QTranslator],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    from app.ui.launch import install_translators
    from app.ui.main_window import MainWindow

    monkeypatch.setenv(pseudo.PSEUDO_ENV, "1")
    monkeypatch.setattr(paths, "translations_dir", lambda: qm_dir)
    for lang in ("en", "es"):
        monkeypatch.setenv("SMSOAT_DATA_DIR", str(tmp_path / lang))
        restore_app += install_translators(qapp, lang)
        window = _window(lang)
        assert isinstance(window, MainWindow)
        try:
            for screen in _main_screens(window):
                assert window.stack.currentWidget().isVisible(), screen
            file_menu = window.menuBar().actions()[0].text()
            assert file_menu == ("[&Fîlé]" if lang == "en" else pseudo.pseudo("&Archivo"))
        finally:
            window.close()
            window.conn.close()
        for translator in restore_app:
            qapp.removeTranslator(translator)
