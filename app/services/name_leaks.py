"""Text that may still name a team member after roles-only redaction: listed before export.

`Redactor` (app/services/redaction.py) replaces each member's full name and every name part of
three letters or more. People also write nicknames and short forms ("Jordy", "Mari", "Bart") or
name someone who is not on the team list ("ask Dave"). Before a roles-only file leaves, the
export dialog lists every free-text field of the file that still holds a word that looks like a
name, so the lead can go back and edit it or send anyway. A guess, cheap to check: false alarms
cost a glance, a miss is why the lead reads the list. Two rules (docs/exchange-format.md):

1. **Name prefix.** A word starting with the first three letters of a member's name part (of
   three letters or more, accents ignored): "Jordy" for Jordan, "Mari" for María.
2. **Unknown capitalised word.** A word written with a capital and then lower-case letters
   ("Dave", not "PDSA") that does not start a sentence.

A word never counts when it is one of the instrument's own words (any language, any text in
the instrument), a word of the agency's name, site, region or the round's name, a word of a role
label, or a month or weekday name.
"""

from __future__ import annotations

import re
import sqlite3
import unicodedata
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from app.core.models import ROLE_LABELS_EN
from app.db import instrument_snapshots, organizations, rounds
from app.services.redaction import MIN_PART

PREFIX = 3  # letters of a name part a nickname is taken to start with
NAME_PREFIX = "name_prefix"
CAPITALISED = "capitalised"

_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")
_SENTENCE_END = tuple(".!?:;\n•*")
_CALENDAR_WORDS = (
    "january february march april may june july august september october november december"
    " monday tuesday wednesday thursday friday saturday sunday"
    " enero febrero marzo abril mayo junio julio agosto septiembre setiembre octubre"
    " noviembre diciembre lunes martes miércoles jueves viernes sábado domingo"
)
_CALENDAR = frozenset(_CALENDAR_WORDS.split())


def fold(word: str) -> str:
    """Case and accents left out: "María" and "maria" are the same word here."""
    decomposed = unicodedata.normalize("NFKD", word.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def _words_of(value: Any) -> Iterator[str]:
    """Every word of every string inside `value` (dict values and keys, list items)."""
    if isinstance(value, str):
        yield from _WORD.findall(value)
    elif isinstance(value, Mapping):
        for key, inner in value.items():
            yield from _words_of(key)
            yield from _words_of(inner)
    elif isinstance(value, list):
        for inner in value:
            yield from _words_of(inner)


def known_words(*sources: Any) -> frozenset[str]:
    """The folded words of the given texts or structures, plus role labels and calendar words."""
    words = {fold(w) for source in sources for w in _words_of(source)}
    words |= {fold(w) for label in ROLE_LABELS_EN.values() for w in _WORD.findall(label)}
    words |= {fold(w) for w in _CALENDAR}
    return frozenset(words)


def round_vocabulary(conn: sqlite3.Connection, round_id: int) -> frozenset[str]:
    """The words that never count as a name in a round's text: its instrument's every word,
    the agency's name, site and region, the round's name."""
    rnd = rounds.get(conn, round_id)
    org = organizations.get(conn, rnd.organization_id)
    instrument = instrument_snapshots.load(conn, rnd.instrument_hash)
    return known_words(instrument.source, org.name, org.site, org.region, rnd.name)


def team_names(conn: sqlite3.Connection, round_id: int) -> list[str]:
    """Every member's name, withdrawn members included (their names may be in the text)."""
    return [p.display_name for p in rounds.respondents(conn, round_id, include_withdrawn=True)]


@dataclass(frozen=True)
class Leak:
    """One free-text field of the file that may still name someone.

    `field`: the document's field name ("comment", "rationale", "owner", "goal", "plan.what" …);
    `where`: the item id (comments, rationales) or the priority's number, and cycle's ("2.1");
    `words`: the words found, as written; `reasons`: NAME_PREFIX and/or CAPITALISED."""

    field: str
    where: str
    text: str
    words: tuple[str, ...]
    reasons: tuple[str, ...]


class NameFinder:
    """Finds name-like words in a text, by the two rules in the module's doc."""

    def __init__(self, names: Iterable[str], vocabulary: Iterable[str]) -> None:
        self.known = frozenset(fold(w) for w in vocabulary)
        prefixes = set()
        for name in names:
            for part in _WORD.findall(name):
                folded = fold(part)
                if len(folded) >= max(MIN_PART, PREFIX) and folded not in self.known:
                    prefixes.add(folded[:PREFIX])
        self.prefixes = frozenset(prefixes)

    def find(self, text: str) -> list[tuple[str, str]]:
        """(word as written, reason) for each suspicious word of `text`, in order."""
        found: list[tuple[str, str]] = []
        for match in _WORD.finditer(text):
            word = match.group(0)
            folded = fold(word)
            if folded in self.known:
                continue
            if len(folded) >= PREFIX and folded[:PREFIX] in self.prefixes:
                found.append((word, NAME_PREFIX))
            elif _capitalised(word) and not _starts_sentence(text, match.start()):
                found.append((word, CAPITALISED))
        return found


def _capitalised(word: str) -> bool:
    letters = [ch for ch in word if ch.isalpha()]
    return (
        len(letters) >= MIN_PART
        and letters[0].isupper()
        and all(ch.islower() for ch in letters[1:])
    )


def _starts_sentence(text: str, at: int) -> bool:
    before = text[:at].rstrip(" \t\"'“‘(¿¡-–—")
    return not before or before.endswith(_SENTENCE_END)


def _fields(document: Mapping[str, Any]) -> Iterator[tuple[str, str, str]]:
    """(field, where, text) of every free-text field a round document carries."""
    for person in document.get("respondents", []):
        for item_id, answer in sorted(person.get("answers", {}).items()):
            if answer.get("comment"):
                yield "comment", item_id, answer["comment"]
    for item_id, agreed in sorted(document.get("consensus", {}).items()):
        yield "rationale", item_id, agreed.get("rationale") or ""
    priorities = document.get("action_plan", {}).get("priorities", [])
    for n, priority in enumerate(priorities, start=1):
        for field in ("goal", "owner", "measure_how", "measure_who", "measure_frequency"):
            yield field, str(n), priority.get(field) or ""
        for m, cycle in enumerate(priority.get("cycles", []), start=1):
            where = f"{n}.{m}"
            for key, value in sorted(cycle.get("plan", {}).items()):
                if isinstance(value, str):
                    yield f"plan.{key}", where, value
            for field in ("do_notes", "study_notes", "act_notes"):
                yield field, where, cycle.get(field) or ""


def find_leaks(
    document: Mapping[str, Any], names: Iterable[str], vocabulary: Iterable[str]
) -> list[Leak]:
    """Every free-text field of a (roles-only) round document holding a name-like word."""
    finder = NameFinder(names, vocabulary)
    leaks = []
    for field, where, text in _fields(document):
        if not text:
            continue
        found = finder.find(text)
        if found:
            words = tuple(dict.fromkeys(w for w, _ in found))
            reasons = tuple(dict.fromkeys(r for _, r in found))
            leaks.append(Leak(field, where, text, words, reasons))
    return leaks
