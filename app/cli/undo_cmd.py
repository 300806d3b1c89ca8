"""`smsoat team`, `withdraw`, `reinstate` and `delete-round`: the GUI's ways to take a mistaken
or test rater out of a round, and to delete a round, for scripts and support.

`delete-round` is destructive: it refuses without `--yes` (the command line's confirmation) and,
like the GUI, writes a backup copy first (app/services/removal.py); no copy, no deletion.
"""

from __future__ import annotations

import argparse
from typing import Any

from app.cli.context import CliContext, CommandFailed, print_table
from app.core.errors import NotFoundError
from app.core.models import Respondent
from app.services import removal, round_people


def register(sub: Any) -> None:
    team = sub.add_parser("team", help="a round's team members with their ids, withdrawn too")
    team.add_argument("round_id", type=int, metavar="ROUND_ID")
    team.set_defaults(handler=run_team)
    withdraw = sub.add_parser(
        "withdraw",
        help="leave a team member out of every statistic, report and export (reversible)",
    )
    withdraw.add_argument("round_id", type=int, metavar="ROUND_ID")
    withdraw.add_argument("respondent_id", type=int, metavar="RESPONDENT_ID")
    withdraw.set_defaults(handler=run_withdraw)
    reinstate = sub.add_parser("reinstate", help="count a withdrawn team member again")
    reinstate.add_argument("round_id", type=int, metavar="ROUND_ID")
    reinstate.add_argument("respondent_id", type=int, metavar="RESPONDENT_ID")
    reinstate.set_defaults(handler=run_reinstate)
    delete = sub.add_parser(
        "delete-round", help="delete a round and everything in it (a backup copy is made first)"
    )
    delete.add_argument("round_id", type=int, metavar="ROUND_ID")
    delete.add_argument("--yes", action="store_true", help="confirm: without it nothing happens")
    delete.set_defaults(handler=run_delete_round)


def _member(context: CliContext, round_id: int, respondent_id: int) -> Respondent:
    rnd = round_people.get(context.conn, round_id)
    try:
        person = round_people.get_respondent(context.conn, respondent_id)
    except NotFoundError:
        person = None
    if person is None or person.round_id != rnd.id:
        raise CommandFailed(
            f"round {round_id} has no team member with id {respondent_id}; "
            f"'smsoat team {round_id}' lists them."
        )
    return person


def run_team(args: argparse.Namespace, context: CliContext) -> int:
    rnd = round_people.get(context.conn, args.round_id)
    people = round_people.respondents(context.conn, rnd.id, include_withdrawn=True)
    print_table(
        ["ID", "NAME", "ROLE", "ANSWERS", "COUNTED"],
        [
            [
                str(p.id),
                p.display_name,
                p.role,
                str(round_people.answer_count(context.conn, p.id)),
                "withdrawn" if p.withdrawn else "yes",
            ]
            for p in people
        ],
    )
    return 0


def run_withdraw(args: argparse.Namespace, context: CliContext) -> int:
    person = _member(context, args.round_id, args.respondent_id)
    round_people.withdraw_respondent(context.conn, person.id, actor="cli")
    print(
        f"{person.display_name} is withdrawn from round {args.round_id}: their answers are kept"
        f" but counted nowhere until 'smsoat reinstate {args.round_id} {person.id}'."
    )
    return 0


def run_reinstate(args: argparse.Namespace, context: CliContext) -> int:
    person = _member(context, args.round_id, args.respondent_id)
    round_people.reinstate_respondent(context.conn, person.id, actor="cli")
    print(f"{person.display_name} counts again in round {args.round_id}.")
    return 0


def run_delete_round(args: argparse.Namespace, context: CliContext) -> int:
    rnd = round_people.get(context.conn, args.round_id)
    impact = round_people.deletion_impact(context.conn, rnd.id)
    if not args.yes:
        raise CommandFailed(
            f"deleting round {rnd.id} ({rnd.name}) also deletes its {impact.respondents} team"
            f" member(s) and {impact.answers} answer(s); add --yes to do it."
        )
    done = removal.delete_round(context.conn, context.database_path(), rnd.id, actor="cli")
    print(
        f"Deleted round {rnd.id} ({rnd.name}) with {impact.respondents} team member(s) and"
        f" {impact.answers} answer(s); a backup copy is at {done.backup}."
    )
    return 0
