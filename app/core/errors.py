"""Typed errors raised by the Qt-free layers and turned into a clear message at the edge.

Each carries a message written for the person using the app: what is wrong and what to do.
The GUI shows it in a dialog; the command line prints it as one line on stderr and exits with 2.
"""

from __future__ import annotations


class SmsOatError(Exception):
    """Base for every error a user may be shown.

    The message is English (the command line's and the log's words). Errors a person meets in the
    GUI also carry a stable `code` and the `params` their message names, so the interface can say
    the same in the user's language (app/ui/error_text.py); without a code it shows the message.
    """

    code: str = ""  # subclasses may fix one for every instance (the exchange refusals do)

    def __init__(
        self, message: str = "", *, code: str = "", params: dict[str, object] | None = None
    ) -> None:
        super().__init__(message)
        if code:
            self.code = code
        self.params: dict[str, object] = params or {}


class InstrumentError(SmsOatError):
    """An instrument file is missing, unreadable or breaks the format; `problems` lists each one."""

    def __init__(self, message: str, problems: list[str] | None = None) -> None:
        super().__init__(message)
        self.problems: list[str] = problems or []


class StorageError(SmsOatError):
    """The data file cannot be opened, migrated or written."""


class NewerDatabaseError(StorageError):
    """The data file was written by a newer version of the app."""


class NotFoundError(SmsOatError):
    """A record named by the user (round, respondent, agency) does not exist."""


class ValidationError(SmsOatError):
    """A value does not fit: an unknown item, a choice not on its scale, a closed round."""


class ExchangeError(SmsOatError):
    """An exchange file cannot be written or is refused on import."""
