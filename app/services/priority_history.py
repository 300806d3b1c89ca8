"""A priority's history across rounds: what was studied and decided before it was carried here.

An unfinished priority goes on into the next round (app/db/action_plans.py `carry_forward`), each
new round's copy pointing at the one it came from (`carried_from_uuid`). Its PDSA cycles stay
where they were made, with their round: nothing is copied, so what a team recorded in a round is
never changed by a later one. This module follows the links back and lays the whole chain out:
every earlier cycle (read-only, marked with its round) numbered on from the first, then this
round's own cycles. The action plan page, its PDF and the scorecard all read it from here.

The chain stops where a link is broken (the earlier round was deleted); what is left still shows.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass

from app.core.models import PdsaCycle, Priority
from app.db import action_plans, rounds

_MAX_CHAIN = 200  # a cycle of links (a hand-edited file) must not loop forever


@dataclass(frozen=True)
class ChainCycle:
    """A PDSA cycle in a priority's chain, numbered across rounds, with the round it belongs to."""

    number: int  # numbered on across the chain: cycles 1–4 over three rounds
    cycle: PdsaCycle
    round_id: int
    round_name: str
    own: bool  # recorded in this round (editable); earlier rounds' cycles are read-only


@dataclass(frozen=True)
class PriorityChain:
    """A priority with every earlier round it was carried through and all their cycles."""

    priority: Priority
    first_round_id: int
    first_round_name: str
    rounds_before: int  # how many earlier rounds this priority went through
    cycles: list[ChainCycle]
    carried_on_to: str | None  # the later round it was carried into, if any

    @property
    def carried(self) -> bool:
        return self.rounds_before > 0

    @property
    def past_cycles(self) -> list[ChainCycle]:
        return [c for c in self.cycles if not c.own]

    @property
    def last_decision(self) -> str:
        """The most recent adopt/adapt/abandon of the chain ("" when none was recorded)."""
        decided = [c.cycle.act for c in self.cycles if c.cycle.act]
        return decided[-1] if decided else ""

    def summary(self) -> str:
        """One English line (the CLI's and the log's words; the GUI and PDFs translate)."""
        parts = [f"first raised in round {self.first_round_name}"]
        if self.cycles:
            first, last = self.cycles[0].number, self.cycles[-1].number
            parts.append(f"cycle {first}" if first == last else f"cycles {first}–{last}")
        if self.last_decision:
            parts.append(f"last decision {self.last_decision}")
        return ", ".join(parts)


def _ancestors(conn: sqlite3.Connection, priority: Priority) -> list[Priority]:
    """The earlier rounds' copies of this priority, oldest first."""
    found: list[Priority] = []
    seen = {priority.uuid}
    link = priority.carried_from_uuid
    while link and link not in seen and len(found) < _MAX_CHAIN:
        row = conn.execute("SELECT id FROM priorities WHERE uuid = ?", (link,)).fetchone()
        if row is None:
            break
        earlier = action_plans.get_priority(conn, row["id"])
        found.append(earlier)
        seen.add(link)
        link = earlier.carried_from_uuid
    return list(reversed(found))


def _carried_on_to(conn: sqlite3.Connection, priority: Priority) -> str | None:
    row = conn.execute(
        "SELECT r.name FROM priorities p JOIN rounds r ON r.id = p.round_id"
        " WHERE p.carried_from_uuid = ? ORDER BY r.period_end, r.id LIMIT 1",
        (priority.uuid,),
    ).fetchone()
    return str(row["name"]) if row else None


def chain(conn: sqlite3.Connection, priority_id: int) -> PriorityChain:
    """The whole carried-from chain of one priority, oldest round first."""
    priority = action_plans.get_priority(conn, priority_id)
    links = [*_ancestors(conn, priority), priority]
    names = {p.round_id: rounds.get(conn, p.round_id).name for p in links}
    cycles: list[ChainCycle] = []
    for link in links:
        for cycle in action_plans.cycles_for_priority(conn, link.id):
            cycles.append(
                ChainCycle(
                    len(cycles) + 1,
                    cycle,
                    link.round_id,
                    names[link.round_id],
                    own=link.id == priority.id,
                )
            )
    return PriorityChain(
        priority,
        links[0].round_id,
        names[links[0].round_id],
        len(links) - 1,
        cycles,
        _carried_on_to(conn, priority),
    )


def chains_for_round(conn: sqlite3.Connection, round_id: int) -> list[PriorityChain]:
    """The chain of every priority of a round, in the plan's order."""
    return [chain(conn, p.id) for p in action_plans.priorities_for_round(conn, round_id)]
