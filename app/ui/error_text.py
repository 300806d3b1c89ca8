"""What went wrong, in the interface's language.

The Qt-free layers raise typed errors with English messages (the command line's words); the ones
a person meets in the GUI also carry a stable `code` and their `params` (app/core/errors.py). This
says the same in the chosen language, with what to do; an error without a known code is shown with
its own message. Thread-safe (QCoreApplication.translate is), so workers may call it.
"""

from __future__ import annotations

import sqlite3

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
        "period_too_early": QCoreApplication.translate(
            "errors", "A review period cannot start before {earliest}; check the year."
        ),
        "period_too_late": QCoreApplication.translate(
            "errors",
            "A review period cannot end after {latest} (a year from today); check the year.",
        ),
        "member_name": QCoreApplication.translate(
            "errors", "A team member needs a name or initials."
        ),
        "member_has_answers": QCoreApplication.translate(
            "errors", "{name} has {count} saved answers and cannot be removed."
        ),
        "member_withdrawn": QCoreApplication.translate(
            "errors", "{name} is withdrawn from this round; reinstate them to change their answers."
        ),
        "member_already_withdrawn": QCoreApplication.translate(
            "errors", "{name} is already withdrawn."
        ),
        "member_not_withdrawn": QCoreApplication.translate("errors", "{name} is not withdrawn."),
        "round_closed_team": QCoreApplication.translate(
            "errors", "This round is closed; reopen it to change its team."
        ),
        "backup_failed": QCoreApplication.translate(
            "errors",
            "Could not make a backup copy first ({reason}), so nothing was deleted. Free some"
            " space on the disk (or fix the backups folder) and try again.",
        ),
        "round_closed": QCoreApplication.translate(
            "errors", "This round is closed; reopen it to change answers."
        ),
        "comment_too_long": QCoreApplication.translate(
            "errors", "A comment can hold up to {max} characters."
        ),
        # keys (issue 15): the messages the key dialog shows
        "key_file_unusable": QCoreApplication.translate(
            "errors",
            "{name} cannot be a key file (a folder, a device, not text or too large); choose"
            " the key file you were given.",
        ),
        "key_file_unreadable": QCoreApplication.translate(
            "errors", "Cannot read {name} ({reason}); choose the key file you were given."
        ),
        "key_not_public": QCoreApplication.translate(
            "errors",
            "{name} holds no coordinator public key (a line starting with age1); ask the state"
            " coordinator for the public key file.",
        ),
        "key_is_private": QCoreApplication.translate(
            "errors",
            "{name} holds a private key, which must never leave the coordinator's laptop; use"
            " the public key file instead.",
        ),
        "keys_passphrase": QCoreApplication.translate(
            "errors",
            "The keys could not be opened: the passphrase is wrong or the file is not an"
            " exported keys file. Nothing was changed.",
        ),
        "keys_not_export": QCoreApplication.translate(
            "errors",
            "This is not a keys file saved by SMS OAT Studio; nothing was changed.",
        ),
        "key_exists": QCoreApplication.translate(
            "errors",
            "A coordinator key already exists here; it is made once per state office.",
        ),
        "key_damaged": QCoreApplication.translate(
            "errors",
            "{name} in the keys folder is damaged. Restore the keys from a backup or from a keys"
            " file saved with a passphrase.",
        ),
        "key_write_failed": QCoreApplication.translate(
            "errors",
            "Cannot write the key file {path} ({reason}); check that the data folder can be"
            " written to.",
        ),
        "keys_folder_unwritable": QCoreApplication.translate(
            "errors",
            "Cannot create the keys folder {folder} ({reason}); check that the data folder can"
            " be written to.",
        ),
        "keys_no_passphrase": QCoreApplication.translate(
            "errors", "Give a passphrase to protect the keys."
        ),
        "keys_none": QCoreApplication.translate("errors", "There are no keys here to save yet."),
        "due_before_start": QCoreApplication.translate(
            "errors", "The due date is before the start date."
        ),
        "folder_missing": QCoreApplication.translate(
            "errors", "Cannot write {path}: the folder {folder} does not exist."
        ),
        "cannot_write": QCoreApplication.translate("errors", "Cannot write {path}: {reason}."),
        "output_is_data": QCoreApplication.translate(
            "errors",
            "Nothing was written: {path} is the data file itself (or one of its companion files)."
            " Choose another file name.",
        ),
        "output_companion_name": QCoreApplication.translate(
            "errors",
            "Nothing was written: names ending in -wal, -shm or -journal belong to databases."
            " Choose another file name than {path}.",
        ),
        "output_not_regular": QCoreApplication.translate(
            "errors",
            "Nothing was written: {path} is a folder or a device, not a file. Name a file inside"
            " a folder instead.",
        ),
        "output_protected": QCoreApplication.translate(
            "errors",
            "Nothing was written: {path} would replace a backup, a key or an instrument file."
            " Choose another file name.",
        ),
        "output_is_database": QCoreApplication.translate(
            "errors",
            "Nothing was written: {path} holds a database (a data file or a backup), which a"
            " report must not replace. Choose another file name.",
        ),
        "output_exists": QCoreApplication.translate(
            "errors", "Nothing was written: {path} already exists. Choose another file name."
        ),
        "output_locked": QCoreApplication.translate(
            "errors",
            "Cannot replace {path}: it is open in another program (a PDF viewer or a"
            " spreadsheet?). Close it there and try again, or save under another name.",
        ),
        "path_too_long": QCoreApplication.translate(
            "errors",
            "Cannot write {path}: the full path is longer than Windows allows ({max} characters)."
            " Choose a shorter name or a folder nearer the top of the drive.",
        ),
        "output_unusable": QCoreApplication.translate(
            "errors", "Nothing was written: {path} cannot be used. Choose another file name."
        ),
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


# Why an exchange file is refused (app/exchange/errors.py codes), with what to do.
_SEND_AGAIN = {
    "bad_signature",
    "unsigned",
    "empty",
    "truncated",
    "checksum_mismatch",
    "schema_violation",
    "duplicate_member",
    "invalid_utf8",
    "unexpected_member",
    "missing_member",
}


def _refusals() -> dict[str, str]:
    return {
        "unreadable": QCoreApplication.translate(
            "errors",
            "the file cannot be opened or read. Check that it is a file you may read, not a"
            " folder, and copy it again.",
        ),
        "not_zip": QCoreApplication.translate(
            "errors", "this is not an exchange file (.smsoat) made by this app."
        ),
        "empty": QCoreApplication.translate("errors", "the file is empty."),
        "truncated": QCoreApplication.translate("errors", "the file is incomplete or damaged."),
        "checksum_mismatch": QCoreApplication.translate(
            "errors",
            "a part of the file changed after it was made (damaged on the way, or edited).",
        ),
        "unsupported_format": QCoreApplication.translate(
            "errors", "the file is not in a format this app knows."
        ),
        "newer_format": QCoreApplication.translate(
            "errors",
            "the file was made by a newer version of this app. Update this app, then import it"
            " again.",
        ),
        "instrument_conflict": QCoreApplication.translate(
            "errors",
            "the file's instrument has the same name and version as one here but different"
            " content. Ask the state which wording is official.",
        ),
        "schema_violation": QCoreApplication.translate("errors", "the file's data is not valid."),
        "size_limit": QCoreApplication.translate(
            "errors", "the file is far larger than any real round; it was not opened."
        ),
        "unsafe_path": QCoreApplication.translate(
            "errors", "the file holds parts with unsafe names; it was not opened."
        ),
        "duplicate_member": QCoreApplication.translate(
            "errors", "the file holds the same part twice."
        ),
        "invalid_utf8": QCoreApplication.translate("errors", "the file's text is not valid UTF-8."),
        "unexpected_member": QCoreApplication.translate(
            "errors", "the file holds parts an exchange file never has."
        ),
        "missing_member": QCoreApplication.translate("errors", "a part of the file is missing."),
        "conflict": QCoreApplication.translate(
            "errors",
            "the file's round, team or priorities clash with different records here. Nothing was"
            " changed; ask for help.",
        ),
        "bad_signature": QCoreApplication.translate(
            "errors",
            "the agency's signature does not match: the file was changed after it was signed,"
            " or damaged on the way.",
        ),
        "unsigned": QCoreApplication.translate(
            "errors", "the file should carry the agency's signature but does not."
        ),
        "not_for_this_key": QCoreApplication.translate(
            "errors",
            "the file is sealed for another coordinator key, or there is no coordinator key"
            " here. Import it on the coordinator's computer, or restore the coordinator's keys.",
        ),
        "key_changed": QCoreApplication.translate(
            "errors",
            "WARNING: this agency now signs with another key than the one trusted here. Call the"
            " agency and compare the key's fingerprint before accepting it.",
        ),
    }


def refusal_reason(exc: SmsOatError) -> str | None:
    """Why an exchange file was refused, in the interface's language; None for an unknown code."""
    text = _refusals().get(exc.code)
    if text is None:
        return None
    if exc.code in _SEND_AGAIN:
        again = QCoreApplication.translate(
            "errors", "Ask the agency to export the round again and send the new file."
        )
        text = f"{text} {again}"
    return text


def as_app_error(exc: BaseException) -> BaseException:
    """An SQLite error about the file (damaged, disk full …) as the StorageError the edges know.

    The open and every write already raise StorageError; a damaged page met later by a read
    (a list, a score, a report) surfaces as sqlite3.DatabaseError and gets the same message.
    """
    if isinstance(exc, sqlite3.Error):
        from app.services.connections import explain_sqlite_error

        problem = explain_sqlite_error(exc)
        if problem.code:
            return problem
    return exc


def translated(exc: BaseException) -> str | None:
    """The error's message in the interface's language, or None when its code is not known."""
    exc = as_app_error(exc)
    if not isinstance(exc, SmsOatError) or not exc.code:
        return None
    text = _texts().get(exc.code)
    if text is None:
        return None
    try:
        return text.format(**exc.params)
    except (KeyError, IndexError, ValueError):
        return None


def user_message(exc: BaseException) -> str:
    """The error's message in the interface's language when it has a known code, else as is."""
    return translated(exc) or str(as_app_error(exc))
