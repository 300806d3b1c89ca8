"""`smsoat [--db PATH] [COMMAND]`: the same core the GUI uses, for scripts, tests and support.

Without a command it starts the GUI. Bad input gives one clear line on stderr and exit code 2;
an unexpected fault is logged with its traceback and reported in one line (exit code 1).
"""

from __future__ import annotations

import gc
import io
import logging
import os
import sqlite3
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TextIO

from app.cli.context import CliContext, CommandFailed
from app.core.errors import SmsOatError
from app.logging_setup import configure_logging, log_file

log = logging.getLogger(__name__)


def _gui_only(argv: Sequence[str]) -> Path | bool | None:
    """`smsoat` or `smsoat --db FILE`: start the GUI without importing every command module.

    Returns the --db path (or None for the default file), or False when argv names a command.
    """
    rest = list(argv)
    db: Path | None = None
    if len(rest) == 2 and rest[0] == "--db":
        db = Path(rest[1])
    elif len(rest) == 1 and rest[0].startswith("--db="):
        db = Path(rest[0].split("=", 1)[1])
    elif rest:
        return False
    return db


def main(argv: Sequence[str] | None = None) -> int:
    configure_logging()
    argv = list(sys.argv[1:] if argv is None else argv)
    gui_db = _gui_only(argv)
    if gui_db is not False:
        # The GUI runs the cycle collector on its own thread's timer (app.ui.worker); turning it
        # off now also spares the start-up's import storm a dozen collections (about 5 ms).
        gc.disable()
        from app.ui.qt_startup import skip_source_scan

        skip_source_scan()  # loads PySide6; the modules imported after it are scanned cheaply
        from app.ui.launch import run_gui

        context = CliContext(db_path=gui_db if isinstance(gui_db, Path) else None)
        try:
            return run_gui(context.database_path(), explicit=isinstance(gui_db, Path))
        except SmsOatError as exc:
            print(f"smsoat: {exc}", file=sys.stderr)
            return 2
    return _run_command(argv)


def _run_command(argv: list[str]) -> int:
    """A command, with its output escaped and its stream and pipe troubles handled.

    - Output goes through app.cli.output's escaping (names from other people's files reach the
      terminal without control characters) and never fails on the terminal's encoding.
    - A reader that stops early (`smsoat score 1 | head`) ends the command quietly with 141, the
      shell's code for a pipe that closed (128 + SIGPIPE), instead of a BrokenPipeError.
    """
    from app.cli.output import EscapingStream, prepare_stream

    saved = sys.stdout, sys.stderr
    for stream in saved:
        prepare_stream(stream)
    sys.stdout, sys.stderr = EscapingStream(saved[0]), EscapingStream(saved[1])
    try:
        code = _command(argv)
        sys.stdout.flush()
        return code
    except BrokenPipeError:
        _silence_stdout(saved[0])
        return 141
    finally:
        sys.stdout, sys.stderr = saved


def _silence_stdout(stdout: TextIO) -> None:
    """After the reader went away, point stdout at devnull so the exit's own flush is quiet."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError, io.UnsupportedOperation):
        pass  # not a real file descriptor (tests): nothing will flush it at exit


def _say(line: str) -> None:
    """One line on stderr: a line break inside a name cannot start a second one."""
    from app.cli.output import shown

    print(f"smsoat: {shown(line)}", file=sys.stderr)


def _unexpected(command: str | None, exc: Exception) -> int:
    """The last line of defence: log it, never dump a traceback."""
    log.error("unexpected error in command %s", command, exc_info=exc)
    _say(f"unexpected error ({type(exc).__name__}: {exc}); details in {log_file()}")
    return 1


def _command(argv: list[str]) -> int:
    from app.cli.parser import build_parser

    parser = build_parser()
    args = parser.parse_args(argv)
    context = CliContext(db_path=args.db, may_create=getattr(args, "creates_data", False))
    try:
        if args.command is None:
            from app.ui.launch import run_gui

            return run_gui(context.database_path(), explicit=args.db is not None)
        from app.services.catalog import use_data_file

        use_data_file(context.database_path())  # its instruments/ folder joins the catalog
        if getattr(args, "output", None) is not None:
            from app.services.output_paths import checked_output

            # before any work: a typo must not cost a long roll-up and then refuse
            checked_output(
                args.output,
                context.database_path(),
                database_copy=getattr(args, "database_copy", False),
                replace=getattr(args, "replace", True),
            )
        return int(args.handler(args, context) or 0)
    except (CommandFailed, SmsOatError) as exc:
        sys.stdout.flush()
        _say(str(exc))
        return 2
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        raise
    except sqlite3.Error as exc:
        # Met while reading or writing, not at open: a damaged page, a full disk. The same one
        # line as at open; an SQLite error that is not about the file stays unexpected below.
        from app.db.connection import storage_error

        problem = storage_error(exc, str(context.database_path()))
        if not problem.code:
            return _unexpected(args.command, exc)
        sys.stdout.flush()
        _say(str(problem))
        return 2
    except Exception as exc:
        return _unexpected(args.command, exc)
    finally:
        context.close()
