"""`smsoat history ROUND_ID [--json] [--person P] [--item I] [--kind K] [-o FILE.csv]`.

The same rows as *Round › History of changes…* (app/services/change_history.py). With the round's
privacy on and the results not yet opened, individual answers are masked, as in the app; a
facilitator who means to see them passes --facilitator NAME, and that look is logged.
"""

from __future__ import annotations

import argparse
from dataclasses import asdict
from pathlib import Path
from typing import Any

from app.cli.context import CliContext, print_json, print_table
from app.cli.parser import row_id
from app.services import change_history, privacy
from app.services.files import write_output


def register(sub: Any) -> None:
    register_open(sub)
    private = sub.add_parser(
        "make-private", help="keep a round's answers closed until 'open-results' (logged)"
    )
    private.add_argument("round_id", type=row_id, metavar="ROUND_ID")
    private.add_argument("--as", dest="actor", required=True, metavar="NAME", help="who decides")
    private.set_defaults(handler=run_private)
    parser = sub.add_parser("history", help="list a round's changes: when, who, what, old → new")
    parser.add_argument("round_id", type=row_id, metavar="ROUND_ID")
    parser.add_argument("--json", action="store_true", help="machine-readable output")
    parser.add_argument("--person", help="only changes made by (or answers of) this person")
    parser.add_argument("--item", help="only changes about this item, e.g. 1.1.2")
    parser.add_argument("--kind", choices=change_history.KINDS, help="only changes of this kind")
    parser.add_argument(
        "-o", "--output", type=Path, metavar="FILE.csv", help="write the rows as CSV"
    )
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace, context: CliContext) -> int:
    conn = context.conn
    reveal = privacy.may_see_answers(conn, args.round_id)
    rows = change_history.changes(
        conn,
        args.round_id,
        person=args.person,
        item=args.item,
        kind=args.kind,
        reveal_answers=reveal,
    )
    if args.output is not None:
        written = write_output(args.output, change_history.to_csv(rows), context.database_path())
        print(f"wrote {len(rows)} change(s) to {written}")
        return 0
    if args.json:
        print_json({"answers_hidden": not reveal, "changes": [asdict(c) for c in rows]})
        return 0
    print_table(
        ["WHEN", "WHO", "KIND", "ITEM", "FIELD", "OLD", "NEW", "PERSON"],
        [[c.at, c.actor, c.kind, c.item, c.field, c.old, c.new, c.person] for c in rows],
    )
    if not reveal:
        print(privacy.HIDDEN_NOTE)
    return 0


def register_open(sub: Any) -> None:
    parser = sub.add_parser(
        "open-results", help="open a private round's answers and results to the team (logged)"
    )
    parser.add_argument("round_id", type=row_id, metavar="ROUND_ID")
    parser.add_argument("--as", dest="actor", required=True, metavar="NAME", help="who opens")
    parser.add_argument(
        "--early", action="store_true", help="open before everyone counted has finished"
    )
    parser.set_defaults(handler=run_open)


def run_open(args: argparse.Namespace, context: CliContext) -> int:
    privacy.open_results(context.conn, args.round_id, actor=args.actor, early=args.early)
    print(f"results of round {args.round_id} are open")
    return 0


def run_private(args: argparse.Namespace, context: CliContext) -> int:
    privacy.set_private(context.conn, args.round_id, True, actor=args.actor)
    print(f"round {args.round_id} is private until its results are opened")
    return 0
