"""`smsoat check`: SQLite's own integrity check plus the app's consistency rules.

The rules catch what SQLite cannot: answers to items their round's instrument does not have,
choices not on the item's scale, instrument snapshots whose content no longer matches their hash,
priorities about unknown items or domains.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field

from app.core.errors import SmsOatError
from app.core.instrument import Instrument
from app.db import instrument_snapshots


@dataclass
class CheckReport:
    """What `smsoat check` found: problems, and how much was checked."""

    problems: list[str] = field(default_factory=list)
    checked_answers: int = 0
    checked_rounds: int = 0

    @property
    def ok(self) -> bool:
        return not self.problems


def check_database(conn: sqlite3.Connection) -> CheckReport:
    """SQLite's integrity check plus the app's own rules (answers, rounds, snapshots)."""
    report = CheckReport()
    try:
        rows = [r[0] for r in conn.execute("PRAGMA integrity_check")]
    except sqlite3.DatabaseError as exc:
        report.problems.append(f"SQLite integrity check failed: {exc}")
        return report
    if rows != ["ok"]:
        report.problems.extend(f"SQLite: {r}" for r in rows[:20])
        return report
    for row in conn.execute("PRAGMA foreign_key_check"):
        report.problems.append(f"row {row[1]} of table {row[0]} points to a missing {row[2]}")
    instrument_snapshots._cache.clear()  # re-verify every hash from the stored content
    for rnd in conn.execute("SELECT id, name, instrument_hash FROM rounds ORDER BY id"):
        report.checked_rounds += 1
        where = f"round {rnd['id']} ({rnd['name']})"
        try:
            instrument = instrument_snapshots.load(conn, rnd["instrument_hash"])
        except SmsOatError as exc:
            report.problems.append(f"{where}: {exc}")
            continue
        answers = conn.execute(
            "SELECT a.item_id, a.choice, p.display_name FROM responses a"
            " JOIN respondents p ON p.id = a.respondent_id WHERE p.round_id = ?",
            (rnd["id"],),
        )
        for answer in answers:
            report.checked_answers += 1
            _check_choice(
                report,
                instrument,
                where,
                answer["display_name"],
                answer["item_id"],
                answer["choice"],
            )
        for agreed in conn.execute(
            "SELECT item_id, choice FROM consensus WHERE round_id = ?", (rnd["id"],)
        ):
            _check_choice(
                report, instrument, where, "consensus", agreed["item_id"], agreed["choice"]
            )
        for p in conn.execute(
            "SELECT scope_kind, scope_id FROM priorities WHERE round_id = ?", (rnd["id"],)
        ):
            found = (
                instrument.item(p["scope_id"])
                if p["scope_kind"] == "item"
                else instrument.domain(p["scope_id"])
            )
            if found is None:
                report.problems.append(
                    f"{where}: a priority is about unknown {p['scope_kind']} {p['scope_id']}"
                )
    return report


def _check_choice(
    report: CheckReport,
    instrument: Instrument,
    where: str,
    who: str,
    item_id: str,
    choice: str | None,
) -> None:
    item = instrument.item(item_id)
    if item is None:
        report.problems.append(
            f"{where}: {who} answered {item_id}, which "
            f"{instrument.id} {instrument.version} does not have"
        )
    elif choice is not None and item.scale.choice(choice) is None:
        report.problems.append(
            f"{where}: {who}'s answer to {item_id} ('{choice}') is not on its scale"
        )
