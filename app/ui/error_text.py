"""What went wrong, in the interface's language.

The Qt-free layers raise typed errors with English messages (the command line's words); the ones
a person meets in the GUI also carry a stable `code` and their `params` (app/core/errors.py). This
says the same in the chosen language, with what to do; an error without a known code is shown with
its own message. Thread-safe (QCoreApplication.translate is), so workers may call it.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from app.core.errors import SmsOatError


def _texts() -> dict[str, str]:
    return {
        "agency_name": QCoreApplication.translate("errors", "An agency needs a name."),
        "round_name": QCoreApplication.translate(
            "errors", "A round needs a name, for example “Spring 2026”."
        ),
        "period_reversed": QCoreApplication.translate(
            "errors", "The review period ends before it starts."
        ),
        "member_name": QCoreApplication.translate(
            "errors", "A team member needs a name or initials."
        ),
        "member_has_answers": QCoreApplication.translate(
            "errors", "{name} has {count} saved answers and cannot be removed."
        ),
        "round_closed": QCoreApplication.translate(
            "errors", "This round is closed; reopen it to change answers."
        ),
        "comment_too_long": QCoreApplication.translate(
            "errors", "A comment can hold up to {max} characters."
        ),
        "due_before_start": QCoreApplication.translate(
            "errors", "The due date is before the start date."
        ),
        "folder_missing": QCoreApplication.translate(
            "errors", "Cannot write {path}: the folder {folder} does not exist."
        ),
        "cannot_write": QCoreApplication.translate("errors", "Cannot write {path}: {reason}."),
        "damaged": QCoreApplication.translate(
            "errors",
            "The data file is damaged or is not an SMS OAT Studio data file. Restore it from a"
            " backup, or open another file.",
        ),
        "disk_full": QCoreApplication.translate(
            "errors",
            "The disk is full, so the last change was NOT saved. Free some space (or save to"
            " another drive) and try again.",
        ),
        "read_only": QCoreApplication.translate(
            "errors",
            "The data file cannot be written (read-only file or folder), so the last change was"
            " NOT saved. Move the data file to a folder you can write to.",
        ),
        "busy": QCoreApplication.translate(
            "errors",
            "The data file is busy in another window of the app. Close the other window and try"
            " again.",
        ),
    }


def user_message(exc: BaseException) -> str:
    """The error's message in the interface's language when it has a known code, else as is."""
    code = getattr(exc, "code", "") if isinstance(exc, SmsOatError) else ""
    text = _texts().get(code) if code else None
    if text is None:
        return str(exc)
    try:
        return text.format(**exc.params)  # type: ignore[attr-defined]
    except (KeyError, IndexError, ValueError):
        return str(exc)
