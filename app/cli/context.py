"""What every command needs: the data file, opened once and lazily."""

from __future__ import annotations

import sqlite3
import sys
from pathlib import Path
from typing import Any

from app import paths
from app.db.connection import open_database


class CommandFailed(Exception):
    """A command ran but the outcome is a failure the user must see (exit code 2)."""


class CliContext:
    """`may_create`: the command makes data (demo, import), so a missing data file is created
    (and the user told so); every other command refuses it, so a mistyped --db never leaves a new
    empty file behind that a later command could take for the real one."""

    def __init__(self, db_path: Path | None, *, may_create: bool = False) -> None:
        self.db_path = db_path
        self.may_create = may_create
        self._conn: sqlite3.Connection | None = None

    def database_path(self) -> Path:
        return self.db_path if self.db_path is not None else paths.default_database_path()

    @property
    def conn(self) -> sqlite3.Connection:
        if self._conn is None:
            path = self.database_path()
            missing = not path.exists() and not path.is_symlink()
            if missing and not self.may_create:
                raise CommandFailed(
                    f"There is no data file at {path}: check the path given to --db (or leave it"
                    " out to use the usual one); 'smsoat demo' or 'smsoat import' create one."
                )
            self._conn = open_database(path)
            if missing:
                print(f"smsoat: created a new data file at {path}", file=sys.stderr)
            self._warn_if_synced(path)
        return self._conn

    @staticmethod
    def _warn_if_synced(path: Path) -> None:
        """One stderr line when the data file sits in a OneDrive/Dropbox/… folder or on a
        share (the GUI says it in a box); the command still runs."""
        from app.services.sync_folders import cli_warning

        line = cli_warning(str(path.absolute()))
        if line is not None:
            print(f"smsoat: {line}", file=sys.stderr)

    def close(self) -> None:
        if self._conn is not None:
            self._conn.close()
            self._conn = None


def print_json(data: Any) -> None:
    import json  # the GUI's start does not need it

    # on a stream that is not UTF-8 (a Windows console or redirect in cp1252) every non-ASCII
    # character is written as a JSON escape, so the data survives any encoding unchanged
    utf8 = (getattr(sys.stdout, "encoding", "") or "").lower().replace("-", "") == "utf8"
    json.dump(data, sys.stdout, ensure_ascii=not utf8, indent=2, sort_keys=False)
    sys.stdout.write("\n")


def print_table(headers: list[str], rows: list[list[str]]) -> None:
    """Columns of text; every cell escaped (app.cli.output.shown), so one row stays one line."""
    from app.cli.output import shown

    rows = [[shown(cell) for cell in row] for row in rows]
    widths = [len(h) for h in headers]
    for row in rows:
        widths = [max(w, len(cell)) for w, cell in zip(widths, row, strict=True)]
    for line in [headers, ["-" * w for w in widths], *rows]:
        print("  ".join(cell.ljust(w) for cell, w in zip(line, widths, strict=True)).rstrip())
