"""`smsoat score ROUND_ID [--json]`."""

from __future__ import annotations

import argparse
from typing import Any

from app.cli.context import CliContext, print_json, print_table
from app.cli.output import shown
from app.cli.parser import row_id
from app.core.scoring import OVERALL
from app.services.round_scores import round_scores
from app.services.score_json import round_scores_json


def register(sub: Any) -> None:
    parser = sub.add_parser("score", help="scores, team statistics and flags of a round")
    parser.add_argument("round_id", type=row_id, metavar="ROUND_ID")
    parser.add_argument("--json", action="store_true", help="the documented JSON shape")
    parser.set_defaults(handler=run)


def _fmt(value: float | None, digits: int = 2) -> str:
    return "–" if value is None else f"{value:.{digits}f}"


def run(args: argparse.Namespace, context: CliContext) -> int:
    from app.services.privacy import require_open

    require_open(context.conn, args.round_id, "The scores")
    scores = round_scores(context.conn, args.round_id)
    if args.json:
        print_json(round_scores_json(scores))
        return 0
    inst = scores.instrument
    team = scores.team
    overall = scores.official.get(OVERALL)
    band = inst.band_for(overall)
    source = "consensus" if scores.official_source == "consensus" else "team mean"
    print(
        f"{shown(scores.organization.name)} — {shown(scores.round.name)} "
        f"({shown(inst.id)} {shown(inst.version)})"
    )
    print(
        f"Overall ({source}, {inst.band_metric}): {_fmt(overall)}"
        f"  band: {shown(band.label.get('en')) if band else '–'}"
    )
    print()
    rows = []
    for domain in inst.domains:
        stats = team.domains[domain.id]
        dist = stats.metric(inst.band_metric)
        rows.append(
            [
                domain.id,
                domain.title.get("en")[:48],
                _fmt(dist.mean),
                f"{_fmt(dist.min)}–{_fmt(dist.max)}",
                str(stats.low_items),
                str(stats.disagreement_items),
            ]
        )
    print_table(["DOMAIN", "TITLE", "TEAM", "RANGE", "LOW", "DISAGREE"], rows)
    print()
    people = [
        [
            p.display_name,
            p.role,
            f"{team.scorecards[p.id].overall.answered}/{team.scorecards[p.id].overall.total_items}",
            _fmt(team.scorecards[p.id].overall.metric(inst.band_metric)),
            "yes" if team.is_counted(p.id) else "not yet",
        ]
        for p in scores.respondents
    ]
    print_table(["RESPONDENT", "ROLE", "ANSWERED", "SCORE", "COUNTED"], people)
    if team.not_counted:
        rule = (
            "finished"
            if inst.count_share is None
            else f"answered at least {inst.count_share:g} of the items"
        )
        print(
            f"Team statistics count {len(team.counted)} of {len(scores.respondents)} people"
            f" (those who {rule}); the others are not counted yet."
        )
    flagged = team.flagged_items
    if flagged:
        print()
        print("Items to discuss: " + ", ".join(shown(s.item_id) for s in flagged))
    return 0
