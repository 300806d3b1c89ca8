"""The state's picture: `smsoat agencies`, `link-agencies`, `groups`, `due`.

- `agencies [--json] [--instrument ID] [--as-of DATE]`: every agency once (linked records folded
  in) with its state id, linked records, sites, groups, newest round and next due date; then the
  records proposed for linking (sharing a state identifier);
- `link-agencies KEEP OTHER` links two records as one agency; `--undo` sets them apart again;
- `groups set AGENCY_ID NAME=VALUE …` (an empty VALUE removes the group) and
  `groups import FILE.csv` (app/services/peer_groups.py) set peer groups;
- `due [--json] [-o FILE.csv|.xlsx]` lists who is overdue, never reported, due soon or up to date;
- `sites list AGENCY_ID [--json]` lists an agency's sites with the newest round of the whole
  agency and of each site; `sites add AGENCY_ID NAME`, `sites rename SITE_ID NAME` and
  `sites remove SITE_ID [--yes]` (a site holding rounds is removed only with --yes; its rounds
  become the whole agency's, nothing is deleted); `round-site ROUND_ID SITE_ID|--whole-agency`
  sets a round's site.
"""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path
from typing import Any

from app.cli.context import CliContext, CommandFailed, print_json, print_table
from app.cli.output import shown
from app.cli.parser import row_id
from app.core.instrument import Instrument

DEFAULT_INSTRUMENT = "sms-oat-bh"


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a date like 2026-01-31") from None


def _when(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--instrument",
        default=DEFAULT_INSTRUMENT,
        metavar="ID",
        help=f"the instrument whose rounds count (default: {DEFAULT_INSTRUMENT})",
    )
    p.add_argument(
        "--as-of", type=_day, metavar="DATE", help="work out what is due on DATE (default: today)"
    )


def register(sub: Any) -> None:
    agencies = sub.add_parser("agencies", help="every agency: state id, links, groups, next due")
    agencies.add_argument("--json", action="store_true", help="machine-readable output")
    _when(agencies)
    agencies.set_defaults(handler=run_agencies)

    link = sub.add_parser("link-agencies", help="link two agency records as one agency")
    link.add_argument("keep", type=row_id, metavar="KEEP_ID", help="the record shown in front")
    link.add_argument("other", type=row_id, metavar="OTHER_ID")
    link.add_argument("--undo", action="store_true", help="set the two records apart again")
    link.set_defaults(handler=run_link)

    groups = sub.add_parser("groups", help="peer groups of agencies (region, setting …)")
    inner = groups.add_subparsers(dest="groups_command", metavar="ACTION", required=True)
    put = inner.add_parser("set", help="set groups of one agency: NAME=VALUE (empty removes)")
    put.add_argument("agency", type=row_id, metavar="AGENCY_ID")
    put.add_argument("pairs", nargs="+", metavar="NAME=VALUE")
    put.set_defaults(handler=run_groups_set)
    load = inner.add_parser("import", help="set groups from a CSV file (state_id,region,…)")
    load.add_argument("file", type=Path, metavar="FILE.csv")
    load.set_defaults(handler=run_groups_import)

    due = sub.add_parser("due", help="who is overdue, never reported or due soon")
    due.add_argument("--json", action="store_true", help="machine-readable output")
    due.add_argument("-o", "--output", type=Path, metavar="FILE", help="write .csv or .xlsx")
    _when(due)
    due.set_defaults(handler=run_due)

    places = sub.add_parser("sites", help="an agency's sites: list, add, rename, remove")
    acts = places.add_subparsers(dest="sites_command", metavar="ACTION", required=True)
    listing = acts.add_parser("list", help="an agency's sites and the newest round of each")
    listing.add_argument("agency", type=row_id, metavar="AGENCY_ID")
    listing.add_argument("--json", action="store_true", help="machine-readable output")
    listing.set_defaults(handler=run_sites)
    adding = acts.add_parser("add", help="add a site (a clinic) to an agency")
    adding.add_argument("agency", type=row_id, metavar="AGENCY_ID")
    adding.add_argument("name", metavar="NAME")
    adding.set_defaults(handler=run_sites_add)
    renaming = acts.add_parser("rename", help="rename a site (its rounds keep it)")
    renaming.add_argument("site", type=row_id, metavar="SITE_ID")
    renaming.add_argument("name", metavar="NAME")
    renaming.set_defaults(handler=run_sites_rename)
    removing = acts.add_parser(
        "remove", help="remove a site; its rounds become the whole agency's (nothing deleted)"
    )
    removing.add_argument("site", type=row_id, metavar="SITE_ID")
    removing.add_argument("--yes", action="store_true", help="confirm when the site holds rounds")
    removing.set_defaults(handler=run_sites_remove)

    owner = sub.add_parser("round-site", help="say which site a round belongs to")
    owner.add_argument("round_id", type=row_id, metavar="ROUND_ID")
    which = owner.add_mutually_exclusive_group(required=True)
    which.add_argument("site_id", type=row_id, nargs="?", metavar="SITE_ID")
    which.add_argument(
        "--whole-agency", action="store_true", help="the round is the whole agency's"
    )
    owner.set_defaults(handler=run_round_site)


def _instrument(conn: Any, instrument_id: str) -> Instrument:
    """The installed instrument, else the newest version a round here was answered with (an
    imported instrument that is not installed), else the catalog's one-line refusal."""
    from app.core.errors import InstrumentError
    from app.services.catalog import default_catalog
    from app.services.rollup import instruments_with_rounds

    try:
        return default_catalog().get(instrument_id)
    except InstrumentError:
        for inst in instruments_with_rounds(conn):
            if inst.id == instrument_id:
                return inst
        raise


def run_agencies(args: argparse.Namespace, context: CliContext) -> int:
    from app.services.agencies import agency_list, proposed_links

    conn = context.conn
    entries = agency_list(conn, _instrument(conn, args.instrument), args.as_of or date.today())
    proposals = proposed_links(conn)
    if args.json:
        print_json(
            {
                "agencies": [e.as_json() for e in entries],
                "proposed_links": [
                    {
                        "keep": {"id": p.keep.id, "name": p.keep.name},
                        "other": {"id": p.other.id, "name": p.other.name},
                        "state_identifier": p.state_identifier,
                    }
                    for p in proposals
                ],
            }
        )
        return 0
    print_table(
        ["ID", "AGENCY", "STATE ID", "LINKED", "SITES", "GROUPS", "LAST ROUND", "NEXT DUE"],
        [
            [
                str(e.organization.id),
                e.organization.name,
                e.organization.state_identifier,
                ", ".join(str(o.id) for o in e.linked),
                ", ".join(e.sites),
                ", ".join(f"{k}={v}" for k, v in e.groups.items()),
                e.due.last_round.period_end.isoformat() if e.due.last_round else "",
                f"{e.due.next_due.isoformat() if e.due.next_due else '-'} ({e.due.status})",
            ]
            for e in entries
        ],
    )
    for p in proposals:
        print(
            f'Proposed link: "{shown(p.keep.name)}" (id {p.keep.id}) and "{shown(p.other.name)}"'
            f' (id {p.other.id}) share the state identifier "{shown(p.state_identifier)}";'
            f" if they are one agency: smsoat link-agencies {p.keep.id} {p.other.id}"
        )
    return 0


def run_link(args: argparse.Namespace, context: CliContext) -> int:
    from app.services import agencies

    conn = context.conn
    if args.keep == args.other:
        raise CommandFailed("Give two different agency ids; 'smsoat agencies' lists them.")
    if args.undo:
        org = agencies.unlink(conn, args.keep, args.other, actor="cli")
        print(
            f'Unlinked "{shown(org.name)}" (id {org.id}): it counts as an agency of its own again.'
        )
        return 0
    canonical = agencies.link(conn, args.keep, args.other, actor="cli")
    print(
        f"Linked: records {args.keep} and {args.other} now count as one agency, shown as "
        f'"{shown(canonical.name)}" (id {canonical.id}). Undo: smsoat link-agencies '
        f"{args.keep} {args.other} --undo"
    )
    return 0


def run_groups_set(args: argparse.Namespace, context: CliContext) -> int:
    from app.services.agencies import set_groups

    org, pairs = set_groups(context.conn, args.agency, args.pairs, actor="cli")
    shown_pairs = ", ".join(f"{n}={v}" if v else f"{n} removed" for n, v in pairs)
    print(f'"{shown(org.name)}" (id {org.id}): {shown(shown_pairs)}.')
    return 0


def run_groups_import(args: argparse.Namespace, context: CliContext) -> int:
    from app.services.peer_groups import import_groups_csv, read_csv_file

    text = read_csv_file(args.file)
    result = import_groups_csv(context.conn, text, shown(args.file.name), actor="cli")
    print(
        f"Set {result.values} group value(s) for {result.agencies} agencies "
        f"({shown(', '.join(result.groups))})."
    )
    return 0


def run_due(args: argparse.Namespace, context: CliContext) -> int:
    from app.services.due import due_list

    conn = context.conn
    today = args.as_of or date.today()
    entries = due_list(conn, _instrument(conn, args.instrument), today)
    if args.output is not None:
        from app.reports.due_list import build_due_csv, build_due_xlsx
        from app.services.files import write_output

        suffix = args.output.suffix.lower()
        if suffix not in (".csv", ".xlsx"):
            raise CommandFailed(
                f"Cannot tell the format of {shown(args.output)}: name it .csv or .xlsx."
            )
        data = build_due_csv(entries) if suffix == ".csv" else build_due_xlsx(entries)
        write_output(args.output, data, context.database_path())
        print(f"Wrote {shown(args.output)} ({len(data):,} bytes): {len(entries)} agencies.")
        return 0
    if args.json:
        print_json(
            [
                {
                    "id": e.organization.id,
                    "name": e.organization.name,
                    "state_identifier": e.organization.state_identifier,
                    "status": e.status,
                    "next_due": e.next_due.isoformat() if e.next_due else None,
                    "days_left": e.days_left,
                    "last_round": e.last_round.id if e.last_round else None,
                    "last_period_end": (
                        e.last_round.period_end.isoformat() if e.last_round else None
                    ),
                    "repeat_months": e.repeat_months,
                }
                for e in entries
            ]
        )
        return 0
    from app.reports.due_list import STATUS_WORDS

    print_table(
        ["ID", "AGENCY", "STATUS", "NEXT DUE", "LAST PERIOD END"],
        [
            [
                str(e.organization.id),
                e.organization.name,
                STATUS_WORDS[e.status],
                e.next_due.isoformat() if e.next_due else "-",
                e.last_round.period_end.isoformat() if e.last_round else "-",
            ]
            for e in entries
        ],
    )
    counts = {s: sum(1 for e in entries if e.status == s) for s in STATUS_WORDS}
    print(
        f"On {today.isoformat()}: {counts['overdue']} overdue, {counts['never']} never reported, "
        f"{counts['due']} due within 30 days, {counts['ok']} up to date."
    )
    return 0


def run_sites(args: argparse.Namespace, context: CliContext) -> int:
    from app.services import sites

    found = sites.overview(context.conn, args.agency)
    if args.json:
        print_json(
            {
                "agency": {"id": found.organization.id, "name": found.organization.name},
                "sites": [
                    {"id": s.id, "record": s.organization_id, "name": s.name} for s in found.sites
                ],
                "newest_rounds": [
                    {
                        "instrument": r.instrument_id,
                        "site": {"id": r.site.id, "name": r.site.name} if r.site else None,
                        "round": r.round.id,
                        "name": r.round.name,
                        "period_end": r.round.period_end.isoformat(),
                        "overall": r.overall,
                        "source": r.source,
                    }
                    for r in found.newest
                ],
            }
        )
        return 0
    print_table(
        ["SITE ID", "SITE"], [[str(s.id), s.name] for s in found.sites] or [["-", "(none)"]]
    )
    print()
    print_table(
        ["INSTRUMENT", "LEVEL", "ROUND", "PERIOD END", "OVERALL", "BASED ON"],
        [
            [
                r.instrument_id,
                r.site.name if r.site else sites.WHOLE_AGENCY,
                r.round.name,
                r.round.period_end.isoformat(),
                "-" if r.overall is None else f"{r.overall:.2f}",
                r.source,
            ]
            for r in found.newest
        ],
    )
    return 0


def run_sites_add(args: argparse.Namespace, context: CliContext) -> int:
    from app.services import sites

    added = sites.add_site(context.conn, args.agency, args.name, actor="cli")
    print(f'Added the site "{shown(added.name)}" (id {added.id}).')
    return 0


def run_sites_rename(args: argparse.Namespace, context: CliContext) -> int:
    from app.services import sites

    before = sites.site_rounds(context.conn, args.site)
    renamed = sites.rename_site(context.conn, args.site, args.name, actor="cli")
    print(
        f'The site {renamed.id} is now called "{shown(renamed.name)}"'
        f" ({len(before)} round(s) keep it)."
    )
    return 0


def run_sites_remove(args: argparse.Namespace, context: CliContext) -> int:
    from app.services import sites

    held = sites.site_rounds(context.conn, args.site)
    if held and not args.yes:
        raise CommandFailed(
            f"The site {args.site} holds {len(held)} round(s); removing it makes them the whole"
            " agency's (nothing is deleted). Add --yes to do it, or move them first with"
            " 'smsoat round-site'."
        )
    moved = sites.remove_site(context.conn, args.site, actor="cli")
    print(
        f"Removed the site {args.site}; "
        + (f"{len(moved)} round(s) are now the whole agency's." if moved else "it held no round.")
    )
    return 0


def run_round_site(args: argparse.Namespace, context: CliContext) -> int:
    from app.services.sites import set_round_site

    if args.site_id is None and not args.whole_agency:
        raise CommandFailed(
            "Give a SITE_ID or --whole-agency; 'smsoat sites list AGENCY_ID' lists them."
        )
    rnd, site = set_round_site(
        context.conn, args.round_id, None if args.whole_agency else args.site_id, actor="cli"
    )
    where = f'the site "{shown(site.name)}"' if site else "the whole agency"
    print(f'The round "{shown(rnd.name)}" (id {rnd.id}) now belongs to {where}.')
    return 0
