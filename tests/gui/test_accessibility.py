"""Accessibility promises, checked on the real window:

- every focusable control on every page and main dialog has an accessible name (a button's own
  text counts, as Qt exposes it; an input, list, table or combo box needs its own name or a label
  whose buddy it is), and the controls of the rating workflow say how to use them (description);
- no two mnemonics on a screen share a letter, nor with the menu bar (English and Spanish);
- the three workflows that matter are done with keys alone, sent to whatever has the focus:
  a new agency, round and team rated from an empty file; the consensus meeting; a paper form;
- every kind of control the pages use has a :focus rule in the style sheet, and the ring is drawn;
- every colour pair in the style sheet and charts has a WCAG contrast of at least 4.5:1 for text
  (3:1 for the focus ring and other non-text marks);
- states are words or marks, not only colours;
- the text size setting reaches every page.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale, Qt
from PySide6.QtGui import QAccessible, QColor, QPalette
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QDialog,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSlider,
    QTabBar,
    QTextEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot

from app import paths
from app.db import organizations, responses, rounds
from app.ui import dialogs, style
from app.ui.main_window import MainWindow
from app.ui.style import apply_text_size
from tests.gui.conftest import MakeWindow

CONTROLS = (
    QAbstractButton,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QComboBox,
    QAbstractSpinBox,
    QAbstractItemView,
    QSlider,
)
# Where the name alone does not say how a control is used (Enter opens, saved on pause …).
DESCRIBED = (QAbstractItemView, QPlainTextEdit)
MENU_LETTERS = {"en": set("fevh"), "es": set()}  # Spanish letters are read from the menu bar
UI = Path(__file__).resolve().parents[2] / "app" / "ui"


# ------------------------------------------------------------------ walking the window


def _controls(root: QWidget) -> Iterator[QWidget]:
    """The visible, focusable controls of a page or dialog (not a spin box's inner line edit)."""
    for widget in root.findChildren(QWidget):
        if not isinstance(widget, CONTROLS) or not widget.isVisibleTo(root.window()):
            continue
        if widget.focusPolicy() == Qt.FocusPolicy.NoFocus:
            continue
        if isinstance(widget.parent(), QAbstractSpinBox | QComboBox):
            continue
        yield widget


def _screens(window: MainWindow) -> Iterator[tuple[str, QWidget]]:
    """Drives the window through every page and main dialog; yields each one once it is shown."""
    yield "home (first start)", window.home
    window.home.demo_button.click()
    yield "home", window.home
    round_id = window.home.selected_round()
    assert round_id is not None
    window.open_round(round_id)
    yield "round", window.round_page
    person = window.round_page.current_person()
    assert person is not None
    window.start_rating(person)
    yield "walkthrough", window.walkthrough
    window.show_finish(person)
    yield "finish", window.finish
    window.start_paper(person)
    yield "paper form", window.paper
    window.show_team_view(round_id)
    yield "team view", window.team_view
    window.show_meeting(round_id)
    yield "meeting", window.meeting
    window.show_action_plan(round_id)
    window.action_plan.add_priority("domain", "1.1")
    window.action_plan.pdsa.add_cycle()
    yield "action plan", window.action_plan
    window.show_coordinator()
    yield "coordinator", window.coordinator
    window.coordinator._written(window.db_path.parent / "rollup.pdf")  # what shows after a save
    yield "coordinator after an export", window.coordinator
    org_id = rounds.get(window.conn, round_id).organization_id
    openers: list[tuple[str, Callable[[], None]]] = [
        ("agency dialog", lambda: window.open_agency_dialog(org_id)),
        ("round dialog", lambda: window.open_round_dialog(org_id)),
        ("person dialog", lambda: window.open_person_dialog(round_id, None)),
        ("settings", window.open_settings),
        ("restore", window.open_restore),
        ("rounds over time", lambda: window.show_history(round_id)),
        ("export", lambda: window.open_export(round_id)),
        ("import", window.open_import),
        ("guide", window.show_guide),
    ]
    for name, opener in openers:
        opener()
        dialog = window.dialog
        assert isinstance(dialog, QDialog), name
        yield name, dialog
        dialog.close()


def _label_buddies(root: QWidget) -> set[QWidget]:
    return {label.buddy() for label in root.window().findChildren(QLabel) if label.buddy()}


def _describe(widget: QWidget) -> str:
    text = widget.text() if isinstance(widget, QAbstractButton) else ""
    return f"{type(widget).__name__} {widget.objectName()!r} {text!r}"


def test_every_control_on_every_screen_has_a_name(window: MainWindow) -> None:
    unnamed: list[str] = []
    undescribed: list[str] = []
    seen = 0
    rating_pages = {
        "home",
        "round",
        "walkthrough",
        "finish",
        "paper form",
        "team view",
        "meeting",
    }
    for screen, root in _screens(window):
        buddies = _label_buddies(root)
        for widget in _controls(root):
            seen += 1
            own = widget.accessibleName().strip()
            if isinstance(widget, QAbstractButton):
                own = own or widget.text().replace("&", "").strip()
            if not own and widget not in buddies:
                unnamed.append(f"{screen}: {_describe(widget)}")
            # and what Qt hands a screen reader is not empty either
            interface = QAccessible.queryAccessibleInterface(widget)
            assert interface is not None
            if not interface.text(QAccessible.Text.Name).strip():
                unnamed.append(f"{screen}: {_describe(widget)} (no name for screen readers)")
            described = interface.text(QAccessible.Text.Description).strip()
            if screen in rating_pages and isinstance(widget, DESCRIBED) and not described:
                undescribed.append(f"{screen}: {_describe(widget)} {own!r}")
    assert seen > 120, "the walk must reach the pages' controls"
    assert unnamed == []
    assert undescribed == []


def _mnemonic(text: str) -> str | None:
    found = re.search(r"&([^&\s])", text.replace("&&", ""))
    return found.group(1).lower() if found else None


def _mnemonics(root: QWidget) -> dict[str, list[str]]:
    letters: dict[str, list[str]] = {}
    for widget in root.findChildren(QWidget):
        if not widget.isVisibleTo(root.window()):
            continue
        labelled = isinstance(widget, QLabel) and widget.buddy() is not None
        if isinstance(widget, QAbstractButton) or labelled:
            text = widget.text()
        elif isinstance(widget, QGroupBox):
            text = widget.title()
        else:
            continue
        letter = _mnemonic(text)
        if letter:
            letters.setdefault(letter, []).append(text)
    for bar in root.findChildren(QTabBar):  # a tab's Alt+letter counts like a button's
        if not bar.isVisibleTo(root.window()):
            continue
        for index in range(bar.count()):
            letter = _mnemonic(bar.tabText(index))
            if letter and bar.isTabEnabled(index):
                letters.setdefault(letter, []).append(bar.tabText(index))
    return letters


@pytest.fixture(params=["en", "es"])
def language(
    request: pytest.FixtureRequest,
    qapp: QApplication,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[str]:
    """The interface language for a test: Spanish loads the app's compiled catalogue."""
    lang: str = request.param
    locale = QLocale()
    installed = []
    if lang != "en":
        from app.ui import pseudo
        from app.ui.launch import install_translators
        from tests.test_translations import compile_catalogues

        folder = compile_catalogues(tmp_path_factory.mktemp("qm"))
        monkeypatch.delenv(pseudo.PSEUDO_ENV, raising=False)
        monkeypatch.setattr(paths, "translations_dir", lambda: folder)
        installed = install_translators(qapp, lang)
        assert installed, "the Spanish catalogue must load"
    yield lang
    for translator in installed:
        qapp.removeTranslator(translator)
    QLocale.setDefault(locale)


def test_no_two_shortcut_letters_collide_on_a_screen(
    language: str, make_window: MakeWindow
) -> None:
    window = make_window()
    menu = {_mnemonic(a.text()) for a in window.menuBar().actions()} - {None}
    assert len(menu) == 4  # File, Edit, View, Help (Round has none: app/ui/main_window.py)
    clashes = []
    for screen, root in _screens(window):
        for letter, texts in _mnemonics(root).items():
            if len(texts) > 1:
                clashes.append(f"{screen}: {texts} share Alt+{letter}")
            if isinstance(root, QDialog):
                continue  # a modal dialog has the keyboard to itself
            if letter in menu:
                clashes.append(f"{screen}: {texts} take Alt+{letter} from the menu bar")
    for top in window.menuBar().actions():  # and inside each menu, its entries
        entries: dict[str, list[str]] = {}
        for action in top.menu().actions():
            letter = _mnemonic(action.text())
            if letter and action.isVisible():
                entries.setdefault(letter, []).append(action.text())
        clashes += [
            f"{top.text()}: {texts} share Alt+{k}" for k, texts in entries.items() if len(texts) > 1
        ]
    assert clashes == [], "\n".join(clashes)


# ------------------------------------------------------------------ keyboard only


def _focus() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None, "something must have the keyboard focus"
    return widget


def _press(
    qtbot: QtBot,
    key: Qt.Key,
    modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier,
) -> None:
    """A key press where a real one goes: to the widget with the focus."""
    qtbot.keyClick(_focus(), key, modifier)


def _alt(qtbot: QtBot, key: Qt.Key, until: Callable[[], bool]) -> None:
    """A button's Alt+letter: Qt shows the press, then clicks it from the event loop."""
    _press(qtbot, key, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(until, timeout=3000)


def _type(qtbot: QtBot, text: str) -> None:
    qtbot.keyClicks(_focus(), text)


def _wait_focus(qtbot: QtBot, widget: QWidget) -> None:
    """Window activation and dialog focus arrive through the event loop."""
    qtbot.waitUntil(lambda: QApplication.focusWidget() is widget, timeout=3000)


def _active(qtbot: QtBot, window: MainWindow) -> None:
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=3000)


def test_from_an_empty_file_to_rated_items_by_keyboard(
    make_window: MakeWindow, qtbot: QtBot
) -> None:
    window = make_window()
    _active(qtbot, window)
    home = window.home
    # first run: the focus starts on the welcome's "Open the demo"; Tab reaches "Create my agency"
    _wait_focus(qtbot, home.demo_button)
    _press(qtbot, Qt.Key.Key_Tab)
    assert _focus() is home.start_button
    _press(qtbot, Qt.Key.Key_Space)
    agency = window.dialog
    assert isinstance(agency, dialogs.AgencyDialog)
    _wait_focus(qtbot, agency.name)
    _type(qtbot, "Keyboard Clinic")
    _press(qtbot, Qt.Key.Key_Tab)
    assert _focus() is agency.site
    _type(qtbot, "North")
    _press(qtbot, Qt.Key.Key_Return)  # the default button accepts
    assert agency.result() == QDialog.DialogCode.Accepted
    [org] = organizations.list_all(window.conn)
    assert (org.name, org.site) == ("Keyboard Clinic", "North")

    # Tab from the agency list to "Start a round…"
    _active(qtbot, window)  # the closed dialog hands the keyboard back
    home.agencies.setFocus()  # where the window puts it on Home (see show_home)
    for expected in (
        home.add_agency_button,
        home.edit_agency_button,
        home.delete_agency_button,
        home.rounds,
        home.new_round_button,
    ):
        _press(qtbot, Qt.Key.Key_Tab)
        assert _focus() is expected
    _press(qtbot, Qt.Key.Key_Space)
    round_dialog = window.dialog
    assert isinstance(round_dialog, dialogs.RoundDialog)
    _wait_focus(qtbot, round_dialog.instrument)
    _press(qtbot, Qt.Key.Key_Tab)
    assert _focus() is round_dialog.name
    _type(qtbot, "Spring by keys")
    _press(qtbot, Qt.Key.Key_Return)
    assert window.stack.currentWidget() is window.round_page
    assert window.current_round is not None
    round_id = window.current_round
    assert rounds.get(window.conn, round_id).name == "Spring by keys"

    # two people through Alt+A, the name, Tab to the role, Down to change it, Enter
    for name, downs in (("Ana", 0), ("Ben", 2)):
        _active(qtbot, window)
        _wait_focus(qtbot, window.round_page.team)
        before = window.dialog
        _alt(qtbot, Qt.Key.Key_A, lambda b=before: window.dialog is not b)  # type: ignore[misc]
        person = window.dialog
        assert isinstance(person, dialogs.PersonDialog)
        _wait_focus(qtbot, person.name)
        _type(qtbot, name)
        _press(qtbot, Qt.Key.Key_Tab)
        assert _focus() is person.role
        for _ in range(downs):
            _press(qtbot, Qt.Key.Key_Down)
        _press(qtbot, Qt.Key.Key_Return)
        assert person.result() == QDialog.DialogCode.Accepted
    team = rounds.respondents(window.conn, round_id)
    assert [(p.display_name, p.role) for p in team] == [
        ("Ana", "clinical_staff"),
        ("Ben", "peer_specialist"),
    ]

    # Up picks Ana, Enter rates as her
    _active(qtbot, window)
    _wait_focus(qtbot, window.round_page.team)
    _press(qtbot, Qt.Key.Key_Up)
    assert window.round_page.current_person() == team[0].id
    _press(qtbot, Qt.Key.Key_Return)
    page = window.walkthrough
    assert window.stack.currentWidget() is page
    _wait_focus(qtbot, page.buttons[0])
    assert page.saved_label.text().strip() == ""
    _type(qtbot, "3")
    assert "Saved" in page.saved_label.text()
    assert _focus() is next(b for b in page.buttons if b.choice.code == "3")
    _press(qtbot, Qt.Key.Key_Return)
    assert page.index == 1
    _type(qtbot, "2")
    _press(qtbot, Qt.Key.Key_Down)  # the arrow moves the choice on: 3
    _press(qtbot, Qt.Key.Key_Right)
    _type(qtbot, "d")
    _press(qtbot, Qt.Key.Key_Enter)
    _press(qtbot, Qt.Key.Key_Up)  # from nothing, Up takes the last choice
    assert "Saved" in page.saved_label.text()
    # the choices are one radio group: Tab leaves it from the checked choice for the comment
    # (arrows move inside); Alt+N goes on and commits it
    checked = next(b for b in page.buttons if b.isChecked())
    assert _focus() is checked
    _press(qtbot, Qt.Key.Key_Tab)
    assert _focus() is page.comment
    _type(qtbot, "typed by keyboard")
    _alt(qtbot, Qt.Key.Key_N, lambda: page.index == 4)
    stored = responses.answers_for_respondent(window.conn, team[0].id)
    items = page.items
    assert {k: a.choice for k, a in stored.items()} == {
        items[0].id: "3",
        items[1].id: "3",
        items[2].id: "dk",
        items[3].id: checked.choice.code,
    }
    assert stored[items[3].id].comment == "typed by keyboard"
    # Alt+S stops for now and goes back to the team, where progress is a word
    _alt(qtbot, Qt.Key.Key_S, lambda: window.stack.currentWidget() is window.round_page)
    assert window.round_page.team.item(0, 3).text() == "In progress"


def _demo(window: MainWindow) -> int:
    window.home.demo_button.click()
    round_id = window.home.selected_round()
    assert round_id is not None
    return round_id


def test_the_consensus_meeting_by_keyboard(window: MainWindow, qtbot: QtBot) -> None:
    round_id = _demo(window)
    _active(qtbot, window)
    window.show_team_view(round_id)
    _wait_focus(qtbot, window.team_view.grid)
    _alt(qtbot, Qt.Key.Key_M, lambda: window.stack.currentWidget() is window.meeting)
    meeting = window.meeting
    assert meeting.rows, "the demo has flagged items"
    item = meeting.item
    _wait_focus(qtbot, meeting.buttons[0])
    _type(qtbot, "2")  # the digit shown on the choice agrees on it
    assert "Saved" in meeting.saved_label.text()
    assert responses.consensus_for_round(window.conn, round_id)[item.id].choice == "2"
    assert [b.isChecked() for b in meeting.buttons].index(True) == 1
    # the choices are one Tab stop (a radio group): Tab goes on to the rationale, and
    # Shift+Tab back from it lands on the agreed answer
    _press(qtbot, Qt.Key.Key_Tab)
    assert _focus() is meeting.rationale
    qtbot.keyClick(_focus(), Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    assert _focus() is meeting.buttons[1]
    _press(qtbot, Qt.Key.Key_Tab)
    assert _focus() is meeting.rationale
    _type(qtbot, "Two of us saw it in every visit")
    _press(qtbot, Qt.Key.Key_Tab)  # leaving the box commits the rationale
    assert _focus() is not meeting.rationale
    agreed = responses.consensus_for_round(window.conn, round_id)[item.id]
    assert (agreed.choice, agreed.rationale) == ("2", "Two of us saw it in every visit")
    # Alt+N to the next item, D records "don't know", Alt+D ends the meeting
    _alt(qtbot, Qt.Key.Key_N, lambda: meeting.index == 1)
    second = meeting.item
    _type(qtbot, "d")
    assert responses.consensus_for_round(window.conn, round_id)[second.id].choice == "dk"
    _alt(qtbot, Qt.Key.Key_D, lambda: window.stack.currentWidget() is window.team_view)


def test_a_paper_form_by_keyboard(window: MainWindow, qtbot: QtBot) -> None:
    from tests.gui.helpers import add_agency, add_person, start_round

    add_agency(window, "Paper Agency")
    round_id = start_round(window, "Paper round")
    person = add_person(window, "Pat", "other")
    _active(qtbot, window)
    _wait_focus(qtbot, window.round_page.team)
    _alt(qtbot, Qt.Key.Key_P, lambda: window.stack.currentWidget() is window._paper)
    paper = window.paper
    _wait_focus(qtbot, paper.table)
    typed = ["4", "2", "n", "7", "1"]
    for row, text in enumerate(typed):
        assert paper.table.currentRow() == row
        _type(qtbot, text)
        _press(qtbot, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: QApplication.focusWidget() is paper.table, timeout=3000)
        if text == "7":
            assert "not on the scale" in paper.status.text()  # refused, said in words
    assert paper.table.item(3, 3).text() == "✗ not saved"
    assert paper.table.item(4, 3).text() == "✓"
    items = paper.items
    assert responses.choices_for_respondent(window.conn, person) == {
        items[0].id: "4",
        items[1].id: "2",
        items[2].id: "na",
        items[4].id: "1",
    }
    _alt(qtbot, Qt.Key.Key_D, lambda: window.stack.currentWidget() is window.round_page)
    assert window.current_round == round_id


# ------------------------------------------------------------------ focus ring


def _sheet() -> str:
    return style._SHEET.format(base=12, prompt=17, title=16, pad=10, pad2=12)


def _focus_rules() -> dict[str, str]:
    """Class name → the declarations of its :focus rules (all of them, joined)."""
    rules: dict[str, str] = {}
    for selectors, body in re.findall(r"([^{}]+)\{([^{}]*)\}", _sheet()):
        for selector in selectors.split(","):
            selector = selector.strip()
            if ":focus" in selector:
                name = re.match(r"[A-Za-z]+", selector)
                assert name is not None
                rules[name.group(0)] = rules.get(name.group(0), "") + body
    return rules


def test_every_kind_of_control_has_a_focus_rule(window: MainWindow) -> None:
    rules = _focus_rules()
    missing = set()
    for _screen, root in _screens(window):
        for widget in _controls(root):
            classes = [cls.__name__ for cls in type(widget).__mro__]
            ring = [rules[c] for c in classes if c in rules]
            if not any(re.search(r"border:\s*\d+px solid #b45309", r) for r in ring):
                missing.add(type(widget).__name__)
    assert missing == set()


@pytest.mark.parametrize("kind", ["button", "line", "combo", "list", "check"])
def test_the_focus_ring_is_drawn(qapp: QApplication, qtbot: QtBot, kind: str) -> None:
    from PySide6.QtWidgets import QCheckBox, QListWidget, QPushButton, QVBoxLayout

    sheet, font = qapp.styleSheet(), qapp.font()
    apply_text_size("medium")
    try:
        host = QWidget()
        qtbot.addWidget(host)
        widgets: dict[str, QWidget] = {
            "button": QPushButton("Go"),
            "line": QLineEdit("text"),
            "combo": QComboBox(),
            "list": QListWidget(),
            "check": QCheckBox("Tick"),
        }
        layout = QVBoxLayout(host)
        other = QPushButton("Elsewhere")
        layout.addWidget(widgets[kind])
        layout.addWidget(other)
        host.show()
        qtbot.waitExposed(host)
        host.activateWindow()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is host, timeout=3000)
        ring = QColor("#b45309").rgb()

        def ring_pixels() -> int:
            image = widgets[kind].grab().toImage()
            return sum(
                1
                for x in range(image.width())
                for y in range(image.height())
                if image.pixel(x, y) == ring
            )

        other.setFocus()
        qtbot.waitUntil(lambda: other.hasFocus(), timeout=3000)
        assert ring_pixels() == 0
        widgets[kind].setFocus()
        qtbot.waitUntil(lambda: widgets[kind].hasFocus(), timeout=3000)
        assert ring_pixels() > 10
    finally:
        qapp.setStyleSheet(sheet)
        qapp.setFont(font)


# ------------------------------------------------------------------ contrast


def _luminance(colour: QColor) -> float:
    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    return (
        0.2126 * channel(colour.red())
        + 0.7152 * channel(colour.green())
        + 0.0722 * channel(colour.blue())
    )


def contrast(a: QColor, b: QColor) -> float:
    high, low = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def test_the_contrast_formula() -> None:
    assert contrast(QColor("#000000"), QColor("#ffffff")) == pytest.approx(21.0)
    assert contrast(QColor("#777777"), QColor("#ffffff")) == pytest.approx(4.48, abs=0.01)


def _window_background() -> QColor:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    return app.palette().color(QPalette.ColorRole.Window)


def _sheet_pairs() -> list[tuple[str, QColor, QColor]]:
    """(rule, text colour, background) for every rule in the sheet that sets a text colour."""
    pairs = []
    for selectors, body in re.findall(r"([^{}]+)\{([^{}]*)\}", _sheet()):
        text = re.search(r"(?<![-\w])color:\s*(#[0-9a-fA-F]{6})", body)
        background = re.search(r"background(?:-color)?:\s*(#[0-9a-fA-F]{6})", body)
        if text is None:
            continue
        base = QColor(background.group(1)) if background else _window_background()
        pairs.append((selectors.strip(), QColor(text.group(1)), base))
    return pairs


def test_text_colours_in_the_sheet_reach_4_5_to_1(window: MainWindow) -> None:
    pairs = _sheet_pairs()
    assert len(pairs) >= 6
    weak = [
        f"{rule}: {fg.name()} on {bg.name()} = {contrast(fg, bg):.2f}"
        for rule, fg, bg in pairs
        if contrast(fg, bg) < 4.5
    ]
    assert weak == []


def test_the_palette_text_and_chart_ink_reach_4_5_to_1(
    window: MainWindow, qapp: QApplication
) -> None:
    from app.ui import state_chart

    before, sheet, font = qapp.palette(), qapp.styleSheet(), qapp.font()
    apply_text_size("medium")  # as the app starts: the palette's selection colours with it
    palette = QApplication.palette()
    qapp.setPalette(before)
    qapp.setStyleSheet(sheet)
    qapp.setFont(font)
    role = QPalette.ColorRole
    pairs = [
        (palette.color(role.WindowText), palette.color(role.Window)),
        (palette.color(role.Text), palette.color(role.Base)),
        (palette.color(role.ButtonText), palette.color(role.Button)),
        (palette.color(role.HighlightedText), palette.color(role.Highlight)),
        (palette.color(role.PlaceholderText), palette.color(role.Base)),  # hints in empty fields
        (state_chart.INK, palette.color(role.Window)),
        (state_chart.INK, state_chart.BOX),  # the median's label sits by the box
        (QColor("#111827"), palette.color(role.Window)),  # the domain chart's ink
    ]
    weak = [(fg.name(), bg.name()) for fg, bg in pairs if contrast(_over(fg, bg), bg) < 4.5]
    assert weak == []


def _over(fg: QColor, bg: QColor) -> QColor:
    """What a half-transparent colour looks like on its background (Fusion's hint text is)."""
    a = fg.alphaF()
    return QColor.fromRgbF(
        fg.redF() * a + bg.redF() * (1 - a),
        fg.greenF() * a + bg.greenF() * (1 - a),
        fg.blueF() * a + bg.blueF() * (1 - a),
    )


def test_colours_set_anywhere_in_the_interface_are_checked_here() -> None:
    """Every colour literal in app/ui is one this file measures (a new one must be added here)."""
    measured_text = {fg.name() for _r, fg, _b in _sheet_pairs()} | {"#111827"}
    non_text = {"#b45309": 3.0, "#5b6b82": 3.0, "#c7ccd6": 1.0, "#4b5563": 3.0}
    backgrounds = {"#ffffff", "#1e3a8a", "#bfd0f2"}
    found = set()
    for path in UI.glob("*.py"):
        found |= {c.lower() for c in re.findall(r"#[0-9a-fA-F]{6}\b", path.read_text())}
    assert found <= measured_text | set(non_text) | backgrounds, found
    white = QColor("#ffffff")
    for colour, floor in non_text.items():
        assert contrast(QColor(colour), white) >= floor, colour
    # the bars and the checked choice: white text on the dark blue
    assert contrast(white, QColor("#1e3a8a")) >= 4.5


# ------------------------------------------------------------------ states in words


def test_states_are_words_or_marks_not_only_colours(window: MainWindow, qtbot: QtBot) -> None:
    round_id = _demo(window)
    window.open_round(round_id)
    page = window.round_page
    statuses = {page.team.item(r, 3).text() for r in range(page.team.rowCount())}
    assert statuses <= {"✓ Finished", "In progress", "Not started"} and statuses
    person = page.current_person()
    assert person is not None
    window.start_rating(person)
    walk = window.walkthrough
    assert walk.choose(walk.item.scale.choices[0].code)
    assert walk.saved_label.text().startswith("✓ Saved")
    assert walk.saved_label.property("state") == "ok"
    window.conn.execute("PRAGMA query_only = ON")
    try:
        assert not walk.choose(walk.item.scale.choices[1].code)
    finally:
        window.conn.execute("PRAGMA query_only = OFF")
    assert walk.saved_label.text().startswith("✗ Not saved")
    assert walk.saved_label.property("state") == "error"
    marks = {}
    for i in range(walk.navigator.topLevelItemCount()):
        node = walk.navigator.topLevelItem(i)
        for n in [node] + [node.child(c) for c in range(node.childCount())]:
            domain = n.data(0, Qt.ItemDataRole.UserRole)
            if domain:
                marks[domain] = n.text(1)
    for domain, mark in marks.items():
        done, total = walk.domain_progress(domain)
        assert mark == ("✓ done" if done == total else f"{done}/{total}")
    assert "✓ done" in marks.values(), "the demo person finished some domain"
    window.show_team_view(round_id)
    grid = window.team_view.grid
    flags = {grid.item(r, 1).text() for r in range(grid.rowCount())}
    words = {w for f in flags for w in f.split(" · ") if w}
    assert words and words <= {"LOW", "SPLIT", "DON'T KNOW"}


# ------------------------------------------------------------------ text size


def test_the_large_text_size_reaches_every_page(window: MainWindow, qapp: QApplication) -> None:
    sheet, font = qapp.styleSheet(), qapp.font()
    try:
        window.open_settings()
        combo = window.dialog.text_size  # type: ignore[union-attr]
        combo.setCurrentIndex(combo.findData("large"))
        window.dialog.close()  # type: ignore[union-attr]
        sizes: dict[str, tuple[int, int]] = {}
        for screen, root in _screens(window):
            if isinstance(root, QDialog):
                field = next(iter(_controls(root)))
                field.ensurePolished()
                sizes[screen] = (field.font().pointSize(), 0)
                continue
            labels = [lab for lab in root.findChildren(QLabel) if lab.isVisibleTo(window)]
            plain = next(lab for lab in labels if not lab.objectName())
            plain.ensurePolished()
            titles = [lab for lab in labels if lab.objectName() == "pageTitle"]
            for title in titles:
                title.ensurePolished()
            sizes[screen] = (
                plain.font().pointSize(),
                titles[0].font().pointSize() if titles else 0,
            )
        small = {s: v for s, v in sizes.items() if v[0] != 15 or v[1] not in (0, 19)}
        assert small == {}
        assert len(sizes) >= 15
    finally:
        qapp.setStyleSheet(sheet)
        qapp.setFont(font)
