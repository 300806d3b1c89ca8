"""`smsoat rounds`."""

from __future__ import annotations

import argparse
from typing import Any

from app.cli.context import CliContext, print_json, print_table
from app.services import round_people


def register(sub: Any) -> None:
    parser = sub.add_parser("rounds", help="list assessment rounds")
    parser.add_argument("--json", action="store_true", help="machine-readable output")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace, context: CliContext) -> int:
    listing = round_people.list_all(context.conn)
    if args.json:
        print_json(
            [
                {
                    "id": r.id,
                    "uuid": r.uuid,
                    "agency": agency,
                    "name": r.name,
                    "instrument": r.instrument_id,
                    "instrument_version": r.instrument_version,
                    "status": r.status,
                    "period_start": r.period_start.isoformat(),
                    "period_end": r.period_end.isoformat(),
                }
                for r, agency in listing
            ]
        )
        return 0
    print_table(
        ["ID", "AGENCY", "ROUND", "INSTRUMENT", "STATUS"],
        [[str(r.id), agency, r.name, r.instrument_id, r.status] for r, agency in listing],
    )
    return 0
