"""`smsoat demo`."""

from __future__ import annotations

import argparse
from typing import Any

from app.cli.context import CliContext
from app.cli.output import shown
from app.services.catalog import default_catalog
from app.services.demo import DEMO_INSTRUMENT, create_demo


def register(sub: Any) -> None:
    parser = sub.add_parser("demo", help="add a demo agency with a round of four team members")
    parser.set_defaults(handler=run, creates_data=True)


def run(args: argparse.Namespace, context: CliContext) -> int:
    instrument = default_catalog().get(DEMO_INSTRUMENT)
    result = create_demo(context.conn, instrument)
    if result.existed:
        print(
            f'The demo is already here (round {result.round.id} "{shown(result.round.name)}");'
            " nothing was added."
        )
        return 0
    print(
        f'Added demo round {result.round.id} "{shown(result.round.name)}" with '
        f"{result.respondents} team members and {result.answers} answers."
    )
    return 0
