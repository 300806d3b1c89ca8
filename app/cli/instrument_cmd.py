"""`smsoat instrument list|check|template|from-xlsx|to-xlsx`."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from app.cli.context import CliContext, CommandFailed, print_json, print_table
from app.cli.output import shown
from app.core.errors import InstrumentError
from app.core.instrument import Instrument
from app.core.instrument_lint import instrument_warnings
from app.core.instrument_loader import load_instrument, parse_instrument
from app.services.catalog import default_catalog
from app.services.files import write_output
from app.services.instrument_xlsx import (
    instrument_to_xlsx,
    load_instrument_xlsx,
    template_xlsx,
)


def register(sub: Any) -> None:
    parser = sub.add_parser("instrument", help="list or check instrument files")
    inner = parser.add_subparsers(dest="instrument_command", metavar="ACTION", required=True)
    listing = inner.add_parser("list", help="the instruments installed (id, version, title)")
    listing.add_argument("--json", action="store_true", help="machine-readable output")
    listing.set_defaults(handler=run_list)
    check = inner.add_parser(
        "check", help="validate an instrument file (.json or .xlsx) and list every problem"
    )
    check.add_argument("file", type=Path)
    check.set_defaults(handler=run_check)
    template = inner.add_parser(
        "template", help="write a spreadsheet template with a filled example (.xlsx)"
    )
    template.add_argument("-o", "--output", type=Path, required=True, metavar="FILE.xlsx")
    template.set_defaults(handler=run_template)
    from_xlsx = inner.add_parser("from-xlsx", help="convert an instrument workbook to JSON")
    from_xlsx.add_argument("file", type=Path, metavar="FILE.xlsx")
    from_xlsx.add_argument("-o", "--output", type=Path, required=True, metavar="FILE.json")
    from_xlsx.set_defaults(handler=run_from_xlsx)
    to_xlsx = inner.add_parser("to-xlsx", help="convert an instrument JSON file to a workbook")
    to_xlsx.add_argument("file", type=Path, metavar="FILE.json")
    to_xlsx.add_argument("-o", "--output", type=Path, required=True, metavar="FILE.xlsx")
    to_xlsx.set_defaults(handler=run_to_xlsx)


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


def _suffix(path: Path, wanted: str) -> None:
    if path.suffix.lower() != wanted:
        raise CommandFailed(f"{shown(path)}: expected a {wanted} file name.")


def _problems_listed(path: Path, exc: InstrumentError) -> CommandFailed:
    """Every problem on stdout, one a line; the count as the command's one error line."""
    for problem in exc.problems:
        print(shown(problem))
    count = len(exc.problems)
    return CommandFailed(
        f"{shown(path)}: {count} problem{'s' if count != 1 else ''}; fix them and try again."
        if count
        else shown(str(exc))
    )


def _load_any(path: Path) -> Instrument:
    """An instrument from a .json file, or from a workbook (.xlsx) converted on the fly."""
    if path.suffix.lower() == ".xlsx":
        return parse_instrument(load_instrument_xlsx(path), str(path))
    return load_instrument(path)


def run_template(args: argparse.Namespace, context: CliContext) -> int:
    _suffix(args.output, ".xlsx")
    write_output(args.output, template_xlsx(), context.database_path())
    print(
        f"{shown(args.output)}: template written; fill it in, then `smsoat instrument from-xlsx`."
    )
    return 0


def run_from_xlsx(args: argparse.Namespace, context: CliContext) -> int:
    _suffix(args.output, ".json")
    try:
        doc = load_instrument_xlsx(args.file)
    except InstrumentError as exc:
        raise _problems_listed(args.file, exc) from exc
    instrument = parse_instrument(doc, str(args.file))
    text = json.dumps(doc, ensure_ascii=False, indent=1) + "\n"
    write_output(args.output, text.encode("utf-8"), context.database_path())
    print(
        f"{shown(args.output)}: written — {shown(instrument.id)} {shown(instrument.version)}, "
        f"{len(instrument.items)} items, hash {instrument.content_hash[:12]}"
    )
    return 0


def run_to_xlsx(args: argparse.Namespace, context: CliContext) -> int:
    _suffix(args.output, ".xlsx")
    try:
        instrument = load_instrument(args.file)
    except InstrumentError as exc:
        raise _problems_listed(args.file, exc) from exc
    write_output(args.output, instrument_to_xlsx(instrument), context.database_path())
    print(f"{shown(args.output)}: written from {shown(instrument.id)} {shown(instrument.version)}")
    return 0


def run_check(args: argparse.Namespace, context: CliContext) -> int:
    try:
        instrument = _load_any(args.file)
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
