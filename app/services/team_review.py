"""What the team view and the consensus meeting show, assembled once from a round's data.

Respondents appear by name only when the lead chose so; otherwise by role, numbered when a role
repeats ("Clinical staff 2"), so nothing identifies a person who rated something low.
"""

from __future__ import annotations

import sqlite3
from collections import Counter
from dataclasses import dataclass

from app.core.models import ROLE_LABELS_EN, ConsensusAnswer, Priority, Respondent, Round
from app.core.scoring import ItemStats
from app.db import action_plans, responses, rounds
from app.services.round_scores import RoundScores, round_scores

SORTS = ("domain", "mean", "spread")


@dataclass(frozen=True)
class ItemRow:
    """One row of the team view: each person's answer, the statistics and the consensus."""

    item_id: str
    domain_id: str
    codes: list[str | None]  # one per respondent, in column order
    stats: ItemStats
    consensus: str | None
    rationale: str
    planned: list[Priority]
    # one per respondent, in column order ("" for none): the team sees what its members wrote
    comments: tuple[str, ...] = ()

    def comment_lines(self, labels: list[str]) -> list[str]:
        """'Label: comment' for each member who commented, with the column labels given."""
        return [
            f"{label}: {text}" for label, text in zip(labels, self.comments, strict=False) if text
        ]

    @property
    def flags(self) -> list[str]:
        """Language-neutral flag codes: low, disagreement, dont_know."""
        out = []
        if self.stats.low:
            out.append("low")
        if self.stats.disagreement:
            out.append("disagreement")
        if self.stats.dont_know:
            out.append("dont_know")
        return out


@dataclass(frozen=True)
class TeamReview:
    """The team view of a round: people as columns, items as rows."""

    scores: RoundScores
    columns: list[Respondent]
    rows: list[ItemRow]

    @property
    def flagged(self) -> list[ItemRow]:
        return [r for r in self.rows if r.flags]


def column_labels(
    people: list[Respondent], show_names: bool, role_label: dict[str, str] | None = None
) -> list[str]:
    """Column headings: names when the round shows names, numbered roles otherwise."""
    labels = role_label or ROLE_LABELS_EN
    if show_names:
        return [p.display_name for p in people]
    totals = Counter(p.role for p in people)
    seen: Counter[str] = Counter()
    out = []
    for p in people:
        seen[p.role] += 1
        base = labels.get(p.role, p.role)
        out.append(f"{base} {seen[p.role]}" if totals[p.role] > 1 else base)
    return out


def team_review(conn: sqlite3.Connection, round_id: int) -> TeamReview:
    """The team view of a round, from the data file."""
    scores = round_scores(conn, round_id)
    people = scores.respondents
    codes = responses.choices_for_round(conn, round_id)
    consensus = responses.consensus_for_round(conn, round_id)
    plans = action_plans.priorities_for_round(conn, round_id)
    comments = responses.comments_for_round(conn, round_id)
    rows = []
    for item in scores.instrument.iter_items():
        planned = [
            p
            for p in plans
            if (p.scope_kind == "item" and p.scope_id == item.id)
            or (p.scope_kind == "domain" and p.scope_id == item.domain_id)
        ]
        agreed = consensus.get(item.id)
        rows.append(
            ItemRow(
                item_id=item.id,
                domain_id=item.domain_id,
                codes=[codes.get(p.id, {}).get(item.id) for p in people],
                stats=scores.team.items[item.id],
                consensus=agreed.choice if agreed else None,
                rationale=agreed.rationale if agreed else "",
                planned=planned,
                comments=tuple(comments.get(p.id, {}).get(item.id, "") for p in people),
            )
        )
    return TeamReview(scores, people, rows)


def sort_rows(rows: list[ItemRow], how: str) -> list[ItemRow]:
    """Domain order (the instrument's), lowest mean first, or widest spread first."""
    if how == "mean":
        return sorted(rows, key=lambda r: (r.stats.values.mean is None, r.stats.values.mean or 0))
    if how == "spread":
        return sorted(rows, key=lambda r: -(r.stats.values.spread or 0))
    return list(rows)


def record_consensus(
    conn: sqlite3.Connection,
    round_id: int,
    item_id: str,
    choice: str | None,
    rationale: str = "",
    *,
    actor: str = "meeting",
) -> ConsensusAnswer:
    """The meeting's agreed answer for one item (None takes it back), saved at once; `actor` is
    the facilitator chosen in the app, when one was."""
    return responses.save_consensus(conn, round_id, item_id, choice, rationale, actor=actor)


def show_names(conn: sqlite3.Connection, round_id: int, show: bool) -> Round:
    """The lead's choice: team members by name, or by role only, in the team view and reports."""
    return rounds.set_show_names(conn, round_id, show)
