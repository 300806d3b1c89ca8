"""`smsoat instrument list|check`."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from app.cli.context import CliContext, CommandFailed, print_json, print_table
from app.cli.output import shown
from app.core.errors import InstrumentError
from app.core.instrument_lint import instrument_warnings
from app.core.instrument_loader import load_instrument
from app.services.catalog import default_catalog


def register(sub: Any) -> None:
    parser = sub.add_parser("instrument", help="list or check instrument files")
    inner = parser.add_subparsers(dest="instrument_command", metavar="ACTION", required=True)
    listing = inner.add_parser("list", help="the instruments installed (id, version, title)")
    listing.add_argument("--json", action="store_true", help="machine-readable output")
    listing.set_defaults(handler=run_list)
    check = inner.add_parser("check", help="validate an instrument file and list every problem")
    check.add_argument("file", type=Path)
    check.set_defaults(handler=run_check)


def run_list(args: argparse.Namespace, context: CliContext) -> int:
    catalog = default_catalog()
    instruments = catalog.sorted()
    if args.json:
        print_json(
            [
                {
                    "id": i.id,
                    "version": i.version,
                    "title": i.title.get("en"),
                    "languages": list(i.languages),
                    "hash": i.content_hash,
                    "items": len(i.items),
                }
                for i in instruments
            ]
        )
    else:
        print_table(
            ["ID", "VERSION", "TITLE"], [[i.id, i.version, i.title.get("en")] for i in instruments]
        )
    for error in catalog.errors:
        print(f"smsoat: skipped a broken instrument file: {shown(error)}", file=sys.stderr)
    return 0


def run_check(args: argparse.Namespace, context: CliContext) -> int:
    try:
        instrument = load_instrument(args.file)
    except InstrumentError as exc:
        for problem in exc.problems:
            print(shown(problem))
        count = len(exc.problems)
        if count:
            raise CommandFailed(
                f"{shown(args.file)}: {count} problem{'s' if count != 1 else ''}; "
                "fix them and check again."
            ) from exc
        raise
    print(
        f"{shown(args.file)}: OK — {shown(instrument.id)} {shown(instrument.version)}, "
        f"{len(instrument.sections)} sections, {len(instrument.domains)} domains, "
        f"{len(instrument.items)} items, languages {shown(', '.join(instrument.languages))}, "
        f"hash {instrument.content_hash[:12]}"
    )
    for warning in instrument_warnings(instrument):
        print(f"warning: {warning}")
    return 0
