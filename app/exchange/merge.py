"""A revision never loses data: what a file withholds keeps what the database has.

An agency exports its round roles only (and without comments), edits it on another laptop, and
imports the file back. Written as it is, the revision would replace every real name with
"Clinical staff 1" and drop every comment. `keep_withheld` merges instead:

- names: a team member already here (same uuid) keeps the name stored here;
- comments: an answer without a comment keeps the stored comment when the file left comments out,
  or when the answer was not changed after the stored one (a comment the lead did not tick);
- free text redacted for roles only (app/services/redaction.py): a field whose text is exactly
  the redacted form of the stored text keeps the stored text.

`field_changes` then lists, field by field, what importing the merged revision changes, for the
preview.
"""

from __future__ import annotations

import copy
from collections.abc import Callable, Mapping
from typing import Any

from app.core.models import IMPLEMENTATION_FIELDS, PLAN_FIELDS

PRIORITY_TEXT = (
    "goal",
    "owner",
    "measure_how",
    "measure_who",
    "measure_frequency",
    *IMPLEMENTATION_FIELDS,
)
CYCLE_TEXT = ("do_notes", "study_notes", "act_notes")
PRIORITY_FIELDS = (
    *PRIORITY_TEXT,
    "scope_kind",
    "scope_id",
    "start_date",
    "due_date",
    "status",
)
MAX_CHANGES = 40


def keep_withheld(
    stored: Mapping[str, Any],
    incoming: Mapping[str, Any],
    redact: Callable[[str], str],
    *,
    names: bool,
    comments: bool,
) -> dict[str, Any]:
    """`incoming` with what it withholds taken from `stored` (both in the round.json shape;
    `stored` with names and comments)."""
    merged: dict[str, Any] = copy.deepcopy(dict(incoming))

    def kept(new: str, old: str) -> str:
        """The stored text when the new one is only its roles-only form."""
        if names or new == old:
            return new
        return old if redact(old) == new else new

    stored_people = {p["uuid"]: p for p in stored["respondents"]}
    for person in merged["respondents"]:
        before = stored_people.get(person["uuid"])
        if before is None:
            continue
        if not names and "name" in before:
            person["name"] = before["name"]
        for item_id, answer in person["answers"].items():
            old = before["answers"].get(item_id)
            if old is None or not old.get("comment"):
                continue
            if "comment" in answer:
                answer["comment"] = kept(answer["comment"], old["comment"])
            elif not comments or answer["updated_at"] <= old["updated_at"]:
                answer["comment"] = old["comment"]
    for item_id, agreed in merged["consensus"].items():
        old_agreed = stored["consensus"].get(item_id)
        if old_agreed is not None:
            agreed["rationale"] = kept(agreed["rationale"], old_agreed["rationale"])
    stored_priorities = {p["uuid"]: p for p in stored["action_plan"]["priorities"]}
    for priority in merged["action_plan"]["priorities"]:
        old_priority = stored_priorities.get(priority["uuid"])
        if old_priority is None:
            continue
        for key in PRIORITY_TEXT:
            if key not in priority:  # a file from before the implementation fields withholds them
                priority[key] = old_priority.get(key, "")
                continue
            priority[key] = kept(priority[key], old_priority.get(key, ""))
        old_cycles = {c["uuid"]: c for c in old_priority["cycles"]}
        for cycle in priority["cycles"]:
            old_cycle = old_cycles.get(cycle["uuid"])
            if old_cycle is None:
                continue
            for key in CYCLE_TEXT:
                cycle[key] = kept(cycle[key], old_cycle[key])
            for key, value in list(cycle["plan"].items()):
                cycle["plan"][key] = kept(str(value), str(old_cycle["plan"].get(key, "")))
    return merged


def _short(value: Any) -> str:
    text = "—" if value in (None, "") else str(value)
    return text if len(text) <= 60 else text[:59] + "…"


def field_changes(stored: Mapping[str, Any], merged: Mapping[str, Any]) -> list[str]:
    """What writing `merged` over `stored` changes, one line per field (at most MAX_CHANGES)."""
    out: list[str] = []

    def changed(what: str, old: Any, new: Any) -> None:
        if old != new:
            out.append(f"{what}: {_short(old)} → {_short(new)}")

    for key in ("name", "status", "period_start", "period_end"):
        changed(f"round {key}", stored["round"].get(key), merged["round"].get(key))
    old_people = {p["uuid"]: p for p in stored["respondents"]}
    new_people = {p["uuid"]: p for p in merged["respondents"]}
    for uuid, person in new_people.items():
        who = person.get("name") or person["role"]
        before = old_people.get(uuid)
        if before is None:
            out.append(f"adds team member {who}")
            continue
        changed(f"name of {before.get('name', who)}", before.get("name"), person.get("name"))
        changed(f"role of {who}", before["role"], person["role"])
        for item_id in sorted(set(before["answers"]) | set(person["answers"])):
            old = before["answers"].get(item_id, {})
            new = person["answers"].get(item_id, {})
            changed(f"answer {item_id} of {who}", old.get("choice"), new.get("choice"))
            changed(f"comment on {item_id} by {who}", old.get("comment"), new.get("comment"))
    for uuid, person in old_people.items():
        if uuid not in new_people:
            out.append(f"removes team member {person.get('name') or person['role']}")
    for item_id in sorted(set(stored["consensus"]) | set(merged["consensus"])):
        old = stored["consensus"].get(item_id, {})
        new = merged["consensus"].get(item_id, {})
        changed(f"agreed answer {item_id}", old.get("choice"), new.get("choice"))
        changed(f"rationale of {item_id}", old.get("rationale"), new.get("rationale"))
    old_plan = {p["uuid"]: p for p in stored["action_plan"]["priorities"]}
    new_plan = {p["uuid"]: p for p in merged["action_plan"]["priorities"]}
    for uuid, priority in new_plan.items():
        label = f"priority {priority['scope_id']}"
        before = old_plan.get(uuid)
        if before is None:
            out.append(f"adds {label}")
            continue
        for key in PRIORITY_FIELDS:
            changed(f"{label} {key}", before.get(key), priority.get(key))
        old_cycles = {c["uuid"]: c for c in before["cycles"]}
        for cycle in priority["cycles"]:
            old_cycle = old_cycles.get(cycle["uuid"])
            name = f"{label} cycle {cycle['position']}"
            if old_cycle is None:
                out.append(f"adds {name}")
                continue
            for key in (*CYCLE_TEXT, "act"):
                changed(f"{name} {key}", old_cycle.get(key), cycle.get(key))
            for key in PLAN_FIELDS:
                changed(f"{name} {key}", old_cycle["plan"].get(key), cycle["plan"].get(key))
    for uuid, priority in old_plan.items():
        if uuid not in new_plan:
            out.append(f"removes priority {priority['scope_id']}")
    if len(out) > MAX_CHANGES:
        out = [*out[:MAX_CHANGES], f"… and {len(out) - MAX_CHANGES} more change(s)"]
    return out
