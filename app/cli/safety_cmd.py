"""`smsoat backup -o FILE` and `smsoat check`."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from app.cli.context import CliContext, CommandFailed
from app.services.backups import write_copy
from app.services.integrity import check_database


def register(sub: Any) -> None:
    backup = sub.add_parser("backup", help="write a consistent copy of the data file")
    backup.add_argument("-o", "--output", type=Path, required=True, metavar="FILE")
    backup.add_argument(
        "--force", dest="replace", action="store_true", help="replace FILE if it exists"
    )
    backup.set_defaults(handler=run_backup, database_copy=True)
    check = sub.add_parser("check", help="integrity and consistency check of the data file")
    check.set_defaults(handler=run_check)


def run_backup(args: argparse.Namespace, context: CliContext) -> int:
    target: Path = args.output  # checked before the command ran (app/services/output_paths.py)
    write_copy(context.conn, target)
    print(f"Backup written to {target}")
    return 0


def run_check(args: argparse.Namespace, context: CliContext) -> int:
    report = check_database(context.conn)
    for problem in report.problems:
        print(problem)
    if not report.ok:
        raise CommandFailed(
            f"{context.database_path()}: {len(report.problems)} problem(s) found; restore a "
            "backup (File › Restore from backup…) or keep this file for support."
        )
    print(
        f"{context.database_path()}: OK — integrity check passed, {report.checked_rounds} "
        f"rounds and {report.checked_answers} answers consistent with their instruments."
    )
    return 0
