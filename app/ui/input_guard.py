"""Scrolling a page never changes a value nor takes the focus from the field being edited.

The wheel: it changes a choice only in the field being edited.

Scrolling a long form with the pointer over a combo box, spin box or date field used to change
that field (a priority set to *Dropped* and shown as *Saved*). One event filter on the application
does it for every window and dialog, including widgets built later: such a field with no focus
never sees the wheel, which goes to the scroll area around it instead. It also takes the wheel's
right to give focus away from these fields (WheelFocus becomes StrongFocus) when they are polished.

The scrollbar: clicking a page's scrollbar gave the focus to its scroll area (Qt gives a click's
focus to the first parent that accepts it), so the next keys typed into a field went nowhere.
Page scroll areas (QScrollArea, not lists, tables or text boxes) take no focus: Tab moves
between the fields inside and Qt scrolls to the one that gets the focus.

Enter on a push button: Qt clicks a focused button with Enter only inside a dialog, so Enter on
the home page's *Open the demo* did nothing. Outside dialogs Enter (and the keypad's Enter) on a
focused push button (not a checkable one: the rating choices' Enter means next item) clicks
it, as Space does; dialogs keep Qt's own default-button handling.

Why on the application: pages and dialogs are built lazily and some fields are made per row,
so a filter installed widget by widget would miss some. The filter compares class names with
`inherits` (C++) and returns at once for every other kind of event. Measured offscreen: it adds
about 3 µs to each event Qt dispatches (1 µs without it; 0.3 % of a second at 1,000 events a
second); tests/gui/test_real_use.py keeps it under 20 µs.

It is on the start-up path, so it never touches PySide6's `Qt` namespace or `QEvent.Type` (the
first touch creates every enum of the namespace at once: about 30 ms here); it compares the
enums' integer values instead (docs/startup.md), as app/ui/item_roles.py does.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject

# Integer values of Qt's enums (see the module's docstring); tests/gui/test_real_use.py checks
# each against the enum it stands for.
WHEEL, KEY_PRESS, POLISH = 31, 6, 75  # QEvent.Type
KEY_RETURN, KEY_ENTER = 0x01000004, 0x01000005  # Qt.Key
KEYPAD_MODIFIER = 0x20000000  # Qt.KeyboardModifier.KeypadModifier
NO_FOCUS, STRONG_FOCUS, WHEEL_FOCUS = 0, 11, 15  # Qt.FocusPolicy
_ENTER = (KEY_RETURN, KEY_ENTER)
_GUARDED = ("QComboBox", "QAbstractSpinBox")  # QDateEdit and QSpinBox are QAbstractSpinBoxes


def _guarded(obj: QObject) -> bool:
    return obj.isWidgetType() and any(obj.inherits(name) for name in _GUARDED)


def _scroll_instead(field: QObject, event: QEvent) -> bool:
    """Hand the wheel to the scroll area around `field`; the field itself never sees it.

    Explicit rather than left to Qt's propagation, which happens only for events from the
    window system (so a test could not show it) and stops at the first widget that accepts.
    """
    parent = field.parent()
    while parent is not None:
        if parent.isWidgetType() and parent.inherits("QAbstractScrollArea"):
            QCoreApplication.sendEvent(parent.viewport(), event)  # type: ignore[attr-defined]
            return True
        parent = parent.parent()
    event.ignore()  # nothing to scroll: let Qt offer it to the window, never to the field
    return True


def _enter_clicks(widget: QObject, event: QEvent) -> bool:
    if not widget.inherits("QPushButton") or widget.window().inherits("QDialog"):  # type: ignore[attr-defined]
        return False
    if widget.isCheckable():  # type: ignore[attr-defined]
        return False  # rating choices: their page gives Enter its own meaning (next item)
    key = event.key()  # type: ignore[attr-defined]
    mods = event.modifiers().value & ~KEYPAD_MODIFIER  # type: ignore[attr-defined]
    if key not in _ENTER or mods != 0:
        return False
    if widget.isEnabled() and widget.isVisible():  # type: ignore[attr-defined]
        widget.animateClick()  # type: ignore[attr-defined]
        return True
    return False


class WheelGuard(QObject):
    """Event filter: an unfocused combo box, spin box or date field lets the wheel pass."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type().value
        if kind == WHEEL:
            if _guarded(watched) and not watched.hasFocus():  # type: ignore[attr-defined]
                return _scroll_instead(watched, event)
        elif kind == KEY_PRESS and watched.isWidgetType():
            return _enter_clicks(watched, event)
        elif kind == POLISH and watched.isWidgetType():
            settle_focus_policy(watched)
        return False


def settle_focus_policy(widget: QObject) -> None:
    """Page scroll areas take no focus; guarded fields take none from the wheel. Asks for the
    focus policy (an enum: its first use creates Qt's enums) only of those kinds of widget."""
    if widget.inherits("QScrollArea"):
        policy = widget.focusPolicy()  # type: ignore[attr-defined]
        widget.setFocusPolicy(type(policy)(NO_FOCUS))  # type: ignore[attr-defined]
    elif _guarded(widget):
        policy = widget.focusPolicy()  # type: ignore[attr-defined]
        if policy.value == WHEEL_FOCUS:
            widget.setFocusPolicy(type(policy)(STRONG_FOCUS))  # type: ignore[attr-defined]


def install(app: QCoreApplication | None = None) -> WheelGuard | None:
    """Install the guard once on the application (again is harmless); returns it."""
    app = app or QCoreApplication.instance()
    if app is None:
        return None
    existing = app.findChild(WheelGuard)
    if existing is not None:
        return existing
    guard = WheelGuard(app)  # a child of the application: it lives exactly as long
    app.installEventFilter(guard)
    from PySide6.QtWidgets import QApplication

    for widget in QApplication.allWidgets():  # polished before the guard was there
        settle_focus_policy(widget)
    return guard
