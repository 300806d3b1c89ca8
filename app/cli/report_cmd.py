"""`smsoat report scorecard|respondent|action-plan|blank … -o FILE.pdf [--lang] [--paper]`.

The PDF is written to a temporary file beside the target and moved into place only when
complete, so a failure never leaves half a file (or destroys a good earlier copy).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from app.cli.context import CliContext
from app.cli.output import shown
from app.cli.parser import row_id
from app.core.errors import InstrumentError
from app.core.instrument import Instrument
from app.core.instrument_loader import load_instrument
from app.reports import outputs
from app.reports.outputs import DEFAULT_LANGUAGE, DEFAULT_PAPER, LANGUAGES, PAPERS
from app.services.files import write_output
from app.services.privacy import require_open


def register(sub: Any) -> None:
    parser = sub.add_parser("report", help="printable PDF reports (scorecard, action plan …)")
    inner = parser.add_subparsers(dest="report_command", metavar="REPORT", required=True)

    def common(p: argparse.ArgumentParser) -> None:
        p.add_argument("-o", "--output", type=Path, required=True, metavar="FILE.pdf")
        p.add_argument(
            "--lang", choices=LANGUAGES, default=DEFAULT_LANGUAGE, help="report language"
        )
        p.add_argument("--paper", choices=list(PAPERS), default=DEFAULT_PAPER, help="paper size")

    score = inner.add_parser("scorecard", help="a round's scorecard")
    score.add_argument("round_id", type=row_id, metavar="ROUND_ID")
    names = score.add_mutually_exclusive_group()
    names.add_argument(
        "--names",
        dest="names",
        action="store_true",
        default=None,
        help="list team members by name (default: the round's setting)",
    )
    names.add_argument(
        "--roles-only", dest="names", action="store_false", help="list team members by role only"
    )
    score.add_argument(
        "--comments",
        action="store_true",
        help="include team members' comments (by role when roles only; default: left out)",
    )
    common(score)
    score.set_defaults(handler=run_scorecard)

    person = inner.add_parser("respondent", help="one team member's own answers")
    person.add_argument("round_id", type=row_id, metavar="ROUND_ID")
    person.add_argument("respondent_id", type=row_id, metavar="RESPONDENT_ID")
    common(person)
    person.set_defaults(handler=run_respondent)

    plan = inner.add_parser("action-plan", help="a round's action plan with PDSA worksheets")
    plan.add_argument("round_id", type=row_id, metavar="ROUND_ID")
    common(plan)
    plan.set_defaults(handler=run_action_plan)

    blank = inner.add_parser("blank", help="a blank paper form of an instrument")
    blank.add_argument(
        "instrument", metavar="INSTRUMENT_ID", help="an installed id or a .json file"
    )
    common(blank)
    blank.set_defaults(handler=run_blank)


def _done(context: CliContext, path: Path, data: bytes, kind: str) -> int:
    """A new file of an output holding personal data is private (0600)."""
    write_output(path, data, context.database_path(), private=outputs.output(kind).personal)
    print(f"Wrote {shown(path)} ({len(data):,} bytes)")
    warn_unprintable()
    return 0


def warn_unprintable() -> None:
    """Characters no shipped font has (most emoji) print as □: say which, on stderr (exit 0)."""
    from app.reports.common import PLACEHOLDER, take_unprintable

    missing = take_unprintable()
    if missing:
        listed = ", ".join(missing[:12]) + (" …" if len(missing) > 12 else "")
        print(
            f"smsoat: warning: some characters could not be printed and show as {PLACEHOLDER}: "
            f"{shown(listed)}",
            file=sys.stderr,
        )


def _report(args: argparse.Namespace, context: CliContext, kind: str, **given: Any) -> int:
    data = outputs.build(kind, lang=args.lang, paper=args.paper, **given)
    return _done(context, args.output, data, kind)


def run_scorecard(args: argparse.Namespace, context: CliContext) -> int:
    require_open(context.conn, args.round_id, "The scorecard")
    return _report(
        args,
        context,
        "scorecard",
        conn=context.conn,
        round_id=args.round_id,
        show_names=args.names,
        comments=args.comments,
    )


def run_respondent(args: argparse.Namespace, context: CliContext) -> int:
    # the command line cannot tell who is asking: a person's copy waits for the results too
    require_open(context.conn, args.round_id, "A team member's answers")
    return _report(
        args,
        context,
        "respondent",
        conn=context.conn,
        round_id=args.round_id,
        respondent_id=args.respondent_id,
    )


def run_action_plan(args: argparse.Namespace, context: CliContext) -> int:
    return _report(args, context, "action-plan", conn=context.conn, round_id=args.round_id)


def _instrument(name: str) -> Instrument:
    if name.endswith(".json"):
        path = Path(name)
        if not path.exists():  # a pipe or device is refused by load_instrument, in its words
            raise InstrumentError(f"There is no instrument file {shown(path)}.")
        return load_instrument(path)
    from app.services.catalog import default_catalog

    return default_catalog().get(name)


def run_blank(args: argparse.Namespace, context: CliContext) -> int:
    return _report(args, context, "blank", instrument=_instrument(args.instrument))
