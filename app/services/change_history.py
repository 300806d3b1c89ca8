"""The history of changes a supervisor can read: who changed what in a round, when, old → new.

The change log (app/db/changelog.py) is append-only and written inside the transaction of every
change; this module only reads it and turns each entry into rows a person understands: *when*,
*who*, *what kind* (answer, comment, consensus, plan, team, round, import, results), *which item
or field*, *old → new*. The GUI dialog, the CSV export and `smsoat history` all use `changes()`,
so they cannot disagree.

Old values: entries written since the log learnt to keep them carry a `was`; for older ones the
old value is the new value of the previous entry about the same thing (the log holds every change
since the round was created, so replaying it gives the same answer). Comments are logged by their
length only, never their text: the log is not redacted, so it never holds what a person wrote.

Answers of individual people are masked (`HIDDEN`) when `reveal_answers` is false: with the
round's privacy on and the results not yet opened (app/services/privacy.py), the history must not
become the back door to other people's answers.
"""

from __future__ import annotations

import csv
import io
import json
import sqlite3
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from typing import Any, Final

from app.core.cells import CSV_DANGEROUS_PREFIXES, neutralise_cell
from app.db import changelog, rounds

HIDDEN: Final = "•••"
KINDS: Final = (
    "answer",
    "comment",
    "consensus",
    "plan",
    "team",
    "round",
    "import",
    "results",
)
CSV_HEADER: Final = ("at", "actor", "kind", "action", "item", "field", "old", "new", "person")


@dataclass(frozen=True)
class Change:
    """One row of a round's history: when, who, what kind, about what, old → new."""

    at: str  # ISO 8601 UTC, as logged
    actor: str  # who made the change
    kind: str  # one of KINDS
    action: str  # the log's verb: answer, clear, create, update, delete, import, open …
    item: str  # the item, domain or priority scope it is about ("" for the round itself)
    field: str  # a plan or cycle field, or the answer's part ("choice", "comment")
    old: str
    new: str
    person: str = ""  # whose answer (answers and comments only)


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, dict | list):
        return json.dumps(value, ensure_ascii=False, sort_keys=True)
    return str(value)


class _Replay:
    """The last known value of each thing, so an entry without `was` still shows old → new."""

    def __init__(self) -> None:
        self.last: dict[tuple[str, ...], str] = {}

    def step(self, key: tuple[str, ...], detail: dict[str, Any], new: str, was_key: str) -> str:
        old = _text(detail[was_key]) if was_key in detail else self.last.get(key, "")
        self.last[key] = new
        return old


def _names(conn: sqlite3.Connection, round_id: int) -> dict[str, str]:
    rows = conn.execute(
        "SELECT uuid, display_name FROM respondents WHERE round_id = ?", (round_id,)
    )
    return {r["uuid"]: r["display_name"] for r in rows}


def _scopes(conn: sqlite3.Connection, round_id: int) -> dict[str, str]:
    """Priority and cycle uuids → the item or domain they are about (for the *item* column)."""
    scopes: dict[str, str] = {}
    for row in conn.execute(
        "SELECT p.uuid, p.scope_id, c.uuid AS cycle_uuid, c.position FROM priorities p"
        " LEFT JOIN pdsa_cycles c ON c.priority_id = p.id WHERE p.round_id = ?",
        (round_id,),
    ):
        scopes[row["uuid"]] = row["scope_id"]
        if row["cycle_uuid"]:
            scopes[row["cycle_uuid"]] = row["scope_id"]
    return scopes


def _rows(
    entry: sqlite3.Row,
    names: dict[str, str],
    scopes: dict[str, str],
    replay: _Replay,
    reveal_answers: bool,
) -> Iterable[Change]:
    detail: dict[str, Any] = json.loads(entry["detail"] or "{}")
    action, entity, uuid = entry["action"], entry["entity"], entry["entity_uuid"] or ""
    base = {"at": entry["at"], "actor": entry["actor"], "action": action}
    if entity == "response":
        item = str(detail.get("item", ""))
        person = names.get(uuid, uuid[:8])
        new = "" if action == "clear" else _text(detail.get("choice"))
        old = replay.step(("answer", uuid, item), detail, new, "was")
        comment_only = "comment_chars" in detail and old == new
        if action == "clear" or (action == "answer" and not comment_only):
            if not reveal_answers:
                old, new = (HIDDEN if old else ""), (HIDDEN if new else "")
            yield Change(
                **base, kind="answer", item=item, field="choice", old=old, new=new, person=person
            )
        if "comment_chars" in detail:
            chars = int(detail["comment_chars"])
            new_c = f"{chars} characters" if chars else ""
            old_c = replay.step(("comment", uuid, item), {}, new_c, "was")
            yield Change(
                **base,
                kind="comment",
                item=item,
                field="comment",
                old=old_c,
                new=new_c,
                person=person,
            )
        return
    if entity == "consensus":
        item = str(detail.get("item", ""))
        new = _text(detail.get("choice"))
        old = replay.step(("consensus", item), detail, new, "was")
        yield Change(**base, kind="consensus", item=item, field="choice", old=old, new=new)
        return
    if entity in ("priority", "pdsa_cycle"):
        item = scopes.get(uuid) or str(detail.get("scope", "")).partition(":")[2]
        prefix = "cycle." if entity == "pdsa_cycle" else ""
        if action == "update":
            values: dict[str, Any] = detail.get("values", {})
            was: dict[str, Any] = detail.get("was", {})
            for name in detail.get("fields", []):
                new = _text(values.get(name))
                key = (entity, uuid, name)
                old = replay.step(key, was, new, name)
                yield Change(**base, kind="plan", item=item, field=prefix + name, old=old, new=new)
            return
        what = "PDSA cycle" if entity == "pdsa_cycle" else "priority"
        position = detail.get("position")
        new = f"{what} {position}" if position else what
        old, new = (new, "") if action == "delete" else ("", new)
        yield Change(**base, kind="plan", item=item, field=prefix.rstrip("."), old=old, new=new)
        return
    if action in ("open_results", "reset_pin", "set_pin", "privacy"):
        yield Change(
            **base,
            kind="results",
            item="",
            field=action,
            old="",
            new=_text(detail.get("note", "")),
            person=names.get(uuid, ""),
        )
        return
    if entity == "respondent":
        name = str(detail.get("name", names.get(uuid, uuid[:8])))
        # added: "" → name; removed: name → ""; withdrawn, reinstated, renamed: what it became
        old, new = {
            "create": ("", name),
            "delete": (name, ""),
            "withdraw": ("counted", "withdrawn"),
            "reinstate": ("withdrawn", "counted"),
        }.get(action, ("", ", ".join(f"{k}={_text(v)}" for k, v in sorted(detail.items()))))
        yield Change(
            **base,
            kind="team",
            item="",
            field="member",
            old=old,
            new=new,
            person=names.get(uuid, name),
        )
        return
    if action == "import":
        yield Change(
            **base, kind="import", item="", field="file", old="", new=str(detail.get("file", ""))
        )
        return
    changed = ", ".join(f"{k}={_text(v)}" for k, v in sorted(detail.items()))
    yield Change(**base, kind="round", item="", field=entity, old="", new=changed)


def changes(
    conn: sqlite3.Connection,
    round_id: int,
    *,
    person: str | None = None,
    item: str | None = None,
    kind: str | None = None,
    reveal_answers: bool = True,
) -> list[Change]:
    """Every change of one round, oldest first; the filters keep rows whose actor (or whose
    answer it is) is `person`, whose item is `item`, whose kind is `kind`."""
    rnd = rounds.get(conn, round_id)
    names = _names(conn, round_id)
    scopes = _scopes(conn, round_id)
    replay = _Replay()
    result: list[Change] = []
    for entry in changelog.entries(conn, rnd.uuid):
        for change in _rows(entry, names, scopes, replay, reveal_answers):
            if person and person not in (change.actor, change.person):
                continue
            if item and change.item != item:
                continue
            if kind and change.kind != kind:
                continue
            result.append(change)
    return result


def round_name(conn: sqlite3.Connection, round_id: int) -> str:
    """For the dialog's title (the interface reads storage only through services)."""
    return rounds.get(conn, round_id).name


def people(all_changes: Iterable[Change]) -> list[str]:
    """Everyone who made a change, for the person filter."""
    return sorted({c.actor for c in all_changes})


def to_csv(rows: Iterable[Change]) -> bytes:
    """UTF-8 with a BOM (spreadsheets read it), every text cell formula-neutralised."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(CSV_HEADER)
    for change in rows:
        values = asdict(change)
        writer.writerow([neutralise_cell(str(values[name])) for name in CSV_HEADER])
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def _unneutralised(cell: str) -> str:
    return (
        cell[1:] if cell.startswith("'") and cell[1:].startswith(CSV_DANGEROUS_PREFIXES) else cell
    )


def from_csv(data: bytes) -> list[Change]:
    """Read an exported CSV back (the round-trip test; a support person's script)."""
    text = data.decode("utf-8-sig")
    reader = csv.DictReader(io.StringIO(text))
    result = []
    for row in reader:
        values = {k: _unneutralised(v) for k, v in row.items()}
        result.append(Change(**values))
    return result
