"""`smsoat export`, `smsoat import` and `smsoat rollup`: the exchange with the state.

- `export ROUND_ID -o FILE [--names] [--comments]` writes one round as an `.smsoat` file;
- `import PATH... [--dry-run]` previews or imports files and folders of them; every refused file
  gets one line on stderr, the good ones are still imported, and the exit code is 2 if any file
  was refused;
- `rollup --instrument ID [--since DATE] [--group NAME=VALUE] -o FILE.xlsx|.csv|.pdf` writes the
  state roll-up, or a peer group's.
"""

from __future__ import annotations

import argparse
import sqlite3
import sys
from datetime import date
from pathlib import Path
from typing import Any

from app.cli.context import CliContext, CommandFailed, print_json, print_table
from app.cli.output import shown
from app.cli.parser import row_id
from app.reports.outputs import (
    DEFAULT_LANGUAGE,
    DEFAULT_PAPER,
    LANGUAGES,
    PAPERS,
    ROLLUP_KINDS,
)

ROLLUP_FORMATS = tuple(ROLLUP_KINDS)


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a date like 2026-01-31") from None


def register(sub: Any) -> None:
    export = sub.add_parser("export", help="write a round as an exchange file for the state")
    export.add_argument("round_id", type=row_id, metavar="ROUND_ID")
    export.add_argument("-o", "--output", type=Path, required=True, metavar="FILE.smsoat")
    export.add_argument(
        "--names", action="store_true", help="include team members' names (default: roles only)"
    )
    # Comments are free text that may name clients: they stay home unless asked for (issue 15).
    comments = export.add_mutually_exclusive_group()
    comments.add_argument(
        "--comments",
        dest="comments",
        action="store_true",
        help="include team members' comments (default: left out)",
    )
    comments.add_argument(
        "--no-comments",
        dest="comments",
        action="store_false",
        help="leave out team members' comments (the default)",
    )
    export.set_defaults(comments=False)
    export.add_argument(
        "--to",
        type=Path,
        action="append",
        default=[],
        metavar="KEYFILE",
        help="also seal the file for this coordinator public key file (repeatable); the keys "
        "installed with 'smsoat keys import' are always used",
    )
    export.set_defaults(handler=run_export)

    imp = sub.add_parser("import", help="import exchange files (files or folders)")
    imp.add_argument("paths", type=Path, nargs="+", metavar="PATH")
    imp.add_argument(
        "--dry-run", action="store_true", help="only show what importing would do; write nothing"
    )
    imp.add_argument("--json", action="store_true", help="machine-readable output")
    imp.add_argument(
        "--accept-new-key",
        action="store_true",
        help="accept a file whose agency now signs with another key (check its fingerprint "
        "with the agency first)",
    )
    imp.set_defaults(handler=run_import, creates_data=True)

    rollup = sub.add_parser("rollup", help="the state roll-up of one instrument (XLSX, CSV, PDF)")
    rollup.add_argument("--instrument", required=True, metavar="ID")
    rollup.add_argument(
        "--since", type=_day, metavar="DATE", help="only rounds whose period ends on or after DATE"
    )
    rollup.add_argument(
        "--until", type=_day, metavar="DATE", help="only rounds whose period ends on or before DATE"
    )
    rollup.add_argument(
        "--group",
        action="append",
        default=[],
        metavar="NAME=VALUE",
        help="only agencies in this peer group, e.g. region=North (repeatable: all must match)",
    )
    rollup.add_argument("-o", "--output", type=Path, required=True, metavar="FILE")
    rollup.add_argument("--lang", choices=LANGUAGES, default=DEFAULT_LANGUAGE, help="PDF language")
    rollup.add_argument(
        "--paper", choices=list(PAPERS), default=DEFAULT_PAPER, help="PDF paper size"
    )
    rollup.set_defaults(handler=run_rollup)


def run_export(args: argparse.Namespace, context: CliContext) -> int:
    from app.exchange.export import Privacy, export_round
    from app.services.files import write_output
    from app.services.keys import KeyRing, parse_recipients, read_key_file
    from app.services.privacy import require_open

    require_open(context.conn, args.round_id, "The answers")
    ring = KeyRing.for_database(context.database_path())
    recipients = [k.recipient for k in ring.recipients()]
    for path in args.to:
        for key in parse_recipients(read_key_file(path), shown(path)):
            if key.recipient not in recipients:
                recipients.append(key.recipient)
    privacy = Privacy(names=args.names, comments=args.comments)
    data = export_round(
        context.conn,
        args.round_id,
        privacy=privacy,
        signing_key=ring.signing_key(create=True),  # made on the first export
        recipients=recipients,
    )
    write_output(args.output, data, context.database_path(), private=True)
    who = "names" if privacy.names else "roles only"
    comments = "with comments" if privacy.comments else "without comments"
    sealed = f"sealed for {len(recipients)} coordinator key(s)" if recipients else "NOT sealed"
    print(
        f"Wrote {shown(args.output)} ({len(data):,} bytes; team members by {who}, {comments}; "
        f"signed, {sealed})"
    )
    if not recipients:
        print(
            "smsoat: warning: the file is not sealed: anyone who finds it can read it. Install "
            "the coordinator's public key (smsoat keys import KEYFILE) or give --to KEYFILE.",
            file=sys.stderr,
        )
    if not privacy.names:
        _warn_name_leaks(context.conn, args.round_id, privacy)
    return 0


def _warn_name_leaks(conn: sqlite3.Connection, round_id: int, privacy: Any) -> None:
    """Roles only: the texts that may still name a team member (a nickname, a name not on the
    team list), as the export dialog lists them; the file is written, the lead decides."""
    from app.exchange.export import round_document
    from app.services.name_leaks import find_leaks, round_vocabulary, team_names

    leaks = find_leaks(
        round_document(conn, round_id, privacy),
        team_names(conn, round_id),
        round_vocabulary(conn, round_id),
    )
    if not leaks:
        return
    print(
        f"smsoat: warning: {len(leaks)} text(s) in the file may still name a team member; "
        "edit them and export again if they do:",
        file=sys.stderr,
    )
    for leak in leaks:
        words = ", ".join(leak.words)
        print(f"  {leak.field} {leak.where}: {shown(words)}", file=sys.stderr)


def _installed() -> list[Any]:
    from app.services.catalog import default_catalog

    return list(default_catalog().instruments.values())


def _preview_connection(context: CliContext) -> sqlite3.Connection:
    """The data file, or an empty database in memory when it does not exist yet: a preview
    writes nothing, so it does not create the file either."""
    if context.database_path().exists():
        return context.conn
    from app.services.connections import empty_database

    return empty_database()


def run_import(args: argparse.Namespace, context: CliContext) -> int:
    from app.exchange.importer import expand_paths, import_files, preview_files

    files = expand_paths(args.paths)
    if not files:
        raise CommandFailed("No .smsoat files found in the folder(s) given.")
    from app.exchange.importer import Keys
    from app.services.keys import KeyRing

    installed = _installed()
    keys = Keys(KeyRing.for_database(context.database_path()), args.accept_new_key)
    if args.dry_run:
        reports = preview_files(_preview_connection(context), files, installed, keys=keys)
    else:
        reports = import_files(context.conn, files, installed, keys=keys)
    if args.json:
        print_json(
            [
                {
                    "path": r.shown_path,
                    "status": r.status,
                    "written": r.written,
                    "reason": r.error.code if r.error else None,
                    "message": r.reason,
                    "round_id": r.round_id,
                    "agency": r.agency_name or None,
                    "round": r.round_name or None,
                    "instrument": r.instrument_label or None,
                    "respondents": r.respondent_count,
                    "answers": r.answer_count,
                    "replaces_round": (
                        {"id": r.round_id, "name": r.replaces} if r.replaces is not None else None
                    ),
                    "renames_agency": (
                        {"from": r.renamed_from, "to": r.agency_name}
                        if r.renamed_from is not None
                        else None
                    ),
                    "field_changes": list(r.field_changes),
                    "proposed_link": (
                        {"id": r.link_with.id, "name": r.link_with.name}
                        if r.link_with is not None
                        else None
                    ),
                    "envelope": r.envelope or None,
                }
                for r in reports
            ]
        )
    else:
        good = [r for r in reports if not r.refused]
        if good:
            action = "WOULD" if args.dry_run else "RESULT"
            print_table(
                [action, "AGENCY", "ROUND", "INSTRUMENT", "PEOPLE", "FILE"],
                [
                    [
                        _status_word(r.status, args.dry_run, r.written)
                        + (", rename agency" if r.renamed_from is not None else ""),
                        r.agency_name,
                        r.round_name,
                        r.instrument_label,
                        str(r.respondent_count),
                        r.name,
                    ]
                    for r in good
                ],
            )
            # Every change besides adding is spelled out: a rename must never pass as "add".
            for r in good:
                for change in r.changes:
                    print(
                        f"{r.name}: {'would ' if args.dry_run else ''}{_verb(change, args.dry_run)}"
                    )
                print(f"{r.name}: {shown(r.envelope)}")
                for field in r.field_changes:  # a revision, field by field (names kept here)
                    print(f"{r.name}:   {field}")
                for proposal in r.proposals:
                    print(f"{r.name}: {shown(proposal)}")
        written = sum(1 for r in reports if r.written)
        refused = sum(1 for r in reports if r.refused)
        verb = "would import" if args.dry_run else "imported"
        count = (
            sum(1 for r in reports if r.status in ("new", "revision")) if args.dry_run else written
        )
        print(f"{len(reports)} file(s): {verb} {count}, refused {refused}.")
    sys.stdout.flush()
    for r in reports:
        if r.refused:
            reason = r.reason.removeprefix(f"{r.name}: ")
            print(f"smsoat: refused {shown(r.shown_path)}: {shown(reason)}", file=sys.stderr)
    return 2 if any(r.refused for r in reports) else 0


def _verb(change: str, dry_run: bool) -> str:
    """'replaces the round …' as 'would replace …' / 'replaced …'."""
    verb, _, rest = change.partition(" ")
    base = verb.removesuffix("s")
    return f"{base} {rest}" if dry_run else f"{base}d {rest}"


def _status_word(status: str, dry_run: bool, written: bool) -> str:
    if dry_run:
        return {
            "new": "add",
            "revision": "replace",
            "duplicate": "skip (same)",
            "older": "skip (older)",
        }[status]
    if written:
        return "added" if status == "new" else "replaced"
    return "unchanged (same)" if status == "duplicate" else "kept (file older)"


def run_rollup(args: argparse.Namespace, context: CliContext) -> int:
    from app.reports import outputs
    from app.services.files import write_output
    from app.services.rollup import compute_rollup

    suffix = args.output.suffix.lower()
    if suffix not in ROLLUP_FORMATS:
        raise CommandFailed(
            f"Cannot tell the format of {shown(args.output)}: name it .xlsx, .csv or .pdf."
        )
    from app.services.peer_groups import parse_group

    groups = dict(parse_group(text) for text in args.group)
    rollup = compute_rollup(
        context.conn, args.instrument, since=args.since, until=args.until, groups=groups
    )
    kind = ROLLUP_KINDS[suffix]
    data = outputs.build(kind, rollup=rollup, lang=args.lang, paper=args.paper)
    write_output(args.output, data, context.database_path(), private=outputs.output(kind).personal)
    if suffix == ".pdf":
        from app.cli.report_cmd import warn_unprintable

        warn_unprintable()
    agencies = len(rollup.agencies)
    print(
        f"Wrote {shown(args.output)} ({len(data):,} bytes): {agencies} "
        f"{'agency' if agencies == 1 else 'agencies'}, {len(rollup.incomplete)} with incomplete"
        f" data, {len(rollup.not_reported)} without a round in the period"
        + (f"; peer group {shown(rollup.group_label)}" if groups else "")
        + "."
    )
    if rollup.suppressed:
        from app.services.rollup import MIN_GROUP

        print(
            f"smsoat: note: fewer than {MIN_GROUP} agencies in the group: its median and "
            "quartiles are left out so that they cannot identify an agency.",
            file=sys.stderr,
        )
    return 0
