"""Roles only means roles only: team members' names taken out of free text.

A roles-only export or report leaves the `name` field out, but people also type names into the
action plan ("Owner: Jordan Kim"), the consensus rationale or a comment. `Redactor` replaces each
team member's full name, then each part of it of three letters or more ("Jordan", "Kim"), with the
person's role label ("Clinical staff"), matched whole-word and case-insensitively. Longer names
go first, so "Jordan Kim" becomes one label, not two.

The same redaction, applied to what the database holds, tells the importer whether an incoming
field is only the redacted form of the stored one (app/db/imports.py keeps the stored text then),
so a roles-only revision sent back to the agency never loses a name.

`merge_small_roles` is the rule for roles-only team tables: a role held by one person would give
that person's score, so such roles are pooled into "other roles" (docs/exchange-format.md).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from app.core.models import ROLE_LABELS_EN, Respondent

# Name parts shorter than this ("Al", "Co", "de") are too likely to be ordinary words.
MIN_PART = 3
OTHER_ROLES = "other_roles"
# Words of the role labels are never name parts: a round imported roles only calls its people
# "Clinical staff 1", and "staff" in its texts is not a name.
ROLE_WORDS = frozenset(w.casefold() for label in ROLE_LABELS_EN.values() for w in label.split())


def role_text(role: str) -> str:
    """The English role label a name is replaced with (the file's language is English)."""
    return ROLE_LABELS_EN.get(role, role.replace("_", " ").capitalize())


class Redactor:
    """Replaces every team member's name in a text by the member's role label."""

    def __init__(self, people: Iterable[tuple[str, str]]) -> None:
        """`people`: (display name, role label) pairs, withdrawn members included."""
        table: dict[str, str] = {}
        parts: dict[str, str] = {}
        for name, label in people:
            full = " ".join(name.split())
            if full:
                table.setdefault(full.casefold(), label)
            for part in full.split(" "):
                if (
                    sum(ch.isalnum() for ch in part) >= MIN_PART
                    and part.casefold() not in ROLE_WORDS
                ):
                    parts.setdefault(part.casefold(), label)
        for key, label in parts.items():
            table.setdefault(key, label)
        self._labels = table
        if table:
            alternatives = sorted(table, key=len, reverse=True)
            body = "|".join(re.escape(a).replace(r"\ ", r"\s+") for a in alternatives)
            self._pattern: re.Pattern[str] | None = re.compile(
                rf"(?<!\w)(?:{body})(?!\w)", re.IGNORECASE
            )
        else:
            self._pattern = None

    @classmethod
    def for_respondents(cls, people: Sequence[Respondent]) -> Redactor:
        return cls((p.display_name, role_text(p.role)) for p in people)

    def __call__(self, text: str) -> str:
        if self._pattern is None or not text:
            return text
        return self._pattern.sub(self._label_for, text)

    def _label_for(self, match: re.Match[str]) -> str:
        key = " ".join(match.group(0).split()).casefold()
        return self._labels.get(key, match.group(0))

    def names_in(self, text: str) -> list[str]:
        """The names (or name parts) found in `text`, as written there."""
        if self._pattern is None or not text:
            return []
        return [m.group(0) for m in self._pattern.finditer(text)]

    def deep(self, value: Any) -> Any:
        """`value` with every string inside it (dict values, list items) redacted."""
        if isinstance(value, str):
            return self(value)
        if isinstance(value, Mapping):
            return {k: self.deep(v) for k, v in value.items()}
        if isinstance(value, list):
            return [self.deep(v) for v in value]
        return value


def merge_small_roles(groups: Mapping[str, list[int]]) -> dict[str, list[int]]:
    """Roles held by one person pooled into `OTHER_ROLES`.

    If the pool then holds one person only, the smallest remaining role joins it too, so no row
    of a roles-only table stands for a single person unless the whole team is one person.
    """
    merged: dict[str, list[int]] = {}
    pool: list[int] = []
    for role, ids in groups.items():
        if len(ids) == 1:
            pool.extend(ids)
        else:
            merged[role] = list(ids)
    if len(pool) == 1 and merged:
        smallest = min(merged, key=lambda r: (len(merged[r]), r))
        pool.extend(merged.pop(smallest))
    if pool:
        merged[OTHER_ROLES] = sorted(pool)
    return merged
