"""The argument parser: imported only when a command is given (the GUI's start does not need it)."""

from __future__ import annotations

import argparse
import importlib
from pathlib import Path

from app import APP_NAME, __version__

# Each command module contributes `register(subparsers)`; its handlers take (args, context).
# They are imported only when a command is given, so starting the GUI does not pay for them.
COMMAND_MODULES = (
    "instrument_cmd",
    "demo_cmd",
    "rounds_cmd",
    "score_cmd",
    "report_cmd",
    "exchange_cmd",
    "safety_cmd",
    "undo_cmd",
    "keys_cmd",
    "history_cmd",
    "agencies_cmd",
)


MAX_ID = 2**63 - 1  # SQLite's largest row id


def row_id(text: str) -> int:
    """A record id as argparse reads it: a whole number SQLite can hold, or a one-line refusal.

    int() alone let `score 99999999999999999999` through to SQLite, which raised OverflowError
    (exit 1, "unexpected error").
    """
    try:
        value = int(text)
    except ValueError:
        value = 0
    if not 1 <= value <= MAX_ID:
        raise argparse.ArgumentTypeError(
            f"'{text[:40]}' is not an id; ids are whole numbers from 1 to {MAX_ID}"
        )
    return value


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        """One line, exit code 2 (argparse's own usage dump is noise for a mistyped word)."""
        self.exit(2, f"smsoat: {message} (see 'smsoat --help')\n")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="smsoat",
        description=f"{APP_NAME}: offline self-management support organizational assessment.",
    )
    parser.add_argument("--version", action="version", version=f"{APP_NAME} {__version__}")
    parser.add_argument(
        "--db", type=Path, metavar="PATH", help="data file to use (default: the per-user one)"
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    for name in COMMAND_MODULES:
        importlib.import_module(f"app.cli.{name}").register(sub)
    return parser
