"""The walkthrough: one person rates one item at a time; every change is committed at once.

Keys: the digit shown on a choice selects it (0 is the tenth), D = don't know, N = not
applicable, Up/Down move between choices, Left/Right or Alt+Left/Alt+Right go to the previous or
next item, Enter goes to the next item, E folds the examples open or shut.

This module holds the page: layout, the item on screen, storing answers. Its parts live apart:
the domain tree `domain_navigator`, the keys `walkthrough_keys`, when a comment is stored
`comment_autosave`, and the words built from the instrument `walkthrough_texts`.
"""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QToolButton,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.core.errors import SmsOatError
from app.core.instrument import Instrument, Item
from app.core.models import Answer, Respondent
from app.services import answering
from app.ui import walkthrough_keys
from app.ui.announce import announce
from app.ui.choice_group import ChoiceButton, ChoiceGroup, check_only
from app.ui.comment_autosave import CommentAutosave
from app.ui.domain_navigator import DomainNavigator
from app.ui.error_text import user_message
from app.ui.page_title import PageTitle
from app.ui.reading_order import splitter_in_reading_order
from app.ui.texts import role_label
from app.ui.walkthrough_texts import choice_entries, finish_question, provenance_text


def _confirm(parent: QWidget | None, title: str, text: str) -> bool:
    from app.ui import dialogs

    return dialogs.confirm(parent, title, text)


class WalkthroughPage(QWidget):
    finished = Signal(int)
    leave = Signal(int)
    saved = Signal(str)

    def __init__(self, conn: sqlite3.Connection, lang: str) -> None:
        super().__init__()
        self.conn = conn
        self.lang = lang
        # the window answers questions (tests answer them without a modal loop)
        self.confirm: Callable[[QWidget | None, str, str], bool] = _confirm
        self.instrument: Instrument | None = None
        self.person: Respondent | None = None
        self.answers: dict[str, Answer] = {}
        self.items: list[Item] = []
        self.index = 0
        self.read_only = False
        self._build()

    # ---------------------------------------------------------------- layout
    def _build(self) -> None:
        self.who = PageTitle()
        self.who.setObjectName("pageTitle")
        self.leave_button = QPushButton(self.tr("&Stop for now"))
        self.leave_button.setToolTip(
            self.tr("Everything is saved; you will resume at this item next time.")
        )
        self.leave_button.clicked.connect(self._leave)
        self.finish_button = QPushButton(self.tr("F&inish…"))
        self.finish_button.clicked.connect(self._finish)
        top = QHBoxLayout()
        top.addWidget(self.who, 1)
        top.addWidget(self.finish_button)
        top.addWidget(self.leave_button)

        self.navigator = DomainNavigator(self.domain_progress)
        self.navigator.chosen.connect(self._navigate)

        self.number = QLabel()
        self.number.setObjectName("itemNumber")
        self.number.setWordWrap(True)
        self.prompt = QLabel()
        self.prompt.setObjectName("prompt")
        self.prompt.setWordWrap(True)
        self.prompt.setTextFormat(Qt.TextFormat.PlainText)
        self.prompt.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.explanation = QLabel()
        self.explanation.setWordWrap(True)
        self.explanation.setTextFormat(Qt.TextFormat.PlainText)
        self.examples_button = QToolButton()
        self.examples_button.setCheckable(True)
        self.examples_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.examples_button.setArrowType(Qt.ArrowType.RightArrow)
        self.examples_button.toggled.connect(self._toggle_examples)
        self.examples = QLabel()
        self.examples.setWordWrap(True)
        self.examples.setTextFormat(Qt.TextFormat.PlainText)
        self.examples.hide()
        # the choices in a group named by the question and labelled by the prompt: a screen
        # reader says the question when focus enters the choices
        self.choices_group = ChoiceGroup(key_handler=self.handle_key)
        self.choices_group.chosen.connect(self.choose)
        self.prompt.setBuddy(self.choices_group)
        comment_label = QLabel(self.tr("&Comment (optional):"))
        self.comment = QPlainTextEdit()
        self.comment.setAccessibleName(self.tr("Comment"))
        self.comment.setAccessibleDescription(
            self.tr("Saved when you pause typing and when you go to another item.")
        )
        self.comment.setTabChangesFocus(True)
        self.comment.setFixedHeight(70)
        self.comment_autosave = CommentAutosave(self.comment)
        self.comment_autosave.typing.connect(self._comment_typing)
        self.comment_autosave.paused.connect(self.save_comment)
        comment_label.setBuddy(self.comment)
        # focus follows the screen: Examples, the choices (one stop), the comment
        self.choices_group.set_neighbours(self.examples_button, self.comment)
        self.saved_label = QLabel(" ")
        self.saved_label.setObjectName("saved")  # its name is its text: "✓ Saved 03:09:59"

        self.prev_button = QPushButton(self.tr("← &Previous"))
        self.prev_button.clicked.connect(lambda: self.go(self.index - 1))
        self.next_button = QPushButton(self.tr("&Next →"))
        self.next_button.clicked.connect(lambda: self.go(self.index + 1))
        self.unanswered_button = QPushButton(self.tr("Next &unanswered"))
        self.unanswered_button.clicked.connect(self.go_next_unanswered)
        nav = QHBoxLayout()
        nav.addWidget(self.prev_button)
        nav.addWidget(self.next_button)
        nav.addWidget(self.unanswered_button)
        nav.addStretch(1)
        nav.addWidget(self.saved_label)

        panel = QWidget()
        pl = QVBoxLayout(panel)
        pl.addWidget(self.number)
        pl.addWidget(self.prompt)
        pl.addWidget(self.explanation)
        pl.addWidget(self.examples_button, 0, Qt.AlignmentFlag.AlignLeft)
        pl.addWidget(self.examples)
        line = QFrame()
        line.setFrameShape(QFrame.Shape.HLine)
        pl.addWidget(line)
        pl.addWidget(self.choices_group)
        pl.addWidget(comment_label)
        pl.addWidget(self.comment)
        # What is being rated (issue 17): title, version, source, and whether it is the official
        # wording; in the scrolled panel, so a long attribution never squeezes the item.
        self.provenance = QLabel()
        self.provenance.setWordWrap(True)
        self.provenance.setTextFormat(Qt.TextFormat.PlainText)
        self.provenance.setAccessibleName(self.tr("About this instrument"))
        pl.addSpacing(8)
        pl.addWidget(self.provenance)
        pl.addStretch(1)
        self.scroller = QScrollArea()
        self.scroller.setWidget(panel)
        self.scroller.setWidgetResizable(True)
        self.scroller.setFrameShape(QFrame.Shape.NoFrame)
        # not a Tab stop of its own (an unnamed filler to a screen reader); it scrolls to the
        # focused control by itself
        self.scroller.setFocusPolicy(Qt.FocusPolicy.NoFocus)

        right = QWidget()
        rl = QVBoxLayout(right)
        rl.setContentsMargins(0, 0, 0, 0)
        rl.addWidget(self.scroller, 1)
        rl.addLayout(nav)
        split = QSplitter()
        split.addWidget(self.navigator)
        split.addWidget(right)
        split.setStretchFactor(1, 3)
        split.setSizes([380, 900])
        splitter_in_reading_order(split)  # the navigator on the left is read first
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(split, 1)

        walkthrough_keys.install_shortcuts(self)

    # ---------------------------------------------------------------- loading
    def load(self, respondent_id: int) -> None:
        self.save_comment()
        self.comment_autosave.clear_pending()
        form = answering.open_form(self.conn, respondent_id)
        self.person, rnd, self.instrument = form.person, form.round, form.instrument
        self.read_only = self.comment_autosave.read_only = rnd.status == "closed"
        self.items = self.instrument.items
        self.answers = form.answers
        self.who.setText(
            self.tr("Rating as {0} ({1})").format(
                self.person.display_name, role_label(self.person.role)
            )
        )
        self.provenance.setText(provenance_text(self.instrument, self.lang))
        self.navigator.build(self.instrument, self.lang)
        self.show_item(self.resume_index())
        self.saved_label.setText(
            self.tr("Closed round: answers can be read, not changed.") if self.read_only else " "
        )

    def resume_index(self) -> int:
        """Exactly where this person stopped; else their first unanswered item."""
        assert self.person is not None
        ids = [i.id for i in self.items]
        if self.person.position in ids:
            return ids.index(self.person.position)
        first = self.first_unanswered(0)
        return 0 if first is None else first

    def _answered(self, item_id: str) -> bool:
        answer = self.answers.get(item_id)
        return answer is not None and answer.choice is not None

    def first_unanswered(self, start: int) -> int | None:
        n = len(self.items)
        for step in range(n):
            i = (start + step) % n
            if not self._answered(self.items[i].id):
                return i
        return None

    # ---------------------------------------------------------------- navigator
    @property
    def _domain_nodes(self) -> dict[str, QTreeWidgetItem]:
        return self.navigator.nodes

    def domain_progress(self, domain_id: str) -> tuple[int, int]:
        assert self.instrument is not None
        domain = self.instrument.domain(domain_id)
        items = domain.items if domain else ()
        return sum(1 for i in items if self._answered(i.id)), len(items)

    def _navigate(self, node: QTreeWidgetItem, _column: int = 0) -> None:
        domain_id = node.data(0, Qt.ItemDataRole.UserRole)
        if not domain_id:
            return
        ids = [i.domain_id for i in self.items]
        start = ids.index(domain_id)
        for i in range(start, len(self.items)):
            if self.items[i].domain_id != domain_id:
                break
            if not self._answered(self.items[i].id):
                self.show_item(i)
                return
        self.show_item(start)

    # ---------------------------------------------------------------- one item
    @property
    def item(self) -> Item:
        return self.items[self.index]

    def show_item(self, index: int) -> None:
        assert self.instrument is not None and self.person is not None
        if not self.save_comment():
            return  # stay on the item whose comment could not be saved; the label says why
        self.index = max(0, min(index, len(self.items) - 1))
        item = self.item
        domain = self.instrument.domain(item.domain_id)
        domain_title = domain.title.get(self.lang) if domain else ""
        self.number.setText(
            self.tr("Item {0} · {1} of {2} · {3}").format(
                item.id, self.index + 1, len(self.items), domain_title
            )
        )
        # heard with pauses, not "middle dot"; the prompt's name is the question itself
        self.number.setAccessibleName(
            self.tr("Item {0}, {1} of {2}, {3}").format(
                item.id, self.index + 1, len(self.items), domain_title
            )
        )
        self.prompt.setText(item.prompt.get(self.lang))
        # Explanation and examples are optional from format version 2 (docs/instrument-format.md).
        explanation = item.explanation
        self.explanation.setText(explanation.get(self.lang) if explanation is not None else "")
        self.explanation.setVisible(explanation is not None)
        self.examples.setText("\n".join(f"• {e.get(self.lang)}" for e in item.examples))
        self.examples_button.setText(self.tr("Examples ({0}) — Ctrl+E").format(len(item.examples)))
        self.examples_button.setVisible(bool(item.examples))
        self.examples_button.setChecked(False)
        self._build_choices(item)
        answer = self.answers.get(item.id)
        if not self._answered(item.id) and not self.read_only:
            # the last "✓ Saved 10:42" was about the item before: here nothing is saved yet
            self.saved_label.setProperty("state", "")
            self.saved_label.setText(" ")
            self.saved_label.setToolTip("")
            self.saved_label.style().polish(self.saved_label)
        self.comment_autosave.show_text(answer.comment if answer else "")
        self.comment.setReadOnly(self.read_only)
        self.prev_button.setEnabled(self.index > 0)
        self.next_button.setEnabled(self.index < len(self.items) - 1)
        self.navigator.show_domain(item.domain_id)
        self.scroller.verticalScrollBar().setValue(0)
        if not self.read_only:
            # the position is a convenience; the answers are what must be durable
            with contextlib.suppress(SmsOatError):
                answering.remember_position(self.conn, self.person.id, item.id)
        self.choices_group.focus_choice()
        if self.isVisible():
            # the focus stays in the same choices group, whose new name a screen reader does
            # not speak by itself; on opening, entering the group says the question instead
            announce(self.prompt, f"{self.number.accessibleName()}. {self.prompt.text()}")

    def _build_choices(self, item: Item) -> None:
        """Shows the item's choices in the group, the current answer checked."""
        entries = choice_entries(item, self.lang)
        self.choices_group.show_choices(item.prompt.get(self.lang), entries, not self.read_only)
        current = self.answers.get(item.id)
        check_only(self.buttons, current.choice if current is not None else None)

    @property
    def buttons(self) -> list[ChoiceButton]:
        return self.choices_group.buttons

    def _toggle_examples(self, shown: bool) -> None:
        self.examples.setVisible(shown)
        self.examples_button.setArrowType(
            Qt.ArrowType.DownArrow if shown else Qt.ArrowType.RightArrow
        )

    # ---------------------------------------------------------------- saving
    def choose(self, code: str) -> bool:
        """Commit a choice for the current item; the screen says Saved only after the commit."""
        assert self.person is not None
        if self.read_only:
            return False
        item = self.item
        try:
            answer = answering.save_answer(
                self.conn,
                self.person.id,
                item.id,
                code,
                comment=self.comment_autosave.pending(),
                source="screen",
            )
        except SmsOatError as exc:
            self.comment_autosave.timer.stop()
            self._show_not_saved(user_message(exc))
            previous = self.answers.get(item.id)
            check_only(self.buttons, previous.choice if previous is not None else None)
            return False
        self.comment_autosave.clear_pending()
        self.answers[item.id] = answer
        check_only(self.buttons, code)
        self._show_saved()
        self.navigator.refresh()
        return True

    def clear_answer(self) -> bool:
        """Delete/Backspace: take back the current item's choice, committed before Saved shows.

        A comment on the item stays. Returns whether the item is now unanswered in the file.
        """
        if self.read_only or self.person is None or not self.items:
            return False
        item = self.item
        if not self._answered(item.id):
            return True
        if not self.save_comment():
            return False
        try:
            kept = answering.clear_answer(self.conn, self.person.id, item.id, source="screen")
        except SmsOatError as exc:
            self._show_not_saved(user_message(exc))
            return False
        if kept is None:
            self.answers.pop(item.id, None)
        else:
            self.answers[item.id] = kept
        check_only(self.buttons, None)
        self._show_saved(self.tr("✓ Answer cleared · saved {0}"))
        self.navigator.refresh()
        return True

    def _comment_typing(self) -> None:
        self.saved_label.setProperty("state", "")
        self.saved_label.setText(self.tr("Typing… saved when you pause"))

    def save_comment(self) -> bool:
        """Commit a pending comment now (on pause, on leaving the item or the page)."""
        if not self.comment_autosave.dirty or self.person is None or not self.items:
            return True
        self.comment_autosave.timer.stop()
        item = self.item
        text = self.comment_autosave.text()
        try:
            answer = answering.save_answer(
                self.conn, self.person.id, item.id, comment=text, source="screen"
            )
        except SmsOatError as exc:
            self._show_not_saved(user_message(exc))
            return False
        self.comment_autosave.clear_pending()
        self.answers[item.id] = answer
        self._show_saved()
        return True

    def _show_saved(self, template: str | None = None) -> None:
        stamp = datetime.now().strftime("%H:%M:%S")
        text = (template or self.tr("✓ Saved {0}")).format(stamp)
        self.saved_label.setProperty("state", "ok")
        self.saved_label.setText(text)
        self.saved_label.style().polish(self.saved_label)
        announce(self.saved_label, text)
        self.saved.emit(text)

    def _show_not_saved(self, reason: str) -> None:
        self.saved_label.setProperty("state", "error")
        self.saved_label.setText(self.tr("✗ Not saved: {0}").format(reason))
        self.saved_label.setToolTip(reason)
        self.saved_label.style().polish(self.saved_label)
        announce(self.saved_label, self.saved_label.text(), assertive=True)
        self.saved.emit(self.saved_label.text())

    # ---------------------------------------------------------------- moving
    def go(self, index: int) -> None:
        if 0 <= index < len(self.items):
            self.show_item(index)

    def go_next_unanswered(self) -> None:
        target = self.first_unanswered(self.index + 1)
        if target is None:
            self._finish()
        else:
            self.show_item(target)

    def _leave(self) -> None:
        self.save_comment()
        if self.person is not None:
            self.leave.emit(self.person.id)

    def _finish(self) -> None:
        self.save_comment()
        if self.person is not None:
            self.finished.emit(self.person.id)

    def unanswered_ids(self) -> list[str]:
        return [item.id for item in self.items if not self._answered(item.id)]

    def offer_finish(self) -> bool:
        """Enter on the last item: ask to finish, saying which items are still unanswered."""
        text = finish_question(self.unanswered_ids())
        if not self.confirm(self, self.tr("Finish the rating?"), text):
            return False
        self._finish()
        return True

    def handle_key(self, event: QKeyEvent) -> bool:
        """The walkthrough's keys (see `walkthrough_keys`); False for any other key."""
        return walkthrough_keys.handle_key(self, event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if not self.handle_key(event):
            super().keyPressEvent(event)

    def hideEvent(self, event: object) -> None:
        self.save_comment()
        super().hideEvent(event)  # type: ignore[arg-type]
