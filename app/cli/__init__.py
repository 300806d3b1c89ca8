"""`smsoat [--db PATH] [COMMAND]`: the same core the GUI uses, for scripts, tests and support.

Without a command it starts the GUI. Bad input gives one clear line on stderr and exit code 2;
an unexpected fault is logged with its traceback and reported in one line (exit code 1).
"""

from __future__ import annotations

import gc
import logging
import sys
from collections.abc import Sequence
from pathlib import Path

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
        from app.ui.launch import run_gui

        context = CliContext(db_path=gui_db if isinstance(gui_db, Path) else None)
        try:
            return run_gui(context.database_path(), explicit=isinstance(gui_db, Path))
        except SmsOatError as exc:
            print(f"smsoat: {exc}", file=sys.stderr)
            return 2
    from app.cli.parser import build_parser

    parser = build_parser()
    args = parser.parse_args(argv)
    context = CliContext(db_path=args.db, may_create=getattr(args, "creates_data", False))
    try:
        if args.command is None:
            from app.ui.launch import run_gui

            return run_gui(context.database_path(), explicit=args.db is not None)
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
        print(f"smsoat: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    except Exception as exc:  # the last line of defence: log it, never dump a traceback
        log.exception("unexpected error in command %s", args.command)
        print(
            f"smsoat: unexpected error ({type(exc).__name__}: {exc}); details in {log_file()}",
            file=sys.stderr,
        )
        return 1
    finally:
        context.close()
